// What one document says that tells its event apart from others: its content words, the figures it
// reports, the calendar days it names and its publication day. All of it is a function of the document
// alone, so it can be cached per document; everything that compares documents lives in group.ts.
import type {DocumentAnalysis, Fact} from '../types.js';

/** Words too common in any news article to say which event it reports. */
const STOPWORDS = new Set(
	`a about above after again against ago all almost along already also although always am among an and another any are
	around as at away back be became because been before being below between both but by came can cannot could did do does
	doing done down during each either else even ever every few first for from further get gets got had has have having he
	her here hers herself him himself his how however i if in including into is it its itself just last late later least
	less like made make makes many may me might more most much must my near nearly new next no nor not now of off often on
	once one only or other others our out over own per put rather said same say saying says see seen she should since so
	some still such take than that the their them themselves then there these they this those though three through thus to
	told too two under until up upon us very was way we well went were what when where whether which while who whom whose
	why will with within without would yet you your year years week weeks day days month months time times percent cent
	according amid mr ms mrs told monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow people
	january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`
		.split(/\s+/)
		.filter(Boolean),
);

/** A word reduced to a form its inflections share ("rates", "rate" → "rate"; "hikes", "hiked" → "hike"). */
export function stem(word: string): string {
	let w = word.toLowerCase().replace(/[’']s$/, '').replace(/[’']/g, '');
	if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
	else if (w.length > 4 && w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
	else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
	if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
	else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, w.endsWith('eed') ? -1 : -2);
	return w.replace(/e$/, '');
}

/** Words already looked at: lower-cased word → its stem, or "" for a stopword. News repeats its words. */
const seen = new Map<string, string>();
const SEEN_LIMIT = 200_000;

function termOf(part: string): string {
	let term = seen.get(part);
	if (term === undefined) {
		const lower = part.toLowerCase();
		term = lower.length < 3 || STOPWORDS.has(lower) || STOPWORDS.has(lower.replace(/[’']s$/, '')) ? '' : stem(lower);
		if (seen.size >= SEEN_LIMIT) seen.clear();
		seen.set(part, term);
	}
	return term;
}

/** The content words of a text, stemmed: letters only, three or more of them, no stopwords. */
export function contentTerms(text: string): string[] {
	const out: string[] = [];
	for (const word of text.match(/\p{L}[\p{L}’'-]*\p{L}/gu) ?? []) {
		for (const part of word.includes('-') ? word.split('-') : [word]) {
			const term = termOf(part);
			if (term) out.push(term);
		}
	}
	return out;
}

/** Units that count basis points: a figure in them is turned into percentage points ("75 bp" = 0.75). */
const BASIS_POINTS = /^(?:bps?|basis(?: points?)?)$/i;
/** Quantities that are a duration or an age, not a reported figure ("15-year high", "77-year-old"). */
const DURATION = /^(?:years?|months?|weeks?|days?|hours?|minutes?)$/i;

/** A number as a key: rounded to four significant digits so "5.90" and "5.9" meet. */
function numberKey(value: number): string {
	return String(Number(value.toPrecision(4)));
}

/** Significant digits of a figure as reported: "517,000" has 3, "4%" 1, "0.75" 2. More digits, less chance. */
export function significantDigits(value: number): number {
	const digits = Math.abs(value).toPrecision(6).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
	return Math.max(1, digits.length);
}

/** One reported figure, as a key that the same figure gets in any other article, with how telling it is. */
export interface FigureKey {
	key: string;
	/** 0..1: a figure with more significant digits is less likely to be shared by chance. */
	specificity: number;
}

/** The key of a fact, or undefined for what says nothing of the event (years, durations, ages). */
export function figureKey(fact: Fact): FigureKey | undefined {
	if (fact.kind === 'year') return undefined;
	if (fact.kind === 'date') {
		// Month and day only: one article writes "Sept. 14", another "14 September 2022".
		const match = /^(?:\d{4})?-?-(\d\d)-(\d\d)$/.exec(String(fact.value));
		return match ? {key: `date:${match[1]}-${match[2]}`, specificity: 0.3} : undefined;
	}
	if (typeof fact.value !== 'number' || !Number.isFinite(fact.value) || fact.value === 0) return undefined;
	if (fact.kind === 'quantity' && DURATION.test(fact.unit)) return undefined;
	let value = Math.abs(fact.value);
	if (fact.kind === 'quantity' && BASIS_POINTS.test(fact.unit.trim())) value /= 100;
	const digits = significantDigits(value);
	// A round small number ("2%", "50") is reported by half of all articles; "517,000" or "48.4%" is not.
	const specificity = Math.min(1, (digits + (value >= 1000 ? 1 : 0)) / 3);
	return {key: numberKey(value), specificity};
}

/** Everything about one document that the grouping compares. */
export interface StorySignature {
	/** Stemmed content words of the title and the story's sentences, with their counts. */
	terms: Map<string, number>;
	/** Stemmed words of the title alone. */
	titleTerms: Set<string>;
	/** Figure keys with their specificity (the highest when a key occurs more than once). */
	figures: Map<string, number>;
	/** Days since 1970 of the publication, or undefined when not known. */
	publishedDay: number | undefined;
	/** Each story sentence's content words, by sentence index (none for boilerplate and the headline). */
	sentenceTerms: Array<string[] | undefined>;
	/** The figure keys each sentence reports, by sentence index. */
	sentenceFigures: Array<string[] | undefined>;
	/** Entity names, lower-cased, with their mention counts. */
	entities: Map<string, number>;
}

/** The day number of an ISO date ("2022-09-08", or with a time), or undefined. */
export function dayNumber(iso: string): number | undefined {
	const match = /^(\d{4})-(\d\d)-(\d\d)/.exec(iso);
	if (!match) return undefined;
	const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	return Number.isNaN(ms) ? undefined : Math.floor(ms / 86_400_000);
}

export function storySignature(analysis: DocumentAnalysis): StorySignature {
	const {document} = analysis;
	const terms = new Map<string, number>();
	const add = (term: string, count = 1) => terms.set(term, (terms.get(term) ?? 0) + count);
	const titleTerms = new Set(contentTerms(document.title));
	for (const term of titleTerms) add(term);
	const sentenceTerms: Array<string[] | undefined> = [];
	for (const sentence of document.sentences) {
		if (sentence.boilerplate || sentence.text === document.title) continue;
		const words = contentTerms(sentence.text);
		sentenceTerms[sentence.index] = words;
		for (const term of words) add(term);
	}
	const figures = new Map<string, number>();
	const sentenceFigures: Array<string[] | undefined> = [];
	for (const fact of analysis.facts) {
		const key = figureKey(fact);
		if (!key) continue;
		if (key.specificity > (figures.get(key.key) ?? 0)) figures.set(key.key, key.specificity);
		(sentenceFigures[fact.sentence] ??= []).push(key.key);
	}
	const entities = new Map<string, number>();
	for (const entity of analysis.entities) entities.set(entity.name.toLowerCase(), entity.mentions.length);
	return {terms, titleTerms, figures, sentenceTerms, sentenceFigures, publishedDay: dayNumber(document.published), entities};
}
