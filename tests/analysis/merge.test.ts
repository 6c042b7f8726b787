import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import {analyseText} from '../../source/analysis/analyse.js';
import {countMergedEntities, EntityMerge, entityKeys, mergeEntities} from '../../source/analysis/merge.js';
import {entityRows} from '../../source/ui/views.js';
import type {EntityType} from '../../source/analysis/types.js';

const entity = (type: EntityType, name: string, ...aliases: string[]) => ({name, type, aliases, mentions: [{sentence: 0, start: 0, end: name.length, text: name}]});
const document = (path: string, ...entities: Array<ReturnType<typeof entity>>) => ({document: {path}, entities});

describe('mergeEntities and countMergedEntities', () => {
	it('merge an entity across documents by a shared name, and keep apart the same name of another type', () => {
		const documents = [
			document('a.txt', entity('person', 'Xi Jinping', 'Xi'), entity('place', 'Georgia')),
			document('b.txt', entity('person', 'Xi'), entity('person', 'Georgia')),
		];
		const rows = mergeEntities(documents);
		expect(rows.map(row => `${row.type}:${row.name}:${row.mentions}`).sort()).toEqual(['person:Georgia:1', 'person:Xi Jinping:2', 'place:Georgia:1']);
		expect(countMergedEntities(documents.map(d => d.entities.map(entityKeys)))).toBe(3);
	});

	it('count as many rows as mergeEntities gives, in whatever order the documents come (the order counts)', () => {
		// X and Y join through Z only when Z comes first.
		const x = document('x.txt', entity('organization', 'Acme'));
		const y = document('y.txt', entity('organization', 'Acme Corporation'));
		const z = document('z.txt', entity('organization', 'Acme Corporation', 'Acme'));
		for (const order of [[x, y, z], [z, x, y], [y, z, x]]) {
			expect(countMergedEntities(order.map(d => d.entities.map(entityKeys)))).toBe(mergeEntities(order).length);
		}
		expect(countMergedEntities([x, y, z].map(d => d.entities.map(entityKeys)))).toBe(2);
		expect(countMergedEntities([z, x, y].map(d => d.entities.map(entityKeys)))).toBe(1);

		const root = mkdtempSync(join(tmpdir(), 'briefing-merge-'));
		try {
			generateCorpus({count: 40, seed: 5, out: root});
			const analyses = readdirSync(root)
				.filter(name => name.endsWith('.txt'))
				.sort()
				.map(name => analyseText(name, readFileSync(join(root, name), 'utf8')));
			expect(mergeEntities(analyses).length).toBeGreaterThan(20);
			expect(countMergedEntities(analyses.map(a => a.entities.map(entityKeys)))).toBe(mergeEntities(analyses).length);
		} finally {
			rmSync(root, {recursive: true, force: true});
		}
	});

	it('merged a batch at a time (as the dashboard merges arrivals), give the rows of one merge of them all', () => {
		const x = document('x.txt', entity('organization', 'Acme'));
		const y = document('y.txt', entity('organization', 'Acme Corporation'), entity('person', 'Ann Lee'));
		const z = document('z.txt', entity('organization', 'Acme Corporation', 'Acme'), entity('person', 'Lee'));
		const held = document('h.txt', entity('person', 'Ann Lee', 'Lee'));
		// As a held document says it: a count, and mentions that would cost a lookup to make.
		const counted = {document: held.document, entities: held.entities.map(e => ({...e, mentionCount: 4, get mentions(): never {
			throw new Error('counted, not made');
		}}))};
		const merge = new EntityMerge();
		const seen: string[] = [];
		for (const batch of [[z], [x, y], [counted]]) {
			merge.add(batch);
			seen.push(merge.rows().map(row => `${row.name}:${row.mentions}`).join(','));
		}
		expect(seen.at(-1)).toBe(mergeEntities([z, x, y, {...held, entities: held.entities.map(e => ({...e, mentions: Array(4).fill(e.mentions[0])}))}]).map(row => `${row.name}:${row.mentions}`).join(','));
		expect(seen).toEqual(['Acme Corporation:1,Lee:1', 'Acme Corporation:3,Ann Lee:1,Lee:1', 'Ann Lee:5,Acme Corporation:3,Lee:1']);

		// The dashboard's rows as the documents array grows, and again from scratch when it is another set.
		const grown = [x, y].map(d => ({...d, facts: [], stats: {words: 1}})) as never[];
		expect(entityRows(grown.slice(0, 1))).toEqual(mergeEntities(grown.slice(0, 1)));
		expect(entityRows(grown)).toEqual(mergeEntities(grown));
		const other = [z, x].map(d => ({...d, facts: [], stats: {words: 1}})) as never[];
		expect(entityRows(other)).toEqual(mergeEntities(other));
	});
});
