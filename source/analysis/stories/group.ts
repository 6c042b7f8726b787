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
import {storyHeadline, storyEntities, storySummary} from './summary.js';
import {type StorySignature, storySignature} from './terms.js';
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

/** Per-document weights the pair score needs, computed once document frequencies are known. */
interface Weighted {
	signature: StorySignature;
	/** Unit-length TF-IDF vector of the content words. */
	vector: Map<string, number>;
	/** The same vector as term numbers in increasing order and their weights, for a fast dot product. */
	termIds: Int32Array;
	termWeights: Float64Array;
	/** Figure key → specificity × rarity. */
	figures: Map<string, number>;
}

function documentFrequencies(keys: Iterable<Iterable<string>>): Map<string, number> {
	const df = new Map<string, number>();
	for (const set of keys) for (const key of set) df.set(key, (df.get(key) ?? 0) + 1);
	return df;
}

function weigh(signatures: StorySignature[]): Weighted[] {
	const n = signatures.length;
	// Document frequencies say little in a handful of documents (two: every shared word gets idf 0, so what
	// they share would count for nothing): their weight grows with the count, plain term counts filling in.
	const trust = (n * n) / (n * n + IDF_PRIOR_DOCUMENTS * IDF_PRIOR_DOCUMENTS);
	const termDf = documentFrequencies(signatures.map(s => s.terms.keys()));
	const figureDf = documentFrequencies(signatures.map(s => s.figures.keys()));
	const termNumbers = new Map<string, number>();
	for (const term of termDf.keys()) termNumbers.set(term, termNumbers.size);
	return signatures.map(signature => {
		const vector = new Map<string, number>();
		let norm = 0;
		for (const [term, count] of signature.terms) {
			const weight = (1 + Math.log(count)) * (trust * Math.log(n / (termDf.get(term) ?? 1)) + (1 - trust));
			if (weight <= 0) continue;
			vector.set(term, weight);
			norm += weight * weight;
		}
		norm = Math.sqrt(norm) || 1;
		for (const [term, weight] of vector) vector.set(term, weight / norm);
		const entries = [...vector].map(([term, weight]) => [termNumbers.get(term)!, weight] as const).sort((x, y) => x[0] - y[0]);
		const termIds = Int32Array.from(entries, e => e[0]);
		const termWeights = Float64Array.from(entries, e => e[1]);
		const figures = new Map<string, number>();
		for (const [key, specificity] of signature.figures) {
			// Rarity by the count of documents, not their share: a figure that four articles of a story share
			// is as telling in a set of seven as in one of ten thousand; one in hundreds of documents is not.
			const rarity = 1 / (1 + Math.log(Math.max(1, (figureDf.get(key) ?? 1) / 2)));
			const weight = specificity * rarity;
			figures.set(key, weight);
		}
		return {signature, vector, termIds, termWeights, figures};
	});
}

/** How likely two documents report the same event: 0 for unrelated, about 0.12 and up for one story. */
function pairScore(a: Weighted, b: Weighted): number {
	const dayA = a.signature.publishedDay;
	const dayB = b.signature.publishedDay;
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

/** The index of each document's candidate partners, each pair listed once (from its lower index). */
function candidatePairs(weighted: Weighted[]): Array<[number, number]> {
	const postings = new Map<string, number[]>();
	const post = (key: string, index: number) => {
		const list = postings.get(key);
		if (list) list.push(index);
		else postings.set(key, [index]);
	};
	weighted.forEach((w, index) => {
		const telling = [...w.vector].sort((x, y) => y[1] - x[1]).slice(0, GROUPING.blockingTerms);
		for (const [term] of telling) post(`t:${term}`, index);
		for (const [key, weight] of w.figures) if (weight > 0) post(`f:${key}`, index);
	});
	const pairs: Array<[number, number]> = [];
	const keysOf: string[][] = weighted.map(() => []);
	for (const [key, list] of postings) {
		if (list.length < 2 || list.length > GROUPING.maxPosting) continue;
		for (const index of list) keysOf[index]!.push(key);
	}
	for (let index = 0; index < weighted.length; index++) {
		const counts = new Map<number, number>();
		for (const key of keysOf[index]!) {
			// A shared figure counts as much as two shared words.
			const worth = key.startsWith('f:') ? 2 : 1;
			for (const other of postings.get(key)!) if (other > index) counts.set(other, (counts.get(other) ?? 0) + worth);
		}
		const ranked = [...counts].filter(([, count]) => count >= 2).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
		for (const [other] of ranked.slice(0, GROUPING.maxCandidates)) pairs.push([index, other]);
	}
	return pairs;
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

/** A binary heap of candidate merges, best first. */
class MergeQueue {
	private items: Array<{score: number; a: number; b: number; stamp: number}> = [];
	push(item: {score: number; a: number; b: number; stamp: number}): void {
		const items = this.items;
		items.push(item);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (items[parent]!.score >= items[i]!.score) break;
			[items[parent], items[i]] = [items[i]!, items[parent]!];
			i = parent;
		}
	}
	pop(): {score: number; a: number; b: number; stamp: number} | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length > 0 && last) {
			items[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let best = i;
				if (l < items.length && items[l]!.score > items[best]!.score) best = l;
				if (r < items.length && items[r]!.score > items[best]!.score) best = r;
				if (best === i) break;
				[items[best], items[i]] = [items[i]!, items[best]!];
				i = best;
			}
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
function cluster(count: number, scored: Array<[number, number, number]>, days: Array<number | undefined>): number[][] {
	const clusters: Cluster[] = Array.from({length: count}, (_, i) => ({
		members: [i],
		firstDay: days[i],
		lastDay: days[i],
		links: new Map(),
		alive: true,
	}));
	for (const [a, b, score] of scored) {
		clusters[a]!.links.set(b, score);
		clusters[b]!.links.set(a, score);
	}
	const stamps = new Array<number>(count).fill(0);
	const queue = new MergeQueue();
	const average = (a: number, b: number, sum: number) => sum / (clusters[a]!.members.length * clusters[b]!.members.length);
	const offer = (a: number, b: number, sum: number) => {
		const score = average(a, b, sum);
		if (score >= GROUPING.threshold) queue.push({score, a, b, stamp: stamps[a]! + stamps[b]! * 0x100000});
	};
	for (const [a, b, score] of scored) offer(a, b, score);
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

/** Group documents into stories, largest first (ties: the one whose first document comes first). */
export function groupStories(analyses: DocumentAnalysis[]): Story[] {
	const signatures = analyses.map(storySignature);
	const weighted = weigh(signatures);
	const scored: Array<[number, number, number]> = [];
	for (const [a, b] of candidatePairs(weighted)) {
		const score = pairScore(weighted[a]!, weighted[b]!);
		if (score > 0) scored.push([a, b, score]);
	}
	const groups = cluster(
		analyses.length,
		scored,
		signatures.map(s => s.publishedDay),
	);
	groups.sort((x, y) => y.length - x.length || x[0]! - y[0]!);
	return groups.map((members, index) => buildStory(`s${index + 1}`, members.map(i => analyses[i]!), members.map(i => weighted[i]!)));
}

function buildStory(id: string, analyses: DocumentAnalysis[], weights: Weighted[]): Story {
	// Earliest first when dates are known; undated documents follow in input order.
	const order = analyses.map((_, i) => i).sort((x, y) => {
		const px = analyses[x]!.document.published.slice(0, 10);
		const py = analyses[y]!.document.published.slice(0, 10);
		if (px && py && px !== py) return px < py ? -1 : 1;
		if (Boolean(px) !== Boolean(py)) return px ? -1 : 1;
		return x - y;
	});
	const docs = order.map(i => analyses[i]!);
	const vecs = order.map(i => weights[i]!.vector);
	const sigs = order.map(i => weights[i]!.signature);
	const dates = docs.map(a => a.document.published.slice(0, 10)).filter(d => /^\d{4}-\d\d-\d\d$/.test(d)).sort();
	const sources = new Set<string>();
	docs.forEach((a, i) => sources.add(a.document.source ? `source:${a.document.source.toLowerCase()}` : `document:${i}`));
	return {
		id,
		headline: storyHeadline(docs, sigs, vecs),
		documents: docs.map(a => a.document.path),
		sources: sources.size,
		firstPublished: dates[0] ?? '',
		lastPublished: dates.at(-1) ?? '',
		entities: storyEntities(docs),
		summary: storySummary(docs, sigs, vecs),
	};
}
