import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import {analysePaths, readCorpus, type RunOptions} from '../../source/analysis/run.js';
import {StoreSearcher, StoredScan, type SearchReply} from '../../source/analysis/search-store.js';
import {SearchScan} from '../../source/analysis/search-scan.js';
import type {DocumentAnalysis} from '../../source/analysis/types.js';
import {HeldDocument, HeldDocuments, holdDocuments, wholeDocument} from '../../source/store/held.js';
import {Store} from '../../source/store/store.js';
import {StoredSentenceSearch} from '../../source/ui/stored-search.js';

let root: string;
let corpus: string;
let directory: string;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-held-'));
	corpus = join(root, 'corpus');
	generateCorpus({count: 12, seed: 5, out: corpus});
	directory = join(root, 'cache');
});

afterEach(() => rmSync(root, {recursive: true, force: true}));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
	const all: T[] = [];
	for await (const item of items) all.push(item);
	return all;
}

/** A run as the dashboard makes it: documents from a store, held without their texts. */
async function held(store: Store, options: RunOptions = {}): Promise<DocumentAnalysis[]> {
	return collect(holdDocuments(readCorpus([corpus], {workers: 0, store, fromStore: true, ...options}), new HeldDocuments(store)));
}

/** The analysis with every text read, as plain data: what a held one must give back. */
function plain(analysis: DocumentAnalysis) {
	const entities = analysis.entities.map(({name, type, aliases, mentions}) => ({name, type, aliases, mentions}));
	return {document: {...wholeDocument(analysis.document)}, entities, facts: analysis.facts.map(fact => ({...fact})), stats: analysis.stats};
}

describe('documents held from the store (what the dashboard keeps of each)', () => {
	it('give the same texts, sentences, entities and facts as the analyses, read from the store when asked for', async () => {
		const store = Store.open({directory});
		try {
			const fresh = await collect(analysePaths([corpus], {workers: 0, store}));
			// Analysed now, then held once stored (another store, empty); kept in this one, read from its tables.
			const other = Store.open({directory: join(root, 'other')});
			const analysedNow = await held(other);
			expect(analysedNow.map(plain)).toEqual(fresh.map(plain));
			other.close();
			expect((await held(store)).map(plain)).toEqual(fresh.map(plain));
			const [first] = await held(store);
			expect(first!.document).toBeInstanceOf(HeldDocument);
			// The text is not a field of the held document: it comes from the store.
			expect(Object.keys(first!.document)).not.toContain('text');
			expect(first!.document.text).toBe(fresh[0]!.document.text);
		} finally {
			store.close();
		}
	});

	it('have no text once the store has lost them, rather than failing', async () => {
		const store = Store.open({directory});
		try {
			await collect(analysePaths([corpus], {workers: 0, store}));
			const documents = await held(store);
			store.removeMissing([corpus], new Set());
			const document = documents[documents.length - 1]!.document;
			expect(document.text).toBe('');
			expect(document.sentences).toEqual([]);
		} finally {
			store.close();
		}
	});
});

describe('search over held documents (the dashboard with a store)', () => {
	const queries = ['interest rates', 'minister', 'ministre', 'the', 'zzqxj'];

	async function setUp() {
		const store = Store.open({directory});
		const documents = await collect(analysePaths([corpus], {workers: 0, store}));
		store.flush();
		const expected = (query: string, limit: number) => {
			const scan = new SearchScan(query, limit);
			for (const analysis of documents) scan.add(analysis.document.path, analysis.document.sentences.map(s => s.text));
			return scan.results();
		};
		return {store, documents, expected};
	}

	/** A search thread's searcher over the held documents, counting the documents whose sentences it reads from the store. */
	async function countingSearcher(store: Store, documents: DocumentAnalysis[]) {
		let read = 0;
		const each = store.eachSentences.bind(store);
		store.eachSentences = (ids, visit) => {
			read += ids.length;
			each(ids, visit);
		};
		const replies: SearchReply[] = [];
		const searcher = new StoreSearcher(store, reply => replies.push(reply));
		searcher.add((await held(store)).map((a, at) => ({hash: (a.document as HeldDocument).hash, name: documents[at]!.document.path})));
		return {searcher, replies, reads: () => read};
	}

	it('a scan of the store in steps gives what one pass over the sentences gives', async () => {
		const {store, documents, expected} = await setUp();
		try {
			const hashes = (await held(store)).map(a => (a.document as HeldDocument).hash);
			const rows = store.ids(hashes);
			for (const query of queries) {
				const scan = new StoredScan(store, hashes.map((hash, at) => ({id: rows.get(hash)!, name: documents[at]!.document.path, at})), query, 7);
				while (scan.step());
				expect(scan.results()).toEqual(expected(query, 7));
			}
		} finally {
			store.close();
		}
	});

	it('answers the latest query only, with the results of one pass, and takes in documents that arrive later', async () => {
		const {store, documents, expected} = await setUp();
		try {
			const replies: SearchReply[] = [];
			const searcher = new StoreSearcher(store, reply => replies.push(reply));
			const hashes = (await held(store)).map(a => (a.document as HeldDocument).hash);
			searcher.add(hashes.slice(0, 5).map((hash, at) => ({hash, name: documents[at]!.document.path})));
			const stale = searcher.search(1, 'minister', 5);
			const current = searcher.search(2, 'interest rates', 5);
			await Promise.all([stale, current]);
			expect(replies.filter(r => r.complete).map(r => r.run)).toEqual([2]);
			searcher.add(hashes.slice(5).map((hash, at) => ({hash, name: documents[at + 5]!.document.path})));
			await searcher.search(3, 'minister', 5);
			expect(replies.at(-1)).toEqual({run: 3, hits: expected('minister', 5), complete: true});
		} finally {
			store.close();
		}
	});

	it('keeps the sentences it read for the next queries when the documents are few, reading no row again', async () => {
		const {store, documents, expected} = await setUp();
		try {
			const {searcher, replies, reads} = await countingSearcher(store, documents);
			await searcher.search(1, 'minister', 5);
			expect(reads()).toBe(documents.length);
			for (const [run, query] of queries.entries()) {
				await searcher.search(run + 2, query, 5);
				expect(replies.at(-1)).toEqual({run: run + 2, hits: expected(query, 5), complete: true});
			}
			expect(reads()).toBe(documents.length);
		} finally {
			store.close();
		}
	});

	it('reads the sentences ahead while no query runs, so the first query reads no row', async () => {
		const {store, documents, expected} = await setUp();
		try {
			const {searcher, replies, reads} = await countingSearcher(store, documents);
			await searcher.readAhead();
			expect(reads()).toBe(documents.length);
			await searcher.search(1, 'interest rates', 5);
			expect(replies.at(-1)).toEqual({run: 1, hits: expected('interest rates', 5), complete: true});
			expect(reads()).toBe(documents.length);
		} finally {
			store.close();
		}
	});

	it('the dashboard search over held documents gives what the search over whole ones gives', async () => {
		const {store, expected} = await setUp();
		try {
			const search = new StoredSentenceSearch(store, undefined);
			search.add((await held(store)).map(a => a.document));
			for (const query of queries) {
				const hits = await new Promise(resolve => search.run(query, 6, (found, complete) => complete && resolve(found)));
				expect(hits).toEqual(expected(query, 6));
			}
		} finally {
			store.close();
		}
	});
});
