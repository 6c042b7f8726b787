import {SentenceIndex} from '../analysis/search.js';
import type {SearchHit} from '../analysis/types.js';
import type {Document} from '../corpus/types.js';

/**
 * Sentences in the first shards: small enough that searching one keeps a keystroke waiting only a few
 * milliseconds. Later shards grow with what is already indexed (half of it, up to MAX_SHARD_SENTENCES), so
 * 10,000 articles make some twenty shards rather than hundreds: an indexed search costs about the same
 * for 500 sentences as for 50,000, so the count of shards is what a keystroke pays for.
 */
export const SHARD_SENTENCES = 500;
export const MAX_SHARD_SENTENCES = 50_000;
/** Work done in one turn of the event loop before keys get a chance to be read. */
const SLICE_MS = 8;
/** Partial results show this often while a long search runs. */
const PARTIAL_MS = 120;

export type Defer = (run: () => void) => () => void;

/** What the dashboard searches with: documents added as they arrive, a query run in the background and cancelled by the next. */
export interface Searcher {
	add(documents: readonly Document[]): void;
	/** `onResult` gets the best `limit` hits so far, and `complete` once all is searched; `now` may answer before returning. Returns a cancel. */
	run(query: string, limit: number, onResult: (hits: SearchHit[], complete: boolean) => void, options?: {now?: boolean}): () => void;
	/** Told once every document has been added. */
	finished?(): void;
}

const nextTurn: Defer = run => {
	const handle = setImmediate(run);
	return () => clearImmediate(handle);
};

/**
 * Fuzzy search over every sentence, kept off the render path: the sentences are split into shards
 * (each a `SentenceIndex`), and a search runs shard by shard in slices of a few milliseconds, giving
 * the event loop back in between. A newer query cancels the running one, so typing never waits for
 * a search whose answer nobody wants. Documents can be added while searches run.
 */
export class SentenceSearch implements Searcher {
	readonly #sealed: SentenceIndex[] = [];
	#open: Document[] = [];
	#openSentences = 0;
	#sealedSentences = 0;
	#openIndex: SentenceIndex | undefined;
	#run = 0;
	readonly #defer: Defer;
	readonly #sliceMs: number;

	/** `defer` schedules the next slice (the next turn of the event loop); `sliceMs` is how long a slice may run (0: one shard). */
	constructor({defer = nextTurn, sliceMs = SLICE_MS}: {defer?: Defer; sliceMs?: number} = {}) {
		this.#defer = defer;
		this.#sliceMs = sliceMs;
	}

	add(documents: readonly Document[]): void {
		for (const document of documents) {
			this.#open.push(document);
			this.#openSentences += document.sentences.length;
			this.#openIndex = undefined;
			const shardSize = Math.min(MAX_SHARD_SENTENCES, Math.max(SHARD_SENTENCES, Math.floor(this.#sealedSentences / 2)));
			if (this.#openSentences >= shardSize) {
				this.#sealed.push(SentenceIndex.fromDocuments(this.#open));
				this.#sealedSentences += this.#openSentences;
				this.#open = [];
				this.#openSentences = 0;
			}
		}
	}

	#shards(): SentenceIndex[] {
		if (this.#open.length > 0 && !this.#openIndex) this.#openIndex = SentenceIndex.fromDocuments(this.#open);
		return this.#openIndex ? [...this.#sealed, this.#openIndex] : [...this.#sealed];
	}

	/**
	 * Search for `query`; `onResult` gets the best `limit` hits so far, and `complete` once every shard
	 * has been searched. With `now`, the first slice runs before returning: a small set is answered at
	 * once, in the same frame as the keystroke. Returns a function that cancels the search.
	 */
	run(query: string, limit: number, onResult: (hits: SearchHit[], complete: boolean) => void, {now = false} = {}): () => void {
		const id = ++this.#run;
		let cancelTurn = () => {};
		const cancel = () => {
			cancelTurn();
			if (this.#run === id) this.#run++;
		};
		if (query.trim() === '') {
			if (now) onResult([], true);
			else cancelTurn = this.#defer(() => this.#run === id && onResult([], true));
			return cancel;
		}
		let shards: SentenceIndex[] | undefined;
		let next = 0;
		let hits: SearchHit[] = [];
		let published = performance.now();
		const best = () => hits.sort((a, b) => a.score - b.score).slice(0, limit);
		const step = () => {
			if (this.#run !== id) return;
			shards ??= this.#shards();
			if (shards.length === 0) {
				onResult([], true);
				return;
			}
			const started = performance.now();
			// At least one shard per turn, more while the slice lasts.
			do {
				hits.push(...shards[next++]!.search(query, limit));
				hits = best();
			} while (next < shards.length && performance.now() - started < this.#sliceMs);
			if (next >= shards.length) {
				onResult(hits, true);
				return;
			}
			if (performance.now() - published > PARTIAL_MS) {
				published = performance.now();
				onResult([...hits], false);
			}
			cancelTurn = this.#defer(step);
		};
		if (now) step();
		else cancelTurn = this.#defer(step);
		return cancel;
	}
}

/** How long after a search completes before documents that arrived meanwhile get searched too. */
const REFRESH_MS = 300;

/**
 * The search the dashboard shows: a new query starts at once and cancels the old one; documents that
 * arrive while a query stands are searched after the running search completes (at most every
 * REFRESH_MS), so a stream of arrivals can never keep restarting a search before it finishes.
 */
export class LiveSearch {
	readonly #index: Searcher;
	readonly #limit: number;
	readonly #onResult: (query: string, hits: SearchHit[], complete: boolean) => void;
	#query = '';
	#cancel: (() => void) | undefined;
	#running = false;
	#stale = false;
	#refresh: NodeJS.Timeout | undefined;

	constructor(index: Searcher, limit: number, onResult: (query: string, hits: SearchHit[], complete: boolean) => void) {
		this.#index = index;
		this.#limit = limit;
		this.#onResult = onResult;
	}

	setQuery(query: string): void {
		if (query === this.#query && (this.#running || this.#refresh)) return;
		this.#query = query;
		this.#start();
	}

	addDocuments(documents: readonly Document[]): void {
		if (documents.length === 0) return;
		this.#index.add(documents);
		if (this.#query.trim() === '') return;
		if (this.#running) this.#stale = true;
		else this.#refresh ??= setTimeout(() => this.#start(), REFRESH_MS);
	}

	/** Every document has been added. */
	finished(): void {
		this.#index.finished?.();
	}

	dispose(): void {
		this.#cancel?.();
		clearTimeout(this.#refresh);
		this.#refresh = undefined;
		this.#running = false;
	}

	#start(): void {
		this.dispose();
		this.#stale = false;
		this.#running = true;
		const query = this.#query;
		this.#cancel = this.#index.run(
			query,
			this.#limit,
			(hits, complete) => {
				this.#onResult(query, hits, complete);
				if (!complete) return;
				this.#running = false;
				if (this.#stale) this.#refresh = setTimeout(() => this.#start(), REFRESH_MS);
			},
			{now: true},
		);
	}
}
