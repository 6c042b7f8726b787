// Figures compared between the outlets of a story: which figures measure the same thing, and whether
// the outlets agree on them.
//
// Precision first: a conflict the reader is shown must be one. So two figures join as "the same thing"
// much more easily when their values agree (a shared, exact number in the same story and unit is itself
// evidence) than when they differ: a difference needs the same unit, the same period, the same name
// nearby (Lula's share is not Bolsonaro's, Lee County's toll is not Florida's) and close context words.
//
// Periods. Figures for different periods or vintages (2023 and 2024, the forecast and the outcome, the
// rate before and after a decision) are different things, never a conflict. They may still stand in one
// comparison when they measure the same subject ("bilateral trade exceeding $20 billion in recent years"
// and "$41 billion in 2023"), with each figure's period shown; the status then compares only figures of
// the same period: "differ" needs two outlets giving incompatible values for one period. When a subject
// has a conflict within one period, its periods are listed as separate comparisons, so that the
// conflict is never read as one between periods.
import type {Document} from '../../corpus/types.js';
import type {DocumentAnalysis} from '../types.js';
import {MEASUREMENT_UNITS} from '../figures.js';
import {readFacts, spelledCounts, stem, streaks, type Reading} from './compare-reading.js';
import type {ComparedFigure, Comparison, ComparisonStatus, Story} from './types.js';

// Context similarity is the cosine of the two figures' context words, weighted by how rare each word is
// in the story (0 to 1); the subject score adds HEAD_WEIGHT for the same measure word and for the same person.
/** Equal values of two outlets are one figure from this similarity on (or when the value is distinctive). */
const SAME_VALUE_SIMILARITY = 0.12;
/** A pair with different values starts a conflict from this subject score, and this similarity on its own. */
const CONFLICT_SIMILARITY = 0.3;
const EDGE_SIMILARITY = 0.15;
/** ... and values at most this many times apart. */
const EDGE_RATIO = 2.5;
const HEAD_WEIGHT = 0.3;
/** A bare number, or one subject stated for two times, needs this subject score. */
const SAME_SUBJECT_SIMILARITY = 0.45;
/** A figure joining a group conflicts with its other members only from this subject score on, unless close in value. */
const JOIN_SIMILARITY = 0.2;
const REPORTS_APART_DAYS = 60;
const MAX_MENTIONS = 60;

/**
 * Comparisons kept from earlier runs, a story at a time: a story's comparisons depend on its documents
 * alone (their texts and order), so a story whose documents are the same is not compared again. The
 * documents of kept comparisons are named by their place in the story, so names can change.
 */
export interface ComparisonCache {
	/** The key of a story made of the documents with these content hashes, in its order. */
	key(hashes: readonly string[]): string;
	get(key: string): KeptComparison[] | undefined;
	set(key: string, comparisons: KeptComparison[]): void;
}

/** A story's comparison with its figures' documents as places in the story. */
export type KeptComparison = Omit<Draft, 'figures'> & {figures: Array<Omit<ComparedFigure, 'document'> & {document: number}>};

export function compareFigures(analyses: DocumentAnalysis[], stories: Story[]): Comparison[] {
	const byPath = new Map(analyses.map(a => [a.document.path, a]));
	const comparisons: Comparison[] = [];
	for (const story of stories) {
		const members = story.documents.map(p => byPath.get(p)).filter((a): a is DocumentAnalysis => a !== undefined);
		comparisons.push(...numbered(compareAndKeep(members), story.id, comparisons.length));
	}
	return comparisons;
}

/** A story's comparisons with their ids ("g1"…, from after the `before` listed ahead of them). */
export function numbered(drafts: Draft[], story: string, before: number): Comparison[] {
	return drafts.map((draft, i) => ({...draft, id: `g${before + i + 1}`, story}));
}

/** A story's comparisons as `kept` holds them for its documents (named `names`, in the story's order); undefined when it holds none. */
export function keptComparisons(names: readonly string[], kept: {cache: ComparisonCache; hashes: readonly string[]}): Draft[] | undefined {
	const found = kept.cache.get(kept.cache.key(kept.hashes));
	return found?.map(comparison => ({...comparison, figures: comparison.figures.map(f => ({...f, document: names[f.document]!}))}));
}

/** The figures compared within one story (its documents in the story's order), kept in `kept` (when given) for the next briefing. */
export function compareAndKeep(members: DocumentAnalysis[], kept?: {cache: ComparisonCache; hashes: readonly string[]}): Draft[] {
	if (members.length < 2) return [];
	const drafts = compareStory(members);
	if (kept) {
		const place = new Map(members.map((member, i) => [member.document.path, i]));
		kept.cache.set(kept.cache.key(kept.hashes), drafts.map(draft => ({...draft, figures: draft.figures.map(f => ({...f, document: place.get(f.document)!}))})));
	}
	return drafts;
}

export type Draft = Omit<Comparison, 'id' | 'story'>;

/**
 * The readings of a story's figures, and their context similarity (computed when first asked, as most
 * pairs are ruled out by kind or unit first); exported for the dev harness.
 */
export function readStory(members: DocumentAnalysis[]): {readings: Reading[]; sim: (i: number, j: number) => number} {
	const readings = members.flatMap((a, i) => readFacts([...a.facts, ...spelledCounts(a.document, a.facts), ...streaks(a.document, a.facts)], a.document as Document, i, a.entities));
	const common = storyWideNames(members, readings);
	for (const r of readings) r.broad = r.name === '' || common.has(r.name);
	const weight = inverseFrequencies(readings);
	const n = readings.length;
	const memo = new Map<number, number>();
	const sim = (i: number, j: number): number => {
		const key = i < j ? i * n + j : j * n + i;
		let value = memo.get(key);
		if (value === undefined) memo.set(key, (value = similarity(readings[i]!, readings[j]!, weight)));
		return value;
	};
	return {readings, sim};
}

function compareStory(members: DocumentAnalysis[]): Draft[] {
	const {readings, sim} = readStory(members);

	// Clusters grow by union, strongest evidence first, and only while every pair inside stays consistent.
	const cluster = readings.map((_, i) => i);
	const membersOf = new Map<number, number[]>(readings.map((_, i) => [i, [i]]));
	const find = (i: number): number => (cluster[i] === i ? i : (cluster[i] = find(cluster[i]!)));
	const edges: Array<[number, number, number]> = [];
	const byKind = new Map<string, number[]>();
	readings.forEach((r, i) => byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), i]));
	for (const ids of byKind.values()) {
		for (const [x, i] of ids.entries()) {
			for (const j of ids.slice(x + 1)) {
				const a = readings[i]!;
				const b = readings[j]!;
				if (a.source === b.source || !comparableKinds(a, b)) continue;
				const s = sim(i, j);
				if (pairAllowed(a, b, s)) edges.push([i, j, s + (overlaps(a, b) ? 1 : 0)]);
			}
		}
	}
	edges.sort((x, y) => y[2] - x[2]);
	for (const [i, j] of edges) {
		const ri = find(i);
		const rj = find(j);
		if (ri === rj) continue;
		const A = membersOf.get(ri)!;
		const B = membersOf.get(rj)!;
		// Two figures of one outlet that say different things are not one measure ("21 deaths" then "50 deaths").
		// A comparison of more mentions than anyone reads is no help, and keeps the joining check cheap.
		if (A.length + B.length > MAX_MENTIONS) continue;
		if (!A.every(x => B.every(y => joinable(readings[x]!, readings[y]!, sim(x, y))))) continue;
		cluster[rj] = ri;
		membersOf.set(ri, [...A, ...B]);
		membersOf.delete(rj);
	}

	const drafts: Draft[] = [];
	for (const ids of membersOf.values()) {
		const group = ids.map(i => readings[i]!);
		if (new Set(group.map(r => r.source)).size < 2) continue;
		const conflicted = group.some((a, x) => group.some((b, y) => y > x && a.source !== b.source && conflict(a, b)));
		if (!conflicted) {
			drafts.push(draft(group, 'agree'));
			continue;
		}
		for (const part of periodParts(group)) {
			if (new Set(part.map(r => r.source)).size < 2) continue;
			const differs = part.some((a, x) => part.some((b, y) => y > x && a.source !== b.source && conflict(a, b)));
			drafts.push(draft(part, differs ? 'differ' : 'agree'));
		}
	}
	return drafts;
}

/**
 * A subject's figures split by period: one part per vintage, and within a vintage one per stated time,
 * figures with no time standing in every part of their vintage.
 */
function periodParts(group: Reading[]): Reading[][] {
	const parts: Reading[][] = [];
	for (const vintage of new Set(group.map(r => r.vintage))) {
		const same = group.filter(r => r.vintage === vintage);
		const times = [...new Set(same.map(r => r.time).filter(Boolean))];
		if (times.length <= 1) parts.push(same);
		else for (const time of times) parts.push(same.filter(r => r.time === time || r.time === ''));
	}
	return parts;
}

function comparableKinds(a: Reading, b: Reading): boolean {
	if (a.kind !== b.kind) return false;
	// The ninth rise in a row and the tenth are two decisions far more often than two outlets disagreeing.
	if (a.unit.endsWith('in a row') && !equal(a, b)) return false;
	// A bare number may count what another outlet names ("517,000" and "517,000 jobs"), but is no measure ("4,000-pound").
	// "People" may be what another outlet counts as deaths or injured: the measure word then tells.
	if (a.kind === 'quantity') return a.unit === b.unit || (vague(a.unit) && !isMeasure(b.unit)) || (vague(b.unit) && !isMeasure(a.unit));
	return a.unit === b.unit;
}

function vague(unit: string): boolean {
	return unit === '' || unit === 'people' || unit === 'person';
}

function isMeasure(unit: string): boolean {
	return unit === 'years' || MEASUREMENT_UNITS.has(unit) || MEASUREMENT_UNITS.has(`${unit}s`);
}

/** The stated ranges meet: "about 1,000" and "1,000", "more than $10 billion" and "$10 billion". */
function overlaps(a: Reading, b: Reading): boolean {
	if (typeof a.value === 'string' || typeof b.value === 'string') return sameDate(String(a.value), String(b.value));
	const eps = 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
	return a.low <= b.high + eps && b.low <= a.high + eps;
}

/** Dates agree when what both state agrees: "Sept. 14" (no year) and "14 September 2022". */
function sameDate(a: string, b: string): boolean {
	const pa = /^(\d{4}|-)-?(\d{2})(?:-(\d{2}))?$/.exec(a);
	const pb = /^(\d{4}|-)-?(\d{2})(?:-(\d{2}))?$/.exec(b);
	if (!pa || !pb) return a === b;
	if (pa[1] !== '-' && pb[1] !== '-' && pa[1] !== pb[1]) return false;
	return pa[2] === pb[2] && pa[3] === pb[3];
}

/** The same figure, however written: "1.5%" and "1.50%", "about 1,000" and "1,000", "Sept. 14" and "14 September 2022". */
function equal(a: Reading, b: Reading): boolean {
	if (typeof a.value === 'string' || typeof b.value === 'string') return sameDate(String(a.value), String(b.value));
	return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}

/** Two outlets give incompatible values for the same period. */
function conflict(a: Reading, b: Reading): boolean {
	return samePeriod(a, b) && !overlaps(a, b) && a.kind !== 'date';
}

/** The same vintage (both outcomes, both forecasts, both before-values), and no two different stated times. */
function samePeriod(a: Reading, b: Reading): boolean {
	// Reports published months apart ("January's jobs" of 2023 and of 2025) are of different periods.
	if (Math.abs(a.published - b.published) > REPORTS_APART_DAYS) return false;
	return a.vintage === b.vintage && (a.time === b.time || a.time === '' || b.time === '');
}

/** Equal values agree unless their periods plainly differ; one figure without a stated period may be either. */
function periodsAgree(a: Reading, b: Reading): boolean {
	return a.period === '' || b.period === '' || samePeriod(a, b);
}

/** May a and b (of different outlets) be the same measure? */
export function pairAllowed(a: Reading, b: Reading, sim: number): boolean {
	if (equal(a, b) && periodsAgree(a, b)) return sim >= SAME_VALUE_SIMILARITY || distinctive(a) || (a.head !== '' && a.head === b.head);
	if (a.kind === 'date') return false;
	// One subject stated for two times ("$20 billion in recent years", "$41 billion in 2023") is shown as one
	// comparison; a revision, a forecast or a before-value is a different figure altogether.
	if (!samePeriod(a, b)) {
		const twoTimes = a.vintage === b.vintage && a.time !== '' && b.time !== '';
		return twoTimes && sameMeasure(a, b) && subjectScore(a, b, sim) >= SAME_SUBJECT_SIMILARITY && sameName(a, b) && a.unit !== '' && plausible(a, b, EDGE_RATIO);
	}
	return differenceAllowed(a, b, sim);
}

/** A difference is only believed with the same unit, name and period, close context and values. */
function differenceAllowed(a: Reading, b: Reading, sim: number): boolean {
	// An edge that starts a conflict wants values of one order (a count that grew, a rounded share);
	// figures further apart join a group only through closer ones (see joinable).
	if (!samePeriod(a, b) || !sameName(a, b) || !plausible(a, b, EDGE_RATIO)) return false;
	if (!sameMeasure(a, b)) return false;
	const score = subjectScore(a, b, sim);
	// A bare number with no measure word ("141,000") is only believed with close context.
	const bare = (r: Reading) => r.kind === 'quantity' && r.unit === '' && r.head === '';
	if (bare(a) || bare(b)) return score >= SAME_SUBJECT_SIMILARITY;
	// The measure word alone is not enough where every figure has it (jobs in a jobs report): some
	// context must be shared too.
	return score >= CONFLICT_SIMILARITY && (sim >= EDGE_SIMILARITY || samePerson(a, b));
}

/**
 * Names that most documents of the story use ("Florida" in a Florida storm): one figure with such a name
 * and one with none may be about the same thing; a figure with a narrower name ("Lee County") may not.
 */
function storyWideNames(members: DocumentAnalysis[], readings: Reading[]): Set<string> {
	const names = new Set(readings.map(r => r.name).filter(Boolean));
	const common = new Set<string>();
	for (const name of names) {
		const counts = members.map(m => m.document.text.split(name).length - 1);
		const uses = counts.filter(c => c > 0).length;
		const total = counts.reduce((x, y) => x + y, 0);
		// In most documents, and often in each: the scene ("Florida"), not one part of it ("Lee County").
		if (uses >= Math.max(2, Math.ceil(members.length * 0.8)) && total >= 2 * members.length) common.add(name);
	}
	return common;
}

/** Names near two figures tell different subjects apart: Lula's share is not Bolsonaro's, Lee County is not Florida. */
function sameName(a: Reading, b: Reading): boolean {
	if (a.name !== '' && b.name !== '') {
		const words = new Set(a.nameWords);
		if (b.nameWords.some(w => words.has(w))) return true;
		if (a.person && b.person) return false;
	}
	return a.broad && b.broad;
}


/** Close values (58,000 and 79,000; 169,000 and 200,000) conflict within one group without common words. */
function near(a: Reading, b: Reading): boolean {
	const x = Math.abs(a.value as number);
	const y = Math.abs(b.value as number);
	return Math.max(x, y) <= 1.5 * Math.min(x, y);
}

function sameMeasure(a: Reading, b: Reading): boolean {
	return a.head === '' || b.head === '' || a.head === b.head;
}

/**
 * How surely two figures measure one thing: their context similarity, raised by the same measure word
 * ("deaths", "deposit"), which says much of what a figure is, and by the same person's name on both
 * (whose share, whose count).
 */
function subjectScore(a: Reading, b: Reading, sim: number): number {
	return sim + (a.head !== '' && a.head === b.head ? HEAD_WEIGHT : 0) + (samePerson(a, b) ? HEAD_WEIGHT : 0);
}

function samePerson(a: Reading, b: Reading): boolean {
	return a.person && b.person && a.nameWords.some(w => b.nameWords.includes(w));
}

/** Values of one measure in two outlets are of one order: a death toll of 21 and 25, not 1,000 and 33 million. */
function plausible(a: Reading, b: Reading, most = a.kind === 'money' ? 5 : 10): boolean {
	const x = Math.abs(a.value as number);
	const y = Math.abs(b.value as number);
	const ratio = Math.max(x, y) / Math.max(1e-9, Math.min(x, y));
	// Shares and rates reported differently differ by a count's progress or rounding (48.4% and 47.89%);
	// 7% and 6.7% are more often two different rates. Changes of a rate (points) hardly ever conflict.
	if (a.kind === 'percent') return a.unit === '%' ? Math.abs(x - y) <= Math.max(x, y) * 0.02 : ratio <= 1.2;
	return ratio <= most;
}

/**
 * A figure that rarely repeats by chance within one story: a date, an exact number of three or more
 * significant digits (517,000, 48.4%, 5.65%), or a large one. "2%", "5" or "0.75%" need their context too.
 */
function distinctive(a: Reading): boolean {
	if (a.kind === 'date') return true;
	if (typeof a.value !== 'number') return false;
	// A rate given to the decimal ("5.9%", "0.75%") or a change in points is seldom two things in one story.
	if (a.kind === 'percent' && (a.unit === 'percentage points' || !Number.isInteger(a.value))) return true;
	const digits = String(Math.abs(a.value)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
	return digits >= 3 || (a.kind !== 'percent' && Math.abs(a.value) >= 1000);
}

/** May a and b stand in one comparison (any outlets)? */
function joinable(a: Reading, b: Reading, sim: number): boolean {
	if (!comparableKinds(a, b)) return false;
	// Two figures of one outlet with the same measure word and different values are most often two things
	// (jobs in two sectors), even when the outlet also tells a count's history.
	if (a.source === b.source) return overlaps(a, b) || (a.vintage === b.vintage && a.time !== '' && b.time !== '' && a.time !== b.time);
	if (equal(a, b) && periodsAgree(a, b)) return true;
	if (a.kind === 'date') return false;
	// Joining a group through one well-matched pair, a figure need only not contradict the others:
	// the same measure, name and order of value, and some common context when the values conflict.
	if (!sameMeasure(a, b) || !sameName(a, b) || !plausible(a, b)) return false;
	return !conflict(a, b) || subjectScore(a, b, sim) >= JOIN_SIMILARITY || near(a, b);
}

function inverseFrequencies(readings: Reading[]): Map<string, number> {
	const df = new Map<string, number>();
	for (const r of readings) for (const w of r.words.keys()) df.set(w, (df.get(w) ?? 0) + 1);
	const n = readings.length;
	return new Map([...df].map(([w, d]) => [w, Math.log(1 + n / d)]));
}

function similarity(a: Reading, b: Reading, idf: Map<string, number>): number {
	let dot = 0;
	let na = 0;
	let nb = 0;
	for (const [w, x] of a.words) {
		const k = idf.get(w) ?? 0;
		na += (x * k) ** 2;
		const y = b.words.get(w);
		if (y !== undefined) dot += x * y * k * k;
	}
	for (const [w, y] of b.words) nb += (y * (idf.get(w) ?? 0)) ** 2;
	return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function draft(group: Reading[], status: ComparisonStatus): Draft {
	const sorted = [...group].sort((a, b) => a.source - b.source || a.fact.start - b.fact.start);
	return {subject: subjectOf(sorted), kind: sorted[0]!.kind, status, figures: sorted.map(figure)};
}

function figure(r: Reading): ComparedFigure {
	return {
		document: r.document,
		sentence: r.fact.sentence,
		text: figureText(r),
		value: r.value,
		unit: r.unit,
		period: r.period,
		low: r.low,
		high: r.high,
	};
}

/** The figure as written, without the noun a count counts ("1,000" of "1,000 people"): that is the unit's. */
function figureText(r: Reading): string {
	const {text, unit} = r.fact;
	if (r.kind === 'quantity' && unit && text.endsWith(unit) && text.length > unit.length) return text.slice(0, -unit.length).replace(/[\s-]+$/u, '');
	return text;
}

/**
 * A readable subject: the subject most figures were given that names their measure ("deposit rate",
 * "death toll"), else the most common one that is a noun phrase, else the measure word and the name.
 */
function subjectOf(group: Reading[]): string {
	const counts = new Map<string, number>();
	const head = group.find(r => r.head)?.head ?? '';
	for (const r of group) {
		const label = r.label.trim();
		// Adverbs, weekdays and single function words read as subjects by accident ("respectively", "Thursday").
		if (!label || /^(?:respectively|therefore|thursday|friday|monday|tuesday|wednesday|saturday|sunday|same quantum|year|month|total)$/i.test(label)) continue;
		const bonus = head && label.toLowerCase().split(/\s+/).some(w => stem(w) === head) ? 10 : 0;
		counts.set(label, (counts.get(label) ?? 0) + 1 + bonus);
	}
	const best = [...counts].sort((a, b) => b[1] - a[1])[0];
	if (best) return best[0];
	const name = group.find(r => r.name)?.name ?? '';
	return [name, head || group[0]!.unit].filter(Boolean).join(' ');
}
