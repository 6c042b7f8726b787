import {describe, expect, test} from 'vitest';
import type {SearchHit} from '../../source/analysis/types.js';
import {buildDocument} from '../../source/corpus/document.js';
import {LiveSearch, SentenceSearch, SHARD_SENTENCES, type Defer} from '../../source/ui/search.js';
import {waitFor} from './harness.js';

/** A defer that runs nothing until told: each turn of the event loop becomes a step the test takes. */
function manualTurns() {
	const queue: Array<() => void> = [];
	const defer: Defer = run => {
		queue.push(run);
		return () => {
			const i = queue.indexOf(run);
			if (i >= 0) queue.splice(i, 1);
		};
	};
	return {defer, queue, step: () => queue.shift()?.(), drain: () => {
		let turns = 0;
		while (queue.length > 0) {
			queue.shift()!();
			turns++;
		}
		return turns;
	}};
}

function documents(count: number, sentencesEach: number, word = 'harbour') {
	return Array.from({length: count}, (_, d) =>
		buildDocument(`doc-${d}.txt`, `Title ${d}\n\n${Array.from({length: sentencesEach}, (_, s) => `Sentence ${s} of document ${d} mentions the ${s % 7 === 0 ? word : 'market'}.`).join(' ')}`),
	);
}

describe('SentenceSearch', () => {
	test('searches every shard, in several turns of the event loop, and keeps the best hits', () => {
		const turns = manualTurns();
		const search = new SentenceSearch({defer: turns.defer, sliceMs: 0});
		search.add(documents(12, 200));
		const results: Array<{hits: SearchHit[]; complete: boolean}> = [];
		search.run('harbour', 20, (hits, complete) => results.push({hits, complete}));
		expect(results).toEqual([]);
		// A document here has 201 sentences (its title and 200), so three fill a shard: four shards, one per turn.
		expect(SHARD_SENTENCES).toBe(500);
		expect(turns.drain()).toBe(4);
		const last = results.at(-1)!;
		expect(last.complete).toBe(true);
		expect(last.hits).toHaveLength(20);
		expect(last.hits.every(h => h.text.includes('harbour'))).toBe(true);
		const scores = last.hits.map(h => h.score);
		expect(scores).toEqual([...scores].sort((a, b) => a - b));
	});

	test('a new query cancels the one before it', () => {
		const turns = manualTurns();
		const search = new SentenceSearch({defer: turns.defer, sliceMs: 0});
		search.add(documents(4, 50));
		const answered: string[] = [];
		const cancel = search.run('harbour', 5, () => answered.push('harbour'));
		cancel();
		search.run('market', 5, () => answered.push('market'));
		turns.drain();
		expect(answered.every(q => q === 'market')).toBe(true);
		expect(answered.length).toBeGreaterThan(0);
	});

	test('an empty query answers with no hits', () => {
		const turns = manualTurns();
		const search = new SentenceSearch({defer: turns.defer, sliceMs: 0});
		search.add(documents(1, 5));
		let result: SearchHit[] | undefined;
		search.run('  ', 5, hits => (result = hits));
		turns.drain();
		expect(result).toEqual([]);
	});
});

describe('LiveSearch', () => {
	test('documents arriving during a search are searched once it completes, not by restarting it', async () => {
		const turns = manualTurns();
		const search = new SentenceSearch({defer: turns.defer, sliceMs: 0});
		const answers: Array<{hits: number; complete: boolean}> = [];
		const live = new LiveSearch(search, 10_000, (_query, hits, complete) => answers.push({hits: hits.length, complete}));
		live.addDocuments(documents(12, 200, 'lighthouse'));
		live.setQuery('lighthouse');
		turns.step();
		expect(turns.queue.length).toBe(1);
		live.addDocuments(documents(1, 200, 'lighthouse').map(d => ({...d, path: 'late.txt'})));
		turns.drain();
		const first = answers.find(a => a.complete)!;
		expect(first.hits).toBe(12 * 29);
		// Then, after a pause, a fresh search takes in the late document.
		await waitFor(() => {
			turns.drain();
			return answers.at(-1)!.complete && answers.at(-1)!.hits === 13 * 29;
		});
		live.dispose();
	});
});
