import type {Document} from '../corpus/types.js';
import type {DocumentEntity, Fact, FactKind} from './types.js';

const SCALE: Record<string, number> = {thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12};

/** Baseline: money, percent and year by pattern. */
export function findFacts(document: Document, entities: DocumentEntity[] = []): Fact[] {
	const facts: Fact[] = [];
	for (const sentence of document.sentences) {
		const names = entities.filter(e => e.mentions.some(m => m.sentence === sentence.index)).map(e => e.name);
		const add = (kind: FactKind, index: number, text: string, value: number | string, unit: string) =>
			facts.push({sentence: sentence.index, kind, text, value, unit, subject: '', entities: names, start: sentence.start + index, end: sentence.start + index + text.length});
		for (const m of sentence.text.matchAll(/\$(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|m|k)?\b/giu)) {
			add('money', m.index!, m[0], Number(m[1]!.replace(/,/g, '')) * (SCALE[(m[2] ?? '').toLowerCase()] ?? 1), 'USD');
		}
		for (const m of sentence.text.matchAll(/(\d+(?:\.\d+)?)\s*(%|percent|per cent)/giu)) add('percent', m.index!, m[0], Number(m[1]), '%');
		for (const m of sentence.text.matchAll(/\b(1[89]\d\d|20\d\d)\b/gu)) add('year', m.index!, m[0], Number(m[1]), '');
	}
	return facts;
}
