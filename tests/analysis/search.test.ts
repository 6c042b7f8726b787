import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Fuse from 'fuse.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fuseAlone as fuseOver} from './fuse-alone.js';
import {generateCorpus} from '../../bench/generator.mjs';
import {SentenceIndex, type SearchableSentence} from '../../source/analysis/search.js';
import {buildDocument} from '../../source/corpus/document.js';
import type {Document} from '../../source/corpus/types.js';

let root: string;
let documents: Document[];
let sentences: SearchableSentence[];
let index: SentenceIndex;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-search-'));
	generateCorpus({count: 50, seed: 31, out: root});
	documents = readdirSync(root)
		.filter(name => name.endsWith('.txt'))
		.sort()
		.map(name => buildDocument(name, readFileSync(join(root, name), 'utf8')));
	sentences = documents.flatMap(d => d.sentences.map(s => ({document: d.path, sentence: s.index, text: s.text})));
	index = SentenceIndex.fromDocuments(documents);
});

afterAll(() => rmSync(root, {recursive: true, force: true}));

const fuseAlone = (query: string, limit: number) => fuseOver(sentences, query, limit);

/** Every prefix, as the query stands after each keystroke. */
const typed = (query: string) => Array.from({length: query.length}, (_, i) => query.slice(0, i + 1));

describe('SentenceIndex', () => {
	it('finds what fuse.js finds, with the same scores, order and highlights, keystroke by keystroke', () => {
		const queries = [
			...typed('interest rates'),
			...typed('Kazakhstan'),
			...typed('kazakstan'), // a letter missing
			...typed('hydroxychloroqine'),
			...typed('trade war'), // not in the text as typed
			'g',
			'gg',
			'the',
			'THE FED',
			'zzqxj',
			'a rather long query that runs past thirty-two characters of pattern',
		];
		for (const query of queries) {
			for (const limit of [20, 3]) expect(index.search(query, limit), `${query} (limit ${limit})`).toEqual(fuseAlone(query, limit));
		}
	});

	it('puts a sentence that is exactly the query first', () => {
		const target = sentences.find(s => s.text.split(' ').length > 12)!;
		const hits = index.search(target.text, 5);
		expect(hits[0]).toMatchObject({document: target.document, sentence: target.sentence, text: target.text});
		expect(hits).toEqual(fuseAlone(target.text, 5));
	});

	it('marks where the query is in each hit that holds it as typed', () => {
		// A phrase of the bundled seeds, so the corpus holds it even where the evaluation set is absent.
		const hits = index.search('bilateral trade', 20).filter(hit => hit.text.toLowerCase().includes('bilateral trade'));
		expect(hits.length).toBeGreaterThan(0);
		for (const hit of hits) {
			const marked = hit.matches.map(m => hit.text.slice(m.start, m.end).toLowerCase()).join(' ');
			expect(marked).toContain('bilateral trade');
		}
	});

	it('returns nothing for a blank query or an empty index, and counts its sentences', () => {
		expect(index.search('   ')).toEqual([]);
		expect(new SentenceIndex([]).search('gold')).toEqual([]);
		expect(index.size).toBe(sentences.length);
	});

	it('ranks the same among a few sentences as among many', () => {
		const few = new SentenceIndex(sentences.slice(0, 30));
		for (const query of ['said', 'percent', 'presdent']) {
			const fuse = new Fuse(sentences.slice(0, 30), {keys: ['text'], includeScore: true, includeMatches: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 2});
			expect(few.search(query, 10).map(h => [h.document, h.sentence, h.score])).toEqual(fuse.search(query, {limit: 10}).map(r => [r.item.document, r.item.sentence, r.score]));
		}
	});
});
