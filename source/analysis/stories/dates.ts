// The dates one document states, placed on the calendar.
//
// Two sources, never overlapping:
//   - explicit dates come from the facts ("Sept. 8, 2022", "June 2011"), so the timeline and the facts
//     table never disagree about what a date is. A bare year goes on the timeline only where it is used as
//     a date, right after a preposition ("in 2023", "since 1969", "by mid-2024"), not as a label ("the 2023
//     forecast", "2023 elections" with nothing before): every year figure would bury the dates that matter;
//   - everything else ("on Thursday", "yesterday", "last month", "in February", "July of last year",
//     "March 25") is found by chrono, in short windows around date words only, and resolved here against
//     the document's publication date. chrono only says which calendar fields were written; which year or
//     week they fall in depends on tense, and chrono's own guess (the nearest weekday, the next month)
//     ignores it. A weekday in a report is the latest such day on or before publication; in a sentence
//     about what will happen, the next one after it.
// Weeks ("last week", "this weekend", "two weeks ago") are left out: the calendar has day, month and year
// precision, a day would claim more than the text says and a month is wrong when the week straddles two.
// Quarters and decades likewise. A document with no publication date puts no relative date on the
// timeline (nor a "March 25" without its year); its explicit dates with a year still go on it.
import * as chrono from 'chrono-node';
import type {ParsedComponents} from 'chrono-node';
import type {Sentence} from '../../corpus/types.js';
import {MONTHS, MONTH_PATTERN} from '../figures.js';
import type {DocumentAnalysis, Fact} from '../types.js';
import type {DatePrecision} from './types.js';

/** A date as one document states it, placed on the calendar at the precision written. */
export interface DatedMention {
	/** ISO at its precision: "2022-09-08", "2022-09" or "2022". */
	date: string;
	precision: DatePrecision;
	/** The sentence's index in its document, from 0. */
	sentence: number;
	/** The date as written, without a leading preposition ("Thursday", "last month", "September 8, 2022"). */
	text: string;
	/** UTF-16 offsets of `text` in `Document.text` (end exclusive). */
	start: number;
	end: number;
	/** "written" when the text gives the date whole; "published" when it was resolved against the publication date. */
	anchor: 'written' | 'published';
	/** Entities named in the sentence. */
	entities: string[];
}

/** What the words around a date say about when it is; 'unknown' when no verb or modal says either. */
type Tense = 'past' | 'future' | 'unknown';

// ------------------------------------------------------------------------------------- calendar

/** A calendar day as a UTC midnight; only its Y-M-D fields are ever read. */
type Day = Date;

const dayOf = (year: number, month: number, day: number): Day => new Date(Date.UTC(year, month - 1, day));
const addDays = (d: Day, n: number): Day => new Date(d.getTime() + n * 86_400_000);
const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Day) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoMonth = (year: number, month: number) => {
	const shifted = new Date(Date.UTC(year, month - 1, 1));
	return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}`;
};

/** The publication day, when `published` starts with a full ISO date; its time and offset are ignored (the day is the local one). */
export function publicationDay(published: string): Day | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
	if (!m) return undefined;
	const d = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
	return Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3]) ? undefined : d;
}

/**
 * The day with `weekday` (0 = Sunday) nearest to `published` in the direction the sentence points:
 * in the past, the latest on or before it (strictly before after "last"); in the future, the next one
 * after it (on or after it after "this").
 */
function weekdayNear(published: Day, weekday: number, tense: Tense, modifier: string): Day {
	const today = published.getUTCDay();
	if (tense !== 'future') {
		const back = (today - weekday + 7) % 7;
		return addDays(published, -(back === 0 && modifier === 'last' ? 7 : back));
	}
	const ahead = (weekday - today + 7) % 7;
	return addDays(published, ahead === 0 && modifier !== 'this' ? 7 : ahead);
}

// A month or a day named without its year lies, as news writes, within about ten months before publication
// or a few after it; further away, writers add the year or say "last June". So the tense picks the
// direction, and the nearer occurrence wins when the tense says nothing, or when the past one would be ten
// months or more back while the next is at most two ahead ("agreed … for May-June", published in April,
// is the coming May; "in August Lagarde said", published in May, is last August). "last June" is the latest June before the publication month, "next June" the first
// after it, "this June" the publication year's.
const FAR_BACK_MONTHS = 10;
const NEAR_AHEAD_MONTHS = 2;

/** The year of the `month` named without one, given the two candidates: this year's or the one before or after. */
function yearOfMonth(published: Day, month: number, tense: Tense, modifier: string): number {
	const year = published.getUTCFullYear();
	const current = published.getUTCMonth() + 1;
	if (modifier === 'this') return year;
	if (modifier === 'last') return month < current ? year : year - 1;
	if (modifier === 'next') return month > current ? year : year + 1;
	const back = (current - month + 12) % 12; // months back to the latest such month, 0 for this one
	const ahead = (month - current + 12) % 12;
	const past = month <= current ? year : year - 1;
	const next = month >= current ? year : year + 1;
	if (tense === 'future') return next;
	if (tense === 'past') return back >= FAR_BACK_MONTHS && ahead <= NEAR_AHEAD_MONTHS ? next : past;
	return back <= ahead ? past : next;
}

/** The year of a day of a month written without one ("March 25"), by the same rule as a month's. */
function yearOfMonthDay(published: Day, month: number, day: number, tense: Tense): number {
	const year = published.getUTCFullYear();
	const now = published.getTime();
	const past = dayOf(year, month, day).getTime() <= now ? year : year - 1;
	const next = dayOf(year, month, day).getTime() >= now ? year : year + 1;
	const back = (now - dayOf(past, month, day).getTime()) / 86_400_000;
	const ahead = (dayOf(next, month, day).getTime() - now) / 86_400_000;
	if (tense === 'future') return next;
	if (tense === 'past') return back >= FAR_BACK_MONTHS * 30.4 && ahead <= NEAR_AHEAD_MONTHS * 30.4 ? next : past;
	return back <= ahead ? past : next;
}

// ------------------------------------------------------------------------------------------ tense

// What makes a sentence about the future around a date: a modal or a scheduling phrase. "would" counts
// (not "would have"): a report that still says "said it would meet on Thursday" is written before the
// meeting, or it would say what the meeting did.
const FUTURE_CUE =
	/\b(?:will|shall|would(?!\s+(?:have|’ve|'ve))|won[’']t|going to|(?:is|are|was|were|be|been)\s+(?:set|due|scheduled|slated|expected|poised|likely|planned)\s+to|(?:is|are)\s+to|(?:scheduled|slated|due)\s+(?:to|for)|scheduling\s+to|(?<!\b(?:with|the|its|his|her|their|our|no|new)\s)plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|upcoming)\b|[’']ll\b/giu;
const PAST_IRREGULAR =
	'was|were|had|did|said|told|won|lost|met|rose|fell|hit|made|took|gave|came|went|held|left|led|sent|spent|saw|began|ran|grew|struck|stood|paid|sold|bought|brought|thought|found|kept|became|wrote|spoke|chose|drew|broke|beat|got|swept|shot|fought|knew|meant|felt|heard|sought|slid|sank|shrank|soared|ended';
const PAST_CUE = new RegExp(`\\b(?:${PAST_IRREGULAR}|[a-z]{3,}ed)\\b`, 'giu');
const PARTICIPLE_BEFORE = /\b(?:be|been|being|a|an|the|its|their|his|her|more|most|very|well|newly)\s+$/i;
/** "-ed" words that are not past verbs. */
const NOT_PAST = new Set(['need', 'needed', 'indeed', 'speed', 'proceed', 'exceed', 'feed', 'seed', 'breed', 'hundred', 'united', 'red', 'bed', 'shed', 'embed', 'greed', 'steed', 'weed', 'deed', 'creed', 'freed']);

/**
 * Whether the words nearest to a date in its sentence speak of the future ("will meet on Thursday",
 * "are expected to enter into force this November") or of the past (the default in a report).
 */
function tenseAround(sentence: string, start: number, end: number): Tense {
	// The verb that governs a date mostly comes before it: a cue after the date counts as three times as far.
	const distance = (s: number, e: number) => (e <= start ? start - e : s >= end ? 3 * (s - end) : 0);
	let future = Infinity;
	const futureSpans: Array<[number, number]> = [];
	for (const m of sentence.matchAll(FUTURE_CUE)) {
		future = Math.min(future, distance(m.index!, m.index! + m[0].length));
		futureSpans.push([m.index!, m.index! + m[0].length]);
	}
	let past = Infinity;
	for (const m of sentence.matchAll(PAST_CUE)) {
		const [s, e] = [m.index!, m.index! + m[0].length];
		const word = m[0].toLowerCase();
		if (NOT_PAST.has(word) || futureSpans.some(([a, b]) => s < b && e > a)) continue;
		// A participle after "be" is no tense of its own ("will be scheduled for Oct. 30"), nor one used as an
		// adjective ("the expected rise").
		if (word.endsWith('ed') && PARTICIPLE_BEFORE.test(sentence.slice(Math.max(0, s - 8), s))) continue;
		past = Math.min(past, distance(s, e));
	}
	if (future === Infinity && past === Infinity) return 'unknown';
	return future < past ? 'future' : 'past';
}

// ------------------------------------------------------------------------------------- candidates

// chrono reads about 93k words/s, so it only ever sees short windows around the words that can start or
// end a date this timeline places: a weekday, a casual day, a relative period, or a month name that is not
// already part of a date fact.
const CUE =
	/\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening)|(?:last|next|this|coming|previous|current)\s+(?:month|year)|ago)\b/gi;
// Month names are case-sensitive ("may", "march" are verbs); the other cues are not.
const MONTH_NAME = new RegExp(`\\b${MONTH_PATTERN}(?![\\p{L}])`, 'u');
const MONTH_NAMES = new RegExp(MONTH_NAME.source, 'gu');
/** Characters of context on each side of a cue: enough for "July of last year", "two months ago", "Tuesday, Oct. 4". */
const WINDOW = 32;
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\u00a0']);

/** Stretches of a sentence to give to chrono, as [start, end) in the sentence, merged where they overlap. */
function windowsOf(text: string, dateSpans: Array<[number, number]>): Array<[number, number]> {
	const cues: Array<[number, number]> = [];
	for (const m of text.matchAll(CUE)) cues.push([m.index!, m.index! + m[0].length]);
	for (const m of text.matchAll(MONTH_NAMES)) {
		const [s, e] = [m.index!, m.index! + m[0].length];
		if (!dateSpans.some(([a, b]) => s < b && e > a)) cues.push([s, e]);
	}
	cues.sort((x, y) => x[0] - y[0]);
	const windows: Array<[number, number]> = [];
	for (const [s, e] of cues) {
		// Widen to whole words so that chrono never sees half a word.
		let start = Math.max(0, s - WINDOW);
		while (start > 0 && !WHITESPACE.has(text[start - 1]!)) start--;
		let end = Math.min(text.length, e + WINDOW);
		while (end < text.length && !WHITESPACE.has(text[end]!)) end++;
		const last = windows.at(-1);
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else windows.push([start, end]);
	}
	return windows;
}

/** chrono's casual English with only the parsers for what this timeline places: no clock times, slashes or ISO dates (the facts read those). */
const DATE_PARSER = (() => {
	const wanted = new Set([
		'ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENTimeUnitAgoFormatParser',
		'ENYearMonthNameParser', 'ENCasualDateParser', 'ENCasualTimeParser', 'ENMonthNameParser', 'ENRelativeDateFormatParser',
	]);
	const configuration = chrono.en.configuration.createCasualConfiguration();
	// Bundlers may suffix a class name ("ENWeekdayParser2"); when names are gone altogether, keep every parser.
	const parsers = configuration.parsers.filter(parser => wanted.has(parser.constructor.name.replace(/\d+$/, '')));
	return parsers.length === wanted.size ? new chrono.Chrono({parsers, refiners: configuration.refiners}) : chrono.en.casual;
})();

// ------------------------------------------------------------------------------------- resolution

const CASUAL_DAY: Array<[RegExp, number]> = [
	[/^(?:yesterday|last night)\b/i, -1],
	[/^(?:today|tonight|this (?:morning|afternoon|evening))\b/i, 0],
	[/^tomorrow\b/i, 1],
];
const NUMBER_WORDS: Record<string, number> = {a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12};
// "end of next year" (chrono's ENEndOfPeriodRefiner makes it a day) is still that year.
const RELATIVE_PERIOD = /^(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?(?:(last|next|this|current|coming|previous)\s+(month|year)|(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(days?|months?|years?)\s+ago)$/i;
const STEP: Record<string, number> = {last: -1, previous: -1, this: 0, current: 0, next: 1, coming: 1};
/** "over the last year", "in the past month": a span of time up to now, not a date. */
const DURATION_BEFORE = /\b(?:over|in|during|for|within|throughout|through)\s+the\s+$/i;
const MONTH_BEFORE = new RegExp(`\\b(${MONTH_PATTERN})(?:\\s+of)?\\s+$`, 'u');
const YEAR_AFTER = /^,?\s+(?:of\s+)?(last|this|next)\s+year\b/i;
const LEADING_WORD = /^(?:on|at|in|of|by|since|from|until|for)\s+/i;
const MODIFIER = /^(last|past|previous|next|coming|this)\s+/i;
/** A weekday or month followed by a capitalised word, with no preposition before it, names something: "The Sunday Times", "August Wilson". */
const IN_NAME_AFTER = new RegExp(`^\\s+(?!${MONTH_PATTERN}(?![\\p{L}]))\\p{Lu}\\p{Ll}`, 'u');
const DATE_WORD_BEFORE = /\b(?:on|in|of|by|since|until|till|from|before|after|during|through|last|next|this|early|late|mid|said|says)[\s-]+$/i;
const FULL_WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
/** Feasts and shopping days named after a weekday are not the nearest such weekday: "Good Friday", "Ash Wednesday". */
const HOLIDAY_BEFORE = /\b(?:Good|Black|Cyber|Ash|Palm|Easter|Holy|Maundy|Shrove|Whit|Super|Giving|Bloody)\s+$/;
const MODIFIER_BEFORE = /\b(?:last|past|previous|next|coming|this)\s+$/i;

const monthNumber = (name: string) => MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;

/** What chrono found: a whole result, or one end of a range ("Monday to Friday", "May-June"). */
interface Piece {
	text: string;
	/** Where `text` starts in the sentence. */
	index: number;
	start: ParsedComponents;
}

interface Found {
	start: number; // in the sentence
	end: number;
	date: string;
	precision: DatePrecision;
}

/** One chrono result resolved against the publication day, or undefined when it is not a date this timeline places. */
function resolve(result: Piece, sentence: string, published: Day): Found | undefined {
	let text = result.text;
	let start = result.index;
	const lead = LEADING_WORD.exec(text);
	if (lead) {
		text = text.slice(lead[0].length);
		start += lead[0].length;
	}
	text = text.replace(/(?:\s+of|,)?\s*$/i, '');
	let end = start + text.length;
	const c = result.start;
	const tags = c.tags();
	if (tags.has('casualReference/now')) return undefined;

	for (const [pattern, offset] of CASUAL_DAY) {
		if (pattern.test(text)) return {start, end, date: isoDay(addDays(published, offset)), precision: 'day'};
	}

	const period = RELATIVE_PERIOD.exec(text);
	if (period) {
		// "over the past year" is a span up to now; "the next year" counts from the story's own time, not publication.
		const bare = !/^(?:the\s+)?(?:end|start|beginning|middle)\b/i.test(text);
		if (bare && (DURATION_BEFORE.test(sentence.slice(0, start)) || /\bthe\s+$/i.test(sentence.slice(0, start)))) return undefined;
		const unit = (period[2] ?? period[4]!).toLowerCase().replace(/s$/, '');
		const step = period[1] ? STEP[period[1].toLowerCase()]! : -(NUMBER_WORDS[period[3]!.toLowerCase()] ?? Number(period[3]));
		const year = published.getUTCFullYear();
		if (unit === 'day') return {start, end, date: isoDay(addDays(published, step)), precision: 'day'};
		if (unit === 'year') {
			// "May this year", "July of last year": the month, in that year.
			const month = MONTH_BEFORE.exec(sentence.slice(0, start));
			if (month && period[1]) return {start: month.index, end, date: isoMonth(year + step, monthNumber(month[1]!)), precision: 'month'};
			return {start, end, date: String(year + step), precision: 'year'};
		}
		return {start, end, date: isoMonth(year, published.getUTCMonth() + 1 + step), precision: 'month'};
	}
	if (/\b(?:week|weekend|quarter|decade)s?\b/i.test(text)) return undefined; // no week precision on this calendar

	// What remains are calendar fields written without their year: a weekday, a month, a month and a day.
	if (c.isCertain('year')) return undefined; // a written year: the facts place those
	// chrono leaves "last" out of "since last December".
	const before = MODIFIER_BEFORE.exec(sentence.slice(0, start));
	if (before && !MODIFIER.test(text)) {
		start = before.index;
		text = sentence.slice(start, end);
	}
	const modifier = (MODIFIER.exec(text)?.[1] ?? '').toLowerCase().replace(/^(?:past|previous)$/, 'last').replace(/^coming$/, 'next');
	const tense: Tense = modifier === 'last' ? 'past' : modifier === 'next' ? 'future' : tenseAround(sentence, start, end);
	if (c.isCertain('month')) {
		const month = c.get('month')!;
		if (c.isCertain('day')) {
			const day = c.get('day')!;
			const at = dayOf(yearOfMonthDay(published, month, day, tense), month, day);
			// February 29 in a year without one.
			if (at.getUTCDate() !== day) return undefined;
			return {start, end, date: isoDay(at), precision: 'day'};
		}
		const name = MONTH_NAME.exec(text);
		if (!name) return undefined;
		if (IN_NAME_AFTER.test(sentence.slice(end)) && !DATE_WORD_BEFORE.test(sentence.slice(0, start))) return undefined;
		const after = YEAR_AFTER.exec(sentence.slice(start + name.index + name[0].length));
		if (after) {
			end = start + name.index + name[0].length + after[0].length;
			return {start, end, date: isoMonth(published.getUTCFullYear() + STEP[after[1]!.toLowerCase()]!, month), precision: 'month'};
		}
		return {start, end, date: isoMonth(yearOfMonth(published, month, tense, modifier), month), precision: 'month'};
	}
	if (c.isCertain('weekday') && !c.isCertain('day')) {
		// chrono also reads "sat", "sun" and "wed" as weekdays.
		if (!FULL_WEEKDAY.test(text)) return undefined;
		if (IN_NAME_AFTER.test(sentence.slice(end)) && !DATE_WORD_BEFORE.test(sentence.slice(0, start))) return undefined;
		if (HOLIDAY_BEFORE.test(sentence.slice(0, start))) return undefined;
		return {start, end, date: isoDay(weekdayNear(published, c.get('weekday')!, tense, modifier)), precision: 'day'};
	}
	return undefined;
}

// ------------------------------------------------------------------------------------ explicit dates

/** Words in front of a bare year that make it a date ("in 2023", "since 2019", "by mid-2024"), not a label ("the 2023 forecast"). */
const YEAR_AS_DATE_BEFORE = /\b(?:in|since|by|until|till|through|during|before|after|from|of|early|late|mid|around|between|and|to)[\s-]+$/i;
/** The fact as a date on the calendar, when it is one with its year written. */
function explicitDate(fact: Fact, text: string): Omit<Found, 'start' | 'end'> | undefined {
	if (fact.kind === 'date' && typeof fact.value === 'string' && /^\d{4}-\d{2}(?:-\d{2})?$/.test(fact.value)) {
		return {date: fact.value, precision: fact.value.length === 10 ? 'day' : 'month'};
	}
	if (fact.kind === 'year' && typeof fact.value === 'number') {
		if (!YEAR_AS_DATE_BEFORE.test(text.slice(Math.max(0, fact.start - 24), fact.start))) return undefined;
		return {date: String(fact.value), precision: 'year'};
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------- per document

function entitiesBySentence(analysis: DocumentAnalysis): Map<number, string[]> {
	const names = new Map<number, string[]>();
	for (const entity of analysis.entities) {
		for (const mention of entity.mentions) {
			const list = names.get(mention.sentence) ?? [];
			if (!list.includes(entity.name)) list.push(entity.name);
			names.set(mention.sentence, list);
		}
	}
	return names;
}

const RANGE_SEPARATOR = /\s*(?:[-–—]|\b(?:to|through|until|till|and)\b)\s*/i;

/** A result as the pieces that are dates: both ends of a range, each with its own text. */
function piecesOf(result: {text: string; index: number; start: ParsedComponents; end?: ParsedComponents}): Piece[] {
	const separator = result.end ? RANGE_SEPARATOR.exec(result.text) : null;
	if (!result.end || !separator) return [{text: result.text, index: result.index, start: result.start}];
	const second = separator.index + separator[0].length;
	return [
		{text: result.text.slice(0, separator.index), index: result.index, start: result.start},
		{text: result.text.slice(second), index: result.index + second, start: result.end},
	];
}

/**
 * Dates in one sentence that chrono finds, outside the spans of date facts and of names that go on past
 * the date ("The Sunday Times"; but "from Ian Friday morning", a name the entity finder glued to a weekday,
 * keeps its Friday). Spans are document offsets.
 */
function relativeDates(sentence: Sentence, published: Day, dateSpans: Array<[number, number]>, nameSpans: Array<[number, number]>): Found[] {
	const reference = {instant: new Date(published.getTime() + 12 * 3_600_000), timezone: 0};
	const found: Found[] = [];
	const at = sentence.start;
	const blocked = (s: number, e: number) =>
		dateSpans.some(([a, b]) => s + at < b && e + at > a) ||
		nameSpans.some(([a, b]) => s + at < b && e + at > a && b > e + at) ||
		found.some(f => s < f.end && e > f.start);
	for (const [from, to] of windowsOf(sentence.text, dateSpans.map(([a, b]) => [a - at, b - at]))) {
		for (const result of DATE_PARSER.parse(sentence.text.slice(from, to), reference, {forwardDate: false})) {
			for (const piece of piecesOf(result)) {
				piece.index += from;
				if (blocked(piece.index, piece.index + piece.text.length)) continue;
				const date = resolve(piece, sentence.text, published);
				if (date && !blocked(date.start, date.end)) found.push(date);
			}
		}
	}
	return found;
}

/** Every date one document states, explicit or relative, in text order. A pure function of the analysis. */
export function datesOf(analysis: DocumentAnalysis): DatedMention[] {
	const {document, facts} = analysis;
	const names = entitiesBySentence(analysis);
	const published = publicationDay(document.published);
	const mentions: DatedMention[] = [];
	const dateFacts = new Map<number, Array<[number, number]>>();
	for (const fact of facts) {
		if (fact.kind !== 'date' && fact.kind !== 'year') continue;
		const sentence = document.sentences[fact.sentence];
		if (!sentence || sentence.boilerplate) continue;
		if (fact.kind === 'date') {
			const spans = dateFacts.get(fact.sentence);
			if (spans) spans.push([fact.start, fact.end]);
			else dateFacts.set(fact.sentence, [[fact.start, fact.end]]);
		}
		const date = explicitDate(fact, document.text);
		if (date) {
			mentions.push({...date, sentence: fact.sentence, text: fact.text, start: fact.start, end: fact.end, anchor: 'written', entities: names.get(fact.sentence) ?? []});
		} else if (published && fact.kind === 'date' && typeof fact.value === 'string' && fact.value.startsWith('--')) {
			// "March 25" with no year: the year comes from the publication date and the tense.
			const [month, day] = fact.value.slice(2).split('-').map(Number) as [number, number];
			const tense = tenseAround(sentence.text, fact.start - sentence.start, fact.end - sentence.start);
			const at = dayOf(yearOfMonthDay(published, month, day, tense), month, day);
			if (at.getUTCDate() === day) mentions.push({date: isoDay(at), precision: 'day', sentence: fact.sentence, text: fact.text, start: fact.start, end: fact.end, anchor: 'published', entities: names.get(fact.sentence) ?? []});
		}
	}
	if (published) {
		const nameSpans = new Map<number, Array<[number, number]>>();
		for (const entity of analysis.entities) {
			for (const m of entity.mentions) {
				const spans = nameSpans.get(m.sentence);
				if (spans) spans.push([m.start, m.end]);
				else nameSpans.set(m.sentence, [[m.start, m.end]]);
			}
		}
		for (const sentence of document.sentences) {
			if (sentence.boilerplate) continue;
			for (const found of relativeDates(sentence, published, dateFacts.get(sentence.index) ?? [], nameSpans.get(sentence.index) ?? [])) {
				mentions.push({
					date: found.date,
					precision: found.precision,
					sentence: sentence.index,
					text: sentence.text.slice(found.start, found.end),
					start: sentence.start + found.start,
					end: sentence.start + found.end,
					anchor: 'published',
					entities: names.get(sentence.index) ?? [],
				});
			}
		}
	}
	return mentions.sort((a, b) => a.start - b.start);
}
