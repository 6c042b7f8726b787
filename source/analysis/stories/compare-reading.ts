// How one fact reads for comparison with the same figure in another outlet: its value in comparable
// units, the range it states, the period it is for, and the words and names that say what it measures.
// No parser: everything comes from the words between the figure and its neighbours in the sentence.
import type {Document} from '../../corpus/types.js';
import {looksPlural, parseNumberWords} from '../figures.js';
import type {DocumentEntity, Fact, FactKind} from '../types.js';

export interface Reading {
	fact: Fact;
	document: string;
	/** Index of the document in the story, to tell outlets apart. */
	source: number;
	kind: FactKind;
	value: number | string;
	/** What values are compared in: "USD", "%", "percentage points", the counted noun, "" for a bare count. */
	unit: string;
	/** Stated range: "more than 10" is (10, ∞), "about 1,000" is 900 to 1,100. Equal to value when exact. */
	low: number;
	high: number;
	/** The period or vintage the figure is for ("2023", "december", "forecast", "before 2023"), "" when unstated. */
	period: string;
	/** Its vintage part: "before" (the value a change started from), "revised", "forecast", joined; "" for the outcome. */
	vintage: string;
	/** Its time part: a year, a month, "last year", "recent years"; "" when unstated. */
	time: string;
	/** When its document was published (epoch days), NaN when unknown. */
	published: number;
	/** Stems of the words around the figure that say what it measures, with weights. */
	words: Map<string, number>;
	/** The measure the figure is of, from a short list of what news counts ("death", "job", "vote", "deposit"), "" when none. */
	head: string;
	/** The name closest before the figure in its clause ("Lula", "Lee County"), "" when none. */
	name: string;
	/** The words of the name's entity, all its aliases included, lower case. */
	nameWords: string[];
	/** No name, or one most of the story's documents repeat (the scene, "Florida"); set per story. */
	broad: boolean;
	/** The name is a person's: whose figure it is (Lula's share), never a place's or a source's. */
	person: boolean;
	/** Text the comparison shows as subject. */
	label: string;
}

const STOP = new Set(
	'a an the this that these those its their his her our your my of in on at by for with from to into as than and or but while which who whom whose where when it they he she we i you there them him us me what how so not then also said says say is are was were be been being has have had will would can could shall should may might must do does did more less most least some any each every all both no per via about over under up down out off just only even now still yet very too such other another new its percent per cent year years month day week according including after before since during between among across around nearly almost roughly approximately least than while thursday friday monday tuesday wednesday saturday sunday today yesterday'.split(' '),
);

/** Words that mean the same measure, folded to one stem. */
const SYNONYMS: Record<string, string> = {
	died: 'death', dead: 'death', deaths: 'death', killed: 'death', kill: 'death', fatality: 'death', fatalities: 'death',
	toll: 'death', lives: 'death', killing: 'death', deceased: 'death', life: 'death', die: 'death', dying: 'death', perished: 'death',
	injured: 'injur', injuries: 'injur', injury: 'injur', hurt: 'injur', wounded: 'injur',
	jobless: 'unemploy', unemployment: 'unemploy',
	payroll: 'job', payrolls: 'job', jobs: 'job', employees: 'job', employee: 'job', workers: 'job', positions: 'job', employment: 'job', hiring: 'job', hires: 'job', nonfarm: 'job',
	forecast: 'forecast', forecasts: 'forecast', forecasters: 'forecast', expected: 'forecast', expectations: 'forecast', expectation: 'forecast',
	economists: 'forecast', anticipated: 'forecast', predicted: 'forecast', consensus: 'forecast', estimate: 'forecast', analysts: 'forecast',
	projected: 'forecast', projection: 'forecast', projections: 'forecast', outlook: 'forecast', predicts: 'forecast', expects: 'forecast',
	hike: 'rise', hikes: 'rise', raise: 'rise', raised: 'rise', raises: 'rise', increase: 'rise', increased: 'rise', rises: 'rise', rose: 'rise',
	lifted: 'rise', hiked: 'rise',
	votes: 'vote', voted: 'vote', ballots: 'vote', ballot: 'vote', share: 'vote',
	cost: 'loss', costs: 'loss', losses: 'loss', damage: 'loss', damages: 'loss',
	homes: 'house', houses: 'house', housing: 'house',
	rescued: 'rescue', evacuations: 'evacuated', evacuees: 'evacuated', evacuate: 'evacuated', homeless: 'displaced', tally: 'death', rescues: 'rescue', saved: 'rescue',
	inflation: 'inflation', prices: 'inflation', cpi: 'inflation',
	growth: 'growth', gdp: 'growth', expand: 'growth',
};

export function stem(word: string): string {
	const lower = word.toLowerCase().replace(/[’']s$/u, '');
	if (SYNONYMS[lower]) return SYNONYMS[lower]!;
	let w = lower;
	if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
	else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
	return SYNONYMS[w] ?? w;
}

/**
 * Measures news reports figures of, as stems: what a figure is of when its counted noun or the nearest of
 * these words says so. Rates are told apart by their specific word ("deposit", "refinancing", "repo").
 */
const HEADS = new Set([
	'death', 'injur', 'job', 'unemploy', 'vote', 'deposit', 'refinancing', 'lending', 'repo', 'inflation', 'growth', 'loss',
	'house', 'livestock', 'rescue', 'affected', 'displaced', 'evacuated', 'trade', 'export', 'import', 'earning', 'wage',
	'price', 'sale', 'revenue', 'profit', 'budget', 'debt', 'aid', 'fund', 'investment', 'arrested', 'arrest', 'case',
	'infection', 'hospitalized', 'missing', 'power', 'outage', 'customer', 'passenger', 'turnout', 'seat', 'poll',
]);

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;
/** Capitalised words that are no names of the thing measured. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'And', 'But', 'With', 'That', 'This', 'It', 'He', 'She', 'They', 'We', 'I', 'As', 'For', 'Of', 'By', 'To', 'From', 'According', 'Some', 'More', 'Over', 'About', 'Nearly', 'Almost', 'At', 'Least', 'Mr', 'Ms', 'Mrs', 'Dr', 'President', 'Former', 'Governor', 'Gov', 'Sen', 'Rep', 'Thursday', 'Friday', 'Monday', 'Tuesday', 'Wednesday', 'Saturday', 'Sunday', 'Here', 'There', 'While', 'After', 'Before', 'Since', 'So', 'Far', 'Total', 'Overall']);

function isMonth(word: string): boolean {
	return MONTH_WORD.test(word) && MONTH_NAMES.some(m => m.startsWith(word.toLowerCase().replace(/\.$/, '').slice(0, 3)));
}

/** Basis points, "a quarter point", "percentage points": a change of a rate, not a rate. */
const POINTS = /percentage[\s-]points?|basis[\s-]points?|\bbps?\b|\d[\s-]?bp|\bpoints?\b|quarter[\s-]point|half[\s-]a[\s-]point/i;

/** The figure's value and unit in the terms two outlets can be compared in. */
function comparable(fact: Fact, before: string): {kind: FactKind; value: number | string; unit: string} {
	const {kind, text} = fact;
	if (kind === 'percent') return {kind, value: fact.value, unit: POINTS.test(text) ? 'percentage points' : '%'};
	// "75 basis points" = 0.75 percentage points, so that it compares with "0.75 percentage point".
	if (kind === 'quantity' && /^(?:basis(?: points?)?|bps?)$/i.test(fact.unit)) {
		return {kind: 'percent', value: Math.round((fact.value as number) * 100) / 10000, unit: 'percentage points'};
	}
	// "hikes rates to 3.75", "the repo rate to 5.90", "the rate is now 3.75": a bare fraction after a rate is a percentage.
	if (kind === 'quantity' && !fact.unit && !Number.isInteger(fact.value) && /\brates?\b(?:[^.!?;]|\.\d){0,60}\b(?:to|at|is|now|of)\s*$/i.test(before)) {
		return {kind: 'percent', value: fact.value, unit: '%'};
	}
	if (kind === 'quantity') return {kind, value: fact.value, unit: fact.unit.endsWith('in a row') ? fact.unit : countedUnit(fact.unit)};
	return {kind, value: fact.value, unit: kind === 'money' ? fact.unit : ''};
}

/** Counted nouns folded: "confirmed deaths" and "deaths" count the same, "Jobs" and "new jobs" too. */
function countedUnit(unit: string): string {
	if (!unit) return '';
	const words = unit.split(/\s+/);
	const head = words.pop()!;
	if (/^(?:years?|months?|weeks?|days?)$/i.test(head)) return 'years';
	// "payroll gains", "job additions": a noun of change counts what the word before names.
	if (/^(?:gains?|additions?|increases?|losses|cuts|figures?|numbers?)$/i.test(head) && words.length > 0) return stem(words.pop()!);
	return stem(head);
}

/** The power of ten of a number's last significant digit: 185,000 -> 1,000; 1.25 -> 0.01. */
function lastPlace(value: number): number {
	if (value === 0) return 1;
	const decimals = (String(value).split('.')[1] ?? '').length;
	if (decimals > 0) return 10 ** -decimals;
	let place = 1;
	let v = Math.abs(value);
	while (v % 10 === 0 && v >= 10) {
		v /= 10;
		place *= 10;
	}
	return place;
}

const ABOUT = /(?:about|around|approximately|roughly|some|an estimated|estimated|close to|nearly|almost|just under|just over|circa|~)\s*$/i;
const MORE = /(?:more than|higher than|greater than|over|above|exceeding|exceeds?|exceeded|in excess of|upwards of|topping|tops?|surpassing|surpass(?:ed)?)\s*$/i;
const LEAST = /(?:at least|a minimum of|no fewer than|no less than|or more)\s*$/i;
const UNDER = /(?:less than|fewer than|under|below)\s*$/i;
const UP_TO = /(?:up to|as many as|as much as|at most)\s*$/i;

/** The range a figure states from the words before it. */
function range(value: number, before: string): {low: number; high: number} {
	const head = before.slice(-30);
	if (LEAST.test(head)) return {low: value, high: Infinity};
	if (MORE.test(head)) return {low: value, high: Infinity};
	if (UNDER.test(head)) return {low: -Infinity, high: value};
	if (UP_TO.test(head)) return {low: -Infinity, high: value};
	if (ABOUT.test(head)) {
		const spread = Math.min(lastPlace(value) / 2, Math.abs(value) * 0.1);
		if (/(?:nearly|almost|just under|close to)\s*$/i.test(head)) return {low: value - spread * 2, high: value};
		if (/just over\s*$/i.test(head)) return {low: value, high: value + spread * 2};
		return {low: value - spread, high: value + spread};
	}
	return {low: value, high: value};
}

/** Qualifiers are also written in the figure's own text ("at least 1,000" as a quantity's surface). */
function qualifierText(sentence: string, start: number): string {
	return sentence.slice(Math.max(0, start - 40), start);
}

const TOKEN = /[\p{L}][\p{L}’'.-]*|\d[\d,.]*/gu;

/**
 * The period or vintage a figure is for, from its clause: a year or month next to it, a forecast, a
 * value before a change ("from 0.5% to 0.75%", "up from 3.5%"), an earlier or revised estimate.
 */
function periodOf(clause: string, after: string, fact: Fact): {vintage: string; time: string} {
	if (fact.kind === 'date') return {vintage: '', time: ''};
	const parts: string[] = [];
	const times: string[] = [];
	// A time opening the clause belongs to the figure before: "8.1% in 2022, 5.5% in 2023".
	const b = clause.toLowerCase().replace(new RegExp(`^\\s*(?:in|for|during)\\s+(?:(?:19|20)\\d\\d|${MONTH_NAMES.join('|')})\\b`), '');
	const a = after.toLowerCase();
	// "from 0.5% to 0.75%", "up from 3.5%", "down from 307,000": the figure is the value before the change.
	if (/\bfrom\s*$/.test(b) || /\b(?:previous(?:ly)?|prior|earlier|initially|originally|first estimate|last time|old)\b/.test(b.slice(-60))) parts.push('before');
	if (/\brevised\b/.test(b.slice(-50))) parts.push('revised');
	// "568,000 more jobs than initially estimated", "589,000 fewer payrolls", "100,000 higher than previously
	// reported": a difference, not a level.
	const moreThan = /^\s*(?:[\p{L}-]+\s+)?(?:more|fewer|less|higher|lower)\b/u.test(a) && !/^\s*(?:more|less)\s+than\b/.test(a);
	if (moreThan || /^\s*than\b/.test(a) || /\b(?:extra|additional)\s*$/.test(b)) parts.push('difference');
	// A forecast is named before the figure, or right after it: "the 169,000 forecast", "200,000 jobs many economists predicted".
	const FORECAST = /\b(?:forecast|expected|expectations?|anticipated|predicted|projected|projection|economists|analysts|consensus|outlook|pegged|seen)(?!\s+to\s+have)\b/;
	if (FORECAST.test(b) || /^\s*(?:[\p{L}’']+\s+){0,3}(?:forecasts?|expected|predicted|anticipated|projected)\b/u.test(a) && !/^[^,;.]*\bthan\b/.test(a.slice(0, 40))) parts.push('forecast');
	const near = `${b.slice(-40)} ${a.slice(0, 25)}`;
	const year =
		/^\s*(?:in|for|during|by|of)\s+((?:19|20)\d\d)\b/i.exec(a) ??
		/(?<!since |than |from )\b(?:in|for|of|during|by)\s+((?:19|20)\d\d)\b/i.exec(b.slice(-40)) ??
		/^\s*((?:19|20)\d\d)\b/.exec(a);
	const possessive = /\b((?:19|20)\d\d)[’']s\b/.exec(b.slice(-60));
	if (year) times.push(year[1]!);
	else if (possessive) times.push(possessive[1]!);
	else if (/\blast year\b|\blast year[’']s\b|\ba year (?:earlier|ago)\b/.test(near)) times.push('last year');
	else if (/\brecent years\b/.test(near)) times.push('recent years');
	const month = new RegExp(`\\b(?:in|for|of|during)\\s+(${MONTH_NAMES.join('|')})\\b|\\b(${MONTH_NAMES.join('|')})(?:[’']s)\\b`, 'i').exec(near);
	if (month) times.push((month[1] ?? month[2])!.toLowerCase());
	return {vintage: parts.join(' '), time: times.join(' ')};
}

/**
 * Every fact of a story's documents read for comparison. The context of a figure is its clause: the words
 * from the figure before it (or the clause start) to the figure after it, so that in "the deposit rate to
 * 0.75%, the main rate to 1.25%" each rate keeps its own name.
 */
/** A spelled-out number of two or more ("Twenty-four", "eight"), as facts.ts reads them only before units. */
const SPELLED_COUNT =
	/(?<![\p{L}\p{N}-])((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+(?:([\p{Ll}-]+)\s+)?([\p{Ll}]+)(?![\p{L}])/giu;
const NOT_COUNTED = new Set(['of', 'in', 'on', 'at', 'to', 'and', 'or', 'the', 'a', 'were', 'was', 'are', 'is', 'have', 'had', 'has', 'more', 'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'times', 'points', 'percent']);

/**
 * Counts written in words before the noun they count ("Twenty-four deaths", "eight people died"): facts.ts
 * leaves them out (its figures are digit figures and measures), but outlets write "24" and "Twenty-four"
 * for the same count. Read here as quantities of their sentence, for comparison only.
 */
export function spelledCounts(document: Document, facts: Fact[]): Fact[] {
	const found: Fact[] = [];
	for (const sentence of document.sentences) {
		if (sentence.boilerplate) continue;
		for (const m of sentence.text.matchAll(SPELLED_COUNT)) {
			// The noun right after the number, or after one modifier ("five additional people").
			const [first, second] = [m[2], m[3]].filter((w): w is string => w !== undefined);
			const counts = (w: string | undefined) => w !== undefined && looksPlural(w) && !NOT_COUNTED.has(w.toLowerCase()) && !MEASURE_WORDS.has(w.toLowerCase());
			const words = counts(first) ? [first!] : !NOT_COUNTED.has(first!.toLowerCase()) && counts(second) ? [first!, second!] : undefined;
			if (!words) continue;
			const value = parseNumberWords(m[1]!);
			if (value === undefined) continue;
			const start = sentence.start + m.index!;
			const end = start + m[0].indexOf(words.at(-1)!, m[1]!.length) + words.at(-1)!.length;
			if (facts.some(f => f.start < end && start < f.end)) continue;
			const unit = words.join(' ');
			found.push({sentence: sentence.index, kind: 'quantity', text: document.text.slice(start, end), value, unit, subject: unit, entities: [], start, end});
		}
	}
	return found;
}

const ORDINALS: Record<string, number> = {
	second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
	thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};
const RUN = new RegExp(
	`(?<![\\p{L}\\p{N}])(${Object.keys(ORDINALS).join('|')}|\\d{1,2}(?:st|nd|rd|th))(?![\\p{L}\\p{N}])(?=(?:\\s+[\\p{L}-]+){0,3}?\\s+(?:straight|consecutive|successive|in a row)\\b)`,
	'giu',
);

/**
 * How many times in a row ("the ninth consecutive rise", "10th straight hike", "fourth time in a row"):
 * an ordinal that facts.ts skips, but the one figure of a streak outlets compare. Unit "in a row".
 */
export function streaks(document: Document, facts: Fact[]): Fact[] {
	const found: Fact[] = [];
	for (const sentence of document.sentences) {
		if (sentence.boilerplate) continue;
		for (const m of sentence.text.matchAll(RUN)) {
			const word = m[1]!.toLowerCase();
			const value = ORDINALS[word] ?? Number.parseInt(word, 10);
			const start = sentence.start + m.index!;
			const end = start + m[1]!.length;
			if (!value || facts.some(f => f.start < end && start < f.end)) continue;
			// "the eighth consecutive month" of high inflation is another streak than "the fourth straight hike".
			const span = /^(?:\s+[\p{L}-]+){0,4}/u.exec(sentence.text.slice(m.index! + m[1]!.length))![0];
			const period = /\b(month|week|quarter|year|day|session)s?\b/i.exec(span)?.[1]?.toLowerCase();
			const unit = period ? `${period}s in a row` : 'in a row';
			found.push({sentence: sentence.index, kind: 'quantity', text: m[1]!, value, unit, subject: period ? unit : 'times in a row', entities: [], start, end});
		}
	}
	return found;
}

const MEASURE_WORDS = new Set(['miles', 'meters', 'metres', 'feet', 'inches', 'kilometers', 'kilometres', 'pounds', 'tons', 'tonnes', 'degrees', 'decades', 'centuries', 'seconds', 'weeks', 'months']);

export function readFacts(facts: Fact[], document: Document, source: number, entities: DocumentEntity[] = []): Reading[] {
	const types = new Map<string, string>();
	// Each word of a name stands for all the words of its entity: "Lula" and "da Silva" are one person.
	const expansions = new Map<string, string[]>();
	for (const e of entities) {
		const all = [e.name, ...e.aliases].flatMap(n => n.split(/\s+/));
		const expansion = [...new Set(all.map(w => w.toLowerCase()).filter(w => w.length > 2 && w !== 'county'))];
		for (const w of all) {
			if (!/^\p{Lu}/u.test(w) || types.has(w)) continue;
			types.set(w, e.type);
			expansions.set(w, expansion);
		}
	}
	const readings: Reading[] = [];
	const bySentence = new Map<number, Fact[]>();
	for (const f of facts) {
		const list = bySentence.get(f.sentence) ?? [];
		list.push(f);
		bySentence.set(f.sentence, list);
	}
	for (const [n, list] of bySentence) {
		const sentence = document.sentences[n];
		if (!sentence || sentence.boilerplate) continue;
		// The headline states figures without context; outlets compare in their bodies.
		if (n === 0 && sentence.text === document.title) continue;
		list.sort((x, y) => x.start - y.start);
		for (const [i, fact] of list.entries()) {
			if (fact.kind === 'year') continue;
			const start = fact.start - sentence.start;
			const end = fact.end - sentence.start;
			const previous = list.slice(0, i).reverse().find(f => f.kind !== 'year' && f.kind !== 'date');
			const next = list.slice(i + 1).find(f => f.kind !== 'year' && f.kind !== 'date');
			let from = previous ? previous.end - sentence.start : 0;
			// A clause break (semicolon, a comma before "while", a dash) closes the context too.
			const clause = /[;:—–]|,\s+(?:while|but|whereas|and)\s/g;
			const base = from;
			for (const m of sentence.text.slice(base, start).matchAll(clause)) from = base + m.index! + m[0].length;
			const to = next ? next.start - sentence.start : sentence.text.length;
			// "53 in Lee County and 24 in Charlotte County": the place after a figure is that figure's.
			if (previous) {
				const trailing = /^\s*(?:in|at|for|from)\s+(?:[\p{Lu}][\p{L}.’'-]*\s*)+(?:count(?:y|ies)\s*)?(?:,|\band\b)?/u.exec(sentence.text.slice(from, start));
				if (trailing) from += trailing[0].length;
			}
			const before = sentence.text.slice(from, start);
			const after = sentence.text.slice(end, Math.min(to, end + 80));
			const {kind, value, unit} = comparable(fact, sentence.text.slice(0, start));
			const {low, high} = typeof value === 'number' ? range(value, qualifierText(sentence.text, start)) : {low: NaN, high: NaN};
			const words = new Map<string, number>();
			const beforeTokens = before.match(TOKEN) ?? [];
			const afterTokens = after.match(TOKEN) ?? [];
			const add = (token: string, weight: number) => {
				if (/^\d/.test(token)) return;
				const s = stem(token.replace(/\.$/, ''));
				if (s.length < 2 || STOP.has(s) || STOP.has(token.toLowerCase())) return;
				words.set(s, Math.max(words.get(s) ?? 0, weight));
			};
			beforeTokens.slice(-12).forEach(t => add(t, 1));
			// "raised the repo rate by 50 basis points to 5.9 per cent": the subject stands before the first figure.
			let earlierTokens: string[] = [];
			if (words.size < 2 && previous) {
				const earlier = sentence.text.slice(Math.max(0, previous.start - sentence.start - 80), previous.start - sentence.start);
				earlierTokens = (earlier.match(TOKEN) ?? []).slice(-8);
				earlierTokens.forEach(t => add(t, 0.5));
			}
			afterTokens.slice(0, 6).forEach(t => add(t, 0.6));
			if (fact.kind === 'quantity' && fact.unit) fact.unit.split(/\s+/).forEach(t => add(t, 1));
			const head = headOf(fact, beforeTokens, afterTokens) || (previous && kind === previous.kind ? headOf(fact, earlierTokens, []) : '');
			const name = nameAfter(afterTokens, types) ?? nameBefore(beforeTokens, from === 0, types) ?? personAfter(afterTokens, types);
			const {vintage, time} = periodOf(before, after, fact);
			readings.push({
				fact,
				document: document.path,
				source,
				kind,
				value,
				unit,
				low,
				high,
				period: [vintage, time].filter(Boolean).join(' '),
				vintage,
				time,
				published: Date.parse(document.published.slice(0, 10)) / 86_400_000,
				words,
				head,
				name: name ?? '',
				nameWords: name === undefined ? [] : [...new Set(name.split(' ').flatMap(w => expansions.get(w) ?? [w.toLowerCase()]))],
				broad: name === undefined,
				person: name !== undefined && name.split(' ').some(w => types.get(w) === 'person'),
				label: fact.subject,
			});
		}
	}
	return readings;
}

/** The measure: the counted noun when it is one, else the nearest measure word before, else just after. */
function headOf(fact: Fact, before: string[], after: string[]): string {
	const counted = fact.kind === 'quantity' && fact.unit ? stem(fact.unit.split(/\s+/).pop()!) : '';
	if (HEADS.has(counted)) return counted;
	// "1,575 injured", "33 million affected": the word right after says it first.
	for (const t of after.slice(0, 1)) {
		const s = stem(t.replace(/\.$/, ''));
		if (HEADS.has(s)) return s;
	}
	for (let i = before.length - 1; i >= Math.max(0, before.length - 12); i--) {
		const s = stem(before[i]!.replace(/\.$/, ''));
		if (HEADS.has(s)) return s;
	}
	for (const t of after.slice(0, 5)) {
		const s = stem(t.replace(/\.$/, ''));
		if (HEADS.has(s)) return s;
	}
	return '';
}

/** The last name (capitalised words) in the clause before a figure: "Lula had", "in Lee County". */
function nameBefore(tokens: string[], sentenceStart: boolean, entities: Map<string, string>): string | undefined {
	for (let i = tokens.length - 1; i >= 0; i--) {
		const t = tokens[i]!.replace(/[’']s$/u, '').replace(/\.$/, '');
		// Only the entities the analysis found are names: a capital opening a sentence ("Meanwhile") is not.
		if (!/^\p{Lu}/u.test(t) || NOT_NAMES.has(t) || isMonth(t) || !entities.has(t)) continue;
		// A source is not the subject: "the Florida Medical Examiners Association reported 25 deaths".
		if (tokens.slice(i + 1, i + 3).some(w => REPORTING.test(w))) return undefined;
		if (i === 0 && sentenceStart && !/^\p{Lu}\p{Ll}+$/u.test(t)) continue;
		// "Lee County", "Florida Medical Examiner Association": the whole run of capitals ending here.
		const run = [t];
		let j = i - 1;
		for (; j >= 0 && /^\p{Lu}/u.test(tokens[j]!) && !NOT_NAMES.has(tokens[j]!) && entities.has(tokens[j]!.replace(/[’']s$/u, '')); j--) run.unshift(tokens[j]!.replace(/[’']s$/u, ''));
		// "surveyed by Dow Jones", "according to the Labor Department": a source, not the subject.
		// "by the Department of Labor": the run may be the last part of a longer name.
		if (tokens.slice(Math.max(0, j - 3), j + 1).some(w => /^(?:by|from|according)$/i.test(w))) return undefined;
		return run.join(' ');
	}
	return undefined;
}

/** "43.2 percent of the vote for far-right President Jair Bolsonaro": a person named after the figure. */
function personAfter(tokens: string[], types: Map<string, string>): string | undefined {
	const near = tokens.slice(0, 8);
	const at = near.findIndex(t => types.get(t.replace(/[’']s$/u, '')) === 'person');
	if (at < 0 || !near.slice(0, at).some(t => /^(?:for|to|by)$/i.test(t))) return undefined;
	return near[at]!.replace(/[’']s$/u, '');
}

const REPORTING = /^(?:said|says|reported|reports|confirmed|announced|estimated|estimates|told|stated|noted|data|figures)\b/i;

/** "24 in Charlotte County", "Bolsonaro, 67" is before; "Lula had 48.4%" before too. A county after counts. */
function nameAfter(tokens: string[], types: Map<string, string>): string | undefined {
	const slice = tokens.slice(0, 6);
	const i = slice.findIndex(t => /^(?:County|Counties|counties)$/.test(t));
	if (i > 0 && /^\p{Lu}/u.test(slice[i - 1]!) && slice.slice(0, i).some(t => t === 'in')) return `${slice[i - 1]} County`;
	// "300 people also died in Khyber Pakhtunkhwa": a place right after the figure's verb.
	const at = slice.findIndex(t => t === 'in');
	if (at >= 0 && at <= 4 && types.get(slice[at + 1] ?? '') === 'place') {
		const run: string[] = [];
		for (const t of slice.slice(at + 1)) {
			if (!/^\p{Lu}/u.test(t) || !types.has(t)) break;
			run.push(t);
		}
		return run.join(' ');
	}
	return undefined;
}
