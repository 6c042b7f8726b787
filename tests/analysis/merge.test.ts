import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import {analyseText} from '../../source/analysis/analyse.js';
import {countMergedEntities, entityKeys, mergeEntities} from '../../source/analysis/merge.js';
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
});
