import {expect, test} from 'vitest';
import type {DocumentAnalysis} from '../../source/analysis/types.js';
import {batchInterval, feedStore} from '../../source/ui/session.js';
import {initialState} from '../../source/ui/state.js';
import {DashboardStore} from '../../source/ui/store.js';
import {smallSet} from './fixtures.js';

async function* arriving(analyses: DocumentAnalysis[], summary: {total: number; read: number; skipped: number}, stopAfter = Infinity) {
	summary.total = analyses.length;
	for (const [i, analysis] of analyses.entries()) {
		if (i >= stopAfter) return;
		summary.read++;
		yield analysis;
	}
}

test('every analysis reaches the store, then the run is marked finished with its figures', async () => {
	const store = new DashboardStore(initialState({columns: 120, rows: 35}, 0));
	const summary = {total: 0, read: 0, skipped: 0};
	await feedStore(arriving(smallSet(), summary), store, {summary, onProblem: () => {}}, () => false);
	const state = store.getState();
	expect(state.analyses.map(a => a.document.path)).toEqual(['news/trade.txt', 'news/ferry.txt']);
	expect(state.progress).toMatchObject({done: 2, total: 2, finished: true});
});

test('once the dashboard has closed, arrivals stop reaching the store', async () => {
	const store = new DashboardStore(initialState({columns: 120, rows: 35}, 0));
	const summary = {total: 0, read: 0, skipped: 0};
	await feedStore(arriving(smallSet(), summary), store, {summary, onProblem: () => {}}, () => true);
	expect(store.getState().analyses).toEqual([]);
	expect(store.getState().progress.finished).toBe(false);
});

test('batches come quickly at first and further apart as documents add up', () => {
	expect(batchInterval(0)).toBeLessThan(batchInterval(10));
	expect(batchInterval(500)).toBeGreaterThan(batchInterval(10));
	expect(batchInterval(100_000)).toBe(1000);
});
