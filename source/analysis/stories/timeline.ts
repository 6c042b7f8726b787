// The timeline: every date the documents state, on one calendar. Each document's dates are found on
// their own (`datesOf`, a pure function of its analysis, kept per document with its story parts); this
// only labels them with their story and sorts them.
import type {DocumentAnalysis} from '../types.js';
import {datesOf} from './dates.js';
import type {StoredDate} from './parts.js';
import type {Story, TimelineEntry} from './types.js';

export {datesOf, type DatedMention} from './dates.js';

/** Every date of every document, earliest first; the same date keeps the documents' order, then text order. */
export function buildTimeline(analyses: DocumentAnalysis[], stories: Story[]): TimelineEntry[] {
	const storyOf = new Map(stories.flatMap(story => story.documents.map(path => [path, story.id] as const)));
	return timelineOf(analyses.map(analysis => ({document: analysis.document.path, story: storyOf.get(analysis.document.path) ?? '', dates: datesOf(analysis)})));
}

/** The timeline of documents whose dates are known: each with its name and story, in the documents' order. */
export function timelineOf(documents: Iterable<{document: string; story: string; dates: readonly StoredDate[]}>): TimelineEntry[] {
	const entries: TimelineEntry[] = [];
	for (const {document, story, dates} of documents) {
		for (const {date, precision, sentence, text, entities} of dates) entries.push({date, precision, document, sentence, text, entities, story});
	}
	// A stable sort: equal dates stay in document and text order.
	return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
