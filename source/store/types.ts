import type {DocumentStats, EntityType} from '../analysis/types.js';

/**
 * What `stat` says of a file: when all three are unchanged, so is its content, and the content hash
 * recorded for its path can be reused without reading the file again.
 */
export interface FileStamp {
	size: number;
	mtimeMs: number;
	ino: number;
}

/** A file as the store last saw it: where it is, its stamp, and the content hash of its text. */
export interface FileRecord extends FileStamp {
	path: string;
	hash: string;
}

/** A document's figures and headline, read without decoding its analysis. */
export interface StoredStats extends DocumentStats {
	hash: string;
	title: string;
}

/** An entity as one document names it, read without decoding the analysis: enough for mergeEntities' counts. */
export interface StoredEntity {
	hash: string;
	name: string;
	type: EntityType;
	aliases: string[];
	mentions: number;
}

/** A sentence as the search reads it from the store. */
export interface StoredSentence {
	/** The content hash of the document it belongs to. */
	hash: string;
	/** Its position in the document, from 0 (Sentence.index). */
	sentence: number;
	text: string;
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
	/**
	 * Keep each document's sentences with their trigram index, for searchCandidates. About 60% of what a write
	 * costs; off until the commands search the store (they build their index in memory from the analyses).
	 */
	searchIndex?: boolean;
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
