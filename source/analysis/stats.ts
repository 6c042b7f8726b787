import type {Document} from '../corpus/types.js';
import type {DocumentEntity, DocumentStats, Fact} from './types.js';

/** Words a reader gets through in a minute, the figure reading-time estimates commonly use. */
const WORDS_PER_MINUTE = 230;

export function documentStats(document: Document, entities: DocumentEntity[], facts: Fact[]): DocumentStats {
	return {
		words: document.words,
		sentences: document.sentences.length,
		paragraphs: document.paragraphs.length,
		readingMinutes: document.words === 0 ? 0 : Math.max(1, Math.round(document.words / WORDS_PER_MINUTE)),
		entities: entities.length,
		facts: facts.length,
		duplicateParagraphs: document.paragraphs.filter(p => p.duplicateOf !== undefined).length,
	};
}

/** Totals over a set of documents; distinct entities are counted after merging across documents. */
export function totalStats(all: DocumentStats[], distinctEntities: number): DocumentStats {
	const sum = (key: keyof DocumentStats) => all.reduce((total, s) => total + s[key], 0);
	const words = sum('words');
	return {
		words,
		sentences: sum('sentences'),
		paragraphs: sum('paragraphs'),
		readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
		entities: distinctEntities,
		facts: sum('facts'),
		duplicateParagraphs: sum('duplicateParagraphs'),
	};
}
