import Fuse from 'fuse.js';
import type {SearchableSentence} from '../../source/analysis/search.js';
import type {SearchHit} from '../../source/analysis/types.js';

/** What fuse.js alone gives over every sentence, with the search's options: the behaviour our searches must keep. */
export function fuseAlone(sentences: SearchableSentence[], query: string, limit: number): SearchHit[] {
	const fuse = new Fuse(sentences, {keys: ['text'], includeScore: true, includeMatches: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 2});
	return fuse.search(query, {limit}).map(r => ({
		document: r.item.document,
		sentence: r.item.sentence,
		score: r.score ?? 0,
		text: r.item.text,
		matches: (r.matches ?? []).flatMap(m => m.indices.map(([start, end]) => ({start, end: end + 1}))),
	}));
}
