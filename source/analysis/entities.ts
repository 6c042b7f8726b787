import nlp from 'compromise';
import type {Document} from '../corpus/types.js';
import type {DocumentEntity, EntityType, Mention} from './types.js';

/** Baseline: compromise's named-entity tags, one entity per distinct surface form. */
export function findEntities(document: Document): DocumentEntity[] {
	const byKey = new Map<string, DocumentEntity>();
	for (const sentence of document.sentences) {
		const doc = nlp(sentence.text);
		const groups: Array<[EntityType, any]> = [
			['person', doc.people()],
			['place', doc.places()],
			['organization', doc.organizations()],
		];
		for (const [type, view] of groups) {
			for (const match of view.json({offset: true, text: true}) as Array<{text: string; offset: {start: number; length: number}}>) {
				const text = match.text.replace(/[’']s$/u, '').replace(/[.,;:!?"”’)]+$/u, '').trim();
				if (!text) continue;
				const start = sentence.start + match.offset.start;
				const mention: Mention = {sentence: sentence.index, start, end: start + text.length, text};
				const key = `${type}:${text.toLowerCase()}`;
				const entity = byKey.get(key) ?? {name: text, type, aliases: [text], mentions: []};
				entity.mentions.push(mention);
				byKey.set(key, entity);
			}
		}
	}
	return [...byKey.values()];
}
