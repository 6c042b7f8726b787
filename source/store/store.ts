import {createHash, randomUUID} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {basename, dirname, join} from 'node:path';
import {analysisIdentity, decodeAnalysis, defaultCacheDirectory} from '../analysis/cache.js';
import {EntityCount, entityKeys, type EntityCountState} from '../analysis/merge.js';
import type {DocumentAnalysis, DocumentEntity, EntityType, Fact} from '../analysis/types.js';
import {encodeListing, Listing, tablesPicture, type Picture} from './listing.js';
import {APPLICATION_ID, DATABASE_NAME, SCHEMA, SCHEMA_VERSION} from './schema.js';
import type {Database, DatabaseConstructor, FileRecord, FileStamp, InputRecord, Statement, StoredDocument, StoredEntity, StoredFact, StoreOptions} from './types.js';

const DEFAULT_BUSY_TIMEOUT_MS = 10_000;
const DEFAULT_BATCH_SIZE = 256;
const DEFAULT_FLUSH_MS = 250;
/** Past this many entity keys, the state of the last distinct-entity count is not kept (some tens of MB). */
const MAX_KEPT_ENTITY_KEYS = 1_000_000;
/** Counts of distinct entities kept, the latest: a set of documents seen again (a file that came and went) is not counted again. */
const KEPT_TOTALS = 64;
/** Briefings kept: a few folders (or states of one) come back without grouping again. */
const KEPT_BRIEFINGS = 4;
/** The folder beside the database that holds the listings' files. */
const LISTINGS = 'listings';
/** Listings kept: a few sets of folders come back without reading their rows. */
const KEPT_LISTINGS = 4;
/** Rows written by a run past which the next listing is read from the tables whole rather than patched. */
const MAX_PATCHED = 10_000;
/** Stories' comparisons kept, the latest: far more stories than an archive of 100,000 articles makes. */
const KEPT_COMPARISONS = 200_000;
/** The error codes that mean the file is not a database we can use: delete it and start again. */
const UNUSABLE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

export {fileStamp} from './stamp.js';

/** Where the store of `directory` (by default $XDG_CACHE_HOME/briefing) lives, without opening it: for --help. */
export function storePath(directory: string = defaultCacheDirectory()): string {
	return join(directory, DATABASE_NAME);
}

function errorCode(error: unknown): string {
	const code = (error as {code?: unknown})?.code;
	if (typeof code === 'string') {
		// libsql reports extended codes as "SQLITE_CORRUPT_VTAB" or the like; the family is what matters.
		const family = code.match(/^SQLITE_[A-Z]+/)?.[0];
		return family ?? code;
	}
	const message = String((error as Error)?.message ?? error);
	if (/not a database|file is encrypted/i.test(message)) return 'SQLITE_NOTADB';
	if (/malformed|corrupt/i.test(message)) return 'SQLITE_CORRUPT';
	if (/locked|busy/i.test(message)) return 'SQLITE_BUSY';
	return 'UNKNOWN';
}

/**
 * `work` in one transaction, committed if it returns and rolled back if it throws. IMMEDIATE takes the write
 * lock first (waiting for it up to the busy timeout) rather than upgrading a read lock later, which SQLite
 * refuses at once when another process wrote in between.
 */
function inTransaction<T>(db: Database, work: () => T): T {
	db.exec('BEGIN IMMEDIATE');
	try {
		const result = work();
		db.exec('COMMIT');
		return result;
	} catch (error) {
		try {
			db.exec('ROLLBACK');
		} catch {
			// Already rolled back by SQLite (a full disk does that), or nothing was begun.
		}
		throw error;
	}
}

function loadDriver(): DatabaseConstructor {
	return createRequire(import.meta.url)('libsql') as DatabaseConstructor;
}

interface PendingDocument {
	hash: string;
	analysis: DocumentAnalysis;
	encoded: string;
	file?: FileRecord;
}

/**
 * Every analysis briefing has made, in one SQLite database: $XDG_CACHE_HOME/briefing/briefing.db.
 *
 * Writes are queued and committed in batches (DEFAULT_BATCH_SIZE documents, or DEFAULT_FLUSH_MS after the
 * first of a batch), each batch one transaction: a run that is killed keeps every batch committed before
 * it, and the database is never half-written (SQLite's write-ahead log). `close()` and process exit commit
 * what is left, so Ctrl-C (which exits) loses nothing; a SIGKILL or a crash loses at most the last batch.
 *
 * Two processes can use one store: WAL lets them read while the other writes, and a writer waits up to
 * busyTimeoutMs for the other's transaction. A write that still cannot go through is dropped (the run's
 * results stay right, only not all are kept). Any other failure (a full disk, a read-only home) stops the
 * store being used for the rest of the run, with one message; a file that is not a usable database, or one
 * of another schema version, is emptied and built again at open, with a message.
 */
export class Store {
	/** The database file (for --help and --cache-dir). */
	readonly path: string;
	/** The folder it is in: what another thread opens it by. */
	readonly directory: string;
	readonly #identity: string;
	readonly #onMessage: (message: string) => void;
	readonly #batchSize: number;
	readonly #flushMs: number;
	#db: Database | undefined;
	#statements = new Map<string, Statement>();
	#pending: PendingDocument[] = [];
	#pendingFiles = new Map<string, FileRecord>();
	#pendingInputs = new Map<string, InputRecord>();
	#timer: NodeJS.Timeout | undefined;
	readonly #onExit = () => this.flush();
	/** PRAGMA data_version when the last picture was read: it moves when another connection commits. */
	#pictureVersion: number | undefined;
	/** The listing's file that the last picture was read from, if it was. */
	#pictureFile: string | undefined;
	/** The files and inputs rows (by path) and documents (by hash) this connection wrote or deleted since then. */
	#touchedPaths = new Set<string>();
	#touchedHashes = new Set<string>();
	/** Past MAX_PATCHED of them, they are not told apart: the next listing is read from the tables whole. */
	#touchedMany = false;

	private constructor(path: string, db: Database | undefined, options: StoreOptions, identity: string) {
		this.path = path;
		this.directory = dirname(path);
		this.#db = db;
		this.#identity = identity;
		this.#onMessage = options.onMessage ?? (() => {});
		this.#batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
		this.#flushMs = options.flushMs ?? DEFAULT_FLUSH_MS;
		if (db) process.on('exit', this.#onExit);
	}

	/**
	 * Open (creating it if need be) the store in `options.directory`. Never throws: a store that cannot be
	 * opened at all is told through onMessage and behaves as an empty one that keeps nothing.
	 */
	static open(options: StoreOptions = {}): Store {
		const directory = options.directory ?? defaultCacheDirectory();
		const path = storePath(directory);
		const identity = options.identity ?? analysisIdentity();
		const tell = options.onMessage ?? (() => {});
		let db: Database | undefined;
		try {
			mkdirSync(directory, {recursive: true});
			const driver = options.driver ?? loadDriver();
			try {
				db = connect(driver, path, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, tell);
			} catch (error) {
				if (!UNUSABLE.has(errorCode(error))) throw error;
				tell(`the analysis store ${path} was not a usable database (${(error as Error).message}): it has been emptied and will fill again`);
				for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, {force: true});
				db = connect(driver, path, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, tell);
			}
		} catch (error) {
			tell(`the analysis store ${path} cannot be used (${(error as Error).message}): analyses will not be kept`);
			db = undefined;
		}
		return new Store(path, db, options, identity);
	}

	/** The analysis code whose documents it serves (cache.ts's analysisIdentity()). */
	get identity(): string {
		return this.#identity;
	}

	/** False when the store could not be opened, or stopped being used after a failure. */
	get usable(): boolean {
		return this.#db !== undefined;
	}

	#statement(sql: string): Statement {
		let statement = this.#statements.get(sql);
		if (!statement) {
			statement = this.#db!.prepare(sql);
			this.#statements.set(sql, statement);
		}
		return statement;
	}

	/** Run a read; on failure, the answer is `fallback` (and the store is given up unless another process held it). */
	#read<T>(fallback: T, read: () => T): T {
		if (!this.#db) return fallback;
		try {
			return read();
		} catch (error) {
			this.#fail(error);
			return fallback;
		}
	}

	#fail(error: unknown): void {
		const code = errorCode(error);
		if (code === 'SQLITE_BUSY') {
			this.#onMessage(`the analysis store ${this.path} was held by another process for too long: some analyses of this run are not kept`);
			return;
		}
		const hint = UNUSABLE.has(code) ? ' (it will be rebuilt next time)' : '';
		this.#onMessage(`the analysis store ${this.path} failed (${(error as Error)?.message ?? error}): analyses of the rest of this run are not kept${hint}`);
		if (UNUSABLE.has(code)) {
			// Marked so that the next open rebuilds it, whatever state the pages are in.
			try {
				this.#db?.exec(`PRAGMA user_version = 0`);
			} catch {
				// The next open finds out for itself.
			}
		}
		this.#close();
	}

	/**
	 * The files the store knows, by absolute path: all of them, or those under `roots` (absolute paths of
	 * folders or files). A warm run stats each of its files and, where size, mtime and inode are the
	 * recorded ones and the file was read whole (`documents`), takes its documents from the store.
	 */
	knownFiles(roots?: string[]): Map<string, FileRecord> {
		return this.#read(new Map(), () => {
			const files = new Map<string, FileRecord>();
			const add = (row: unknown) => {
				const file = fileRecord(row as FileRow);
				files.set(file.path, file);
			};
			this.#under('files', FILE_COLUMNS, roots, add);
			return files;
		});
	}

	/** How many input files at or under `roots` were recorded as read whole: whether a warm run over them is large. */
	knownInputs(roots: string[]): number {
		return this.#read(0, () => {
			let count = 0;
			this.#under('inputs', 'count(*)', roots, ([rows]) => (count += rows as number));
			return count;
		});
	}

	/** Whether any input file was recorded as read whole: if not, a warm run has nothing to look for. */
	hasInputs(): boolean {
		return this.#read(false, () => (this.#statement('SELECT EXISTS (SELECT 1 FROM inputs)').raw().get() as [number])[0] === 1);
	}

	/** Each row of `table` (keyed by path) at or under one of `roots`, or every row, as an array of `columns`. */
	#under(table: 'files' | 'inputs', columns: string, roots: string[] | undefined, add: (row: unknown[]) => void): void {
		if (!roots) {
			for (const row of this.#statement(`SELECT ${columns} FROM ${table}`).raw().iterate()) add(row as unknown[]);
			return;
		}
		// The root itself, and everything after "root/" and before "root0" ("0" follows "/"): the primary key's order, read as a range.
		const select = this.#statement(`SELECT ${columns} FROM ${table} WHERE path = ? OR (path > ? AND path < ?)`).raw();
		for (const root of new Set(roots.map(r => r.replace(/\/+$/, '') || '/'))) {
			const folder = root === '/' ? '/' : `${root}/`;
			for (const row of select.iterate(root, folder, `${folder.slice(0, -1)}0`)) add(row as unknown[]);
		}
	}

	/** Remember what a file's content hash is; written with the next batch. */
	recordFile(file: FileRecord): void {
		if (!this.#db) return;
		this.#pendingFiles.set(file.path, {...file});
		this.#schedule();
	}

	/**
	 * Remember that a file was read whole, without a problem, into `documents` documents, each recorded with
	 * recordFile or put: written with the next batch, after them.
	 */
	recordInput(input: InputRecord): void {
		if (!this.#db) return;
		this.#pendingInputs.set(input.path, {...input});
		this.#schedule();
	}

	/** The encoded analysis (cache.ts's encodeAnalysis) of the text with this hash, by this analysis code. */
	analysis(hash: string): string | undefined {
		const queued = this.#pending.find(p => p.hash === hash);
		if (queued) return queued.encoded;
		return this.#read(undefined, () => {
			const row = this.#statement('SELECT a.json FROM analyses a JOIN documents d ON d.id = a.document WHERE d.hash = ? AND d.identity = ?').raw().get(hash, this.#identity) as [string] | undefined;
			return row?.[0];
		});
	}

	/**
	 * A stored document's whole analysis, its text and all, named `path`: what the dashboard reads when a
	 * pane shows a document it holds only the figures of. Undefined when it is not stored (any more).
	 */
	document(hash: string, path: string): DocumentAnalysis | undefined {
		const queued = this.#pending.find(p => p.hash === hash);
		if (queued) return decodeAnalysis(queued.encoded, path, queued.analysis.document.text);
		return this.#read(undefined, () => {
			const row = this.#statement('SELECT a.json, a.text FROM analyses a JOIN documents d ON d.id = a.document WHERE d.hash = ? AND d.identity = ?').raw().get(hash, this.#identity) as
				| [string, string]
				| undefined;
			return row ? decodeAnalysis(row[0], path, row[1]) : undefined;
		});
	}

	/**
	 * The entities (with their mentions) and the facts of these stored documents, by row id, read from their
	 * tables rather than decoded from the analyses: what the dashboard holds of every document.
	 */
	parts(ids: readonly number[]): Map<number, {entities: DocumentEntity[]; facts: Fact[]}> {
		const parts = new Map<number, {entities: DocumentEntity[]; facts: Fact[]}>();
		if (ids.length === 0) return parts;
		for (const id of ids) parts.set(id, {entities: [], facts: []});
		this.flush();
		this.#read(undefined, () => {
			const wanted = JSON.stringify(ids);
			// A JSON array per document: a row per mention crossing into JavaScript would cost more than SQLite's work.
			const entities = this.#statement(
				`SELECT e.document, json_group_array(json_array(e.name, e.type, json(e.aliases),
				   json((SELECT json_group_array(json_array(m.sentence, m.start_char, m.end_char, m.text)) FROM mentions m WHERE m.entity = e.id))))
				 FROM entities e WHERE e.document IN (SELECT value FROM json_each(?)) GROUP BY e.document`,
			).raw();
			for (const row of entities.iterate(wanted)) {
				const [id, list] = row as [number, string];
				parts.get(id)!.entities = (JSON.parse(list) as Array<[string, EntityType, string[], Array<[number, number, number, string]>]>).map(([name, type, aliases, mentions]) => ({
					name,
					type,
					aliases,
					mentions: mentions.map(([sentence, start, end, text]) => ({sentence, start, end, text})),
				}));
			}
			const facts = this.#statement(
				`SELECT document, json_group_array(json_array(sentence, kind, text, value, unit, subject, json(entities), start_char, end_char))
				 FROM facts WHERE document IN (SELECT value FROM json_each(?)) GROUP BY document`,
			).raw();
			for (const row of facts.iterate(wanted)) {
				const [id, list] = row as [number, string];
				parts.get(id)!.facts = (JSON.parse(list) as Array<[number, Fact['kind'], string, number | string, string, string, string[], number, number]>).map(
					([sentence, kind, text, value, unit, subject, entities, start, end]) => ({sentence, kind, text, value, unit, subject, entities, start, end}),
				);
			}
		});
		return parts;
	}

	/** The row ids of these stored documents, by content hash; those not stored are left out. */
	ids(hashes: readonly string[]): Map<string, number> {
		const ids = new Map<string, number>();
		if (hashes.length === 0) return ids;
		this.flush();
		this.#read(undefined, () => {
			const select = this.#statement('SELECT hash, id FROM documents WHERE identity = ? AND hash IN (SELECT value FROM json_each(?))').raw();
			for (const row of select.iterate(this.#identity, JSON.stringify(hashes))) ids.set((row as [string, number])[0], (row as [string, number])[1]);
		});
		return ids;
	}

	/** The story parts (stories/parts.ts, JSON) that briefing code `code` made of these stored documents, by content hash. */
	storyParts(hashes: readonly string[], code: string): Map<string, string> {
		return this.#storyRows('parts', hashes, code);
	}

	/** The StoryTexts (stories/summary.ts, JSON) that briefing code `code` made of these stored documents, by content hash. */
	storyTexts(hashes: readonly string[], code: string): Map<string, string> {
		return this.#storyRows('texts', hashes, code);
	}

	#storyRows(column: 'parts' | 'texts', hashes: readonly string[], code: string): Map<string, string> {
		const found = new Map<string, string>();
		if (hashes.length === 0) return found;
		this.flush();
		this.#read(undefined, () => {
			const select = this.#statement(
				`SELECT d.hash, p.${column} FROM story_parts p JOIN documents d ON d.id = p.document WHERE d.identity = ? AND p.code = ? AND d.hash IN (SELECT value FROM json_each(?))`,
			).raw();
			for (const row of select.iterate(this.#identity, code, JSON.stringify(hashes))) found.set((row as [string, string])[0], (row as [string, string])[1]);
		});
		return found;
	}

	/** Keep story parts and texts made by briefing code `code`, as [content hash, parts, texts] of stored documents (others are skipped). */
	keepStoryParts(code: string, rows: ReadonlyArray<readonly [string, string, string]>): void {
		if (!this.#db || rows.length === 0) return;
		this.flush();
		try {
			this.#statement(
				`INSERT INTO story_parts (document, code, parts, texts)
				 SELECT d.id, ?, j.value ->> 1, j.value ->> 2 FROM json_each(?) j JOIN documents d ON d.hash = j.value ->> 0 AND d.identity = ? WHERE true
				 ON CONFLICT (document) DO UPDATE SET code = excluded.code, parts = excluded.parts, texts = excluded.texts`,
			).run(code, JSON.stringify(rows), this.#identity);
		} catch (error) {
			this.#fail(error);
		}
	}

	/** Up to `count` documents' sentences (JSON arrays, as eachSentences gives them) with row ids above `after`, in id order: a scan in steps. */
	sentencesAfter(after: number, count: number): Array<[number, string]> {
		return this.#read([], () => this.#statement('SELECT document, sentences FROM texts WHERE document > ? ORDER BY document LIMIT ?').raw().all(after, count) as Array<[number, string]>);
	}

	/**
	 * Keep an analysis: `encoded` is encodeAnalysis(analysis, text) and `hash` contentHash(text); `file`, when
	 * the text came from one, is recorded in the same transaction. Committed with its batch.
	 */
	put(hash: string, analysis: DocumentAnalysis, encoded: string, file?: FileRecord): void {
		if (!this.#db) return;
		this.#pending.push({hash, analysis, encoded, file});
		if (this.#pending.length >= this.#batchSize) this.flush();
		else this.#schedule();
	}

	#schedule(): void {
		if (this.#timer || !this.#db) return;
		this.#timer = setTimeout(() => this.flush(), this.#flushMs);
		this.#timer.unref();
	}

	/** Commit everything queued, in one transaction. */
	flush(): void {
		if (this.#timer) {
			clearTimeout(this.#timer);
			this.#timer = undefined;
		}
		if (!this.#db || (this.#pending.length === 0 && this.#pendingFiles.size === 0 && this.#pendingInputs.size === 0)) return;
		const documents = this.#pending;
		const files = [...this.#pendingFiles.values()];
		const inputs = [...this.#pendingInputs.values()];
		this.#pending = [];
		this.#pendingFiles = new Map();
		this.#pendingInputs = new Map();
		for (const {file} of documents) if (file) files.push(file);
		try {
			this.#write(documents, files, inputs);
		} catch (error) {
			this.#fail(error);
		}
	}

	#write(documents: PendingDocument[], files: FileRecord[], inputs: InputRecord[]): void {
		const db = this.#db!;
		inTransaction(db, () => {
			const insertDocument = this.#statement(
				`INSERT INTO documents (hash, identity, title, source, author, published, url, words, sentences, paragraphs, reading_minutes, entities, facts, duplicate_paragraphs)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash, identity) DO NOTHING`,
			);
			const insertAnalysis = this.#statement('INSERT INTO analyses (document, json, text) VALUES (?, ?, ?)');
			// The rows of a batch go in as one JSON array per table: a call into the binding per row costs more
			// than SQLite's work on it (libsql's calls cost twice better-sqlite3's).
			const texts: unknown[] = [];
			const names: unknown[] = [];
			const entities: unknown[] = [];
			const mentions: unknown[] = [];
			const facts: unknown[] = [];
			let entityId = (this.#statement('SELECT coalesce(max(id), 0) FROM entities').raw().get() as [number])[0];
			for (const {hash, analysis, encoded} of documents) {
				const {document, stats} = analysis;
				const inserted = insertDocument.run(
					hash,
					this.#identity,
					document.title ?? '',
					document.source ?? '',
					document.author ?? '',
					document.published ?? '',
					document.url ?? '',
					stats.words,
					stats.sentences,
					stats.paragraphs,
					stats.readingMinutes,
					stats.entities,
					stats.facts,
					stats.duplicateParagraphs,
				);
				// Another process (or an earlier batch) stored the same text: its rows stand.
				if (inserted.changes === 0) continue;
				this.#touch(this.#touchedHashes, hash);
				const id = Number(inserted.lastInsertRowid);
				insertAnalysis.run(id, encoded, document.text);
				texts.push([id, JSON.stringify(document.sentences.map(sentence => sentence.text))]);
				names.push([id, JSON.stringify(analysis.entities.map(entityKeys))]);
				for (const entity of analysis.entities) {
					entities.push([++entityId, id, entity.name, entity.type, JSON.stringify(entity.aliases), entity.mentions.length]);
					for (const mention of entity.mentions) mentions.push([entityId, mention.sentence, mention.start, mention.end, mention.text]);
				}
				for (const fact of analysis.facts) {
					facts.push([id, fact.sentence, fact.kind, fact.text, fact.value, fact.unit, fact.subject, JSON.stringify(fact.entities), fact.start, fact.end]);
				}
			}
			const columns = (count: number) => Array.from({length: count}, (_, i) => `value ->> ${i}`).join(', ');
			this.#statement(`INSERT INTO texts (document, sentences) SELECT ${columns(2)} FROM json_each(?)`).run(JSON.stringify(texts));
			this.#statement(`INSERT INTO entity_names (document, entities) SELECT ${columns(2)} FROM json_each(?)`).run(JSON.stringify(names));
			this.#statement(`INSERT INTO entities (id, document, name, type, aliases, mentions) SELECT ${columns(6)} FROM json_each(?)`).run(JSON.stringify(entities));
			this.#statement(`INSERT INTO mentions (entity, sentence, start_char, end_char, text) SELECT ${columns(5)} FROM json_each(?)`).run(JSON.stringify(mentions));
			this.#statement(
				`INSERT INTO facts (document, sentence, kind, text, value, unit, subject, entities, start_char, end_char) SELECT ${columns(10)} FROM json_each(?)`,
			).run(JSON.stringify(facts));
			const upsertFile = this.#statement(
				`INSERT INTO files (path, size, mtime_us, ino, hash, suffix) VALUES (?, ?, ?, ?, ?, ?)
				 ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_us = excluded.mtime_us, ino = excluded.ino, hash = excluded.hash, suffix = excluded.suffix`,
			);
			for (const file of files) {
				upsertFile.run(file.path, file.size, file.mtimeUs, file.ino, file.hash, file.suffix ?? '');
				this.#touch(this.#touchedPaths, file.path);
			}
			const upsertInput = this.#statement(
				`INSERT INTO inputs (path, size, mtime_us, ino, documents) VALUES (?, ?, ?, ?, ?)
				 ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_us = excluded.mtime_us, ino = excluded.ino, documents = excluded.documents`,
			);
			for (const input of inputs) {
				upsertInput.run(input.path, input.size, input.mtimeUs, input.ino, input.documents);
				this.#touch(this.#touchedPaths, input.path);
			}
		});
	}

	/**
	 * Every document this analysis code has stored, by content hash, with its headline, metadata and figures:
	 * what a warm run needs of the documents it does not read again. One pass over a table of small rows.
	 */
	documents(): Map<string, StoredDocument> {
		this.flush();
		return this.#read(new Map(), () => {
			const rows = new Map<string, StoredDocument>();
			// A row at a time: as one JSON array, titles and all, it took three times as long.
			const select = this.#statement(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE identity = ?`).raw();
			for (const row of select.iterate(this.#identity)) {
				const document = storedDocument(row as DocumentRow);
				rows.set(document.hash, document);
			}
			return rows;
		});
	}

	#touch(set: Set<string>, key: string): void {
		if (this.#touchedMany) return;
		set.add(key);
		if (set.size > MAX_PATCHED) {
			this.#touchedMany = true;
			this.#touchedPaths.clear();
			this.#touchedHashes.clear();
		}
	}

	/**
	 * What a warm run over `roots` (absolute paths) reads before it looks at its files: the files rows under them
	 * and the documents they hold. From the listing kept for these roots when nothing has changed since it was
	 * written, else from the tables; either way as one snapshot of the store. keepPicture, at the end of the run,
	 * writes the listing for the next one.
	 */
	picture(roots: string[]): Picture {
		this.flush();
		const empty = tablesPicture(new Map(), new Map());
		return this.#read(empty, () => {
			const db = this.#db!;
			db.exec('BEGIN');
			try {
				this.#pictureVersion = dataVersion(db);
				this.#touchedPaths.clear();
				this.#touchedHashes.clear();
				this.#touchedMany = false;
				const row = this.#statement('SELECT file FROM listings WHERE roots = ? AND identity = ?').raw().get(rootsKey(roots), this.#identity) as [string] | undefined;
				this.#pictureFile = undefined;
				if (row) {
					try {
						const listing = new Listing(readFileSync(join(this.directory, LISTINGS, basename(row[0]))));
						this.#pictureFile = row[0];
						return listing;
					} catch {
						// Gone (another process swept it) or not a listing after all: the tables say the same, and
						// keepPicture writes it again.
					}
				}
				return tablesPicture(this.knownFiles(roots), this.documents());
			} finally {
				try {
					db.exec('COMMIT');
				} catch {
					// The read failed and the store was given up: nothing to end.
				}
			}
		});
	}

	/**
	 * Keep the listing of `roots` for the next warm run, after a whole run that read `picture` (and wrote what it
	 * found new): nothing to do when the listing is still there (nothing changed, or any change would have dropped
	 * it); else the picture with the rows this connection wrote read again, when no other connection wrote
	 * meanwhile, or the tables read whole when one did.
	 */
	keepPicture(roots: string[], picture: Picture): void {
		this.flush();
		if (!this.#db) return;
		const key = rootsKey(roots);
		try {
			inTransaction(this.#db, () => {
				// The listing the run read is still there: nothing changed (any change would have dropped it).
				const kept = this.#statement('SELECT file FROM listings WHERE roots = ? AND identity = ?').raw().get(key, this.#identity) as [string] | undefined;
				if (kept && kept[0] === this.#pictureFile) return;
				const alone = this.#pictureVersion === dataVersion(this.#db!) && !this.#touchedMany;
				const documents = alone ? new Map<string, StoredDocument>() : this.documents();
				const body = alone ? this.#patched(roots, picture) : encodeListing(this.knownFiles(roots).values(), file => documents.get(file.hash));
				// Written whole under its own name before the row names it; under the write lock, so no other
				// process is between writing its file and naming it while unnamed files are swept.
				const folder = join(this.directory, LISTINGS);
				mkdirSync(folder, {recursive: true});
				const name = `${randomUUID()}.listing`;
				writeFileSync(join(folder, `${name}.part`), body);
				renameSync(join(folder, `${name}.part`), join(folder, name));
				this.#statement('INSERT OR REPLACE INTO listings (roots, identity, file) VALUES (?, ?, ?)').run(key, this.#identity, name);
				this.#statement(`DELETE FROM listings WHERE rowid <= (SELECT max(rowid) FROM listings) - ${KEPT_LISTINGS}`).run();
				const named = new Set((this.#statement('SELECT file FROM listings').raw().all() as Array<[string]>).map(([file]) => file));
				for (const file of readdirSync(folder)) if (!named.has(file)) rmSync(join(folder, file), {force: true});
			});
		} catch (error) {
			this.#fail(error);
		}
	}

	/** The picture's listing with what this connection changed read from the tables again. */
	#patched(roots: string[], picture: Picture): Buffer {
		const files = new Map(picture.files);
		const under = roots.map(root => root.replace(/\/+$/, '') || '/');
		const isUnder = (path: string) => under.some(root => path === root || path.startsWith(root === '/' ? '/' : `${root}/`));
		const select = this.#statement(`SELECT ${FILE_COLUMNS} FROM files WHERE path = ?`).raw();
		for (const path of this.#touchedPaths) {
			if (!isUnder(path)) continue;
			const row = select.get(path) as FileRow | undefined;
			if (row) files.set(path, fileRecord(row));
			else files.delete(path);
		}
		const listing = picture instanceof Listing ? picture : undefined;
		const byHash = this.#statement(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE hash = ? AND identity = ?`).raw();
		// A file as the picture had it, holding a document this connection did not write: as the picture has it.
		const asPictured = (file: FileRecord) => picture.files.get(file.path) === file && !this.#touchedHashes.has(file.hash);
		return encodeListing(
			files.values(),
			file => {
				if (asPictured(file)) return picture.documentOf(file.path);
				const row = byHash.get(file.hash, this.#identity) as DocumentRow | undefined;
				return row && storedDocument(row);
			},
			file => (asPictured(file) ? listing?.entryOf(file) : undefined),
		);
	}

	/**
	 * The sentences of these stored documents (row ids from documents()), each as the JSON array the store
	 * keeps, in no particular order: one pass over the table when they are many, a lookup each when few.
	 */
	eachSentences(ids: number[], visit: (id: number, encoded: string) => void): void {
		if (ids.length === 0) return;
		this.#read(undefined, () => {
			if (ids.length < 2000) {
				const select = this.#statement('SELECT sentences FROM texts WHERE document = ?').raw();
				for (const id of ids) {
					const row = select.get(id) as [string] | undefined;
					if (row) visit(id, row[0]);
				}
				return;
			}
			const wanted = new Set(ids);
			for (const row of this.#statement('SELECT document, sentences FROM texts').raw().iterate()) {
				const [id, encoded] = row as [number, string];
				if (wanted.has(id)) visit(id, encoded);
			}
		});
	}

	/** A stored document's figures in the order found, and its sentences (for their context); undefined when it is gone. */
	facts(id: number): {facts: StoredFact[]; sentences: string[]} | undefined {
		return this.#read(undefined, () => {
			// One call for both: at 100,000 documents, each call into the binding counts.
			const row = this.#statement(
				`SELECT t.sentences, (SELECT json_group_array(json_array(f.sentence, f.kind, f.text, f.value, f.unit, f.subject, json(f.entities)))
				   FROM (SELECT * FROM facts WHERE document = t.document ORDER BY rowid) f)
				 FROM texts t WHERE t.document = ?`,
			).raw().get(id) as [string, string] | undefined;
			if (!row) return undefined;
			const facts = (JSON.parse(row[1]) as Array<[number, StoredFact['kind'], string, number | string, string, string, string[]]>).map(
				([sentence, kind, text, value, unit, subject, entities]) => ({sentence, kind, text, value, unit, subject, entities}),
			);
			return {facts, sentences: JSON.parse(row[0]) as string[]};
		});
	}

	/** Each document's entities (name, type, aliases, mention count), by content hash: for merging across documents. */
	entities(hashes?: Iterable<string>): Map<string, StoredEntity[]> {
		this.flush();
		const wanted = hashes ? new Set(hashes) : undefined;
		return this.#read(new Map(), () => {
			const byDocument = new Map<string, StoredEntity[]>();
			// One row (a JSON array) per document: at 100,000 documents, a row per entity crossing into
			// JavaScript cost ten times SQLite's own work.
			const select = this.#statement(
				`SELECT d.hash, json_group_array(json_array(e.name, e.type, json(e.aliases), e.mentions)) FROM entities e JOIN documents d ON d.id = e.document
				 WHERE d.identity = ? GROUP BY e.document ORDER BY e.document`,
			).raw();
			for (const row of select.iterate(this.#identity)) {
				const [hash, list] = row as [string, string];
				if (wanted && !wanted.has(hash)) continue;
				byDocument.set(
					hash,
					(JSON.parse(list) as Array<[string, EntityType, string[], number]>).map(([name, type, aliases, mentions]) => ({hash, name, type, aliases, mentions})),
				);
			}
			return byDocument;
		});
	}

	/** Each of these documents' entities, by content hash, as the keys they merge by (merge.ts's entityKeys). */
	#entityKeys(hashes: string[]): Map<string, string[][]> {
		const wanted = new Set(hashes);
		return this.#read(new Map(), () => {
			const byDocument = new Map<string, string[][]>();
			if (wanted.size < 1000) {
				// A few documents (those added since the last count): a lookup each.
				const select = this.#statement('SELECT n.entities FROM entity_names n JOIN documents d ON d.id = n.document WHERE d.hash = ? AND d.identity = ?').raw();
				for (const hash of wanted) {
					const row = select.get(hash, this.#identity) as [string] | undefined;
					if (row) byDocument.set(hash, JSON.parse(row[0]) as string[][]);
				}
				return byDocument;
			}
			const select = this.#statement('SELECT d.hash, n.entities FROM entity_names n JOIN documents d ON d.id = n.document WHERE d.identity = ?').raw();
			for (const row of select.iterate(this.#identity)) {
				const [hash, list] = row as [string, string];
				if (!wanted.has(hash)) continue;
				byDocument.set(hash, JSON.parse(list) as string[][]);
			}
			return byDocument;
		});
	}

	/**
	 * How many distinct entities these documents (content hashes, in the run's order, which the merge
	 * depends on) name, merged across them as mergeEntities merges. An unchanged folder's count is one
	 * lookup (`totals`). Otherwise, when the documents are the last ones counted with more after them (new
	 * files that sort last), the last count goes on from where it stopped (`meta`); else every document's
	 * entity keys are read and counted, some seconds at 100,000 documents.
	 */
	distinctEntities(hashes: string[]): number {
		const key = createHash('sha256').update(this.#identity).update('\0').update(hashes.join('\0')).digest('hex');
		this.flush();
		const known = this.#read(undefined, () => (this.#statement('SELECT distinct_entities FROM totals WHERE documents = ?').raw().get(key) as [number] | undefined)?.[0]);
		if (known !== undefined) return known;
		const last = this.#read(undefined, () => {
			const row = this.#statement(`SELECT value FROM meta WHERE key = 'entity_count'`).raw().get() as [string] | undefined;
			return row ? (JSON.parse(row[0]) as {identity: string; hashes: string[]} & EntityCountState) : undefined;
		});
		const goesOn = last !== undefined && last.identity === this.#identity && last.hashes.length <= hashes.length && last.hashes.every((hash, i) => hashes[i] === hash);
		const count = new EntityCount(goesOn ? last : undefined);
		const rest = goesOn ? hashes.slice(last.hashes.length) : hashes;
		const keys = this.#entityKeys(rest);
		for (const hash of rest) count.add(keys.get(hash) ?? []);
		if (this.#db) {
			try {
				this.#statement('INSERT INTO totals (documents, distinct_entities) VALUES (?, ?) ON CONFLICT (documents) DO NOTHING').run(key, count.rows);
				this.#statement(`DELETE FROM totals WHERE rowid <= (SELECT max(rowid) FROM totals) - ${KEPT_TOTALS}`).run();
				if (count.keys <= MAX_KEPT_ENTITY_KEYS) {
					const state = JSON.stringify({identity: this.#identity, hashes, ...count.state()});
					this.#statement(`INSERT INTO meta (key, value) VALUES ('entity_count', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(state);
				}
			} catch (error) {
				this.#fail(error);
			}
		}
		return count.rows;
	}

	/** A briefing kept under `key` (JSON), or a story's comparisons: see briefings and comparisons in schema.ts. */
	kept(table: 'briefings' | 'comparisons', key: string): string | undefined {
		const column = table === 'briefings' ? 'briefing' : 'comparisons';
		return this.#read(undefined, () => (this.#statement(`SELECT ${column} FROM ${table} WHERE key = ?`).raw().get(key) as [string] | undefined)?.[0]);
	}

	/** Keep a briefing (only the last few) or a story's comparisons under `key`. */
	keep(table: 'briefings' | 'comparisons', key: string, json: string): void {
		if (!this.#db) return;
		const column = table === 'briefings' ? 'briefing' : 'comparisons';
		try {
			inTransaction(this.#db, () => {
				this.#statement(`INSERT OR REPLACE INTO ${table} (key, ${column}) VALUES (?, ?)`).run(key, json);
				const most = table === 'briefings' ? KEPT_BRIEFINGS : KEPT_COMPARISONS;
				this.#statement(`DELETE FROM ${table} WHERE rowid <= (SELECT max(rowid) FROM ${table}) - ${most}`).run();
			});
		} catch (error) {
			this.#fail(error);
		}
	}

	/**
	 * Forget the files under `roots` (absolute paths of the folders or files a run was given) that are not
	 * in `present`, then every document no file refers to any more, or that other analysis code made.
	 * `known.files` are the paths under `roots` the run read from the store at its start (knownFiles), not
	 * to read them again; `rehashed` says a file known before now holds another text, whose old analysis may
	 * be no file's any more. A file's record of being read whole goes with it. Returns how many documents
	 * were dropped.
	 */
	removeMissing(roots: string[], present: Set<string>, known: {files?: Iterable<string>; rehashed?: boolean} = {}): number {
		this.flush();
		if (!this.#db) return 0;
		try {
			const files: string[] = [];
			if (known.files) {
				for (const path of known.files) if (!present.has(path)) files.push(path);
			} else {
				this.#under('files', 'path', roots, ([path]) => {
					if (!present.has(path as string)) files.push(path as string);
				});
			}
			// Nothing gone, and nothing written since the listing this run read was kept (after a run that did this
			// same cleaning): no other code's documents came since, or the listing would have been dropped. Spares a
			// pass over every document row.
			if (files.length === 0 && known.rehashed === false && this.#pictureFile !== undefined && !this.#touchedMany && this.#touchedPaths.size === 0 && this.#touchedHashes.size === 0) return 0;
			const [otherCode] = this.#statement('SELECT EXISTS (SELECT 1 FROM documents WHERE identity != ?)').raw().get(this.#identity) as [number];
			// Nothing to forget (a warm run over an unchanged folder): no write at all.
			if (files.length === 0 && !otherCode && known.rehashed === false) return 0;
			return inTransaction(this.#db, () => {
				let removed = 0;
				const removeFile = this.#statement('DELETE FROM files WHERE path = ?');
				for (const path of files) {
					removed += removeFile.run(path).changes;
					this.#touch(this.#touchedPaths, path);
				}
				if (removed > 0) this.#statement('DELETE FROM inputs WHERE path NOT IN (SELECT path FROM files)').run();
				// Documents of other analysis code are never read again; a document no file holds, once a file went.
				let dropped = otherCode ? this.#statement('DELETE FROM documents WHERE identity != ?').run(this.#identity).changes : 0;
				if (removed > 0 || known.rehashed !== false) dropped += this.#statement('DELETE FROM documents WHERE hash NOT IN (SELECT hash FROM files)').run().changes;
				// Counts of distinct entities, briefings and comparisons stay: they are keyed by content (a count by its
				// documents' hashes), so none is wrong, and a set seen before comes back to them (the folder as it was
				// before a file came and went). They are few: the latest are kept.
				return dropped;
			});
		} catch (error) {
			this.#fail(error);
			return 0;
		}
	}

	/** Commit what is queued and close the database. */
	close(): void {
		this.flush();
		try {
			// libsql leaves the write-ahead log beside the database on close; fold it in, so the file is whole.
			this.#db?.exec('PRAGMA wal_checkpoint(TRUNCATE)');
		} catch {
			// Another process is reading: it, or the next close, checkpoints.
		}
		this.#close();
	}

	#close(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = undefined;
		process.off('exit', this.#onExit);
		const db = this.#db;
		this.#db = undefined;
		this.#statements.clear();
		this.#pending = [];
		this.#pendingFiles.clear();
		this.#pendingInputs.clear();
		try {
			db?.close();
		} catch {
			// Closing a failed connection: nothing more to keep.
		}
	}
}

/** Open the database, set it up for two processes at once, and check (or create, or rebuild) its schema. */
/** A files row with, when the file was read whole, its count of documents (its inputs row, when the stamps agree). */
const FILE_COLUMNS =
	'path, size, mtime_us, ino, hash, suffix, (SELECT documents FROM inputs i WHERE i.path = files.path AND i.size = files.size AND i.mtime_us = files.mtime_us AND i.ino = files.ino)';
type FileRow = [string, number, number, number, string, string, number | null];

function fileRecord([path, size, mtimeUs, ino, hash, suffix, documents]: FileRow): FileRecord {
	return documents === null ? {path, size, mtimeUs, ino, hash, suffix} : {path, size, mtimeUs, ino, hash, suffix, documents};
}

/** A documents row as storedDocument reads it. */
const DOCUMENT_COLUMNS = 'id, hash, title, source, author, published, url, words, sentences, paragraphs, reading_minutes, entities, facts, duplicate_paragraphs';
type DocumentRow = [number, string, string, string, string, string, string, number, number, number, number, number, number, number];

function storedDocument([id, hash, title, source, author, published, url, words, sentences, paragraphs, readingMinutes, entities, facts, duplicateParagraphs]: DocumentRow): StoredDocument {
	return {id, hash, title, source, author, published, url, stats: {words, sentences, paragraphs, readingMinutes, entities, facts, duplicateParagraphs}};
}

/** A listing's key: its roots, each without a trailing slash, sorted, a line each. */
function rootsKey(roots: string[]): string {
	return [...new Set(roots.map(root => root.replace(/\/+$/, '') || '/'))].sort().join('\n');
}

/** Moves when another connection commits to the database (not when this one does). */
function dataVersion(db: Database): number {
	return (db.prepare('PRAGMA data_version').raw().get() as [number])[0];
}

function connect(driver: DatabaseConstructor, path: string, busyTimeoutMs: number, tell: (message: string) => void): Database {
	const db = new driver(path);
	try {
		db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
		// WAL: readers never wait for a writer; NORMAL: a commit survives a killed process (not a power cut).
		db.exec('PRAGMA journal_mode = WAL');
		db.exec('PRAGMA synchronous = NORMAL');
		db.exec('PRAGMA foreign_keys = ON');
		const version = () => {
			const [user] = db.prepare('PRAGMA user_version').raw().get() as [number];
			const [application] = db.prepare('PRAGMA application_id').raw().get() as [number];
			const [tables] = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table'`).raw().get() as [number];
			return {user, application, tables};
		};
		const seen = version();
		if (seen.user === SCHEMA_VERSION && seen.application === APPLICATION_ID) {
			// Touch the tables: a file whose header survived but whose pages did not fails here, not mid-run.
			db.prepare('SELECT count(*) FROM meta').raw().get();
			return db;
		}
		inTransaction(db, () => {
			// Looked at again under the write lock: another process may have built it meanwhile.
			const now = version();
			if (now.user !== SCHEMA_VERSION || now.application !== APPLICATION_ID) {
				if (now.tables > 0) tell(`the analysis store ${path} was made by another version of briefing (schema ${now.user}, this one reads ${SCHEMA_VERSION}): it has been emptied and will fill again`);
				dropEverything(db);
				db.exec(SCHEMA);
				db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
				db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
			}
		});
		return db;
	} catch (error) {
		try {
			db.close();
		} catch {
			// Unusable anyway.
		}
		throw error;
	}
}

function dropEverything(db: Database): void {
	const objects = db.prepare(`SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND type IN ('table', 'view', 'trigger')`).raw().all() as Array<[string, string]>;
	// Virtual tables first: dropping one drops its shadow tables, which must not be dropped on their own.
	const virtual = new Set((db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).raw().all() as Array<[string]>).map(([name]) => name));
	for (const name of virtual) db.exec(`DROP TABLE IF EXISTS "${name.replace(/"/g, '""')}"`);
	// Newest first, so that tables that refer to others go before them.
	for (const [type, name] of objects.reverse()) {
		if (virtual.has(name)) continue;
		db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name.replace(/"/g, '""')}"`);
	}
}
