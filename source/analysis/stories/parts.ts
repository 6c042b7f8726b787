// What the briefing needs of one document, from its analysis alone: what grouping compares (content words
// with their counts, the figures it reports, its publication day), the dates it states (the timeline), and
// the story it makes on its own (headline, main entities, summary), which most documents of a large archive
// are. The store keeps these parts per document, so that briefing 100,000 documents holds a few KB of each
// and reads whole only the documents of stories that have several.
import type {DocumentAnalysis} from '../types.js';
import {datesOf} from './dates.js';
import {storyEntities, storyHeadline, storySummary} from './summary.js';
import {storySignature} from './terms.js';
import type {DatePrecision} from './types.js';

/** A date a document states, as the timeline lists it. */
export interface StoredDate {
	date: string;
	precision: DatePrecision;
	sentence: number;
	text: string;
	entities: string[];
}

/** The story a document makes when no other document reports its event. */
export interface LoneStory {
	headline: string;
	entities: string[];
	summary: Array<{sentence: number; text: string}>;
}

export interface StoryParts {
	/** Stemmed content words of the title and story sentences, in order of first use, with their counts. */
	terms: string[];
	counts: number[];
	/** Figure keys with their specificity, in order of first report. */
	figures: Array<[string, number]>;
	/** Days since 1970 of the publication, or null when not known. */
	day: number | null;
	/** The publication date as an ISO day, or "". */
	published: string;
	/** The outlet, or "". */
	source: string;
	dates: StoredDate[];
	alone: LoneStory;
}

/** The parts of one document (`path` only names its quotes while they are computed). */
export function storyParts(analysis: DocumentAnalysis): StoryParts {
	const signature = storySignature(analysis);
	const vectors = [new Map<string, number>()];
	const published = analysis.document.published.slice(0, 10);
	return {
		terms: [...signature.terms.keys()],
		counts: [...signature.terms.values()],
		figures: [...signature.figures],
		day: signature.publishedDay ?? null,
		published: /^\d{4}-\d\d-\d\d$/.test(published) ? published : '',
		source: analysis.document.source ?? '',
		dates: datesOf(analysis).map(({date, precision, sentence, text, entities}) => ({date, precision, sentence, text, entities})),
		alone: {
			headline: storyHeadline([analysis], [signature], vectors),
			entities: storyEntities([analysis]),
			summary: storySummary([analysis], [signature], vectors).map(({sentence, text}) => ({sentence, text})),
		},
	};
}

/** The parts as the store keeps them: JSON, with the words as one string (a word never holds a space). */
export function encodeParts(parts: StoryParts): string {
	return JSON.stringify({...parts, terms: parts.terms.join(' ')});
}

/** The parts from the store's JSON; undefined for a row that is not parts (made again from the analysis). */
export function decodeParts(json: string): StoryParts | undefined {
	let parsed: (Omit<StoryParts, 'terms'> & {terms: string}) | undefined;
	try {
		parsed = JSON.parse(json) as Omit<StoryParts, 'terms'> & {terms: string};
	} catch {
		return undefined;
	}
	if (typeof parsed?.terms !== 'string' || !Array.isArray(parsed.counts) || !Array.isArray(parsed.figures) || !Array.isArray(parsed.dates) || typeof parsed.alone !== 'object') return undefined;
	const terms = parsed.terms === '' ? [] : parsed.terms.split(' ');
	return terms.length === parsed.counts.length ? {...parsed, terms} : undefined;
}
