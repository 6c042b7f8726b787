/**
 * Fuzzy search over the sentences of documents kept in the store, read from it for each query rather than
 * held in memory: what the dashboard searches with when it holds only the documents' figures (store/held.ts).
 * A query is a SearchScan over the documents a step at a time, so a newer query can stop it between steps;
 * the dashboard runs it in a worker thread of its own (search-worker.ts), the tests in-process.
 */
import type {Store} from '../store/store.js';
import {SearchScan} from './search-scan.js';
import type {SearchHit} from './types.js';

/** A document to search: its content hash in the store, and its name in the results. */
export interface SearchedDocument {
	hash: string;
	name: string;
}

/** Documents read in one step: a few milliseconds of work, so a newer query waits little. */
const STEP_DOCUMENTS = 250;
/** From this many documents, a step reads the next rows of the whole table instead of looking each one up. */
const SCAN_FROM = 2000;
/** Partial results go out this often while a long search runs. */
const PARTIAL_MS = 150;

export type SearchReply = {run: number; hits: SearchHit[]; complete: boolean};

/** What the dashboard asks of the search thread (or of a StoreSearcher in its own thread, unbundled). */
export type SearchRequest = {add: SearchedDocument[]} | {search: {run: number; query: string; limit: number}} | {cancel: number} | {readAhead: true};

/**
 * A document's sentences as a search reads them: the JSON array the store keeps, lower-cased, and once a query
 * could match, both parsed. Kept between queries for sets small enough (MAX_KEPT_DOCUMENTS).
 */
export interface SearchedText {
	encoded: string;
	lowered: string;
	sentences?: string[];
	lower?: string[];
}

/** Up to this many documents, their sentences stay in memory between queries: each query then reads no row. */
export const MAX_KEPT_DOCUMENTS = 20_000;
/** Documents kept in memory searched in one step. */
const KEPT_STEP_DOCUMENTS = 2000;

/** One query over a store's documents, taken a step at a time. */
export class StoredScan {
	readonly #store: Store;
	readonly #scan: SearchScan;
	/** Where each stored document comes in the run, by row id (the same text can come twice). */
	readonly #places = new Map<number, Array<{name: string; at: number}>>();
	/** Those whose sentences are kept from an earlier query, and those to read from the store. */
	readonly #kept: number[] = [];
	readonly #ids: number[];
	readonly #unread: Set<number>;
	readonly #texts: Map<number, SearchedText> | undefined;
	readonly #keep: boolean;
	readonly #whole: boolean;
	#nextKept = 0;
	#next = 0;
	#after = 0;
	#done = false;

	/** `texts`: sentences kept from earlier queries; with `keep`, those read now are kept too. */
	constructor(store: Store, documents: ReadonlyArray<{id: number; name: string; at: number}>, query: string, limit: number, {texts, keep = false}: {texts?: Map<number, SearchedText>; keep?: boolean} = {}) {
		this.#store = store;
		this.#scan = new SearchScan(query, limit);
		this.#texts = texts;
		this.#keep = keep && texts !== undefined;
		for (const {id, name, at} of documents) {
			const places = this.#places.get(id);
			if (places) places.push({name, at});
			else this.#places.set(id, [{name, at}]);
		}
		const unread: number[] = [];
		for (const id of this.#places.keys()) (texts?.has(id) ? this.#kept : unread).push(id);
		this.#ids = unread.sort((a, b) => a - b);
		this.#unread = new Set(this.#ids);
		this.#whole = this.#ids.length >= SCAN_FROM;
		this.#done = query.trim() === '' || this.#places.size === 0;
	}

	#visit(id: number, text: SearchedText): void {
		if (!this.#scan.mayMatch(text.lowered)) return;
		text.sentences ??= JSON.parse(text.encoded) as string[];
		text.lower ??= JSON.parse(text.lowered) as string[];
		for (const {name, at} of this.#places.get(id)!) this.#scan.add(name, text.sentences, at, text.lower);
		// Parsed only for this query when not kept: the strings go with it.
		if (!this.#texts?.has(id)) text.sentences = text.lower = undefined;
	}

	/** Reads the next documents; false once every one has been read. */
	step(): boolean {
		if (this.#done) return false;
		if (this.#nextKept < this.#kept.length) {
			for (const id of this.#kept.slice(this.#nextKept, this.#nextKept + KEPT_STEP_DOCUMENTS)) this.#visit(id, this.#texts!.get(id)!);
			this.#nextKept += KEPT_STEP_DOCUMENTS;
			this.#done = this.#nextKept >= this.#kept.length && this.#ids.length === 0;
			return !this.#done;
		}
		const read = (id: number, encoded: string) => {
			if (!this.#unread.has(id)) return;
			// Lower-cased once for the document: still a JSON array (escapes are lower-case or case-less).
			const text: SearchedText = {encoded, lowered: encoded.toLowerCase()};
			if (this.#keep) this.#texts!.set(id, text);
			this.#visit(id, text);
		};
		if (this.#whole) {
			const rows = this.#store.sentencesAfter(this.#after, STEP_DOCUMENTS * 2);
			for (const [id, encoded] of rows) read(id, encoded);
			this.#after = rows.at(-1)?.[0] ?? this.#after;
			this.#done = rows.length === 0 || this.#after >= this.#ids.at(-1)!;
		} else {
			const ids = this.#ids.slice(this.#next, this.#next + STEP_DOCUMENTS);
			this.#next += ids.length;
			this.#store.eachSentences(ids, read);
			this.#done = this.#next >= this.#ids.length;
		}
		return !this.#done;
	}

	results(): SearchHit[] {
		return this.#scan.results();
	}
}

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

/**
 * The documents of a dashboard and the query running over them: `add` as documents arrive, `search` as the
 * query changes (a newer one stops the last between steps), answered through `reply` with partial results
 * now and then and the full ones at the end.
 */
export class StoreSearcher {
	readonly #store: Store;
	readonly #reply: (reply: SearchReply) => void;
	readonly #documents: Array<SearchedDocument & {id?: number}> = [];
	/** Sentences read by earlier queries (or while idle), while the documents are few enough to keep them all. */
	#texts: Map<number, SearchedText> | undefined = new Map();
	/** The query running, 0 when none. */
	#current = 0;

	constructor(store: Store, reply: (reply: SearchReply) => void) {
		this.#store = store;
		this.#reply = reply;
	}

	add(documents: readonly SearchedDocument[]): void {
		for (const {hash, name} of documents) this.#documents.push({hash, name});
		if (this.#documents.length > MAX_KEPT_DOCUMENTS) this.#texts = undefined;
	}

	/**
	 * Read and keep the sentences of the documents not kept yet, a step at a time, giving way to any query
	 * (which reads what it needs itself): the dashboard asks once every document has come, so the first query
	 * reads no row either. Only while the documents are few enough to keep.
	 */
	async readAhead(): Promise<void> {
		this.#resolveIds();
		const texts = this.#texts;
		if (!texts) return;
		const unread = [...new Set(this.#documents.flatMap(({id}) => (id === undefined || texts.has(id) ? [] : [id])))];
		for (let at = 0; at < unread.length; at += STEP_DOCUMENTS) {
			if (this.#current !== 0 || this.#texts !== texts) return;
			this.#store.eachSentences(unread.slice(at, at + STEP_DOCUMENTS), (id, encoded) => {
				if (!texts.has(id)) texts.set(id, {encoded, lowered: encoded.toLowerCase()});
			});
			await nextTurn();
		}
	}

	/** Row ids found once per document: those stored since the last look are looked up now. */
	#resolveIds(): void {
		const missing = this.#documents.filter(document => document.id === undefined);
		if (missing.length === 0) return;
		const ids = this.#store.ids(missing.map(document => document.hash));
		for (const document of missing) document.id = ids.get(document.hash);
	}

	/** Carry out a request; a search that fails is answered as complete with no hits, and the failure rethrown. */
	async handle(request: SearchRequest): Promise<void> {
		if ('add' in request) return this.add(request.add);
		if ('cancel' in request) return this.cancel(request.cancel);
		if ('readAhead' in request) return this.readAhead();
		const {run, query, limit} = request.search;
		try {
			await this.search(run, query, limit);
		} catch (error) {
			this.#reply({run, hits: [], complete: true});
			throw error;
		}
	}

	/** Stop the running search: nothing more is told of it. */
	cancel(run: number): void {
		if (this.#current === run) this.#current = 0;
	}

	async search(run: number, query: string, limit: number): Promise<void> {
		this.#current = run;
		// A turn first: keys typed in a burst arrive as a burst of queries, and only the last is worth reading for.
		await nextTurn();
		if (this.#current !== run) return;
		this.#resolveIds();
		const documents = this.#documents.flatMap(({id, name}, at) => (id === undefined ? [] : [{id, name, at}]));
		const scan = new StoredScan(this.#store, documents, query, limit, {texts: this.#texts, keep: true});
		let published = performance.now();
		while (scan.step()) {
			if (performance.now() - published > PARTIAL_MS) {
				published = performance.now();
				this.#reply({run, hits: scan.results(), complete: false});
			}
			await nextTurn();
			if (this.#current !== run) return;
		}
		if (this.#current !== run) return;
		this.#current = 0;
		this.#reply({run, hits: scan.results(), complete: true});
	}
}
