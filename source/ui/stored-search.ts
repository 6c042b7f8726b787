import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {StoreSearcher, type SearchReply, type SearchRequest} from '../analysis/search-store.js';
import type {SearchWorkerData} from '../analysis/search-worker.js';
import type {SearchHit} from '../analysis/types.js';
import type {Document} from '../corpus/types.js';
import {HeldDocument} from '../store/held.js';
import type {Store} from '../store/store.js';
import {type Searcher, SentenceSearch} from './search.js';

/** The bundled search thread (dist/search-worker.js), found beside this module in dist/ or dist/chunks/. */
export function locateSearchWorker(): URL | undefined {
	for (const relative of ['./search-worker.js', '../search-worker.js']) {
		const url = new URL(relative, import.meta.url);
		if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
	}
	return undefined;
}

/**
 * The dashboard's search when it holds documents without their texts (store/held.ts): each query reads the
 * sentences from the store, in a thread of its own (or, unbundled, in this one a step at a time), so memory
 * stays flat and keys are never kept waiting. Documents held whole (the store could not take them) are
 * searched in memory beside, and the two answers merged.
 */
export class StoredSentenceSearch implements Searcher {
	readonly #store: Store;
	readonly #post: (request: SearchRequest) => void;
	#worker: Worker | undefined;
	readonly #local = new SentenceSearch();
	#localDocuments = 0;
	#runs = 0;
	#listener: ((reply: SearchReply) => void) | undefined;

	constructor(store: Store, workerUrl: URL | undefined = locateSearchWorker()) {
		this.#store = store;
		const answer = (reply: SearchReply) => this.#listener?.(reply);
		if (workerUrl) {
			// Started with the first documents, not before the first frame: a thread costs the screen some tens of milliseconds.
			const start = () => {
				const worker = new Worker(workerUrl, {workerData: {directory: store.directory, identity: store.identity} satisfies SearchWorkerData});
				// The dashboard keeps the process up; the search thread should not keep a closing one.
				worker.unref();
				worker.on('message', answer);
				return worker;
			};
			this.#post = request => (this.#worker ??= start()).postMessage(request);
		} else {
			const searcher = new StoreSearcher(store, answer);
			this.#post = request => void searcher.handle(request).catch(() => {});
		}
	}

	add(documents: readonly Document[]): void {
		const held = documents.filter((document): document is HeldDocument => document instanceof HeldDocument);
		const whole = documents.filter(document => !(document instanceof HeldDocument));
		if (whole.length > 0) {
			this.#local.add(whole);
			this.#localDocuments += whole.length;
		}
		if (held.length === 0) return;
		// Committed first: the search thread reads the store through a connection of its own.
		this.#store.flush();
		this.#post({add: held.map(document => ({hash: document.hash, name: document.path}))});
	}

	run(query: string, limit: number, onResult: (hits: SearchHit[], complete: boolean) => void, {now = false}: {now?: boolean} = {}): () => void {
		const run = ++this.#runs;
		let cancelled = false;
		if (query.trim() === '') {
			if (now) onResult([], true);
			else setImmediate(() => !cancelled && onResult([], true));
			return () => (cancelled = true);
		}
		let stored: {hits: SearchHit[]; complete: boolean} = {hits: [], complete: false};
		let local: {hits: SearchHit[]; complete: boolean} = {hits: [], complete: this.#localDocuments === 0};
		const tell = () => {
			if (cancelled) return;
			const hits = local.hits.length === 0 ? stored.hits : [...stored.hits, ...local.hits].sort((a, b) => a.score - b.score).slice(0, limit);
			onResult(hits, stored.complete && local.complete);
		};
		const cancelLocal =
			this.#localDocuments === 0
				? () => {}
				: this.#local.run(query, limit, (hits, complete) => {
						local = {hits, complete};
						tell();
					});
		this.#listener = reply => {
			if (reply.run !== run) return;
			stored = {hits: reply.hits, complete: reply.complete};
			tell();
		};
		this.#post({search: {run, query, limit}});
		return () => {
			cancelled = true;
			cancelLocal();
			this.#post({cancel: run});
		};
	}

	/** Every document has come: the search thread reads their sentences ahead (when they are few enough to keep). */
	finished(): void {
		this.#post({readAhead: true});
	}

	/** Stop the search thread. */
	close(): void {
		void this.#worker?.terminate();
	}
}
