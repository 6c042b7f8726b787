import Fuse from 'fuse.js';
import type {Document} from '../corpus/types.js';
import type {SearchHit} from './types.js';

export interface SearchableSentence {
	document: string;
	sentence: number;
	text: string;
}

export const DEFAULT_SEARCH_LIMIT = 20;

/** Fuzzy search over every sentence of a set of documents. */
export class SentenceIndex {
	readonly #sentences: SearchableSentence[];
	readonly #fuse: Fuse<SearchableSentence>;

	constructor(sentences: SearchableSentence[]) {
		this.#sentences = sentences;
		// Sentences are long: match anywhere in them (ignoreLocation) and rank by how close the match is.
		this.#fuse = new Fuse(sentences, {
			keys: ['text'],
			includeScore: true,
			includeMatches: true,
			ignoreLocation: true,
			threshold: 0.3,
			minMatchCharLength: 2,
		});
	}

	static fromDocuments(documents: Document[]): SentenceIndex {
		return new SentenceIndex(documents.flatMap(d => d.sentences.map(s => ({document: d.path, sentence: s.index, text: s.text}))));
	}

	get size(): number {
		return this.#sentences.length;
	}

	search(query: string, limit = DEFAULT_SEARCH_LIMIT): SearchHit[] {
		if (query.trim() === '') return [];
		return this.#fuse.search(query, {limit}).map(result => ({
			document: result.item.document,
			sentence: result.item.sentence,
			score: result.score ?? 0,
			text: result.item.text,
			matches: (result.matches ?? []).flatMap(m => m.indices.map(([start, end]) => ({start, end: end + 1}))),
		}));
	}
}
