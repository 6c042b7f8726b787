// Facts: money, percent, quantity, year and date figures, one fact per occurrence.
//
// No parser runs here: each sentence is scanned for digits (and for spelled-out numbers in front of a
// unit), and each figure is classified from the few characters around it. The order matters:
//   1. what is not a fact is claimed first: web addresses, clock times ("11:05 IST"), phone numbers;
//   2. dates ("Dec. 14, 2016", "June 2011", "March 25") claim their day and year, so "January 6, 2017"
//      gives one date and no separate year;
//   3. every remaining digit figure: money (currency before or after), percent, year, an identifier
//      ("COVID-19", "Article 370", "35A"), an ordinal ("17th"), list numbering ("1)") or else a quantity,
//      with the noun it counts ("4,000 coronavirus patients") when one follows;
//   4. ranges share their unit: "0.50-0.75 percent", "$10-15 million", "2007-2009";
//   5. spelled-out numbers only with a unit of measurement ("three percentage points", "six per cent").
import type {Document, Span} from '../corpus/types.js';
import {findSubject} from './facts-subject.js';
import {
	CURRENCY_PREFIXES,
	CURRENCY_WORDS,
	MEASUREMENT_UNITS,
	MONTHS,
	MONTH_PATTERN,
	NUMBER_WORD_PATTERN,
	SCALE_ABBREVIATIONS,
	SCALE_WORDS,
	expandTwoDigitYear,
	looksPlural,
	parseFigure,
	parseNumberWords,
	scaled,
} from './figures.js';
import type {DocumentEntity, Fact, FactKind} from './types.js';

/** A figure found in one sentence; offsets are relative to the sentence. */
interface Figure extends Span {
	kind: FactKind;
	value: number | string;
	unit: string;
	/** Where the digits themselves are, inside [start, end). */
	number: Span;
	/** The plural noun a quantity counts, which is also what it measures. */
	counted?: string;
	/** A quantity with no counted noun: "over 366,000 have contracted". */
	bare?: boolean;
	/** The number before any multiplier ("1.3" of "$1.3 million") and the multiplier. */
	base?: number;
	scale?: number;
	currency?: string;
	/** Shared surface text for several facts ("October 11 and 13"). */
	text?: string;
	/** Set when a later rule finds the figure is no fact after all (a score, "won 5-3"). */
	dropped?: boolean;
	/** The capitalised word and number a quantity is written as ("Billboard 200"), in case they name something. */
	label?: string;
}

// ---------------------------------------------------------------------------------------- patterns

const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
/** "Dec. 14, 2016", "October 11 and 13", "March 25", "Oct 9, 2019". */
const MONTH_DAY_YEAR = new RegExp(
	`(?<![\\p{L}])(${MONTH_PATTERN})\\s+${DAY}(?![\\d:])(?:\\s*(?:-|–|and|to|&)\\s*${DAY}(?![\\d:]))?(?:,?\\s+(\\d{4})(?![\\d]))?`,
	'gu',
);
/** "14 December 2016", "5 August". */
const DAY_MONTH_YEAR = new RegExp(
	`(?<![\\d.,$£€])${DAY}(?:\\s*(?:-|–|and|to)\\s*${DAY})?\\s+(?:of\\s+)?(${MONTH_PATTERN})(?![\\p{L}])(?:,?\\s+(\\d{4})(?![\\d]))?`,
	'gu',
);
/** "June 2011", "June of 2011". */
const MONTH_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_PATTERN})(?:,?\\s+|\\s+of\\s+)(\\d{4})(?![\\d])`, 'gu');
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;
const SLASH_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g;

/** Figures that are not facts: web addresses, clock times, phone numbers, versions, other digit runs. */
const NOT_FIGURES: RegExp[] = [
	// Each alternative starts where its run of characters starts, so long runs cost linear time.
	/\b(?:https?:\/\/|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.-])[\w.-]+\.(?:com|org|net|gov|edu|io)\b(?:\/\S*)?/gi,
	/(?<![\d.])\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b))?(?:\s?(?:IST|GMT|UTC|BST|CET|CEST|EST|EDT|ET|CST|CDT|CT|MST|MDT|PST|PDT|PT|AEST|AEDT|JST|HKT|SGT|PKT)\b)?/g,
	/(?<![\d.,])\d{1,2}(?:\.\d{2})?\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|o[’']clock\b)/g,
	/(?<![\d.,])\d{4}\s?(?:GMT|UTC|IST|hrs|HRS|EDT|EST)\b/g,
	/(?:\+\d{1,3}[\s-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)/g,
	/(?<!\d)\d+(?:[-–]\d+){2,}/g,
	/(?<!\d)\d+(?:\.\d+){2,}/g,
	/(?<!\d)\d+\/\d+/g,
];

/** A digit figure: "4,000", "0.75", Indian grouping "1,00,000". */
const ATOM = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?(?!\d)(?!,\d)/g;

const CURRENCY_BEFORE =
	/(?:^|[^\p{L}\p{N}])((?:US|U\.S\.|C|CA|CAN|A|AU|NZ|HK|S|NT|MX|R)?\$|[€£¥₹₩₽₺₦₱₪]|Rs\.?|INR|USD|CAD|AUD|EUR|GBP|JPY|CNY|RMB|CHF|HKD|SGD|NZD|KZT)[\s\u00a0]?(−|-|minus\s)?$/du;
const SCALE_AFTER = /^(?:[\s\u00a0]|-)?(thousand|million|billion|trillion|lakhs?|crores?)(?![\p{L}])(?:[\s-](crores?)(?![\p{L}]))?/iu;
/** "US$17m", "£3.5 bn", "Rs 91,000-cr", "Rs 500 cr". */
const SCALE_ABBREVIATION_AFTER = /^(?:(bn|mn|mln|bln|tn|cr|[kmb])|[\s\u00a0-](bn|mn|mln|bln|tn|cr))(?![\p{L}\p{N}])/iu;
const PERCENT_AFTER = /^(?:\s?%(?:\s?points?)?|[\s\u00a0]?(?:per\s?cent|percent|pct|percentage[\s-]points?|per-cent)(?![\p{L}])|-(?:percent|per-cent|percentage-points?)(?![\p{L}])|pc(?![\p{L}]))/iu;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)(?![\p{L}])/iu;
const DECADE_AFTER = /^(?:s|[’']s)(?![\p{L}])/u;
/** Units glued to the digits ("50kg", "3x"); one-letter units only in lower case, as "5G" names a network. */
const GLUED_UNIT = /^(km|kg|mm|cm|mph|kph|kmh|mw|gw|kw|kwh|ml|mg|lbs?|ft|oz|gb|mb|tb|ghz|mhz|hz|bpd)(?![\p{L}\p{N}])/iu;
const GLUED_UNIT_LETTER = /^([mgxl])(?![\p{L}\p{N}])/u;
const HYPHEN_WORDS = /^[-‑]([\p{L}]+(?:[-‑][\p{L}]+)*)/u;
const TWO_DIGIT_YEAR = /(?<![\p{L}\p{N}’'])[’'](\d{2})(?![\p{N}\p{L}’'%])/gu;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildCurrencyAfter(): RegExp {
	const words = Object.keys(CURRENCY_WORDS)
		.sort((a, b) => b.length - a.length)
		.map(w => escapeRegExp(w).replace(/ /g, '\\s'));
	const codes = [...new Set(Object.values(CURRENCY_PREFIXES))].filter(c => /^[A-Z]{3}$/.test(c));
	// "pounds" is money only after a multiplier ("5 million pounds"); "5 pounds" is a weight.
	return new RegExp(`^\\s(?:(${words.join('|')})|(dollars?|bucks)|(cents?)|(${codes.join('|')}))(?![\\p{L}])|^\\s(pounds)(?![\\p{L}])`, 'iu');
}
const CURRENCY_AFTER = buildCurrencyAfter();

/** Number words, first and following ("two and a half", "twenty-five", "three hundred"). */
const FIRST_NUMBER_WORD =
	'(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
function buildSpelled(): RegExp {
	// One-letter units ("g", "l") and "ha" are too often other words to follow a spelled-out number.
	const units = [...MEASUREMENT_UNITS].filter(u => u.length > 2 || (u.length === 2 && u !== 'ha')).map(escapeRegExp);
	const money = Object.keys(CURRENCY_WORDS).map(w => escapeRegExp(w).replace(/ /g, '\\s'));
	const unit = ['percentage[\\s-]points?', 'per[\\s-]?cent', 'percent', 'dollars', ...money, ...units].join('|');
	return new RegExp(`(?<![\\p{L}\\p{N}-])(${FIRST_NUMBER_WORD}(?:[\\s-]+${NUMBER_WORD_PATTERN})*)[\\s-]+(${unit})(?![\\p{L}])`, 'giu');
}
const SPELLED_WITH_UNIT = buildSpelled();
/** "a quarter percentage point", "half a per cent", and for a rate's move "another quarter point", "a half-point". */
const FRACTION_OF_PERCENT =
	/(?<![\p{L}])(?:(a|one|another)[\s-]quarter(?:\s+of\s+a)?|(a|one|another)[\s-]half(?:\s+of\s+a)?|half(?:\s+of)?\s+a|(three)[\s-]quarters\s+of\s+a)[\s-]+(?:percentage[\s-]points?|per\s?cent(?:age\s+point)?|percent|point)(?![\p{L}])/giu;

/** Capitalised words before a number that name it rather than count it: "Article 370", "Flight 17". */
const LABELS =
	/(?:^|[^\p{L}])(?:Articles?|Sections?|Chapters?|Clauses?|Rules?|Resolutions?|Amendments?|Bills?|Flights?|Routes?|Highways?|Interstate|Rooms?|Gates?|Terminals?|Platforms?|Games?|Weeks?|Rounds?|Stages?|Phases?|Parts?|Vol|Volumes?|Issues?|Episodes?|Seasons?|Versions?|Models?|Types?|Category|Levels?|Grades?|Nos?|Number|Apollo|Boeing|Airbus|Windows|Propositions?|Prop|Items?|Exhibits?|Tables?|Figures?|Fig|Pages?|Paragraphs?|Schedules?|Forms?|Lines?|Lots?|Wards?|Districts?|Precincts?|Piers?|Units?|Suites?|Blocks?|Sectors?|Channels?|Studios?|Tracks?|Lanes?|Exits?|Zones?|Stations?|Verses?|Psalms?|Step|Stage|Tier|S&P|FTSE|Nasdaq|Fortune|Forbes|Russell|Nikkei|Nifty|Sensex|DAX|CAC|Stoxx|ASX|article|section|chapter|clause|paragraph|page|item|number|no|rule|flight|route|room|gate|platform|exit|verse|pp?)\.?\s?#?\s?$/u;
/** Words that may be hyphenated to the front of a figure without making it a name. */
const FIGURE_PREFIXES = new Set(['mid', 'pre', 'post', 'early', 'late', 'end', 'non', 'anti', 'pro', 'ex', 'circa', 'ca', 'c', 'over', 'under', 'sub', 'near', 'all', 'record', 'multi', 'then', 'fiscal', 'cross', 'inter', 'since', 'by', 'from', 'to', 'and', 'or', 'than', 'about', 'nearly', 'almost', 'around', 'some', 'roughly', 'below', 'above', 'up']);

/** Capitalised words that can stand before a count without naming it: "On Tuesday 12 were hurt". */
const NOT_NAMES = new Set(['i', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'overall', 'altogether', 'total', 'so', 'far', 'about', 'only', 'some', 'nearly', 'almost', 'over', 'all']);
/** A street address: "10 Downing Street", "1600 Pennsylvania Avenue". */
const ADDRESS_AFTER = /^(?:\s\p{Lu}[\p{L}’'.-]*){1,3}\s(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Way|Place|Square|Court|Plaza|Terrace|Parkway)\b/u;
/** Words before a name that start a clause whose verb is left out: "... and the Congress 99". */
const ELLIPSIS_BEFORE = /\b(?:and|while|but|whereas)\s+(?:the\s+)?$/u;
const QUANTITY_QUALIFIER = /(?:more than|fewer than|less than|over|nearly|almost|at least|up to|some|approximately|roughly|about|around)\s$/iu;
/** Words after a number that end the search for the noun it counts. */
const NOT_COUNTED = new Set(
	'a an the this that these those its their his her our your my some any each every all both no of in on at by for with from to into about as than over under between after before since during per via among across and or but nor while which who whom whose where when if it they he she we i you there them him us me what how so not then also said says say is are was were be been being has have had will would can could shall should may might must do does did more less most least far too very ago apiece each already still yet just only even now here out up down off away back around later earlier instead alone together percent compared'.split(
		' ',
	),
);
const TIME_AND_MEASURE = new Set([
	'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year',
	'years', 'decade', 'decades', 'century', 'centuries', 'point', 'points', 'basis', 'times',
]);
const CENTURY_PREPOSITION = /(?:\b(?:in|since|from|until|till|by|of|circa|c\.|year|to|and|between|before|after|during|around|early|late|mid|the|through)[\s-]*|[-–(])$/iu;

// ---------------------------------------------------------------------------------------- helpers

/** The characters of a sentence already read as a figure or as no figure, so later rules skip them. */
class Claims {
	private readonly used: Uint8Array;

	constructor(length: number) {
		this.used = new Uint8Array(length);
	}

	overlaps(start: number, end: number): boolean {
		for (let i = start; i < end; i++) if (this.used[i]) return true;
		return false;
	}

	push(span: Span): void {
		this.used.fill(1, span.start, span.end);
	}
}

function isoDate(year: number | undefined, month: number, day?: number): string {
	const mm = String(month).padStart(2, '0');
	if (day === undefined) return `${year}-${mm}`;
	const dd = String(day).padStart(2, '0');
	return year === undefined ? `--${mm}-${dd}` : `${year}-${mm}-${dd}`;
}

function monthNumber(name: string): number {
	return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function plausibleYear(y: number): boolean {
	return y >= 1000 && y <= 2999;
}

/** A headline in Title Case: there a capital letter says nothing about names. */
function isTitleCase(text: string): boolean {
	const words = text.match(/\p{L}{4,}/gu) ?? [];
	if (words.length < 3) return false;
	return words.filter(w => /^\p{Lu}/u.test(w)).length / words.length >= 0.75;
}

/**
 * The noun a number counts, read from `from`: up to two modifiers and then a plural noun or unit
 * ("4,000 coronavirus patients", "17 Fed policymakers", "50 kg", "18 minutes").
 */
function countedNoun(text: string, from: number, value: number): {unit: string; end: number} | undefined {
	const words: string[] = [];
	let pos = from;
	for (let n = 0; n < 3; n++) {
		const m = /^[\s\u00a0]+([\p{L}][\p{L}’'-]*)/u.exec(text.slice(pos, pos + 40));
		if (!m) return undefined;
		const word = m[1]!.replace(/[’']s$/u, '');
		const lower = word.toLowerCase();
		if (NOT_COUNTED.has(lower) || (lower.endsWith('ly') && lower.length > 4)) return undefined;
		words.push(word);
		pos += m[0].length - (m[1]!.length - word.length);
		const unit = MEASUREMENT_UNITS.has(lower) || TIME_AND_MEASURE.has(lower);
		if (unit || looksPlural(word) || (value === 1 && n === 0 && /^\p{Ll}/u.test(word) && !lower.endsWith('ed'))) {
			if (lower === 'basis') {
				const next = /^\s+(points?)\b/iu.exec(text.slice(pos));
				if (next) {
					words.push(next[1]!);
					pos += next[0].length;
				}
			}
			return {unit: words.join(' '), end: pos};
		}
	}
	return undefined;
}

/** Places whose currency is also written "$", with the words that show a text comes from there. */
const DOLLAR_COUNTRIES: Array<[string, RegExp]> = [
	['CAD', /\bCanad(?:a|ian|ians)\b|\bCBC\b|\bOttawa\b|\bToronto\b|\bMontreal\b|\bVancouver\b|\bCalgary\b|\bOntario\b|\bQuebec\b|\bAlberta\b|\bC\$/g],
	['AUD', /\bAustralian?s?\b|\bSydney\b|\bMelbourne\b|\bCanberra\b|\bQueensland\b|\bA\$/g],
	['NZD', /\bNew Zealand(?:ers?)?\b|\bAuckland\b|\bNZ\$/g],
	['HKD', /\bHong Kong\b|\bHK\$/g],
	['SGD', /\bSingapore(?:ans?)?\b|\bS\$/g],
];
const US_CUES = /\bU\.S\.(?:A\.)?|\bUS\b(?!\$)|\bUSA\b|\bUnited States\b|\bAmericans?\b|\bWashington\b|\bNew York\b|\bCalifornia\b/g;

/**
 * Which currency a bare "$" means in a document: USD unless the text plainly comes from another dollar
 * country (a Canadian outlet's "$" is CAD), judged by how often each country is named against the U.S.
 */
export function dollarCurrency(text: string): string {
	const us = text.match(US_CUES)?.length ?? 0;
	// A writer who spells out "US$" somewhere uses "$" alone for the local dollar.
	const local = /\bUS\$/.test(text);
	let best = 'USD';
	let bestCount = 0;
	for (const [code, cue] of DOLLAR_COUNTRIES) {
		const n = text.match(cue)?.length ?? 0;
		if (n >= 2 && (local || n > us) && n > bestCount) {
			best = code;
			bestCount = n;
		}
	}
	return best;
}

// ---------------------------------------------------------------------------------------- scanning

/** Every figure in one sentence. `dollar` is what a bare "$" means in this document. */
function findFigures(text: string, dollar = 'USD', labels = new Set<string>()): Figure[] {
	const taken = new Claims(text.length);
	const figures: Figure[] = [];
	const claim = (start: number, end: number) => taken.push({start, end});

	if (/[@/]|www|\.(?:com|org|net|gov|edu|io)\b/i.test(text)) {
		for (const m of text.matchAll(NOT_FIGURES[0]!)) claim(m.index!, m.index! + m[0].length);
	}
	if (/\d/.test(text)) {
		findDates(text, figures, taken);
		findMixedFractions(text, figures, taken);
		for (const re of NOT_FIGURES.slice(1)) {
			for (const m of text.matchAll(re)) if (!taken.overlaps(m.index!, m.index! + m[0].length)) claim(m.index!, m.index! + m[0].length);
		}
		findTwoDigitYears(text, figures, taken);
		findDigitFigures(text, dollar, figures, taken, labels);
	}
	findSpelledFigures(text, dollar, figures, taken);
	return figures.sort((a, b) => a.start - b.start || a.number.start - b.number.start);
}

function findDates(text: string, figures: Figure[], taken: Claims): void {
	const add = (start: number, end: number, value: string, number: Span, shared?: string) => {
		figures.push({kind: 'date', start, end, value, unit: '', number, text: shared});
		taken.push({start, end});
	};
	for (const m of text.matchAll(ISO_DATE)) {
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) add(m.index!, m.index! + m[0].length, isoDate(y, mo, d), {start: m.index!, end: m.index! + m[0].length});
	}
	for (const m of text.matchAll(SLASH_DATE)) {
		if (taken.overlaps(m.index!, m.index! + m[0].length)) continue;
		let [a, b] = [Number(m[1]), Number(m[2])];
		const y = m[3]!.length === 2 ? expandTwoDigitYear(Number(m[3])) : Number(m[3]);
		if (a > 12) [a, b] = [b, a]; // day first, as most of the world writes it
		if (a < 1 || a > 12 || b < 1 || b > 31) continue;
		add(m.index!, m.index! + m[0].length, isoDate(y, a, b), {start: m.index!, end: m.index! + m[0].length});
	}
	const dayDates = (m: RegExpMatchArray, month: number, d1: string, d2: string | undefined, yearText: string | undefined) => {
		const start = m.index!;
		const end = start + m[0].length;
		if (taken.overlaps(start, end)) return;
		const year = yearText && plausibleYear(Number(yearText)) ? Number(yearText) : undefined;
		const first = Number(d1);
		const second = d2 === undefined ? undefined : Number(d2);
		if (!month || first < 1 || first > 31) return;
		// A year that does not read as one ("May 5, 1500 troops") is left to the figure scan.
		const surface = yearText && year === undefined ? m[0].slice(0, m[0].lastIndexOf(yearText)).replace(/[,\s]+$/, '') : m[0];
		const number = {start, end: start + surface.length};
		if (second !== undefined && second > first && second <= 31) {
			add(start, start + surface.length, isoDate(year, month, first), number, surface);
			figures.push({kind: 'date', start, end: start + surface.length, value: isoDate(year, month, second), unit: '', number, text: surface});
		} else if (second === undefined) {
			add(start, start + surface.length, isoDate(year, month, first), number);
		} else {
			const one = m[0].search(/\s*(?:-|–|and|to|&)\s*\d/u);
			add(start, start + one, isoDate(year, month, first), {start, end: start + one});
		}
	};
	for (const m of text.matchAll(MONTH_DAY_YEAR)) dayDates(m, monthNumber(m[1]!), m[2]!, m[3], m[4]);
	for (const m of text.matchAll(DAY_MONTH_YEAR)) dayDates(m, monthNumber(m[3]!), m[1]!, m[2], m[4]);
	for (const m of text.matchAll(MONTH_YEAR)) {
		const start = m.index!;
		const end = start + m[0].length;
		const year = Number(m[2]);
		if (taken.overlaps(start, end) || !plausibleYear(year)) continue;
		add(start, end, isoDate(year, monthNumber(m[1]!)), {start, end});
	}
}

/** "2 1/3 innings", "5 1/2 miles": a whole number and a common fraction. */
function findMixedFractions(text: string, figures: Figure[], taken: Claims): void {
	if (!text.includes('/')) return;
	for (const m of text.matchAll(/(?<![\d.,/])(\d+)\s([1-7])\/([2-8])(?![\d/])/g)) {
		const start = m.index!;
		const end = start + m[0].length;
		if (taken.overlaps(start, end)) continue;
		const value = Number(m[1]) + Math.round((Number(m[2]) / Number(m[3])) * 1000) / 1000;
		const figure = quantity(text, start, end, value, {start, end}, value, 1);
		figures.push(figure);
		taken.push({start, end: figure.end});
	}
}

/** "’91" is 1991. The decade form "’90s" is not matched. */
function findTwoDigitYears(text: string, figures: Figure[], taken: Claims): void {
	for (const m of text.matchAll(TWO_DIGIT_YEAR)) {
		const start = m.index!;
		const end = start + m[0].length;
		if (taken.overlaps(start, end)) continue;
		// An opening quote, not an apostrophe: "'91" after a letter or digit never reaches here.
		const before = text[start - 1];
		if (before !== undefined && !/[\s(\[“"—–-]/u.test(before)) continue;
		// "‘20 years on’" opens a quotation with a count.
		if (countedNoun(text, end, Number(m[1]))) continue;
		const value = expandTwoDigitYear(Number(m[1]));
		figures.push({kind: 'year', start, end, value, unit: '', number: {start: start + 1, end}});
		taken.push({start, end});
	}
}

/** `labels` collects the word-and-number names found ("Billboard 200" in "topped the Billboard 200 with"). */
function findDigitFigures(text: string, dollar: string, figures: Figure[], taken: Claims, labels: Set<string>): void {
	const titleCase = isTitleCase(text);
	const atoms: Figure[] = [];
	let lastIdentifierEnd = -1;
	for (const m of text.matchAll(ATOM)) {
		const start = m.index!;
		const end = start + m[0].length;
		if (taken.overlaps(start, end)) continue;
		const figure = classify(text, m[0], start, end, dollar, titleCase, lastIdentifierEnd, labels);
		if (figure === 'identifier') lastIdentifierEnd = end;
		if (figure === undefined || figure === 'identifier') {
			taken.push({start, end});
			continue;
		}
		atoms.push(figure);
		taken.push({start: figure.start, end: figure.end});
		if (figure.kind === 'year' && figure.end > end) {
			// "2019-20": the second year of a range written short.
			const short = /(\d{2})$/.exec(text.slice(start, figure.end))!;
			const second = Math.floor((figure.value as number) / 100) * 100 + Number(short[1]);
			const secondStart = figure.end - 2;
			figure.end = end;
			atoms.push({kind: 'year', start: secondStart, end: secondStart + 2, value: second, unit: '', number: {start: secondStart, end: secondStart + 2}});
		}
	}
	shareRangeUnits(text, atoms);
	figures.push(...atoms.filter(a => !a.dropped));
}

/**
 * What one digit figure is. Returns undefined for what is no fact at all (ordinals, list numbering,
 * decades), "identifier" for numbers that name something ("COVID-19", "Article 370").
 */
function classify(
	text: string,
	digits: string,
	start: number,
	end: number,
	dollar: string,
	titleCase: boolean,
	lastIdentifierEnd: number,
	labels: Set<string>,
): Figure | 'identifier' | undefined {
	const before = text.slice(Math.max(0, start - 24), start);
	const after = text.slice(end, end + 60);
	const base = parseFigure(digits);
	const integer = /^\d+$/.test(digits);
	const number = {start, end};

	// Letters glued to the front: "COVID-19", "covid-19", "G20", "MH370"; but "FY2019" is a year,
	// "Rs500" money, and "mid-2018", "pre-2008", "pre-August 5" keep their figure.
	const gluedBefore = /([\p{L}]+)([-‑]?)$/u.exec(before);
	let yearPrefix = false;
	if (gluedBefore) {
		const word = gluedBefore[1]!;
		const hyphen = gluedBefore[2] !== '';
		if (!hyphen && /^(?:FY|CY)$/.test(word)) yearPrefix = true;
		else if (!hyphen && /^(?:Rs|INR|USD|EUR|GBP|CAD|AUD)$/.test(word)) {
			// handled by the currency rule below
		} else if (!hyphen || !(monthNumber(word) || FIGURE_PREFIXES.has(word.toLowerCase()))) return 'identifier';
	}

	if (ORDINAL_AFTER.test(after)) return undefined;

	// Money: a currency before ("$41 billion", "US$17m", "Rs 500 crore") or after ("5 million euros").
	const currencyBefore = CURRENCY_BEFORE.exec(before);
	let scale = 1;
	let scaleEnd = end;
	const word = SCALE_AFTER.exec(after);
	if (word) {
		scale = SCALE_WORDS[word[1]!.toLowerCase()]! * (word[2] ? SCALE_WORDS[word[2].toLowerCase()]! : 1);
		scaleEnd = end + word[0].length;
	}
	if (currencyBefore) {
		if (!word) {
			const abbreviation = SCALE_ABBREVIATION_AFTER.exec(after);
			if (abbreviation) {
				scale = SCALE_ABBREVIATIONS[(abbreviation[1] ?? abbreviation[2]!).toLowerCase()]!;
				scaleEnd = end + abbreviation[0].length;
			}
		}
		const symbol = currencyBefore[1]!;
		const currency = symbol === '$' ? dollar : (CURRENCY_PREFIXES[symbol.toLowerCase()] ?? dollar);
		const sign = currencyBefore[2] ? -1 : 1;
		return {
			kind: 'money',
			start: start - before.length + currencyBefore.indices![1]![0],
			end: scaleEnd,
			value: sign * scaled(base, scale),
			unit: currency,
			number,
			base,
			scale,
			currency,
		};
	}
	const glued = /^(bn|mn|tn|m|[kK])(?![\p{L}\p{N}])/u.exec(after);
	let currencyAfter = CURRENCY_AFTER.exec(text.slice(glued ? end + glued[0].length : scaleEnd, scaleEnd + 40));
	if (currencyAfter?.[5] && !word && !glued) currencyAfter = null;
	if (currencyAfter) {
		if (glued) {
			scale = SCALE_ABBREVIATIONS[glued[1]!.toLowerCase()]!;
			scaleEnd = end + glued[0].length;
		}
		const named = currencyAfter[1] ? CURRENCY_WORDS[currencyAfter[1].toLowerCase().replace(/\s+/g, ' ')] : currencyAfter[5] ? 'GBP' : undefined;
		const code = currencyAfter[4]?.toUpperCase();
		const currency = named ?? code ?? dollar;
		const cents = currencyAfter[3] !== undefined;
		return {
			kind: 'money',
			start,
			end: scaleEnd + currencyAfter[0].length,
			value: cents ? scaled(base, scale / 100) : scaled(base, scale),
			unit: currency,
			number,
			base: cents ? base / 100 : base,
			scale,
			currency,
		};
	}

	const percent = PERCENT_AFTER.exec(after);
	if (percent) {
		const negative = /(?:−|minus\s|(?:^|[\s(])-)$/u.test(before);
		return {kind: 'percent', start, end: end + percent[0].length, value: negative ? -base : base, unit: '%', number};
	}

	if (DECADE_AFTER.test(after) && /0$/.test(digits) && integer) return undefined;
	const degrees = /^\s?°\s?([CF])?(?![\p{L}])/u.exec(after);
	if (degrees) return {kind: 'quantity', start, end: end + degrees[0].length, value: base, unit: `°${degrees[1] ?? ''}`, number};

	// Years: 1900-2099 standing alone, earlier ones after "in", "since" and the like.
	if (integer && digits.length === 4 && plausibleYear(base)) {
		const counted = countedNoun(text, end, base);
		const countedUnit = counted && (MEASUREMENT_UNITS.has(counted.unit.toLowerCase()) || /^(?:people|persons)$/i.test(counted.unit));
		const qualified = QUANTITY_QUALIFIER.test(before) && counted !== undefined;
		const modern = base >= 1900 && base <= 2099;
		if (!countedUnit && !qualified && (modern || yearPrefix || CENTURY_PREPOSITION.test(before))) {
			const range = /^\s?[-–—/]\s?(\d{2})(?![\d\p{L}])/u.exec(after);
			if (range) {
				const second = Math.floor(base / 100) * 100 + Number(range[1]);
				if (second > base) return {kind: 'year', start, end: end + range[0].length, value: base, unit: '', number};
			}
			return {kind: 'year', start, end, value: base, unit: '', number};
		}
	}
	if (yearPrefix) return 'identifier';

	// List numbering: "1)" or "2." opening a sentence, "(3)" inside one.
	if (integer && base < 100) {
		const opening = /^[\s(“"]*$/u.test(text.slice(0, start));
		if (opening && /^[.)](?:\s|$)/u.test(after)) return undefined;
		if (/\($/.test(before) && /^\)/.test(after)) return undefined;
	}

	// Names made of a word and a number: "Article 370", "Boeing 737", and "Articles 370 and 35A".
	if (LABELS.test(before) || (integer && ADDRESS_AFTER.test(after))) return 'identifier';
	if (lastIdentifierEnd >= 0 && /^\s*(?:,|and|or|&|to|-|–)\s*$/u.test(text.slice(lastIdentifierEnd, start))) return 'identifier';

	// Letters glued to the end: "35A", "67P", "5G" name things; "50kg" and "3x" are measures.
	if (/^[\p{L}]/u.test(after) && !/^(?:bn|mn|tn|[kK])(?![\p{L}\p{N}])/u.test(after)) {
		const unit = GLUED_UNIT.exec(after) ?? GLUED_UNIT_LETTER.exec(after);
		if (!unit) return 'identifier';
		const u = unit[1]!;
		if (u.toLowerCase() === 'm' && /^\s+(?:people|\p{Ll}+s)\b/u.test(text.slice(end + 1))) {
			return quantity(text, start, end + 1, scaled(base, 1e6), number, base, 1e6);
		}
		return {kind: 'quantity', start, end: end + u.length, value: base, unit: u === 'x' ? 'times' : u, number};
	}
	const gluedScale = /^(bn|mn|tn|[kK])(?![\p{L}\p{N}])/u.exec(after);
	if (gluedScale) {
		const s = SCALE_ABBREVIATIONS[gluedScale[1]!.toLowerCase()]!;
		return quantity(text, start, end + gluedScale[0].length, scaled(base, s), number, base, s);
	}

	// Compounds: "190-country", "10,000-mark", "4-Year", "a 25-basis-point cut", "45-year-old".
	const compound = HYPHEN_WORDS.exec(after);
	if (compound && !word) {
		const words = compound[1]!;
		// "3-D", "4-K": a letter code names a thing.
		if (/^\p{Lu}{1,3}$/u.test(words)) return 'identifier';
		if (/^(?:plus|odd|to|and|or|for|of|in|by|on)(?:[-‑]|$)/iu.test(words)) return quantity(text, start, end, base, number, base, 1);
		const unit = /^(?:years?|months?|weeks?|days?)-old$/i.test(words) ? words.split(/[-‑]/)[0]!.toLowerCase().replace(/s?$/, 's') : words.replace(/[-‑]/g, ' ');
		return {kind: 'quantity', start, end: end + compound[0].length, value: base, unit, number};
	}

	// A number after a capitalised word mid-sentence names something ("Boeing 737", "Yankees 5")
	// unless it counts a noun; headlines capitalise every word, so they are exempt.
	// After a comma the name usually elides a verb: "Maharashtra reported 124 cases, Kerala 118".
	const named = word ? null : /(?:^|[^,;]\s|\()(\p{L}*\p{Lu}[\p{L}\p{N}&.’'-]*)\s$/u.exec(before);
	const label = named && !monthNumber(named[1]!) && !NOT_NAMES.has(named[1]!.toLowerCase()) ? `${named[1]} ${digits}` : undefined;
	if (!titleCase && !word) {
		if (label) {
			const wordStart = start - 1 - named![1]!.length;
			const sentenceInitial = /^[\s“"‘'(]*$/u.test(text.slice(0, Math.max(0, wordStart)));
			// "the BJP winning 240 seats and the Congress 99": a second name and number elide the verb and noun.
			const elided = ELLIPSIS_BEFORE.test(text.slice(0, Math.max(0, wordStart))) && /\d/u.test(text.slice(0, Math.max(0, wordStart)));
			if (!sentenceInitial && !elided && !countedNoun(text, scaleEnd, base)) {
				labels.add(label);
				return 'identifier';
			}
		}
		// "the 737 Max", "a 1040 Form": a capitalised word after a bare number that counts nothing.
		const next = /^\s(\p{Lu}\p{Ll}+)/u.exec(after)?.[1];
		if (integer && next && !monthNumber(next) && !NOT_NAMES.has(next.toLowerCase()) && !countedNoun(text, end, base)) return 'identifier';
	}

	const figure = quantity(text, start, scaleEnd, scaled(base, scale), number, base, scale);
	if (label) figure.label = label;
	return figure;
}

function quantity(text: string, start: number, end: number, value: number, number: Span, base: number, scale: number): Figure {
	const counted = countedNoun(text, end, value);
	if (counted) return {kind: 'quantity', start, end: counted.end, value, unit: counted.unit, number, counted: counted.unit, base, scale};
	const compound = scale > 1 ? HYPHEN_WORDS.exec(text.slice(end, end + 40)) : null;
	if (compound) return {kind: 'quantity', start, end: end + compound[0].length, value, unit: compound[1]!.replace(/[-‑]/g, ' '), number, base, scale};
	return {kind: 'quantity', start, end, value, unit: '', number, bare: true, base, scale};
}

/**
 * Ranges and pairs share a unit written once: "between 0.50 and 0.75 percent", "10-15 people",
 * "$10-15 million". A pair of small bare numbers joined by a dash is a score ("won 5-3"), no fact.
 */
function shareRangeUnits(text: string, atoms: Figure[]): void {
	for (let i = 0; i + 1 < atoms.length; i++) {
		const a = atoms[i]!;
		const b = atoms[i + 1]!;
		const between = text.slice(a.end, b.start);
		if (!/^\s*(?:-|–|—|to|and|or|-to-)\s*$/u.test(between)) continue;
		if (a.kind === 'quantity' && a.bare) {
			if (b.kind === 'percent') {
				a.kind = 'percent';
				a.unit = '%';
				a.bare = false;
			} else if (b.kind === 'quantity' && !b.bare) {
				a.unit = b.unit;
				a.counted = b.counted;
				a.bare = false;
				if (b.scale && b.scale > 1 && a.scale === 1) a.value = scaled(a.base!, b.scale);
			} else if (b.kind === 'quantity' && b.bare && /^\s*(?:[-–]|-to-)\s*$/u.test(between) && Number.isInteger(a.value) && Number.isInteger(b.value) && (a.value as number) < 1000 && (b.value as number) < 1000 && a.scale === 1 && b.scale === 1) {
				a.dropped = b.dropped = true;
			}
		} else if (a.kind === 'money' && a.scale === 1) {
			if (b.kind === 'money' && b.scale! > 1 && b.currency === a.currency && a.base! * b.scale! <= (b.value as number)) {
				a.value = scaled(a.base!, b.scale!);
			} else if (b.kind === 'quantity' && b.bare && b.scale! > 1 && a.base! * b.scale! <= (b.value as number)) {
				a.value = scaled(a.base!, b.scale!);
				b.kind = 'money';
				b.unit = a.unit;
				b.currency = a.currency;
				b.bare = false;
			}
		}
	}
}

function findSpelledFigures(text: string, dollar: string, figures: Figure[], taken: Claims): void {
	if (!/per|cent|point|dollar|met|mile|feet|foot|kilo|ton|gram|pound|acre|hectare|degree|litre|liter|gallon|barrel|watt|inch|yard|ounce|euro|yen|yuan|rupee|knot|mph|byte|km|kg|\b(?:[mgk]w|[cm]m|m[lg]|[gmt]b|ft|oz|lbs?)\b/i.test(text)) return;
	for (const m of text.matchAll(SPELLED_WITH_UNIT)) {
		const start = m.index!;
		let end = start + m[0].length;
		if (taken.overlaps(start, end)) continue;
		const value = parseNumberWords(m[1]!);
		if (value === undefined) continue;
		const unit = m[2]!.toLowerCase().replace(/[\s-]+/g, ' ');
		const number = {start, end: start + m[1]!.length};
		let figure: Figure;
		if (/^(?:percent|per ?cent|percentage points?)$/.test(unit)) figure = {kind: 'percent', start, end, value, unit: '%', number};
		else if (unit === 'dollars') figure = {kind: 'money', start, end, value, unit: dollar, number};
		else if (unit in CURRENCY_WORDS) figure = {kind: 'money', start, end, value, unit: CURRENCY_WORDS[unit]!, number};
		else {
			if (unit === 'square' || unit === 'cubic') {
				const next = /^\s+([\p{L}]+)/u.exec(text.slice(end));
				if (next) end += next[0].length;
			}
			figure = {kind: 'quantity', start, end, value, unit: text.slice(number.end, end).replace(/^[\s-]+/u, '').trim(), number};
		}
		figures.push(figure);
		taken.push({start, end});
	}
	for (const m of text.matchAll(FRACTION_OF_PERCENT)) {
		const start = m.index!;
		const end = start + m[0].length;
		if (taken.overlaps(start, end)) continue;
		const value = m[3] ? 0.75 : /quarter/i.test(m[0]) ? 0.25 : 0.5;
		figures.push({kind: 'percent', start, end, value, unit: '%', number: {start, end}});
		taken.push({start, end});
	}
}

// ---------------------------------------------------------------------------------------- facts

/** What the figure measures, from the words around it; years and dates measure nothing. */
function subjectOf(text: string, figure: Figure): string {
	if (figure.kind === 'year' || figure.kind === 'date') return '';
	if (figure.kind === 'percent') {
		const of = /^(?:-plus)?\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?((?:\p{Ll}[\p{L}’'-]*\s?){1,3})/u.exec(text.slice(figure.end, figure.end + 60));
		if (of) {
			const phrase = of[1]!.trim().split(/\s+/);
			const stop = phrase.findIndex(w => NOT_COUNTED.has(w.toLowerCase()) || /[’']|ed$/u.test(w));
			const kept = (stop >= 0 ? phrase.slice(0, stop) : phrase).join(' ');
			if (kept) return kept;
		}
	}
	const head = figure.counted?.split(' ').pop()!.toLowerCase() ?? '';
	if (figure.kind === 'quantity' && head && looksPlural(head) && !MEASUREMENT_UNITS.has(head) && !TIME_AND_MEASURE.has(head)) return figure.counted!;
	return findSubject(text, figure.start, figure.end);
}

/**
 * The sentence with its figures blotted out, so that no figure reads as another's subject
 * ("raised its rate by a quarter point to 1.5 per cent" is about the rate, not the quarter point).
 * A quantity keeps its counted noun: in "17 grants totaling $1.3m" the grants are the subject.
 */
function maskFigures(text: string, figures: Figure[]): string {
	if (figures.length === 0) return text;
	const chars = text.split('');
	for (const f of figures) {
		const end = f.kind === 'quantity' && f.counted ? f.end - f.counted.length : f.end;
		for (let i = f.start; i < end; i++) chars[i] = '#';
	}
	return chars.join('');
}

/** Money, percent, quantity, year and date facts, one per occurrence, in text order. */
export function findFacts(document: Document, entities: DocumentEntity[] = []): Fact[] {
	const names = new Map<number, string[]>();
	for (const entity of entities) {
		for (const mention of entity.mentions) {
			const list = names.get(mention.sentence) ?? [];
			if (!list.includes(entity.name)) list.push(entity.name);
			names.set(mention.sentence, list);
		}
	}
	const dollar = dollarCurrency(document.text);
	const facts: Fact[] = [];
	const labels = new Set<string>();
	const figuresBySentence = document.sentences.map(sentence => findFigures(sentence.text, dollar, labels));
	for (const [n, sentence] of document.sentences.entries()) {
		let previous: {figure: Figure; subject: string} | undefined;
		// A name written with a number is a name wherever it stands: "the Billboard 200 albums chart" as in
		// "topped the Billboard 200 with".
		const figures = figuresBySentence[n]!.filter(f => !(f.kind === 'quantity' && f.label && labels.has(f.label)));
		const masked = maskFigures(sentence.text, figures);
		for (const figure of figures) {
			const text = figure.text ?? sentence.text.slice(figure.start, figure.end);
			let subject = subjectOf(masked, figure);
			// The second figure of a pair shares the first one's subject: "between 0.50 percent and 0.75 percent".
			if (!subject && previous && previous.figure.kind === figure.kind && /^\s*(?:-|–|to|and|or)\s*$/u.test(sentence.text.slice(previous.figure.end, figure.start))) {
				subject = previous.subject;
			}
			previous = {figure, subject};
			facts.push({
				sentence: sentence.index,
				kind: figure.kind,
				text,
				value: figure.value,
				unit: figure.unit,
				subject,
				entities: names.get(sentence.index) ?? [],
				start: sentence.start + figure.start,
				end: sentence.start + figure.start + text.length,
			});
		}
	}
	return facts;
}
