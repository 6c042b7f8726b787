import type {DocumentAnalysis} from '../types.js';
import type {Story} from './types.js';

/** Baseline: every document is a story of its own. (To be replaced by real grouping.) */
export function groupStories(analyses: DocumentAnalysis[]): Story[] {
	return analyses.map((analysis, index) => {
		const {document} = analysis;
		const first = document.sentences.find(s => !s.boilerplate && s.text !== document.title);
		return {
			id: `s${index + 1}`,
			headline: document.title,
			documents: [document.path],
			sources: 1,
			firstPublished: document.published.slice(0, 10),
			lastPublished: document.published.slice(0, 10),
			entities: analysis.entities.slice(0, 5).map(e => e.name),
			summary: first ? [{document: document.path, sentence: first.index, text: first.text}] : [],
		};
	});
}
