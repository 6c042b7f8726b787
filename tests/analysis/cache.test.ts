import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import {AnalysisCache, contentHash, decodeAnalysis, encodeAnalysis} from '../../source/analysis/cache.js';
import {analyseText} from '../../source/analysis/analyse.js';
import {analysePaths, type RunOptions, type RunSummary} from '../../source/analysis/run.js';
import type {DocumentAnalysis} from '../../source/analysis/types.js';

let root: string;
let corpus: string;
let cacheHome: string;
const saved = {XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, BRIEFING_NO_CACHE: process.env.BRIEFING_NO_CACHE};

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-cache-'));
	corpus = join(root, 'corpus');
	generateCorpus({count: 6, seed: 21, out: corpus});
	cacheHome = join(root, 'cache-home');
	process.env.XDG_CACHE_HOME = cacheHome;
	delete process.env.BRIEFING_NO_CACHE;
});

afterEach(() => {
	for (const [name, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	rmSync(root, {recursive: true, force: true});
});

async function run(paths: string[], options: RunOptions = {}) {
	const summary: RunSummary = {total: 0, read: 0, skipped: 0};
	const analyses: DocumentAnalysis[] = [];
	for await (const analysis of analysePaths(paths, {workers: 0, ...options}, summary)) analyses.push(analysis);
	return {analyses, summary};
}

/** The cache's entry files, under $XDG_CACHE_HOME/briefing. */
function entries(): string[] {
	const dir = join(cacheHome, 'briefing', 'analyses');
	if (!existsSync(dir)) return [];
	return readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter(name => name.endsWith('.json')).map(name => join(dir, name));
}

describe('the analysis cache', () => {
	it('is read on a second run over the same files, with the same results', async () => {
		const first = await run([corpus]);
		expect(first.summary.cached).toBe(0);
		expect(entries()).toHaveLength(6);
		const second = await run([corpus]);
		expect(second.summary.cached).toBe(6);
		expect(second.analyses).toEqual(first.analyses);
	});

	it('misses for a file whose content changed, and only for it', async () => {
		await run([corpus]);
		const changed = join(corpus, 'article-1.txt');
		writeFileSync(changed, 'A different headline\n\nThe story now says the price rose 12 percent in 2021.\n');
		const {analyses, summary} = await run([corpus]);
		expect(summary.cached).toBe(5);
		expect(analyses[0]!.document.title).toBe('A different headline');
		expect(analyses[0]!.facts.map(f => f.text)).toEqual(expect.arrayContaining(['12 percent', '2021']));
	});

	it('ignores a corrupt entry and writes it again', async () => {
		const fresh = await run([corpus]);
		const files = entries();
		writeFileSync(files[0]!, '{"briefing":"analysis"');
		writeFileSync(files[1]!, 'garbage');
		writeFileSync(files[2]!, '');
		const damaged = await run([corpus]);
		expect(damaged.summary.cached).toBe(3);
		expect(damaged.analyses).toEqual(fresh.analyses);
		const repaired = await run([corpus]);
		expect(repaired.summary.cached).toBe(6);
		expect(repaired.analyses).toEqual(fresh.analyses);
	});

	it('gives a cached analysis the name the file goes by now', async () => {
		await run([corpus]);
		const copy = join(root, 'copy');
		mkdirSync(copy);
		cpSync(join(corpus, 'article-2.txt'), join(copy, 'renamed.txt'));
		const {analyses, summary} = await run([copy]);
		expect(summary.cached).toBe(1);
		expect(analyses[0]!.document.path).toBe(join(copy, 'renamed.txt'));
	});

	it('is neither read nor written when turned off, by option or by BRIEFING_NO_CACHE', async () => {
		await run([corpus], {cache: false});
		expect(entries()).toHaveLength(0);
		process.env.BRIEFING_NO_CACHE = '1';
		const {summary} = await run([corpus]);
		expect(entries()).toHaveLength(0);
		expect(summary.cached).toBe(0);
	});

	it('still analyses when the cache cannot be written', async () => {
		writeFileSync(join(root, 'a-file'), '');
		process.env.XDG_CACHE_HOME = join(root, 'a-file');
		const {analyses, summary} = await run([corpus]);
		expect(analyses).toHaveLength(6);
		expect(summary.read).toBe(6);
	});

	it('does not hand out results of another analysis version', () => {
		const text = readFileSync(join(corpus, 'article-3.txt'), 'utf8');
		const hash = contentHash(text);
		const analysis = analyseText('article-3.txt', text);
		new AnalysisCache(join(root, 'direct'), 'version-a').write(hash, encodeAnalysis(analysis, text));
		expect(new AnalysisCache(join(root, 'direct'), 'version-a').read(hash, 'article-3.txt', text)).toEqual(analysis);
		expect(new AnalysisCache(join(root, 'direct'), 'version-b').read(hash, 'article-3.txt', text)).toBeUndefined();
	});

	it('stores an analysis compactly and decodes it to the same thing', () => {
		const text = 'Headline here\r\n\r\nPresident Ada Lovelace said costs rose 4 percent to $2 billion in 2019.\r\n';
		const analysis = analyseText('x.txt', text);
		const encoded = encodeAnalysis(analysis, text);
		// The paragraphs' and sentences' text are slices of the document's, so they are not stored twice.
		expect(encoded.split('costs rose 4 percent').length - 1).toBe(1);
		expect(decodeAnalysis(encoded, 'x.txt', text)).toEqual(analysis);
		// Encoding leaves the analysis as it was.
		expect(analysis).toEqual(analyseText('x.txt', text));
	});
});
