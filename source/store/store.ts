import {createHash} from 'node:crypto';
import {mkdirSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {analysisIdentity, defaultCacheDirectory} from '../analysis/cache.js';
import type {DocumentAnalysis, EntityType} from '../analysis/types.js';
import {allowedErrors, Bitap, EXACT_BITAP_SCORE, fieldNorm, finalScore, FUSE_MAX_BITS, normRank, rankNorm} from '../analysis/fuse-scoring.js';
import {APPLICATION_ID, DATABASE_NAME, SCHEMA, SCHEMA_VERSION, SENTENCE_SEQUENCE_BITS} from './schema.js';
import type {Database, DatabaseConstructor, FileRecord, FileStamp, Statement, StoredEntity, StoredSentence, StoredStats, StoreOptions} from './types.js';

/** A document's sentence id: its norm rank above, a sequence number below, so id order is search rank order. */
const SEQUENCE_SPAN = 2 ** SENTENCE_SEQUENCE_BITS;
const sentenceId = (rank: number, sequence: number) => rank * SEQUENCE_SPAN + sequence;
const rankOfId = (id: number) => Math.floor(id / SEQUENCE_SPAN);

const DEFAULT_BUSY_TIMEOUT_MS = 10_000;
const DEFAULT_BATCH_SIZE = 256;
const DEFAULT_FLUSH_MS = 250;
/**
 * Sentences a fuzzy search reads when the index cannot narrow it (a query of 4, 5, 7, 8, 10, 11 or 14…
 * characters found fewer than `limit` times as typed: its k+1 pieces cannot all be three characters, the
 * shortest the trigram index finds). Shortest first, which fuse.js favours; past this many, and with
 * `limit` candidates, the search settles for them, as SentenceIndex does past its own budget.
 */
const FUZZY_SCAN_BUDGET = 200_000;

/** The error codes that mean the file is not a database we can use: delete it and start again. */
const UNUSABLE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** A sentence that may be among a search's results, for SentenceIndex (and so fuse.js) to score. */
export interface SearchCandidate {
	/** Index into the `documents` array given to searchCandidates. */
	document: number;
	sentence: number;
	text: string;
}

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
	readonly #identity: string;
	readonly #onMessage: (message: string) => void;
	readonly #batchSize: number;
	readonly #searchIndex: boolean;
	readonly #flushMs: number;
	#db: Database | undefined;
	#statements = new Map<string, Statement>();
	#pending: PendingDocument[] = [];
	#pendingFiles = new Map<string, FileRecord>();
	#timer: NodeJS.Timeout | undefined;
	readonly #onExit = () => this.flush();

	private constructor(path: string, db: Database | undefined, options: StoreOptions, identity: string) {
		this.path = path;
		this.#db = db;
		this.#identity = identity;
		this.#onMessage = options.onMessage ?? (() => {});
		this.#batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
		this.#searchIndex = options.searchIndex ?? false;
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
	 * recorded ones, takes the recorded hash instead of reading the file.
	 */
	knownFiles(roots?: string[]): Map<string, FileRecord> {
		return this.#read(new Map(), () => {
			const files = new Map<string, FileRecord>();
			const add = (row: unknown) => {
				const [path, size, mtimeMs, ino, hash] = row as [string, number, number, number, string];
				files.set(path, {path, size, mtimeMs, ino, hash});
			};
			if (!roots) {
				for (const row of this.#statement('SELECT path, size, mtime_ms, ino, hash FROM files').raw().iterate()) add(row);
				return files;
			}
			const exact = this.#statement('SELECT path, size, mtime_ms, ino, hash FROM files WHERE path = ?').raw();
			// Everything after "root/" and before "root0" ("0" follows "/"): the primary key's order, read as a range.
			const range = this.#statement('SELECT path, size, mtime_ms, ino, hash FROM files WHERE path > ? AND path < ?').raw();
			for (const root of new Set(roots.map(r => r.replace(/\/+$/, '') || '/'))) {
				const row = exact.get(root);
				if (row) add(row);
				const folder = root === '/' ? '/' : `${root}/`;
				for (const row of range.iterate(folder, `${folder.slice(0, -1)}0`)) add(row);
			}
			return files;
		});
	}

	/** The content hash recorded for `path` if its stamp is unchanged, else undefined (read and hash it). */
	fileHash(path: string, stamp: FileStamp): string | undefined {
		return this.#read(undefined, () => {
			const row = this.#statement('SELECT hash FROM files WHERE path = ? AND size = ? AND mtime_ms = ? AND ino = ?').raw().get(path, stamp.size, stamp.mtimeMs, stamp.ino) as [string] | undefined;
			return row?.[0];
		});
	}

	/** Remember what a file's content hash is; written with the next batch. */
	recordFile(file: FileRecord): void {
		if (!this.#db) return;
		this.#pendingFiles.set(file.path, {...file});
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
		if (!this.#db || (this.#pending.length === 0 && this.#pendingFiles.size === 0)) return;
		const documents = this.#pending;
		const files = [...this.#pendingFiles.values()];
		this.#pending = [];
		this.#pendingFiles = new Map();
		for (const {file} of documents) if (file) files.push(file);
		try {
			this.#write(documents, files);
		} catch (error) {
			this.#fail(error);
		}
	}

	#write(documents: PendingDocument[], files: FileRecord[]): void {
		const db = this.#db!;
		inTransaction(db, () => {
			const insertDocument = this.#statement(
				`INSERT INTO documents (hash, identity, title, words, sentences, paragraphs, reading_minutes, entities, facts, duplicate_paragraphs)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash, identity) DO NOTHING`,
			);
			const insertAnalysis = this.#statement('INSERT INTO analyses (document, json) VALUES (?, ?)');
			// The rows of a batch go in as one JSON array per table: a call into the binding per row costs more
			// than SQLite's work on it (libsql's calls cost twice better-sqlite3's).
			const sentences: unknown[] = [];
			const entities: unknown[] = [];
			const mentions: unknown[] = [];
			const facts: unknown[] = [];
			const sequenceRow = this.#statement(`SELECT value FROM meta WHERE key = 'sentence_sequence'`).raw().get() as [number] | undefined;
			let sequence = sequenceRow?.[0] ?? 0;
			let entityId = (this.#statement('SELECT coalesce(max(id), 0) FROM entities').raw().get() as [number])[0];
			for (const {hash, analysis, encoded} of documents) {
				const {document, stats} = analysis;
				const inserted = insertDocument.run(
					hash,
					this.#identity,
					document.title ?? '',
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
				const id = Number(inserted.lastInsertRowid);
				insertAnalysis.run(id, encoded);
				if (this.#searchIndex) {
					for (const sentence of document.sentences) {
						sentences.push([sentenceId(normRank(fieldNorm(sentence.text)), sequence++), id, sentence.index, sentence.text]);
					}
				}
				for (const entity of analysis.entities) {
					entities.push([++entityId, id, entity.name, entity.type, JSON.stringify(entity.aliases), entity.mentions.length]);
					for (const mention of entity.mentions) mentions.push([entityId, mention.sentence, mention.start, mention.end, mention.text]);
				}
				for (const fact of analysis.facts) {
					facts.push([id, fact.sentence, fact.kind, fact.text, fact.value, fact.unit, fact.subject, JSON.stringify(fact.entities), fact.start, fact.end]);
				}
			}
			const columns = (count: number) => Array.from({length: count}, (_, i) => `value ->> ${i}`).join(', ');
			this.#statement(`INSERT INTO sentences (id, document, position, text) SELECT ${columns(4)} FROM json_each(?)`).run(JSON.stringify(sentences));
			this.#statement(`INSERT INTO entities (id, document, name, type, aliases, mentions) SELECT ${columns(6)} FROM json_each(?)`).run(JSON.stringify(entities));
			this.#statement(`INSERT INTO mentions (entity, sentence, start_char, end_char, text) SELECT ${columns(5)} FROM json_each(?)`).run(JSON.stringify(mentions));
			this.#statement(
				`INSERT INTO facts (document, sentence, kind, text, value, unit, subject, entities, start_char, end_char) SELECT ${columns(10)} FROM json_each(?)`,
			).run(JSON.stringify(facts));
			this.#statement(`INSERT INTO meta (key, value) VALUES ('sentence_sequence', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(sequence);
			const upsertFile = this.#statement(
				`INSERT INTO files (path, size, mtime_ms, ino, hash) VALUES (?, ?, ?, ?, ?)
				 ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, ino = excluded.ino, hash = excluded.hash`,
			);
			for (const file of files) upsertFile.run(file.path, file.size, file.mtimeMs, file.ino, file.hash);
		});
	}

	/** Per-document figures and headlines for these hashes (all stored documents when omitted), without decoding analyses. */
	stats(hashes?: Iterable<string>): Map<string, StoredStats> {
		this.flush();
		const wanted = hashes ? new Set(hashes) : undefined;
		return this.#read(new Map(), () => {
			const rows = new Map<string, StoredStats>();
			const select = this.#statement(
				'SELECT hash, title, words, sentences, paragraphs, reading_minutes, entities, facts, duplicate_paragraphs FROM documents WHERE identity = ?',
			).raw();
			for (const row of select.iterate(this.#identity)) {
				const [hash, title, words, sentences, paragraphs, readingMinutes, entities, facts, duplicateParagraphs] = row as [string, string, ...number[]];
				if (wanted && !wanted.has(hash)) continue;
				rows.set(hash, {hash, title, words: words!, sentences: sentences!, paragraphs: paragraphs!, readingMinutes: readingMinutes!, entities: entities!, facts: facts!, duplicateParagraphs: duplicateParagraphs!});
			}
			return rows;
		});
	}

	/** Each document's entities (name, type, aliases, mention count), for totals across documents. */
	entities(hashes?: Iterable<string>): StoredEntity[] {
		this.flush();
		const wanted = hashes ? new Set(hashes) : undefined;
		return this.#read([], () => {
			const rows: StoredEntity[] = [];
			// One row (a JSON array) per document: at 100,000 documents, a row per entity crossing into
			// JavaScript cost ten times SQLite's own work.
			const select = this.#statement(
				`SELECT d.hash, json_group_array(json_array(e.name, e.type, json(e.aliases), e.mentions)) FROM entities e JOIN documents d ON d.id = e.document
				 WHERE d.identity = ? GROUP BY e.document ORDER BY e.document`,
			).raw();
			for (const row of select.iterate(this.#identity)) {
				const [hash, list] = row as [string, string];
				if (wanted && !wanted.has(hash)) continue;
				for (const [name, type, aliases, mentions] of JSON.parse(list) as Array<[string, EntityType, string[], number]>) rows.push({hash, name, type, aliases, mentions});
			}
			return rows;
		});
	}

	/**
	 * How many distinct entities these documents name, merged across them: `count` (mergeEntities over the
	 * rows) is only called when this set of documents was not counted before. At 100,000 documents the
	 * rows take seconds to read; an unchanged folder's count is one lookup.
	 */
	distinctEntities(hashes: string[], count: (entities: StoredEntity[]) => number): number {
		const key = createHash('sha256').update(this.#identity).update('\0').update([...hashes].sort().join('\0')).digest('hex');
		this.flush();
		const known = this.#read(undefined, () => (this.#statement('SELECT distinct_entities FROM totals WHERE documents = ?').raw().get(key) as [number] | undefined)?.[0]);
		if (known !== undefined) return known;
		const counted = count(this.entities(hashes));
		if (this.#db) {
			try {
				this.#statement('INSERT INTO totals (documents, distinct_entities) VALUES (?, ?) ON CONFLICT (documents) DO NOTHING').run(key, counted);
			} catch (error) {
				this.#fail(error);
			}
		}
		return counted;
	}

	/** A document's sentences in order. */
	sentences(hash: string): StoredSentence[] {
		this.flush();
		return this.#read([], () =>
			(this.#statement('SELECT s.position, s.text FROM sentences s JOIN documents d ON d.id = s.document WHERE d.hash = ? AND d.identity = ? ORDER BY s.position').raw().all(hash, this.#identity) as Array<[number, string]>).map(
				([sentence, text]) => ({hash, sentence, text}),
			),
		);
	}

	/**
	 * The sentences of `documents` (content hashes, in the run's order) that can be among fuse.js's best
	 * `limit` matches for `query`, in the run's order: `new SentenceIndex(candidates).search(query, limit)`
	 * then gives what SentenceIndex over every sentence gives. Read from the trigram index, not the files.
	 *
	 * - Matches as typed are found by the index (three characters or more) in rank order, so the first
	 *   `limit`, and any that tie with the last of them, are the best; for shorter queries the sentences are
	 *   read shortest first until they are found.
	 * - A fuzzy match with e ≥ 1 errors scores at least (1/length)^norm: when `limit` matches as typed are
	 *   known, only sentences short enough to beat the last of them get a fuzzy look.
	 * - Otherwise a fuzzy match with at most k errors holds one of k+1 disjoint pieces of the query as typed;
	 *   when the pieces can all be three characters or more the index finds them; when not, sentences are
	 *   read shortest first, up to FUZZY_SCAN_BUDGET.
	 */
	searchCandidates(query: string, documents: string[], limit: number): SearchCandidate[] {
		this.flush();
		if (query.trim() === '' || limit < 1 || documents.length === 0) return [];
		return this.#read([], () => this.#searchCandidates(query, documents, limit));
	}

	#searchCandidates(query: string, documents: string[], limit: number): SearchCandidate[] {
		// The run's documents, by the store's document id: where each sits in the run (a text read under two names sits twice).
		const positions = new Map<number, number[]>();
		const ids = new Map<string, number>();
		if (documents.length > 1000) {
			// Many documents: one pass over the table beats a lookup each.
			for (const row of this.#statement('SELECT hash, id FROM documents WHERE identity = ?').raw().iterate(this.#identity)) {
				const [hash, id] = row as [string, number];
				ids.set(hash, id);
			}
		} else {
			const idOf = this.#statement('SELECT id FROM documents WHERE hash = ? AND identity = ?').raw();
			for (const hash of documents) {
				const row = idOf.get(hash, this.#identity) as [number] | undefined;
				if (row) ids.set(hash, row[0]);
			}
		}
		documents.forEach((hash, index) => {
			const id = ids.get(hash);
			if (id === undefined) return;
			const list = positions.get(id);
			if (list) list.push(index);
			else positions.set(id, [index]);
		});
		const found = new Map<number, {document: number; sentence: number; text: string}>();
		const take = (id: number, document: number, sentence: number, text: string) => {
			if (!found.has(id)) found.set(id, {document, sentence, text});
		};
		const pattern = query.toLowerCase();
		const n = pattern.length;

		if (n > FUSE_MAX_BITS) {
			// fuse.js averages the scores of 32-character pieces: every sentence near any piece is a candidate.
			const chunks: string[] = [];
			for (let i = 0; i + FUSE_MAX_BITS <= n; i += FUSE_MAX_BITS) chunks.push(pattern.slice(i, i + FUSE_MAX_BITS));
			if (n % FUSE_MAX_BITS) chunks.push(pattern.slice(n - FUSE_MAX_BITS));
			for (const chunk of chunks) this.#fuzzy(chunk, positions, Infinity, limit, take);
			return this.#inRunOrder(found, positions);
		}

		// As typed, best rank first. A single character only counts for fuse.js where it is doubled.
		const needle = n === 1 ? pattern + pattern : pattern;
		let exact = 0;
		let boundary = Infinity; // the rank of the limit-th match as typed: its ties are read too
		this.#eachContaining(needle, 0, Infinity, positions, (id, document, sentence, text) => {
			const rank = rankOfId(id);
			if (exact >= limit && rank > boundary) return false;
			take(id, document, sentence, text);
			if (++exact === limit) boundary = rank;
			return true;
		});
		// A sentence that is the query itself scores 0, better than any: it has the query's own rank.
		if (n >= 2) {
			const rank = normRank(fieldNorm(pattern));
			this.#eachContaining(pattern, rank, rank, positions, (id, document, sentence, text) => {
				if (text.toLowerCase() === pattern) take(id, document, sentence, text);
				return true;
			});
		}

		const errors = allowedErrors(n);
		if (errors > 0) {
			let bar = Infinity;
			if (exact >= limit) bar = finalScore(EXACT_BITAP_SCORE, rankNorm(boundary));
			this.#fuzzy(pattern, positions, bar, limit, take);
		}
		return this.#inRunOrder(found, positions);
	}

	/** Sentences within fuse.js's errors of `pattern` that could score better than `bar`. */
	#fuzzy(pattern: string, positions: Map<number, number[]>, bar: number, limit: number, take: (id: number, document: number, sentence: number, text: string) => void): void {
		const n = pattern.length;
		const errors = allowedErrors(n);
		if (errors === 0) {
			this.#eachContaining(pattern.length === 1 ? pattern + pattern : pattern, 0, Infinity, positions, (id, document, sentence, text) => (take(id, document, sentence, text), true));
			return;
		}
		const least = Math.max(EXACT_BITAP_SCORE, 1 / n);
		// least^norm <= bar  <=>  norm >= ln(bar) / ln(least): the ranks up to lastRank can beat the bar.
		const lastRank = Number.isFinite(bar) ? Math.min(1000, Math.floor(normRank(Math.log(bar) / Math.log(least)) + 1e-9)) : 1000;
		if (lastRank < 0) return;
		const matcher = new Bitap(pattern, errors);
		const pieces = errors + 1;
		if (Number.isFinite(bar) || n < 3 * pieces) {
			// Few sentences (only short ones can beat the bar), or none the index can find: read them shortest first.
			let read = 0;
			let matched = 0;
			this.#eachSentence(0, lastRank, positions, (id, document, sentence, text) => {
				read++;
				if (matcher.fewestErrors(text.toLowerCase()) >= 0) {
					take(id, document, sentence, text);
					matched++;
				}
				return Number.isFinite(bar) || read < FUZZY_SCAN_BUDGET || matched < limit;
			});
			return;
		}
		// k+1 pieces of three characters or more, as even as can be: a match within k errors holds one exactly.
		const size = Math.floor(n / pieces);
		const texts = Array.from({length: pieces}, (_, p) => pattern.slice(p * size, p === pieces - 1 ? n : (p + 1) * size));
		// The pieces' sentences side by side in rank order, shortest first, each match with the score fuse.js
		// will give it. A fuzzy match scores at least least^norm, worse down the ranks: once `limit` matches
		// beat that floor, nothing further on can, and the search stops.
		const heads = texts.map((piece, slot) => {
			const rows = this.#containing(piece, 0, lastRank, positions, slot);
			return {rows, row: rows.next()};
		});
		const best: number[] = []; // the `limit` best scores so far, in order
		let rank = -1;
		for (;;) {
			let next: (typeof heads)[number] | undefined;
			for (const head of heads) if (!head.row.done && (!next || head.row.value[0] < next.row.value[0]!)) next = head;
			if (!next) break;
			const [id, document, sentence, text] = next.row.value as [number, number, number, string];
			for (const head of heads) while (!head.row.done && head.row.value[0] === id) head.row = head.rows.next();
			if (rankOfId(id) !== rank) {
				rank = rankOfId(id);
				if (best.length >= limit && finalScore(least, rankNorm(rank)) > best[limit - 1]!) break;
			}
			const fewest = matcher.fewestErrors(text.toLowerCase());
			if (fewest < 0) continue;
			take(id, document, sentence, text);
			const score = finalScore(Math.max(EXACT_BITAP_SCORE, fewest / n), rankNorm(rank));
			if (best.length < limit || score < best[limit - 1]!) {
				const at = best.findIndex(other => other > score);
				best.splice(at < 0 ? best.length : at, 0, score);
				if (best.length > limit) best.pop();
			}
		}
	}

	/** Each sentence of the run's documents with a rank in [fromRank, toRank], in id order, until `visit` returns false. */
	#eachSentence(fromRank: number, toRank: number, positions: Map<number, number[]>, visit: (id: number, document: number, sentence: number, text: string) => boolean): void {
		const select = this.#statement('SELECT id, document, position, text FROM sentences WHERE id >= ? AND id < ? ORDER BY id').raw();
		for (const row of select.iterate(sentenceId(fromRank, 0), sentenceId(Math.min(toRank, 1000) + 1, 0))) {
			const [id, document, sentence, text] = row as [number, number, number, string];
			if (!positions.has(document)) continue;
			if (!visit(id, document, sentence, text)) break;
		}
	}

	/** Like #eachSentence, for the sentences holding `needle` (lower-cased); the trigram index finds them when it is three characters or more. */
	#eachContaining(needle: string, fromRank: number, toRank: number, positions: Map<number, number[]>, visit: (id: number, document: number, sentence: number, text: string) => boolean): void {
		if (needle.length < 3) {
			this.#eachSentence(fromRank, Number.isFinite(toRank) ? toRank : 1000, positions, (id, document, sentence, text) => !text.toLowerCase().includes(needle) || visit(id, document, sentence, text));
			return;
		}
		for (const [id, document, sentence, text] of this.#containing(needle, fromRank, toRank, positions)) {
			if (!visit(id, document, sentence, text)) break;
		}
	}

	/**
	 * The sentences of the run's documents holding `needle` (three characters or more, lower-cased), from the
	 * trigram index, in id order. `slot` picks a statement of its own, for reading several at once.
	 */
	*#containing(needle: string, fromRank: number, toRank: number, positions: Map<number, number[]>, slot = 0): Generator<[number, number, number, string]> {
		const select = this.#statement(
			`SELECT s.id, s.document, s.position, s.text FROM sentence_text f JOIN sentences s ON s.id = f.rowid
			 WHERE f.text LIKE ? AND f.rowid >= ? AND f.rowid < ? ORDER BY f.rowid -- ${slot}`,
		).raw();
		// "%" and "_" in the query act as wildcards here: more candidates, which the check below drops.
		for (const row of select.iterate(`%${needle}%`, sentenceId(fromRank, 0), sentenceId(Math.min(toRank, 1000) + 1, 0))) {
			const [id, document, sentence, text] = row as [number, number, number, string];
			// The index folds case as SQLite does; fuse.js as JavaScript's toLowerCase does.
			if (!positions.has(document) || !text.toLowerCase().includes(needle)) continue;
			yield [id, document, sentence, text];
		}
	}

	#inRunOrder(found: Map<number, {document: number; sentence: number; text: string}>, positions: Map<number, number[]>): SearchCandidate[] {
		const candidates: SearchCandidate[] = [];
		for (const {document, sentence, text} of found.values()) {
			// A text read under two names sits twice in the run: each gets the sentence.
			for (const index of positions.get(document)!) candidates.push({document: index, sentence, text});
		}
		return candidates.sort((a, b) => a.document - b.document || a.sentence - b.sentence);
	}

	/**
	 * Forget the files under `roots` (absolute paths of the folders or files a run was given) that are not
	 * in `present`, then every document no file refers to any more, or that other analysis code made.
	 * Returns how many documents were dropped.
	 */
	removeMissing(roots: string[], present: Set<string>): number {
		this.flush();
		if (!this.#db) return 0;
		try {
			return inTransaction(this.#db, () => {
				const remove = this.#statement('DELETE FROM files WHERE path = ?');
				for (const row of this.#statement('SELECT path FROM files').raw().all()) {
					const [path] = row as [string];
					if (present.has(path)) continue;
					if (roots.some(root => path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`))) remove.run(path);
				}
				const dropped = this.#statement('DELETE FROM documents WHERE identity != ? OR hash NOT IN (SELECT hash FROM files)').run(this.#identity).changes;
				// Counts of sets that held a dropped document can never be asked for again.
				if (dropped > 0) this.#statement('DELETE FROM totals').run();
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
		try {
			db?.close();
		} catch {
			// Closing a failed connection: nothing more to keep.
		}
	}
}

/** Open the database, set it up for two processes at once, and check (or create, or rebuild) its schema. */
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
