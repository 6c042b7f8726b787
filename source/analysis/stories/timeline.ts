import type {DocumentAnalysis} from '../types.js';
import type {Story, TimelineEntry} from './types.js';

/** Baseline: the explicit full dates the facts already hold. (To be replaced.) */
export function buildTimeline(analyses: DocumentAnalysis[], stories: Story[]): TimelineEntry[] {
	const storyOf = new Map(stories.flatMap(story => story.documents.map(path => [path, story.id] as const)));
	const entries: TimelineEntry[] = [];
	for (const {document, facts} of analyses) {
		for (const fact of facts) {
			if (fact.kind !== 'date' || typeof fact.value !== 'string' || fact.value.startsWith('--')) continue;
			const precision = fact.value.length === 10 ? 'day' : fact.value.length === 7 ? 'month' : 'year';
			entries.push({date: fact.value, precision, document: document.path, sentence: fact.sentence, text: fact.text, entities: fact.entities, story: storyOf.get(document.path) ?? ''});
		}
	}
	return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
