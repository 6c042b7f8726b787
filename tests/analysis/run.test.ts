import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import {analyseText} from '../../source/analysis/analyse.js';
import {analysePaths, locateWorker, type RunOptions, type RunSummary} from '../../source/analysis/run.js';
import type {DocumentAnalysis} from '../../source/analysis/types.js';
import type {ReadProblem} from '../../source/corpus/types.js';

let root: string;
let corpus: string;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-run-'));
	corpus = join(root, 'corpus');
	generateCorpus({count: 40, seed: 11, out: corpus});
});

afterAll(() => rmSync(root, {recursive: true, force: true}));

async function run(paths: string[], options: RunOptions = {}) {
	const summary: RunSummary = {total: 0, read: 0, skipped: 0};
	const problems: ReadProblem[] = [];
	const progress: Array<[number, number]> = [];
	const analyses: DocumentAnalysis[] = [];
	for await (const analysis of analysePaths(paths, {cache: false, onProblem: p => problems.push(p), onProgress: (done, total) => progress.push([done, total]), ...options}, summary)) {
		analyses.push(analysis);
	}
	return {analyses, summary, problems, progress};
}

describe('analysePaths', () => {
	it('gives the same analyses from worker threads as in this thread', async () => {
		// The worker is the bundled dist/worker.js: `npm test` builds first.
		expect(locateWorker(), 'dist/worker.js is missing: run `npm run build`').toBeDefined();
		const single = await run([corpus], {workers: 0});
		const threaded = await run([corpus], {workers: 2});
		expect(single.summary.workers).toBe(0);
		expect(threaded.summary.workers).toBe(2);
		expect(threaded.analyses).toHaveLength(40);
		expect(threaded.analyses).toEqual(single.analyses);
		expect(threaded.analyses.map(a => a.document.path)).toEqual(single.analyses.map(a => a.document.path));
	});

	it('gives what analyseText gives for each file', async () => {
		const {analyses} = await run([corpus], {workers: 2});
		const {readFileSync} = await import('node:fs');
		for (const analysis of analyses.slice(0, 5)) {
			expect(analysis).toEqual(analyseText(analysis.document.path, readFileSync(analysis.document.path, 'utf8')));
		}
	});

	it('yields documents in the order of the files, problems in their place, progress from 0 to the total', async () => {
		const dir = join(root, 'ordered');
		mkdirSync(dir, {recursive: true});
		writeFileSync(join(dir, 'b.txt'), 'Second headline\n\nThe second story has 5 percent of the words.\n');
		writeFileSync(join(dir, 'a.txt'), 'First headline\n\nThe first story cost $3 million.\n');
		writeFileSync(join(dir, 'c.txt'), Buffer.from([0x48, 0x00, 0x49]));
		const missing = join(root, 'nowhere.txt');
		const {analyses, problems, progress, summary} = await run([dir, missing], {workers: 2});
		expect(analyses.map(a => a.document.title)).toEqual(['First headline', 'Second headline']);
		expect(problems.map(p => p.path)).toEqual([missing, join(dir, 'c.txt')]);
		expect(summary).toMatchObject({total: 4, read: 2, skipped: 2});
		expect(progress[0]).toEqual([0, 3]);
		expect(progress.at(-1)).toEqual([3, 3]);
	});

	it('starts no worker threads for a handful of documents', async () => {
		const dir = join(root, 'few');
		generateCorpus({count: 3, seed: 5, out: dir});
		const {summary, analyses} = await run([dir]);
		expect(analyses).toHaveLength(3);
		expect(summary.workers).toBe(0);
	});

	it('starts worker threads for one export that holds many documents, as it would for as many files', async () => {
		const lines = Array.from({length: 300}, (_, i) => JSON.stringify({title: `Report ${i}`, text: `Council ${i} approved a budget of $${i + 1} million on Monday. Mayor Ada Lovelace said spending on schools rises ${i % 9} percent.`}));
		const file = join(root, 'export.jsonl');
		writeFileSync(file, lines.join('\n') + '\n');
		const {summary, analyses} = await run([file]);
		expect(analyses).toHaveLength(300);
		expect(analyses[299]!.document.path).toBe(`${file}#300`);
		// Threads start only where they pay (two cores or more), and then for an export as for a folder.
		expect(summary.workers).toBe(availableParallelism() >= 2 ? availableParallelism() : 0);
	});

	it('stops its workers when the reader stops early', async () => {
		const seen: string[] = [];
		for await (const analysis of analysePaths([corpus], {cache: false, workers: 2})) {
			seen.push(analysis.document.path);
			if (seen.length === 3) break;
		}
		expect(seen).toHaveLength(3);
		// A second full run still works: nothing was left half way.
		const {analyses} = await run([corpus], {workers: 2});
		expect(analyses.slice(0, 3).map(a => a.document.path)).toEqual(seen);
	});
});
