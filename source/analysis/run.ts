import {existsSync, rmSync, statSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {DEFAULT_TIMEOUT_SECONDS} from '../corpus/fetch.js';
import {readInputs} from '../corpus/inputs.js';
import {discoverFiles, DEFAULT_MAX_BYTES} from '../corpus/read.js';
import type {ReadProblem, SourceDocument} from '../corpus/types.js';
import {Store, storePath} from '../store/store.js';
import type {FileRecord} from '../store/types.js';
import {decodeAnalysis, defaultCacheDirectory, encodeAnalysis, sourceHash} from './cache.js';
import type {DocumentAnalysis} from './types.js';
import type {AnalysisReply, AnalysisTask} from './worker.js';

export interface RunOptions {
	maxBytes?: number;
	/** A file that could not be read, or was read with a warning. */
	onProblem?: (problem: ReadProblem) => void;
	/**
	 * Called once the inputs are found (done 0), then after each input, read or skipped, in order, and after
	 * each document, with the documents analysed so far.
	 */
	onProgress?: (done: number, total: number, documents: number) => void;
	/** The name a file goes by in the output; by default its path as found. */
	label?: (path: string) => string;
	/** Per request, for addresses (default 20 s). */
	timeoutMs?: number;
	/** Fetch the page behind each feed item that carried only a summary. */
	follow?: boolean;
	/** Sent with every request: names briefing and its version. */
	userAgent?: string;
	/** Reuse analyses kept in the store by content, and keep new ones. By default on, unless BRIEFING_NO_CACHE is set. */
	cache?: boolean;
	/** Where the store lives; by default $XDG_CACHE_HOME/briefing (~/.cache/briefing). */
	cacheDirectory?: string;
	/** Told when the store was rebuilt, could not be used, or the old cache folder was removed. */
	onMessage?: (message: string) => void;
	/**
	 * Worker threads that analyse documents; 0 analyses in this thread. By default (or BRIEFING_WORKERS)
	 * one per core, started only when enough documents need analysing to repay their start-up.
	 */
	workers?: number;
}

export interface RunSummary {
	/** Inputs given: files found, addresses, standard input, and paths that could not be read. */
	total: number;
	/** Inputs from which at least one document was read. */
	read: number;
	/** Inputs from which nothing was read. */
	skipped: number;
	/** Documents read: a feed or an export holds many. */
	documents?: number;
	/** Documents whose analysis came from the store. */
	cached?: number;
	/** Worker threads used; 0 when everything was analysed (or found cached) in this thread. */
	workers?: number;
}

/**
 * With the default worker count, threads start only when at least this many documents are left when the
 * first one needs analysing. Each thread loads the analysis and warms it up on its own, and on the
 * 2-vCPU machine this was tuned on two threads analyse only ~1.3× as fast as one: `stats` over 300
 * generated articles took 1.1 s in this thread and 1.45 s with threads, over 1,000 about the same (2.5 s),
 * over 3,000 5.4 s against 7.3 s.
 */
const MIN_DOCUMENTS_FOR_WORKERS = 1000;

/** Documents read (and sent to workers) ahead of the one being yielded: enough to keep every worker busy, few enough that memory does not grow with the folder. */
const READ_AHEAD = 64;

/**
 * Longest stretch of work between two turns of the event loop. Cached and in-thread analyses resolve
 * without waiting on anything, so without a pause a dashboard reading them could not draw or read keys
 * until the last document.
 */
const TURN_MS = 12;

/** Tasks handed to a worker before it answers, so it never waits on the main thread between documents. */
const TASKS_PER_WORKER = 2;

function environmentWorkers(): number | undefined {
	const value = process.env.BRIEFING_WORKERS;
	if (value === undefined || value.trim() === '') return undefined;
	const count = Number(value);
	return Number.isInteger(count) && count >= 0 ? count : undefined;
}

/**
 * The bundled worker entry (dist/worker.js), found beside this module: this code sits in dist/cli.js or in
 * dist/chunks/. Unbundled (the tests), it is the last build's. Undefined when there is none.
 */
export function locateWorker(): URL | undefined {
	for (const relative of ['./worker.js', '../worker.js', '../../dist/worker.js']) {
		const url = new URL(relative, import.meta.url);
		if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
	}
	return undefined;
}

interface Pending {
	resolve: (encoded: string) => void;
	reject: (error: Error) => void;
}

/** Worker threads fed from one queue; results come back encoded as the cache stores them. */
class WorkerPool {
	readonly #idle: Array<{worker: Worker; tasks: Map<number, Pending>}> = [];
	readonly #all: Array<{worker: Worker; tasks: Map<number, Pending>}> = [];
	readonly #queue: Array<{task: AnalysisTask; pending: Pending}> = [];
	#nextId = 0;
	#failure: Error | undefined;

	constructor(url: URL, size: number) {
		for (let i = 0; i < size; i++) {
			const slot = {worker: new Worker(url), tasks: new Map<number, Pending>()};
			slot.worker.unref();
			slot.worker.on('message', (reply: AnalysisReply) => this.#answer(slot, reply));
			slot.worker.on('error', error => this.#fail(error));
			slot.worker.on('exit', code => {
				if (slot.tasks.size > 0 || this.#queue.length > 0) this.#fail(new Error(`an analysis worker stopped (exit code ${code})`));
			});
			this.#all.push(slot);
			for (let t = 0; t < TASKS_PER_WORKER; t++) this.#idle.push(slot);
		}
	}

	get size(): number {
		return this.#all.length;
	}

	analyse(source: SourceDocument): Promise<string> {
		if (this.#failure) return Promise.reject(this.#failure);
		return new Promise((resolve, reject) => {
			this.#queue.push({task: {id: this.#nextId++, source}, pending: {resolve, reject}});
			this.#dispatch();
		});
	}

	#dispatch(): void {
		while (this.#queue.length > 0 && this.#idle.length > 0) {
			const slot = this.#idle.shift()!;
			const {task, pending} = this.#queue.shift()!;
			slot.tasks.set(task.id, pending);
			// A worker with work keeps the process alive; an idle one must not.
			if (slot.tasks.size === 1) slot.worker.ref();
			slot.worker.postMessage(task);
		}
	}

	#answer(slot: {worker: Worker; tasks: Map<number, Pending>}, reply: AnalysisReply): void {
		const pending = slot.tasks.get(reply.id);
		if (!pending) return;
		slot.tasks.delete(reply.id);
		if (slot.tasks.size === 0) slot.worker.unref();
		this.#idle.push(slot);
		if ('encoded' in reply) pending.resolve(reply.encoded);
		else {
			const error = new Error(reply.error.message);
			if (reply.error.stack) error.stack = reply.error.stack;
			pending.reject(error);
		}
		this.#dispatch();
	}

	#fail(error: Error): void {
		this.#failure ??= error;
		for (const slot of this.#all) {
			for (const pending of slot.tasks.values()) pending.reject(this.#failure);
			slot.tasks.clear();
		}
		for (const {pending} of this.#queue.splice(0)) pending.reject(this.#failure);
	}

	async close(): Promise<void> {
		this.#failure ??= new Error('the analysis was stopped');
		await Promise.all(this.#all.map(slot => slot.worker.terminate()));
	}
}

/**
 * The folder of one file per analysis that briefing kept before the store: removed the first time the
 * store is opened in its place, so that it does not sit there, never read again.
 */
function removeFileCache(directory: string, onMessage: (message: string) => void): void {
	const old = join(directory, 'analyses');
	if (!existsSync(old)) return;
	try {
		rmSync(old, {recursive: true, force: true});
		onMessage(`removed the old analysis cache ${old}: analyses are kept in ${storePath(directory)} now`);
	} catch (error) {
		onMessage(`could not remove the old analysis cache ${old} (${(error as Error).message})`);
	}
}

/**
 * Where the store records a document of a file: the file's absolute path for its first document, and
 * "<path>/#<n>" for the n-th of a feed's items or an export's records, a name no real file can have
 * (a file is not a folder) that still falls under the file and its folders for removeMissing.
 */
function documentKey(path: string, index: number): string {
	return index === 0 ? path : `${path}/#${index + 1}`;
}

/** A document read and looked up in the store; `analysis` is set when stored or sent to a worker. */
interface Prepared {
	source: SourceDocument;
	warnings: string[];
	hash: string;
	/** The file it came from, as the store records it; none for addresses and standard input. */
	file?: FileRecord;
	analysis?: DocumentAnalysis | Promise<DocumentAnalysis>;
	cached?: boolean;
}

type Entry = {prepared: Prepared} | {problem: ReadProblem} | {finished: string; documents: number};

/**
 * Read and analyse the given paths, yielding each document's analysis in the order of the inputs (a
 * feed's items and an export's records in their order), as soon as it is ready. Analyses are cached by
 * content (see cache.ts) and, for many documents, computed by worker threads; either way the results are
 * those of analyseSource on each document.
 */
export async function* analysePaths(paths: string[], options: RunOptions = {}, summary: RunSummary = {total: 0, read: 0, skipped: 0}): AsyncGenerator<DocumentAnalysis> {
	const {files, problems} = await discoverFiles(paths);
	summary.total = files.length + problems.length;
	summary.cached = 0;
	summary.workers = 0;
	summary.documents = 0;
	for (const problem of problems) {
		summary.skipped++;
		options.onProblem?.(problem);
	}
	options.onProgress?.(0, files.length, 0);

	const useCache = options.cache ?? !process.env.BRIEFING_NO_CACHE;
	let store: Store | undefined;
	if (useCache) {
		const directory = options.cacheDirectory ?? defaultCacheDirectory();
		const onMessage = options.onMessage ?? (() => {});
		store = Store.open({directory, onMessage});
		if (store.usable) removeFileCache(directory, onMessage);
	}
	// The files' documents as recorded this run, for removeMissing at the end.
	const present = new Set<string>();
	const roots = paths.filter(path => path !== '-' && !/^https?:\/\//i.test(path)).map(path => resolve(path));
	// What the store knows of them: a document found again, in an unchanged file, needs no write.
	const known = store && roots.length > 0 ? store.knownFiles(roots) : new Map<string, FileRecord>();
	const unchanged = (file: FileRecord) => {
		const was = known.get(file.path);
		return was !== undefined && was.hash === file.hash && was.size === file.size && was.mtimeMs === file.mtimeMs && was.ino === file.ino;
	};
	const stamps = new Map<number, {path: string; size: number; mtimeMs: number; ino: number} | undefined>();
	/** The file record of the index-th document of the input-th input, when that input is a file. */
	const fileOf = (input: number, index: number, hash: string): FileRecord | undefined => {
		if (!stamps.has(input)) {
			const path = files[input];
			let stamp: {path: string; size: number; mtimeMs: number; ino: number} | undefined;
			if (path !== undefined && path !== '-' && !/^https?:\/\//i.test(path)) {
				try {
					const info = statSync(path);
					if (info.isFile()) stamp = {path: resolve(path), size: info.size, mtimeMs: info.mtimeMs, ino: info.ino};
				} catch {
					// Gone since it was read: nothing to record.
				}
			}
			stamps.clear(); // inputs are read in order: only the current one is asked for again
			stamps.set(input, stamp);
		}
		const stamp = stamps.get(input);
		if (!stamp) return undefined;
		const path = documentKey(stamp.path, index);
		present.add(path);
		return {...stamp, path, hash};
	};
	const requestedWorkers = options.workers ?? environmentWorkers();
	let pool: WorkerPool | undefined;
	let poolDecided = requestedWorkers === 0;
	let cachedCount = 0;
	let analyseHere: ((source: SourceDocument) => DocumentAnalysis) | undefined;
	let inputsDone = 0;
	let needingAnalysis = 0;

	/**
	 * Threads pay off for many documents: decided at the first document that needs analysing from the
	 * inputs left, or later, once an export or feed has shown it holds many.
	 */
	const startPool = (): WorkerPool | undefined => {
		if (pool || poolDecided) return pool;
		const size = requestedWorkers ?? availableParallelism();
		// An input still yielding after two windows of documents (an export, a large feed) holds many more.
		const expected = readingIndex >= 2 * READ_AHEAD ? Infinity : Math.max(files.length - inputsDone, needingAnalysis);
		if (requestedWorkers === undefined && (expected < MIN_DOCUMENTS_FOR_WORKERS || size < 2)) {
			poolDecided = needingAnalysis >= MIN_DOCUMENTS_FOR_WORKERS || size < 2;
			return undefined;
		}
		poolDecided = true;
		const url = locateWorker();
		if (!url || size < 1) return undefined;
		pool = new WorkerPool(url, size);
		summary.workers = pool.size;
		return pool;
	};

	const prepare = (source: SourceDocument, warnings: string[], input: number, index: number): Prepared => {
		const hash = store ? sourceHash(source) : '';
		const file = store ? fileOf(input, index, hash) : undefined;
		const stored = store?.analysis(hash);
		if (stored !== undefined) {
			try {
				const analysis = decodeAnalysis(stored, source.name, source.text);
				if (file && !unchanged(file)) store!.recordFile(file);
				return {source, warnings, hash, file, analysis, cached: true};
			} catch {
				// Not an analysis after all: analysed again, and the store keeps its first row.
			}
		}
		needingAnalysis++;
		const workers = startPool();
		if (!workers) return {source, warnings, hash, file};
		const analysis = workers.analyse(source).then(encoded => {
			const decoded = decodeAnalysis(encoded, source.name, source.text);
			store?.put(hash, decoded, encoded, file);
			return decoded;
		});
		analysis.catch(() => {}); // rejections are raised when this document's turn comes
		return {source, warnings, hash, file, analysis};
	};

	const items = readInputs(files, {
		maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000,
		follow: options.follow ?? false,
		userAgent: options.userAgent ?? 'briefing',
		label: options.label ?? (path => path),
	});
	const window: Entry[] = [];
	let windowDocuments = 0;
	let exhausted = false;
	let completed = false;
	// The input being read (ahead of the one being yielded), and how many documents it gave so far.
	let readingInput = 0;
	let readingIndex = 0;
	let turn = performance.now();
	try {
		for (;;) {
			while (!exhausted && windowDocuments <= READ_AHEAD) {
				const next = await items.next();
				if (next.done) exhausted = true;
				else if ('document' in next.value) {
					window.push({prepared: prepare(next.value.document, next.value.warnings ?? [], readingInput, readingIndex++)});
					windowDocuments++;
				} else {
					if ('finished' in next.value) {
						readingInput++;
						readingIndex = 0;
					}
					window.push(next.value);
				}
			}
			const entry = window.shift();
			if (!entry) {
				completed = true;
				break;
			}
			if ('problem' in entry) {
				options.onProblem?.(entry.problem);
				continue;
			}
			if ('finished' in entry) {
				inputsDone++;
				if (entry.documents > 0) summary.read++;
				else summary.skipped++;
				options.onProgress?.(inputsDone, files.length, summary.documents);
				continue;
			}
			windowDocuments--;
			const item = entry.prepared;
			for (const warning of item.warnings) options.onProblem?.({path: item.source.name, reason: warning, skipped: false});
			let analysis: DocumentAnalysis;
			if (item.analysis) analysis = await item.analysis;
			else {
				// In this thread, and only now: analysing ahead would hold back the documents before it.
				analyseHere ??= (await import('./analyse.js')).analyseSource;
				analysis = analyseHere(item.source);
				store?.put(item.hash, analysis, encodeAnalysis(analysis, item.source.text), item.file);
			}
			if (item.cached) summary.cached = ++cachedCount;
			summary.documents++;
			options.onProgress?.(inputsDone, files.length, summary.documents);
			if (performance.now() - turn > TURN_MS) {
				await new Promise(resolve => setImmediate(resolve));
				turn = performance.now();
			}
			yield analysis;
		}
	} finally {
		await items.return(undefined);
		await pool?.close();
		if (store) {
			// Only a whole run knows which files are gone; an interrupted one keeps what it finished (close commits it).
			if (completed) {
				if (roots.length > 0) store.removeMissing(roots, present);
			}
			store.close();
		}
	}
}
