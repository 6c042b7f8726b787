// What the briefing needs of one document, from its analysis alone: what grouping compares (content words
// with their counts, the figures it reports, its publication day), the dates it states (the timeline), and
// the story it makes on its own (headline, main entities, summary), which most documents of a large archive
// are. Beside them, its StoryText (summary.ts): what a story of several documents reads of it. The store keeps
// both per document, so that briefing 100,000 documents holds a few KB of each, reads the StoryTexts only of
// stories that have several, and reads documents whole only to compare the figures of a story not compared
// before.
import type {DocumentAnalysis} from '../types.js';
import {datesOf} from './dates.js';
import {storyEntities, storyHeadline, storySummary, storyText, type StoryText} from './summary.js';
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

/** The parts of one document, and its StoryText. */
export function storyPartsAndText(analysis: DocumentAnalysis): {parts: StoryParts; text: StoryText} {
	const signature = storySignature(analysis);
	const text = storyText(analysis, signature);
	const vectors = [new Map<string, number>()];
	const published = analysis.document.published.slice(0, 10);
	const parts: StoryParts = {
		terms: [...signature.terms.keys()],
		counts: [...signature.terms.values()],
		figures: [...signature.figures],
		day: signature.publishedDay ?? null,
		published: /^\d{4}-\d\d-\d\d$/.test(published) ? published : '',
		source: analysis.document.source ?? '',
		dates: datesOf(analysis).map(({date, precision, sentence, text, entities}) => ({date, precision, sentence, text, entities})),
		alone: {
			headline: storyHeadline([text], vectors),
			entities: storyEntities([text]),
			summary: storySummary([text], vectors).map(({sentence, text}) => ({sentence, text})),
		},
	};
	return {parts, text};
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

/** A StoryText as the store keeps it: JSON, each list of words as one string. */
export function encodeText(text: StoryText): string {
	return JSON.stringify({
		...text,
		titleTerms: text.titleTerms.join(' '),
		quotables: text.quotables.map(quote => ({...quote, terms: quote.terms.join(' ')})),
	});
}

const words = (joined: string) => (joined === '' ? [] : joined.split(' '));

/** The StoryText from the store's JSON; undefined for a row that is not one. */
export function decodeText(json: string): StoryText | undefined {
	type Stored = Omit<StoryText, 'titleTerms' | 'quotables'> & {titleTerms: string; quotables: Array<Omit<StoryText['quotables'][number], 'terms'> & {terms: string}>};
	let parsed: Stored | undefined;
	try {
		parsed = JSON.parse(json) as Stored;
	} catch {
		return undefined;
	}
	if (typeof parsed?.title !== 'string' || typeof parsed.titleTerms !== 'string' || !Array.isArray(parsed.quotables) || !Array.isArray(parsed.entities) || !Array.isArray(parsed.figures)) return undefined;
	return {...parsed, titleTerms: words(parsed.titleTerms), quotables: parsed.quotables.map(quote => ({...quote, terms: words(quote.terms)}))};
}
