import type {DocumentStats, EntityType, Fact} from '../analysis/types.js';
import type {DocumentMeta} from '../corpus/types.js';

/**
 * What `stat` says of a file: when all three are unchanged, so is its content, and the content hash
 * recorded for its path can be reused without reading the file again.
 */
export interface FileStamp {
	size: number;
	/** Microseconds since the epoch, whole: SQLite prints a REAL mtime in milliseconds to 15 digits only. */
	mtimeUs: number;
	ino: number;
}

/**
 * A document of a file as the store last saw it: where it is (the file's path, or "<path>/#<n>" for the
 * n-th document of a feed or an export), the file's stamp, and the content hash of the document.
 */
export interface FileRecord extends FileStamp {
	path: string;
	hash: string;
	/** What the document's name adds to the file's: "" for a file of one document, "#3" for a feed's third item. */
	suffix?: string;
	/** For a file's first document, when the file was read whole without a problem: how many documents it held. */
	documents?: number;
}

/** An input file read whole and without a problem: its stamp, and how many documents it held. */
export interface InputRecord extends FileStamp {
	path: string;
	documents: number;
}

/** A document as the store keeps it, without its analysis: what `briefing stats` prints of it. */
export interface StoredDocument extends DocumentMeta {
	/** The store's row id (documents.id). */
	id: number;
	hash: string;
	stats: DocumentStats;
}

/** A figure as the facts table keeps it: a Fact without its character offsets. */
export type StoredFact = Omit<Fact, 'start' | 'end'>;

/** An entity as one document names it, read without decoding the analysis: enough for mergeEntities' counts. */
export interface StoredEntity {
	hash: string;
	name: string;
	type: EntityType;
	aliases: string[];
	mentions: number;
}

export interface StoreOptions {
	/** Where the database lives; by default $XDG_CACHE_HOME/briefing (~/.cache/briefing). */
	directory?: string;
	/** What the analysis code is (cache.ts's analysisIdentity()): analyses of other code are never served. */
	identity?: string;
	/**
	 * Told why the store was emptied and rebuilt (an older format, a corrupt file), or why it stopped being
	 * used for the rest of the run (a full disk, a lock held too long). Results stay right either way.
	 */
	onMessage?: (message: string) => void;
	/** How long a write waits for another process's transaction before giving up on that batch. */
	busyTimeoutMs?: number;
	/** Analyses held before they are written in one transaction (also written after `flushMs`). */
	batchSize?: number;
	/** The longest an analysis waits in memory before its batch is written, so a kill loses little work. */
	flushMs?: number;
	/** The SQLite binding: libsql by default; anything with better-sqlite3's API (the benchmark compares). */
	driver?: DatabaseConstructor;
}

/** The part of better-sqlite3's API (which libsql copies) that the store uses. */
export interface Statement {
	run(...params: unknown[]): {changes: number; lastInsertRowid: number | bigint};
	get(...params: unknown[]): unknown;
	all(...params: unknown[]): unknown[];
	iterate(...params: unknown[]): IterableIterator<unknown>;
	raw(toggle?: boolean): this;
}

export interface Database {
	prepare(source: string): Statement;
	exec(source: string): unknown;
	close(): unknown;
}

export type DatabaseConstructor = new (filename: string, options?: {timeout?: number}) => Database;
