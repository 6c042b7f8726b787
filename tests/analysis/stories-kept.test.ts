import {copyFileSync, mkdtempSync, readdirSync, rmSync, unlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import {readCorpus} from '../../source/analysis/run.js';
import {compareFigures} from '../../source/analysis/stories/compare.js';
import {groupStories} from '../../source/analysis/stories/group.js';
import {brief} from '../../source/analysis/stories/index.js';
import {buildTimeline} from '../../source/analysis/stories/timeline.js';
import {briefFromStore, briefingIdentity, decodeBriefing, encodeBriefing} from '../../source/analysis/stories/kept.js';
import {decodeParts} from '../../source/analysis/stories/parts.js';
import type {DocumentAnalysis} from '../../source/analysis/types.js';
import {Store} from '../../source/store/store.js';

let root: string;
let store: Store;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-kept-'));
	store = Store.open({directory: join(root, 'cache')});
});

afterEach(() => {
	store.close();
	rmSync(root, {recursive: true, force: true});
});

/** Analyse a generated corpus into the store; each document with the content hash the store keeps it under. */
async function corpus(name: string, count: number, seed: number) {
	generateCorpus({count, seed, out: join(root, name)});
	const documents: Array<{name: string; hash: string; analysis: DocumentAnalysis}> = [];
	for await (const item of readCorpus([join(root, name)], {workers: 0, store})) {
		if ('analysis' in item) documents.push({name: item.analysis.document.path, hash: item.hash, analysis: item.analysis});
	}
	store.flush();
	return documents;
}

/** Counts what the briefing reads from the store, by table. */
function counting(target: Store) {
	const reads = {briefings: 0, comparisons: 0, hits: 0};
	const kept = target.kept.bind(target);
	target.kept = (table, key) => {
		reads[table]++;
		const found = kept(table, key);
		if (found !== undefined) reads.hits++;
		return found;
	};
	return reads;
}

describe('the briefing from the store', () => {
	it('gives what briefing the documents gives, and the second time reads it back instead', async () => {
		const documents = await corpus('a', 24, 3);
		const expected = brief(documents.map(d => d.analysis));
		expect(expected.comparisons.length).toBeGreaterThan(0);
		const reads = counting(store);
		expect(briefFromStore(store, documents)).toEqual(expected);
		expect(reads).toEqual({briefings: 1, comparisons: expect.any(Number), hits: 0});
		// Without analyses at hand: read back by name and hash, the set unchanged.
		const again = briefFromStore(store, documents.map(({name, hash}) => ({name, hash})));
		expect(again).toEqual(expected);
		expect(reads.briefings).toBe(2);
		expect(reads.hits).toBe(1);
	});

	it('with new documents, compares again only the stories they change, and gives what a briefing from scratch gives', async () => {
		const first = await corpus('a', 24, 3);
		briefFromStore(store, first);
		const more = await corpus('b', 6, 9);
		const all = [...first, ...more];
		const expected = brief(all.map(d => d.analysis));
		const reads = counting(store);
		expect(briefFromStore(store, all)).toEqual(expected);
		// Stories compared before came back from the store.
		expect(reads.hits).toBeGreaterThan(0);
		expect(reads.hits).toBeLessThan(reads.comparisons);
	});

	it('briefs from story parts what the analyses themselves give: lone stories, stories of several, comparisons and the timeline', async () => {
		const analyses = (await corpus('a', 30, 5)).map(d => d.analysis);
		const stories = groupStories(analyses);
		expect(stories.some(story => story.documents.length === 1)).toBe(true);
		expect(stories.some(story => story.documents.length > 1)).toBe(true);
		expect(brief(analyses)).toEqual({stories, comparisons: compareFigures(analyses, stories), timeline: buildTimeline(analyses, stories)});
	});

	it("keeps each document's story parts and texts: new documents read whole only the documents of the stories they change", async () => {
		const first = await corpus('a', 24, 3);
		const before = briefFromStore(store, first.map(({name, hash}) => ({name, hash})));
		const more = await corpus('b', 6, 9);
		const all = [...first, ...more];
		const expected = brief(all.map(d => d.analysis));
		const read: string[] = [];
		const whole = store.document.bind(store);
		store.document = (hash, path) => {
			read.push(path);
			return whole(hash, path);
		};
		expect(briefFromStore(store, all.map(({name, hash}) => ({name, hash})))).toEqual(expected);
		// The new documents' parts are made from their analyses once. The others are read whole only to compare the
		// figures of a story that was not compared before: one whose documents changed.
		const storyOf = (documents: string[]) => [...documents].sort().join('\n');
		const compared = new Set(before.stories.filter(story => story.documents.length > 1).map(story => storyOf(story.documents)));
		const changed = expected.stories.filter(story => story.documents.length > 1 && !compared.has(storyOf(story.documents)));
		const unchanged = expected.stories.filter(story => story.documents.length > 1 && compared.has(storyOf(story.documents)));
		expect(unchanged.length).toBeGreaterThan(0);
		expect(changed.length).toBeGreaterThan(0);
		const newNames = new Set(more.map(d => d.name));
		const oldRead = new Set(read.filter(name => !newNames.has(name)));
		expect(oldRead).toEqual(new Set(changed.flatMap(story => story.documents).filter(name => !newNames.has(name))));
	});

	it('leaves out of its story a document whose story text is gone, and out of its comparisons one whose analysis is gone; keeps no briefing of the set', async () => {
		const documents = await corpus('a', 24, 3);
		const references = documents.map(({name, hash}) => ({name, hash}));
		const full = brief(documents.map(d => d.analysis));
		// A document of a story of three or more whose figures are compared.
		const compared = new Set(full.comparisons.flatMap(c => c.figures.map(figure => figure.document)));
		const story = full.stories.find(s => s.documents.length > 2 && s.documents.some(document => compared.has(document)))!;
		const lost = story.documents.find(document => compared.has(document))!;
		const lostHash = documents.find(d => d.name === lost)!.hash;
		// Its parts are kept, then its text and its analysis go (another process dropped them).
		briefFromStore(store, references.map(r => ({...r, name: `${r.name}?`})));
		const whole = store.document.bind(store);
		const texts = store.storyTexts.bind(store);
		store.document = (hash, path) => (path === lost ? undefined : whole(hash, path));
		store.storyTexts = (hashes, code) => texts(hashes.filter(hash => hash !== lostHash), code);
		const briefing = briefFromStore(store, references);
		expect(briefing.stories.flatMap(s => s.documents)).not.toContain(lost);
		expect(briefing.stories.flatMap(s => s.documents).length).toBe(documents.length - 1);
		// Only its analysis gone, and its story's comparisons with it: the story keeps it, its figures are left out
		// of the comparisons, and the briefing is not kept.
		store.storyTexts = texts;
		const kept = store.kept.bind(store);
		store.kept = (table, key) => (table === 'comparisons' ? undefined : kept(table, key));
		const withText = briefFromStore(store, references);
		const again = withText.stories.find(s => s.documents.includes(lost))!;
		expect(again.documents).toEqual(story.documents);
		expect(withText.comparisons.flatMap(c => c.figures).some(figure => figure.document === lost)).toBe(false);
		// Not kept: the next briefing of the set finds none.
		const briefings: Array<string | undefined> = [];
		store.kept = (table, key) => {
			const found = kept(table, key);
			if (table === 'briefings') briefings.push(found);
			return found;
		};
		store.document = whole;
		expect(briefFromStore(store, references)).toEqual(full);
		expect(briefings).toEqual([undefined]);
	});

	it('makes again story parts the store holds damaged, and briefs right', async () => {
		const documents = await corpus('a', 12, 3);
		const hashes = documents.map(d => d.hash);
		store.keepStoryParts(briefingIdentity(), [
			[hashes[0]!, '{"terms": 1', '{}'],
			[hashes[1]!, '{"terms": "a b", "counts": [1]}', 'null'],
			[hashes[2]!, 'null', '{"title": 3'],
		]);
		expect(briefFromStore(store, documents.map(({name, hash}) => ({name, hash})))).toEqual(brief(documents.map(d => d.analysis)));
		const rows = store.storyParts(hashes, briefingIdentity());
		expect(rows.size).toBe(documents.length);
		expect([...rows.values()].every(json => decodeParts(json) !== undefined)).toBe(true);
	});

	it('keys a set of 150,000 documents (a bug: their names and hashes were spread into one call, past the stack)', () => {
		const references = Array.from({length: 150_000}, (_, i) => ({name: `gone-${i}.txt`, hash: `h${i}`}));
		// None is stored: each is left out, and nothing is kept.
		expect(briefFromStore(store, references)).toEqual({stories: [], comparisons: [], timeline: []});
	}, 60_000);

	it('tells where a long briefing stands: parts, then the grouping, then each story', async () => {
		const documents = await corpus('a', 24, 3);
		const steps: string[] = [];
		const briefing = briefFromStore(store, documents.map(({name, hash}) => ({name, hash})), (stage, done, total) => steps.push(`${stage} ${done}/${total}`));
		expect(steps[0]).toBe('parts 0/24');
		expect(steps.filter(step => step.startsWith('grouping'))).toEqual(['grouping 24/24']);
		const stories = steps.filter(step => step.startsWith('stories'));
		expect(stories).toHaveLength(briefing.stories.length);
		expect(stories.at(-1)).toBe(`stories ${briefing.stories.length - 1}/${briefing.stories.length}`);
		expect(steps.indexOf('grouping 24/24')).toBeLessThan(steps.indexOf(stories[0]!));
	});

	it('keeps open ranges ("more than 10") and unknown values through the store', () => {
		const figure = {document: 'a.txt', sentence: 0, text: 'more than 10', value: 10, unit: '', period: '', low: 10, high: Infinity};
		const briefing = {stories: [], comparisons: [{id: 'g1', story: 's1', subject: 'x', kind: 'quantity' as const, status: 'agree' as const, figures: [figure, {...figure, low: -Infinity, high: Number.NaN}]}], timeline: []};
		expect(decodeBriefing(encodeBriefing(briefing))).toEqual(briefing);
	});

	it('keeps the briefing of a folder through a file that came and went (a bug: any dropped document emptied the briefings)', async () => {
		const first = await corpus('a', 12, 3);
		const expected = briefFromStore(store, first);
		generateCorpus({count: 1, seed: 77, out: join(root, 'extra')});
		const [extra] = readdirSync(join(root, 'extra')).filter(name => name.endsWith('.txt'));
		copyFileSync(join(root, 'extra', extra!), join(root, 'a', 'zz-extra.txt'));
		const withExtra = await collect(readCorpus([join(root, 'a')], {workers: 0, store}));
		briefFromStore(store, withExtra.map(item => ('analysis' in item ? {name: item.analysis.document.path, hash: item.hash, analysis: item.analysis} : {name: '', hash: ''})));
		unlinkSync(join(root, 'a', 'zz-extra.txt'));
		// The run over the folder without it forgets the file and its document.
		await collect(readCorpus([join(root, 'a')], {workers: 0, store}));
		expect(store.documents().size).toBe(first.length);
		const reads = counting(store);
		expect(briefFromStore(store, first.map(({name, hash}) => ({name, hash})))).toEqual(expected);
		expect(reads.hits).toBe(1);
	});
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
	const all: T[] = [];
	for await (const item of items) all.push(item);
	return all;
}
