import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fuseAlone as fuseOver} from './fuse-alone.js';
import {generateCorpus} from '../../bench/generator.mjs';
import {SearchScan} from '../../source/analysis/search-scan.js';
import type {SearchableSentence} from '../../source/analysis/search.js';
import type {SearchHit} from '../../source/analysis/types.js';
import {buildDocument} from '../../source/corpus/document.js';
import type {Document} from '../../source/corpus/types.js';

let root: string;
let documents: Document[];
let sentences: SearchableSentence[];

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-scan-'));
	generateCorpus({count: 60, seed: 47, out: root});
	documents = readdirSync(root)
		.filter(name => name.endsWith('.txt'))
		.sort()
		.map(name => buildDocument(name, readFileSync(join(root, name), 'utf8')));
	sentences = documents.flatMap(d => d.sentences.map(s => ({document: d.path, sentence: s.index, text: s.text})));
});

afterAll(() => rmSync(root, {recursive: true, force: true}));

const fuseAlone = (query: string, limit: number) => fuseOver(sentences, query, limit);

function scan(query: string, limit: number): SearchHit[] {
	const search = new SearchScan(query, limit);
	for (const document of documents) search.add(document.path, document.sentences.map(s => s.text));
	return search.results();
}

describe('SearchScan (briefing search: one pass, holding only the best)', () => {
	it('gives what fuse.js gives over every sentence: hits, scores, order and highlights', () => {
		const queries = ['interest rates', 'Kazakhstan', 'kazakstan', 'hydroxychloroqine', 'trade war', 'g', 'gg', 'the', 'THE FED', 'zzqxj', 'inflaton', 'a rather long query that runs past thirty-two characters of pattern'];
		for (const query of queries) {
			for (const limit of [1, 5, 20]) expect(scan(query, limit), `${query} (limit ${limit})`).toEqual(fuseAlone(query, limit));
		}
	});

	it('ranks a sentence that is the query itself first, and breaks ties in the order sentences came', () => {
		const search = new SearchScan('rates rose', 3);
		search.add('a.txt', ['Rates rose again.', 'Rates rose', 'Then rates rose, and rose.']);
		search.add('b.txt', ['Rates rose again.']);
		const hits = search.results();
		expect(hits.map(hit => `${hit.document}:${hit.sentence}`)).toEqual(['a.txt:1', 'a.txt:0', 'b.txt:0']);
	});

	it('gives the same results when documents come out of order with their places, or are skipped by mayMatch', () => {
		for (const query of ['interest rates', 'the', 'kazakstan', 'said']) {
			const search = new SearchScan(query, 10);
			documents.forEach((_, i) => {
				const at = documents.length - 1 - i;
				const document = documents[at]!;
				const encoded = JSON.stringify(document.sentences.map(s => s.text));
				const lowered = encoded.toLowerCase();
				if (search.mayMatch(lowered)) search.add(document.path, JSON.parse(encoded) as string[], at, JSON.parse(lowered) as string[]);
			});
			expect(search.results(), query).toEqual(fuseAlone(query, 10));
		}
		expect(new SearchScan('kazakhstan', 5).mayMatch('["nothing here."]')).toBe(false);
		expect(new SearchScan('Kazakhstan', 5).mayMatch('["in kazakhstan."]')).toBe(true);
		expect(new SearchScan('say "yes"', 5).mayMatch('["he said \\"yes\\"."]')).toBe(true);
	});

	it('finds nothing for an empty query or a query found nowhere', () => {
		expect(scan('   ', 5)).toEqual([]);
		expect(scan('qqqqxxxzzz', 5)).toEqual([]);
	});
});
