import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, expect, it} from 'vitest';
import {analyseText} from '../../../source/analysis/analyse.js';
import {briefElsewhere, locateBriefingWorker} from '../../../source/analysis/stories/elsewhere.js';
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
	const elsewhere = await briefElsewhere(many, url);
	expect(elsewhere).toEqual(brief(many));
	expect(elsewhere.stories.length).toBeGreaterThan(0);
}, 60_000);
