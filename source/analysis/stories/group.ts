// Stories: documents that report the same event (one decision, release, disaster, match or announcement).
//
// Topics are not events: two rate decisions months apart share every name and most words. What tells
// events apart is what the articles report, so a pair of documents scores by its shared words (TF-IDF
// cosine) scaled up by the figures both report ("517,000 jobs", "75 basis points" = "0.75%") and down when
// it shares none of them. Documents published more than a week apart are never one story.
//
// To stay near linear at ten thousand documents, only candidate pairs are scored: documents that share a
// reported figure or some of their most telling words, found through an inverted index whose crowded
// entries (words or figures in too many documents to tell anything) are skipped. Candidates are then
// merged by average linkage, the unscored pairs counting as unrelated.
import type {DocumentAnalysis} from '../types.js';
import {storyHeadline, storyEntities, storySummary, storyText, type StoryText} from './summary.js';
import {storySignature} from './terms.js';
import type {Story} from './types.js';

/** The tunable parts of the grouping (exported so the development harness can sweep them). */
export const GROUPING = {
	/** Average linkage merges two groups while their mean pair score is at least this. */
	threshold: 0.11,
	/** Documents published further apart than this many days report different events. */
	maxDaysApart: 7,
	/** Share of the pair score lost per day apart beyond two days. */
	dayPenalty: 0.1,
	/** Each document proposes candidates through this many of its most telling words. */
	blockingTerms: 24,
	/** A word or figure found in more documents than this is too common to propose candidates. */
	maxPosting: 100,
	/** Candidates kept per document, the ones sharing most keys first. */
	maxCandidates: 40,
};

/** How many documents the word weights need before they are trusted half-way (see weigh). */
const IDF_PRIOR_DOCUMENTS = 5;

/** Words and figure keys as numbers, shared by every document of one grouping. */
export class TermDictionary {
	readonly #terms = new Map<string, number>();
	readonly #words: string[] = [];
	readonly #figures = new Map<string, string>();

	/** The number of a word, given on first sight: in the order documents first use them. */
	term(word: string): number {
		let id = this.#terms.get(word);
		if (id === undefined) {
			id = this.#words.length;
			this.#terms.set(word, id);
			this.#words.push(word);
		}
		return id;
	}

	word(id: number): string {
		return this.#words[id]!;
	}

	get size(): number {
		return this.#words.length;
	}

	/** One string per figure key, however many documents report it. */
	figure(key: string): string {
		let kept = this.#figures.get(key);
		if (kept === undefined) this.#figures.set(key, (kept = key));
		return kept;
	}
}

/** What the grouping compares of one document, compact: a few KB, so that 100,000 fit. */
export interface GroupingDocument {
	/** Its content words (dictionary numbers) in order of first use, and how often each is used. */
	terms: Int32Array;
	counts: Int32Array;
	/** Figure keys (the dictionary's strings) with their specificity. */
	figures: Array<[string, number]>;
	/** Days since 1970 of the publication, or undefined when not known. */
	day: number | undefined;
}

export function groupingDocument(signature: {terms: Iterable<[string, number]>; figures: Iterable<[string, number]>; day: number | undefined}, dictionary: TermDictionary): GroupingDocument {
	const terms: number[] = [];
	const counts: number[] = [];
	for (const [term, count] of signature.terms) {
		terms.push(dictionary.term(term));
		counts.push(count);
	}
	return {terms: Int32Array.from(terms), counts: Int32Array.from(counts), figures: [...signature.figures].map(([key, specificity]) => [dictionary.figure(key), specificity]), day: signature.day};
}

/** Per-document weights the pair score needs, computed once document frequencies are known. */
export interface Weighted {
	/** The unit-length TF-IDF vector of the content words: term numbers in increasing order and their weights. */
	termIds: Int32Array;
	termWeights: Float64Array;
	/** The most telling words (highest weight first, the first used first among equals): what proposes candidates. */
	telling: Int32Array;
	/** Figure key → specificity × rarity. */
	figures: Map<string, number>;
	day: number | undefined;
}

/** The vector of a weighted document with its words spelled out. */
export function vectorOf(weighted: Weighted, dictionary: TermDictionary): Map<string, number> {
	const vector = new Map<string, number>();
	weighted.termIds.forEach((id, i) => vector.set(dictionary.word(id), weighted.termWeights[i]!));
	return vector;
}

function weigh(documents: readonly GroupingDocument[], dictionary: TermDictionary): Weighted[] {
	const n = documents.length;
	// Document frequencies say little in a handful of documents (two: every shared word gets idf 0, so what
	// they share would count for nothing): their weight grows with the count, plain term counts filling in.
	const trust = (n * n) / (n * n + IDF_PRIOR_DOCUMENTS * IDF_PRIOR_DOCUMENTS);
	const termDf = new Int32Array(dictionary.size);
	for (const document of documents) for (const id of document.terms) termDf[id]!++;
	const figureDf = new Map<string, number>();
	for (const document of documents) for (const [key] of document.figures) figureDf.set(key, (figureDf.get(key) ?? 0) + 1);
	return documents.map(document => {
		const ids: number[] = [];
		const weights: number[] = [];
		let norm = 0;
		document.terms.forEach((id, i) => {
			const weight = (1 + Math.log(document.counts[i]!)) * (trust * Math.log(n / (termDf[id] || 1)) + (1 - trust));
			if (weight <= 0) return;
			ids.push(id);
			weights.push(weight);
			norm += weight * weight;
		});
		norm = Math.sqrt(norm) || 1;
		for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
		const byWeight = ids.map((_, i) => i).sort((x, y) => weights[y]! - weights[x]! || x - y);
		const telling = Int32Array.from(byWeight.slice(0, GROUPING.blockingTerms), i => ids[i]!);
		const byId = ids.map((_, i) => i).sort((x, y) => ids[x]! - ids[y]!);
		const figures = new Map<string, number>();
		for (const [key, specificity] of document.figures) {
			// Rarity by the count of documents, not their share: a figure that four articles of a story share
			// is as telling in a set of seven as in one of ten thousand; one in hundreds of documents is not.
			const rarity = 1 / (1 + Math.log(Math.max(1, (figureDf.get(key) ?? 1) / 2)));
			figures.set(key, specificity * rarity);
		}
		return {termIds: Int32Array.from(byId, i => ids[i]!), termWeights: Float64Array.from(byId, i => weights[i]!), telling, figures, day: document.day};
	});
}

/** How likely two documents report the same event: 0 for unrelated, about 0.12 and up for one story. */
function pairScore(a: Weighted, b: Weighted): number {
	const dayA = a.day;
	const dayB = b.day;
	const gap = dayA === undefined || dayB === undefined ? 0 : Math.abs(dayA - dayB);
	if (gap > GROUPING.maxDaysApart) return 0;
	let cosine = 0;
	const {termIds: ia, termWeights: wa} = a;
	const {termIds: ib, termWeights: wb} = b;
	for (let i = 0, j = 0; i < ia.length && j < ib.length; ) {
		const x = ia[i]!;
		const y = ib[j]!;
		if (x === y) cosine += wa[i++]! * wb[j++]!;
		else if (x < y) i++;
		else j++;
	}
	let shared = 0;
	const [fewer, more] = a.figures.size <= b.figures.size ? [a.figures, b.figures] : [b.figures, a.figures];
	for (const [key, weight] of fewer) if (more.has(key)) shared += weight;
	// The same figures in two texts on one subject are strong evidence of one event, and none at all is
	// evidence against; saturating, so a long table of shared figures does not outweigh the words. Two texts
	// that share figures but hardly a word are on different subjects: the figures count once the words do.
	const figures = 1 - Math.exp(-shared / 2);
	const onSubject = Math.min(1, cosine / 0.05);
	const figureFactor = 0.5 + 2 * figures;
	// Follow-ups come days apart; the further apart two reports, the more they must share to be one event.
	const closeness = 1 - GROUPING.dayPenalty * Math.max(0, gap - 2);
	return (cosine * figureFactor + 0.08 * figures * onSubject) * closeness;
}

/** A list of numbers that grows without an object per entry. */
class Numbers<T extends Int32Array | Float64Array> {
	#array: T;
	length = 0;
	constructor(array: T) {
		this.#array = array;
	}
	push(value: number): void {
		if (this.length === this.#array.length) {
			const grown = new (this.#array.constructor as new (length: number) => T)(Math.max(16, this.#array.length * 2));
			grown.set(this.#array);
			this.#array = grown;
		}
		this.#array[this.length++] = value;
	}
	at(index: number): number {
		return this.#array[index]!;
	}
}

/** Pairs of documents scored: [a, b, score] by place, a < b. */
interface Scored {
	a: Numbers<Int32Array>;
	b: Numbers<Int32Array>;
	score: Numbers<Float64Array>;
}

/**
 * Each document's candidate partners, each pair once (from its lower index), scored: documents that share
 * enough telling words or reported figures, the ones sharing most first.
 */
function scoredPairs(weighted: Weighted[]): Scored {
	// Keys: a word's number × 2, a figure's × 2 + 1.
	const figureIds = new Map<string, number>();
	const postings = new Map<number, number[]>();
	const post = (key: number, index: number) => {
		const list = postings.get(key);
		if (list) list.push(index);
		else postings.set(key, [index]);
	};
	weighted.forEach((w, index) => {
		for (const term of w.telling) post(term * 2, index);
		for (const [key, weight] of w.figures) {
			if (weight <= 0) continue;
			let id = figureIds.get(key);
			if (id === undefined) figureIds.set(key, (id = figureIds.size));
			post(id * 2 + 1, index);
		}
	});
	const keysOf: number[][] = weighted.map(() => []);
	for (const [key, list] of postings) {
		if (list.length < 2 || list.length > GROUPING.maxPosting) continue;
		for (const index of list) keysOf[index]!.push(key);
	}
	const scored: Scored = {a: new Numbers(new Int32Array(0)), b: new Numbers(new Int32Array(0)), score: new Numbers(new Float64Array(0))};
	for (let index = 0; index < weighted.length; index++) {
		const counts = new Map<number, number>();
		for (const key of keysOf[index]!) {
			// A shared figure counts as much as two shared words.
			const worth = key % 2 === 1 ? 2 : 1;
			for (const other of postings.get(key)!) if (other > index) counts.set(other, (counts.get(other) ?? 0) + worth);
		}
		keysOf[index] = [];
		const ranked = [...counts].filter(([, count]) => count >= 2).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
		for (const [other] of ranked.slice(0, GROUPING.maxCandidates)) {
			const score = pairScore(weighted[index]!, weighted[other]!);
			if (score <= 0) continue;
			scored.a.push(index);
			scored.b.push(other);
			scored.score.push(score);
		}
	}
	return scored;
}

/** Share of the threshold below which a link between two groups is dropped. */
const FAINT_LINK = 0.1;

interface Cluster {
	members: number[];
	firstDay: number | undefined;
	lastDay: number | undefined;
	/** Sum of pair scores to each neighbouring cluster (by id). */
	links: Map<number, number>;
	alive: boolean;
}

/** A candidate merge: two clusters, their average link, and the clusters' stamps when it was offered. */
interface Merge {
	score: number;
	a: number;
	b: number;
	stamp: number;
}

/** A binary heap of candidate merges, best first, kept in typed arrays (millions of them at 100,000 documents). */
class MergeQueue {
	#scores = new Float64Array(1024);
	#a = new Int32Array(1024);
	#b = new Int32Array(1024);
	#stamps = new Float64Array(1024);
	#length = 0;

	#set(i: number, score: number, a: number, b: number, stamp: number): void {
		this.#scores[i] = score;
		this.#a[i] = a;
		this.#b[i] = b;
		this.#stamps[i] = stamp;
	}

	#move(to: number, from: number): void {
		this.#set(to, this.#scores[from]!, this.#a[from]!, this.#b[from]!, this.#stamps[from]!);
	}

	push({score, a, b, stamp}: Merge): void {
		if (this.#length === this.#scores.length) {
			const grow = <T extends Float64Array | Int32Array>(array: T, make: (length: number) => T): T => {
				const grown = make(array.length * 2);
				grown.set(array);
				return grown;
			};
			this.#scores = grow(this.#scores, n => new Float64Array(n));
			this.#a = grow(this.#a, n => new Int32Array(n));
			this.#b = grow(this.#b, n => new Int32Array(n));
			this.#stamps = grow(this.#stamps, n => new Float64Array(n));
		}
		let i = this.#length++;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (this.#scores[parent]! >= score) break;
			this.#move(i, parent);
			i = parent;
		}
		this.#set(i, score, a, b, stamp);
	}

	pop(): Merge | undefined {
		if (this.#length === 0) return undefined;
		const top = {score: this.#scores[0]!, a: this.#a[0]!, b: this.#b[0]!, stamp: this.#stamps[0]!};
		const last = --this.#length;
		if (last > 0) {
			const score = this.#scores[last]!;
			const [a, b, stamp] = [this.#a[last]!, this.#b[last]!, this.#stamps[last]!];
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let best = i;
				let bestScore = score;
				if (l < last && this.#scores[l]! > bestScore) {
					best = l;
					bestScore = this.#scores[l]!;
				}
				if (r < last && this.#scores[r]! > bestScore) best = r;
				if (best === i) break;
				this.#move(i, best);
				i = best;
			}
			this.#set(i, score, a, b, stamp);
		}
		return top;
	}
}

const spanDays = (a: Cluster, b: Cluster): number => {
	const first = [a.firstDay, b.firstDay].filter((d): d is number => d !== undefined);
	const last = [a.lastDay, b.lastDay].filter((d): d is number => d !== undefined);
	return first.length === 0 ? 0 : Math.max(...last) - Math.min(...first);
};

/** Average-linkage clustering over the scored pairs; returns groups of document indexes. */
function cluster(count: number, scored: Scored, days: Array<number | undefined>): number[][] {
	const clusters: Cluster[] = Array.from({length: count}, (_, i) => ({
		members: [i],
		firstDay: days[i],
		lastDay: days[i],
		links: new Map(),
		alive: true,
	}));
	for (let i = 0; i < scored.a.length; i++) {
		const a = scored.a.at(i);
		const b = scored.b.at(i);
		clusters[a]!.links.set(b, scored.score.at(i));
		clusters[b]!.links.set(a, scored.score.at(i));
	}
	const stamps = new Array<number>(count).fill(0);
	const queue = new MergeQueue();
	const average = (a: number, b: number, sum: number) => sum / (clusters[a]!.members.length * clusters[b]!.members.length);
	const offer = (a: number, b: number, sum: number) => {
		const score = average(a, b, sum);
		if (score >= GROUPING.threshold) queue.push({score, a, b, stamp: stamps[a]! + stamps[b]! * 0x100000});
	};
	for (let i = 0; i < scored.a.length; i++) offer(scored.a.at(i), scored.b.at(i), scored.score.at(i));
	for (let item = queue.pop(); item; item = queue.pop()) {
		const {a, b} = item;
		const ca = clusters[a]!;
		const cb = clusters[b]!;
		if (!ca.alive || !cb.alive || item.stamp !== stamps[a]! + stamps[b]! * 0x100000) continue;
		if (spanDays(ca, cb) > GROUPING.maxDaysApart) continue;
		// Merge b into a: links add up, so average linkage stays exact over the scored pairs.
		ca.members.push(...cb.members);
		const dates = (x: number | undefined, y: number | undefined, pick: (p: number, q: number) => number) =>
			x === undefined ? y : y === undefined ? x : pick(x, y);
		ca.firstDay = dates(ca.firstDay, cb.firstDay, Math.min);
		ca.lastDay = dates(ca.lastDay, cb.lastDay, Math.max);
		cb.alive = false;
		ca.links.delete(b);
		for (const [other, sum] of cb.links) {
			if (other === a) continue;
			const merged = (ca.links.get(other) ?? 0) + sum;
			ca.links.set(other, merged);
			const co = clusters[other]!;
			co.links.delete(b);
			co.links.set(a, merged);
		}
		stamps[a]!++;
		for (const [other, sum] of ca.links) {
			// A link far below the threshold can no longer decide a merge; dropping it keeps a growing
			// group's neighbourhood small (big stories in big sets would otherwise cost quadratic time).
			if (average(a, other, sum) < GROUPING.threshold * FAINT_LINK) {
				ca.links.delete(other);
				clusters[other]!.links.delete(a);
				continue;
			}
			if (other < a) offer(other, a, sum);
			else offer(a, other, sum);
		}
	}
	return clusters.filter(c => c.alive).map(c => c.members.sort((x, y) => x - y));
}

/**
 * Group documents into stories: the members of each (places in `documents`), largest first (ties: the one
 * whose first document comes first), with each document's weights.
 */
export function groupDocuments(documents: readonly GroupingDocument[], dictionary: TermDictionary): {groups: number[][]; weighted: Weighted[]} {
	const weighted = weigh(documents, dictionary);
	const groups = cluster(
		documents.length,
		scoredPairs(weighted),
		documents.map(d => d.day),
	);
	groups.sort((x, y) => y.length - x.length || x[0]! - y[0]!);
	return {groups, weighted};
}

/** Group documents into stories, largest first (ties: the one whose first document comes first). */
export function groupStories(analyses: DocumentAnalysis[]): Story[] {
	const dictionary = new TermDictionary();
	const signatures = analyses.map(storySignature);
	const {groups, weighted} = groupDocuments(
		signatures.map(s => groupingDocument({terms: s.terms, figures: s.figures, day: s.publishedDay}, dictionary)),
		dictionary,
	);
	return groups.map(
		(members, index) =>
			buildStory(
				`s${index + 1}`,
				members.map(i => ({name: analyses[i]!.document.path, text: storyText(analyses[i]!)})),
				members.map(i => vectorOf(weighted[i]!, dictionary)),
			).story,
	);
}

/**
 * A story of several documents, with its documents' order (earliest first when dates are known; undated
 * documents follow in the order given). `vectors` are the documents' weights from the grouping.
 */
export function buildStory(id: string, documents: Array<{name: string; text: StoryText}>, vectors: Array<Map<string, number>>): {story: Story; order: number[]} {
	const order = documents.map((_, i) => i).sort((x, y) => {
		const px = documents[x]!.text.published.slice(0, 10);
		const py = documents[y]!.text.published.slice(0, 10);
		if (px && py && px !== py) return px < py ? -1 : 1;
		if (Boolean(px) !== Boolean(py)) return px ? -1 : 1;
		return x - y;
	});
	const names = order.map(i => documents[i]!.name);
	const texts = order.map(i => documents[i]!.text);
	const vecs = order.map(i => vectors[i]!);
	const dates = texts.map(text => text.published.slice(0, 10)).filter(d => /^\d{4}-\d\d-\d\d$/.test(d)).sort();
	const sources = new Set<string>();
	texts.forEach((text, i) => sources.add(text.source ? `source:${text.source.toLowerCase()}` : `document:${i}`));
	const story: Story = {
		id,
		headline: storyHeadline(texts, vecs),
		documents: names,
		sources: sources.size,
		firstPublished: dates[0] ?? '',
		lastPublished: dates.at(-1) ?? '',
		entities: storyEntities(texts),
		summary: storySummary(texts, vecs).map(({doc, sentence, text}) => ({document: names[doc]!, sentence, text})),
	};
	return {story, order};
}
