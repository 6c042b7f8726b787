import {existsSync, rmSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {DEFAULT_TIMEOUT_SECONDS} from '../corpus/fetch.js';
import {readInputs} from '../corpus/inputs.js';
import {discoverFiles, DEFAULT_MAX_BYTES} from '../corpus/read.js';
import type {ReadProblem, SourceDocument} from '../corpus/types.js';
import {Store, storePath} from '../store/store.js';
import type {FileRecord, FileStamp, StoredDocument} from '../store/types.js';
import {decodeAnalysis, defaultCacheDirectory, encodeAnalysis, sourceHash} from './cache.js';
import type {DocumentAnalysis} from './types.js';
import {FILES_FOR_A_THREAD, statStamp, survey, type Survey} from './stamps.js';
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
	/** A store opened by the caller (openStore), used instead of opening one and left open: for reading from it after the run. */
	store?: Store;
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
 * The store a run keeps its analyses in, unless they are not to be kept (the cache option, or
 * BRIEFING_NO_CACHE). Opened for a command that reads from it after the run, and passed back as `store`.
 */
export function openStore(options: Pick<RunOptions, 'cache' | 'cacheDirectory' | 'onMessage'> = {}): Store | undefined {
	if (!(options.cache ?? !process.env.BRIEFING_NO_CACHE)) return undefined;
	const directory = options.cacheDirectory ?? defaultCacheDirectory();
	const onMessage = options.onMessage ?? (() => {});
	const store = Store.open({directory, onMessage});
	if (store.usable) removeFileCache(directory, onMessage);
	return store;
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
	/** That file's absolute path and stamp when it was read. */
	input?: FileStamp & {path: string};
	analysis?: DocumentAnalysis | Promise<DocumentAnalysis>;
	cached?: boolean;
}

/** A document of a file that has not changed since the store took it in: its analysis is not read back. */
interface Kept {
	stored: StoredDocument;
	/** Its name in the output: the file's name now, with the feed item's or record's suffix. */
	name: string;
}

/** What reading the inputs yields in order: the documents of inputs read, those kept, problems, and each input's end. */
type InputEntry = {document: SourceDocument; warnings?: string[]} | {kept: Kept} | {problem: ReadProblem} | {finished: string; documents: number; kept?: boolean};

/** An input entry in the read-ahead window: a document read is looked up in the store (or sent off) as it comes. */
type Entry = Exclude<InputEntry, {document: SourceDocument}> | {prepared: Prepared};

/**
 * One document of a run: analysed (or its analysis read back from the store), or, with `fromStore`, kept:
 * a document of an unchanged file, of which the store holds all the commands need (figures, metadata,
 * facts, sentences, entities), so that neither the file nor the analysis is read again.
 */
export type CorpusItem = {analysis: DocumentAnalysis; hash: string} | {kept: Kept};

/**
 * Read and analyse the given paths, yielding each document's analysis in the order of the inputs (a
 * feed's items and an export's records in their order), as soon as it is ready. Analyses are cached by
 * content (see cache.ts) and, for many documents, computed by worker threads; either way the results are
 * those of analyseSource on each document.
 */
export async function* analysePaths(paths: string[], options: RunOptions = {}, summary: RunSummary = {total: 0, read: 0, skipped: 0}): AsyncGenerator<DocumentAnalysis> {
	for await (const item of readCorpus(paths, {...options, fromStore: false}, summary)) {
		if ('analysis' in item) yield item.analysis;
	}
}

/**
 * The inputs' documents in order, as analysePaths reads them; with `fromStore` (and a usable store), the
 * documents of every file unchanged since the store took it in whole come as `kept` rows instead, without
 * reading the file: a warm run over a large folder costs a stat per file and what the command reads from
 * the store.
 */
export async function* readCorpus(
	paths: string[],
	options: RunOptions & {fromStore?: boolean} = {},
	summary: RunSummary = {total: 0, read: 0, skipped: 0},
): AsyncGenerator<CorpusItem> {
	// A turn of the event loop first: the dashboard's first frame goes out before the store's picture is read and
	// the files are found and stat'ed (some seconds of both cores' time at 100,000 files).
	if (options.fromStore) await new Promise(resolve => setImmediate(resolve));
	const ownStore = !options.store;
	const store = options.store ?? openStore(options);
	// The files' documents read this run, for removeMissing at the end (with those the picture kept).
	const present = new Set<string>();
	const roots = paths.filter(path => path !== '-' && !/^https?:\/\//i.test(path)).map(path => resolve(path));
	// With fromStore, the files are found and stat'ed (in another thread, for many) while the store is read.
	const keeping = store?.usable && options.fromStore && roots.length > 0 && store.hasInputs();
	const surveying = keeping ? survey(paths, store!.knownInputs(roots) >= FILES_FOR_A_THREAD) : undefined;
	surveying?.catch(() => {});
	// What the store knows of them: a document found again, in an unchanged file, needs no write. With fromStore,
	// with the documents the files hold, from the listing that the last run over these folders kept.
	// (The first run over them too, which writes the listing for the next.)
	const picture = store?.usable && options.fromStore && roots.length > 0 ? store.picture(roots) : undefined;
	const known = picture?.files ?? (store && roots.length > 0 ? store.knownFiles(roots) : new Map<string, FileRecord>());
	const surveyed: Survey | undefined = await surveying;
	const {files, problems} = surveyed ?? (await discoverFiles(paths));
	const absolute = surveyed?.absolute ?? [];
	summary.total = files.length + problems.length;
	summary.cached = 0;
	summary.workers = 0;
	summary.documents = 0;
	for (const problem of problems) {
		summary.skipped++;
		options.onProblem?.(problem);
	}
	options.onProgress?.(0, files.length, 0);

	const sameStamp = (a: FileStamp, b: FileStamp) => a.size === b.size && a.mtimeUs === b.mtimeUs && a.ino === b.ino;
	// A known file read with another text: its old analysis may be no file's now (see removeMissing).
	let rehashed = false;
	const unchanged = (file: FileRecord) => {
		const was = known.get(file.path);
		return was !== undefined && was.hash === file.hash && sameStamp(was, file) && (was.suffix ?? '') === (file.suffix ?? '');
	};
	const stamps = new Map<number, (FileStamp & {path: string}) | undefined>();
	/** The stamp of the input-th input when it is a file, taken the first time it is asked for. */
	const stampOf = (input: number) => {
		if (!stamps.has(input)) {
			stamps.clear(); // inputs are read in order: only the current one is asked for again
			stamps.set(input, statFile(files[input]));
		}
		return stamps.get(input);
	};
	/** The file record of the index-th document of the input-th input, when that input is a file. */
	const fileOf = (input: number, index: number, hash: string, name: string): FileRecord | undefined => {
		const stamp = stampOf(input);
		if (!stamp) return undefined;
		const path = documentKey(stamp.path, index);
		present.add(path);
		const label = (options.label ?? (path => path))(files[input]!);
		return {size: stamp.size, mtimeUs: stamp.mtimeUs, ino: stamp.ino, path, hash, suffix: name.startsWith(label) ? name.slice(label.length) : ''};
	};
	/**
	 * With fromStore, the documents of each file that the store took in whole and that has not changed since
	 * (same size, mtime and inode): those files are not read.
	 */
	// How many documents each such input holds; they are read from the picture as their turn comes.
	const keptOf: Array<number | undefined> = [];
	let keptInputs = 0;
	if (picture && surveyed) {
		const {stamps} = surveyed;
		files.forEach((_, at) => {
			const file = absolute[at];
			if (file === undefined) return;
			const same = (size: number, mtimeUs: number, ino: number) => stamps.same(at, size, mtimeUs, ino);
			// Its first document's record says whether it was read whole, and into how many documents.
			const documents = picture.stamped(file, same);
			if (!documents) return;
			for (let index = 1; index < documents; index++) if (picture.stamped(documentKey(file, index), same) === undefined) return;
			for (let index = 0; index < documents; index++) picture.take(documentKey(file, index));
			keptOf[at] = documents;
			keptInputs++;
		});
	}
	/** The index-th document of the at-th input, kept. */
	const keptDocument = (at: number, index: number): Kept => {
		const key = documentKey(absolute[at]!, index);
		return {stored: picture!.documentOf(key)!, name: (options.label ?? (path => path))(files[at]!) + picture!.suffixOf(key)};
	};
	const readTotal = files.length - keptInputs;
	let readDone = 0;
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
		const expected = readingIndex >= 2 * READ_AHEAD ? Infinity : Math.max(readTotal - readDone, needingAnalysis);
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
		const file = store ? fileOf(input, index, hash, source.name) : undefined;
		if (file && known.has(file.path) && known.get(file.path)!.hash !== hash) rehashed = true;
		const stamp = file ? stampOf(input) : undefined;
		const stored = store?.analysis(hash);
		if (stored !== undefined) {
			try {
				const analysis = decodeAnalysis(stored, source.name, source.text);
				if (file && !unchanged(file)) store!.recordFile(file);
				return {source, warnings, hash, file, input: stamp, analysis, cached: true};
			} catch {
				// Not an analysis after all: analysed again, and the store keeps its first row.
			}
		}
		needingAnalysis++;
		const workers = startPool();
		if (!workers) return {source, warnings, hash, file, input: stamp};
		const analysis = workers.analyse(source).then(encoded => {
			const decoded = decodeAnalysis(encoded, source.name, source.text);
			store?.put(hash, decoded, encoded, file);
			return decoded;
		});
		analysis.catch(() => {}); // rejections are raised when this document's turn comes
		return {source, warnings, hash, file, input: stamp, analysis};
	};

	const read = readInputs(files.filter((_, at) => keptOf[at] === undefined), {
		maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000,
		follow: options.follow ?? false,
		userAgent: options.userAgent ?? 'briefing',
		label: options.label ?? (path => path),
	});
	const window: Entry[] = [];
	// The input whose entries are being handed out: whether it was read whole without a problem, so that the
	// store can record it as such, and the stamp of its file.
	let inputClean = true;
	let inputStamp: (FileStamp & {path: string}) | undefined;
	let inputDocuments = 0;
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
				const kept = keptOf[readingInput];
				if (kept !== undefined) {
					// A kept input's documents come straight from the picture, without a turn of the event loop each.
					for (let index = 0; index < kept; index++) window.push({kept: keptDocument(readingInput, index)});
					windowDocuments += kept;
					window.push({finished: files[readingInput]!, documents: kept, kept: true});
					readingInput++;
					readingIndex = 0;
					continue;
				}
				// The others as they are read, in order.
				const next = readingInput < files.length ? await read.next() : undefined;
				if (!next || next.done) exhausted = true;
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
				inputClean = false;
				options.onProblem?.(entry.problem);
				continue;
			}
			if ('finished' in entry) {
				inputsDone++;
				if (!entry.kept) readDone++;
				if (entry.documents > 0) summary.read++;
				else summary.skipped++;
				if (!entry.kept && inputClean && inputStamp && entry.documents > 0 && inputDocuments === entry.documents) {
					store?.recordInput({...inputStamp, documents: entry.documents});
				}
				inputClean = true;
				inputStamp = undefined;
				inputDocuments = 0;
				options.onProgress?.(inputsDone, files.length, summary.documents);
				continue;
			}
			windowDocuments--;
			if ('kept' in entry) {
				summary.cached = ++cachedCount;
				summary.documents++;
				options.onProgress?.(inputsDone, files.length, summary.documents);
				if (performance.now() - turn > TURN_MS) {
					await new Promise(resolve => setImmediate(resolve));
					turn = performance.now();
				}
				yield {kept: entry.kept};
				continue;
			}
			const item = entry.prepared;
			if (item.warnings.length > 0) inputClean = false;
			inputDocuments++;
			if (inputStamp === undefined) inputStamp = item.input;
			else if (!item.input || !sameStamp(inputStamp, item.input)) inputClean = false;
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
			yield {analysis, hash: item.hash};
		}
	} finally {
		await read.return(undefined);
		await pool?.close();
		if (store) {
			// Only a whole run knows which files are gone; an interrupted one keeps what it finished (close commits it).
			if (completed) {
				if (roots.length > 0) store.removeMissing(roots, present, {files: picture ? picture.untaken() : known.keys(), rehashed});
				if (picture) store.keepPicture(roots, picture);
			}
			if (ownStore) store.close();
			else store.flush();
		}
	}
}

/** The absolute path and stamp of a file; undefined for addresses, standard input and what is not a file. */
function statFile(path: string | undefined): (FileStamp & {path: string}) | undefined {
	if (path === undefined || path === '-' || /^https?:\/\//i.test(path)) return undefined;
	const stamp = statStamp(path);
	return stamp && {path: resolve(path), ...stamp};
}
