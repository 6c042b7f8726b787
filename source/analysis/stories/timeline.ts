// The timeline: every date the documents state, on one calendar. Each document's dates are found on
// their own (`datesOf`, a pure function of its analysis, cacheable per document); this only labels them
// with their story and sorts them.
import type {DocumentAnalysis} from '../types.js';
import {datesOf} from './dates.js';
import type {Story, TimelineEntry} from './types.js';

export {datesOf, type DatedMention} from './dates.js';

/** Every date of every document, earliest first; the same date keeps the documents' order, then text order. */
export function buildTimeline(analyses: DocumentAnalysis[], stories: Story[]): TimelineEntry[] {
	const storyOf = new Map(stories.flatMap(story => story.documents.map(path => [path, story.id] as const)));
	const entries: TimelineEntry[] = [];
	for (const analysis of analyses) {
		const document = analysis.document.path;
		const story = storyOf.get(document) ?? '';
		for (const {date, precision, sentence, text, entities} of datesOf(analysis)) {
			entries.push({date, precision, document, sentence, text, entities, story});
		}
	}
	// A stable sort: equal dates stay in document and text order.
	return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
