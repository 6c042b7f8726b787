import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {parse} from 'csv-parse/sync';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {analysePaths, readCorpus} from '../../source/analysis/run.js';
import type {DocumentAnalysis} from '../../source/analysis/types.js';
import {HeldDocuments, holdDocuments} from '../../source/store/held.js';
import {Store} from '../../source/store/store.js';
import {StoredSentenceSearch} from '../../source/ui/stored-search.js';
import {factRows} from '../../source/ui/views.js';
import {KEYS, renderDashboard} from './harness.js';

let root: string;
let store: Store;
const apps: Array<{unmount: () => void}> = [];

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-held-ui-'));
	cpSync(join(import.meta.dirname, '..', '..', 'seeds'), join(root, 'seeds'), {recursive: true});
	store = Store.open({directory: join(root, 'cache')});
});

afterEach(() => {
	for (const app of apps.splice(0)) app.unmount();
	store.close();
	rmSync(root, {recursive: true, force: true});
});

/** The seeds as the dashboard holds them from a warm store: figures, entities and facts, no texts. */
async function heldSeeds(): Promise<DocumentAnalysis[]> {
	for await (const _ of analysePaths([join(root, 'seeds')], {workers: 0, store}));
	const held: DocumentAnalysis[] = [];
	for await (const analysis of holdDocuments(readCorpus([join(root, 'seeds')], {workers: 0, store, fromStore: true}), new HeldDocuments(store))) held.push(analysis);
	return held;
}

describe('the dashboard over documents held from the store', () => {
	test('reads the article, the search hits and the mentions in context from the store', async () => {
		const analyses = await heldSeeds();
		const app = renderDashboard({analyses, search: new StoredSentenceSearch(store, undefined)});
		apps.push(app);
		await app.waitForFrame(f => f.includes('? help') && f.includes('Chinese President Xi Jinping arrived in Astana'));
		app.press('/');
		await app.waitForFrame(f => f.includes('Search (typing)'));
		app.press('golden eagle');
		await app.waitForFrame(f => /[1-9]\d* hits?/.test(f));
		const order = app.store.getState().search.hits.findIndex(h => h.text.includes('Order of the Golden Eagle'));
		expect(order).toBeGreaterThanOrEqual(0);
		for (let i = 0; i < order; i++) app.press(KEYS.down);
		await app.waitForFrame(() => app.store.getState().search.list.cursor === order);
		app.press(KEYS.enter);
		await app.waitForFrame(f => f.includes('Order of the Golden Eagle') && f.includes('Article │ ? help'));
		app.press('5', KEYS.enter);
		const mentions = await app.waitForFrame(f => /Kazakhstan \(place\): \d+ mentions/.test(f));
		expect(mentions).toMatch(/000_a6675.*Astana, Kazakhstan/);
	});

	test('groups the stories from the store', async () => {
		const analyses = await heldSeeds();
		const app = renderDashboard({analyses, search: new StoredSentenceSearch(store, undefined)});
		apps.push(app);
		const frame = await app.waitForFrame(f => /Kazakhstan’s Key Role in BRI.* 2/.test(f));
		expect(frame).toContain('1/1');
	});

	test('past the most documents it groups, the Stories and Timeline panes say so instead of grouping', async () => {
		const analyses = await heldSeeds();
		const app = renderDashboard({analyses, maxBriefed: 1, brief: () => {
			throw new Error('grouped');
		}});
		apps.push(app);
		const frame = await app.waitForFrame(f => f.includes('2 documents: stories and the timeline group at most 1 here'));
		expect(frame.split('\n').filter(line => line.includes('2 documents: stories and the'))).toHaveLength(2);
		expect(app.store.getState().problems).toEqual([]);
	});

	test('w writes the facts shown, sorted, with each sentence read from the store', async () => {
		const analyses = await heldSeeds();
		const directory = join(root, 'export');
		mkdirSync(directory);
		const app = renderDashboard({analyses, search: new StoredSentenceSearch(store, undefined), exportDirectory: directory, now: () => new Date(2024, 4, 6, 7, 8, 9)});
		apps.push(app);
		await app.waitForFrame(f => f.includes('? help'));
		app.press('6', 's', 's', 's', 's', 'S');
		await app.waitForFrame(f => f.includes('Value▼'));
		app.press('w');
		await app.waitForFrame(f => f.includes('Wrote 7 rows to briefing-facts-20240506-070809.csv'));
		const rows = parse(readFileSync(join(directory, 'briefing-facts-20240506-070809.csv'), 'utf8'), {columns: true}) as Array<Record<string, string>>;
		const state = app.store.getState();
		const shown = factRows(state.analyses, state.facts).map(row => row.fact.text);
		expect(rows.map(row => row.text)).toEqual(shown);
		expect(rows.find(row => row.text === '$20 billion')?.context).toMatch(/bilateral trade/);
	});
});
