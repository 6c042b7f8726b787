import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, expect, it} from 'vitest';
import {analyseText} from '../../../source/analysis/analyse.js';
import {generateCorpus} from '../../../bench/generator.mjs';
import {readCorpus} from '../../../source/analysis/run.js';
import {briefElsewhere, briefStored, locateBriefingWorker} from '../../../source/analysis/stories/elsewhere.js';
import {Store} from '../../../source/store/store.js';
import {brief} from '../../../source/analysis/stories/index.js';

const repo = join(import.meta.dirname, '..', '..', '..');

beforeAll(() => {
	if (!existsSync(join(repo, 'dist', 'brief-worker.js'))) execFileSync('node', ['build.mjs'], {cwd: repo, stdio: 'inherit'});
});

it('gives the briefing the worker thread computes, the same as computed in this thread, slices and all', async () => {
	const seeds = join(repo, 'seeds');
	const analyses = readdirSync(seeds).sort().map(name => analyseText(`seeds/${name}`, readFileSync(join(seeds, name), 'utf8')));
	// Enough documents for several slices: the seeds again under other names.
	const many = Array.from({length: 600}, (_, i) => analyses[i % 2]!).map((analysis, i) => ({...analysis, document: {...analysis.document, path: `copy-${i}.txt`}}));
	const url = locateBriefingWorker();
	expect(url, 'the built briefing worker').toBeDefined();
	const elsewhere = await briefElsewhere(many, undefined, url);
	expect(elsewhere).toEqual(brief(many));
	expect(elsewhere.stories.length).toBeGreaterThan(0);
}, 60_000);

it('briefs the documents a store holds in the thread (heap bounded), as briefing their analyses here does', async () => {
	const root = mkdtempSync(join(tmpdir(), 'briefing-stored-'));
	const store = Store.open({directory: join(root, 'cache')});
	try {
		generateCorpus({count: 20, seed: 4, out: join(root, 'news')});
		const documents: Array<{name: string; hash: string}> = [];
		const analyses = [];
		for await (const item of readCorpus([join(root, 'news')], {workers: 0, store})) {
			if (!('analysis' in item)) continue;
			documents.push({name: item.analysis.document.path, hash: item.hash});
			analyses.push(item.analysis);
		}
		const url = locateBriefingWorker();
		expect(url, 'the built briefing worker').toBeDefined();
		const expected = brief(analyses);
		expect(expected.stories.some(story => story.documents.length > 1)).toBe(true);
		expect(await briefStored(store, documents, url)).toEqual(expected);
		// Kept by the thread: the same set again is read back, here as there.
		expect(await briefStored(store, documents, undefined)).toEqual(expected);
	} finally {
		store.close();
		rmSync(root, {recursive: true, force: true});
	}
}, 60_000);
