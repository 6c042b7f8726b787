import Fuse, {type IFuseOptions} from 'fuse.js';
import type {Document} from '../corpus/types.js';
import type {SearchHit} from './types.js';
import {allowedErrors, Bitap, EXACT_BITAP_SCORE, fieldNorm, finalScore, FUSE_MAX_BITS, THRESHOLD} from './fuse-scoring.js';

export interface SearchableSentence {
	document: string;
	sentence: number;
	text: string;
}

export const DEFAULT_SEARCH_LIMIT = 20;

/** Sentences are long: match anywhere in them (ignoreLocation) and rank by how close the match is. */
const FUSE_OPTIONS: IFuseOptions<SearchableSentence> = {
	keys: ['text'],
	includeScore: true,
	includeMatches: true,
	ignoreLocation: true,
	threshold: THRESHOLD,
	minMatchCharLength: 2,
};

/** Between sentences in the index's text; no document contains it (files with NUL bytes are not read). */
const SEPARATOR = '\u0000';
/**
 * Occurrences of query pieces one search looks at for fuzzy matches. A query that is not in the text as
 * typed, with pieces as common as "tr" or "e w", can have hundreds of thousands in 10,000 articles. Past
 * this many (some 20 ms of work) and once it has `limit` candidates, the search settles for the best fuzzy
 * matches among the sentences seen so far: the shortest, which fuse.js favours; past eight times as many,
 * it settles even with fewer, so that a long query found nowhere costs a keystroke some 150 ms, not a
 * second. Below that (a few hundred articles), and for matches found as typed, the results are exactly
 * fuse.js's.
 */
const FUZZY_BUDGET = 20_000;
const FUZZY_HARD_BUDGET = 8 * FUZZY_BUDGET;
/** Ranks searched for fuzzy matches at a time, so that the budget is looked at often enough. */
const MAX_BLOCK = 4096;
/** Characters sampled to estimate how common a pair of characters is. */
const SAMPLE_CHARS = 1 << 20;
const PAIR_BUCKETS = 4096;

/** A pair of characters' slot in the table of pair counts (pairs that share a slot add up: an overestimate). */
function pairBucket(a: number, b: number): number {
	return (Math.imul(a, 31) ^ b) & (PAIR_BUCKETS - 1);
}

/** A stretch of a query that a fuzzy match must contain exactly (see #fuzzyMatches). */
interface Piece {
	text: string;
	/** Where it starts in the query. */
	offset: number;
}

interface Candidate {
	/** Position in the original sentence list. */
	sentence: number;
	/** The score fuse.js will give it. */
	score: number;
}

/**
 * Fuzzy search over every sentence of a set of documents, with the results fuse.js gives (same options,
 * same scores, same order), without fuse.js reading every sentence for every keystroke.
 *
 * fuse.js scores a match by its bitap errors / pattern length, raised to the sentence's field norm (shorter
 * sentences rank higher). The index keeps the lower-cased sentences in one string, ordered by field norm, so:
 * - a query found as typed (an exact match, the usual case while typing) scores by norm alone, and the first
 *   `limit` hits of one indexOf pass through that string are the best exact matches;
 * - a match with e ≥ 1 errors scores at least (1/length)^norm, so once `limit` exact matches are known only
 *   the sentences short enough to beat them need a fuzzy look (often none);
 * - a fuzzy match with at most k errors contains one of k+1 disjoint pieces of the query exactly (each edit
 *   spoils at most one piece), so only sentences holding a piece get a bitap check, and the pieces chosen
 *   are the rarest.
 * fuse.js itself then scores the few sentences that can make the top `limit`, so the hits, scores and
 * highlighted ranges are its own. The one departure: a fuzzy search bounded by FUZZY_BUDGET on large sets.
 */
export class SentenceIndex {
	readonly #sentences: SearchableSentence[];
	/** Sentence (position in #sentences) at each rank; ranks run by field norm, highest first, then position. */
	readonly #byRank: Int32Array;
	readonly #norms: Float64Array;
	/** Where each rank's lower-cased text starts in #text; one more entry for the end. */
	readonly #starts: Int32Array;
	/** SEPARATOR, then each rank's lower-cased text followed by SEPARATOR. */
	readonly #text: string;
	#pairs: Int32Array | undefined;

	constructor(sentences: SearchableSentence[]) {
		this.#sentences = sentences;
		const count = sentences.length;
		const norms = new Float64Array(count);
		const perNorm = new Map<number, number>();
		for (let i = 0; i < count; i++) {
			const norm = fieldNorm(sentences[i]!.text);
			norms[i] = norm;
			perNorm.set(norm, (perNorm.get(norm) ?? 0) + 1);
		}
		// A counting sort: norms highest first, positions in order within one norm.
		const nextRank = new Map<number, number>();
		let rank = 0;
		for (const norm of [...perNorm.keys()].sort((a, b) => b - a)) {
			nextRank.set(norm, rank);
			rank += perNorm.get(norm)!;
		}
		this.#byRank = new Int32Array(count);
		this.#norms = new Float64Array(count);
		for (let i = 0; i < count; i++) {
			const at = nextRank.get(norms[i]!)!;
			nextRank.set(norms[i]!, at + 1);
			this.#byRank[at] = i;
			this.#norms[at] = norms[i]!;
		}
		const parts: string[] = [''];
		for (let r = 0; r < count; r++) parts.push(sentences[this.#byRank[r]!]!.text);
		parts.push('');
		// Lower-cased in one go, as fuse.js lower-cases each sentence; one by one only if that changed a
		// length (a few characters, such as "İ", lower-case to two), which would shift the offsets.
		const joined = parts.join(SEPARATOR);
		let text = joined.toLowerCase();
		if (text.length !== joined.length) {
			for (let r = 1; r <= count; r++) parts[r] = parts[r]!.toLowerCase();
			text = parts.join(SEPARATOR);
		}
		this.#text = text;
		this.#starts = new Int32Array(count + 1);
		let offset = 1;
		for (let r = 0; r < count; r++) {
			this.#starts[r] = offset;
			offset += parts[r + 1]!.length + 1;
		}
		this.#starts[count] = offset;
	}

	static fromDocuments(documents: Document[]): SentenceIndex {
		return new SentenceIndex(documents.flatMap(d => d.sentences.map(s => ({document: d.path, sentence: s.index, text: s.text}))));
	}

	get size(): number {
		return this.#sentences.length;
	}

	search(query: string, limit = DEFAULT_SEARCH_LIMIT): SearchHit[] {
		if (query.trim() === '' || limit < 1 || this.#sentences.length === 0) return [];
		const pattern = query.toLowerCase();
		const long = pattern.length > FUSE_MAX_BITS;
		const candidates = long ? this.#longPatternCandidates(pattern, limit) : this.#candidates(pattern, limit);
		// fuse.js has the last word. It may refuse a fuzzy candidate (its highlighted run must be two
		// characters long); then the next best candidates get their turn.
		let take = long ? candidates.length : limit;
		for (;;) {
			const chosen = candidates.slice(0, take);
			const hits = this.#fuse(chosen.map(c => c.sentence), query, limit);
			if (hits.length >= limit || take >= candidates.length) return hits;
			take *= 2;
		}
	}

	/** fuse.js over some sentences, in their original order so that ties break as over all of them. */
	#fuse(sentences: number[], query: string, limit: number): SearchHit[] {
		if (sentences.length === 0) return [];
		const items = sentences.sort((a, b) => a - b).map(i => this.#sentences[i]!);
		return new Fuse(items, FUSE_OPTIONS).search(query, {limit}).map(result => ({
			document: result.item.document,
			sentence: result.item.sentence,
			score: result.score ?? 0,
			text: result.item.text,
			matches: (result.matches ?? []).flatMap(m => m.indices.map(([start, end]) => ({start, end: end + 1}))),
		}));
	}

	/** The rank whose text (or the separator after it) holds this position of #text. */
	#rankAt(position: number): number {
		let low = 0;
		let high = this.#starts.length - 2;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.#starts[mid]! <= position) low = mid;
			else high = mid - 1;
		}
		return low;
	}

	/** Calls `hit` with each rank in [from, to) whose text contains `needle`, in rank order, until it returns false. */
	#eachRankContaining(needle: string, from: number, to: number, hit: (rank: number) => boolean): void {
		if (from >= to) return;
		// Search a slice (V8 shares the characters), or indexOf would run on to the end of the text.
		const offset = this.#starts[from]!;
		const region = this.#text.slice(offset, this.#starts[to]! - 1);
		let position = 0;
		for (;;) {
			const at = region.indexOf(needle, position);
			if (at < 0) return;
			const rank = this.#rankAt(offset + at);
			if (!hit(rank)) return;
			position = this.#starts[rank + 1]! - offset;
		}
	}

	/** The first rank whose norm is below `norm` (ranks are in falling norm). */
	#firstRankBelow(norm: number): number {
		let low = 0;
		let high = this.#norms.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.#norms[mid]! >= norm) low = mid + 1;
			else high = mid;
		}
		return low;
	}

	/** Sentences that can make the top `limit` for a pattern of up to 32 characters, best predicted score first. */
	#candidates(pattern: string, limit: number): Candidate[] {
		const n = pattern.length;
		const found: Candidate[] = [];
		const seen = new Set<number>();
		const add = (rank: number, bitapScore: number) => {
			if (seen.has(rank)) return;
			seen.add(rank);
			found.push({sentence: this.#byRank[rank]!, score: finalScore(bitapScore, this.#norms[rank]!)});
		};

		// Exact matches, best first. A single character only counts for fuse.js where it is doubled: the
		// highlighted run must be at least minMatchCharLength (2) characters.
		const needle = n === 1 ? pattern + pattern : pattern;
		let exact = 0;
		this.#eachRankContaining(needle, 0, this.#byRank.length, rank => {
			add(rank, EXACT_BITAP_SCORE);
			return ++exact < limit;
		});
		// A sentence that is the query itself scores 0, better than its norm would place it; it has the
		// query's own norm, so only that stretch of ranks needs a look.
		if (n >= 2) {
			const norm = fieldNorm(pattern);
			const from = this.#firstRankBelow(norm + 1e-9);
			const to = this.#firstRankBelow(norm);
			if (from < to) {
				const whole = SEPARATOR + pattern + SEPARATOR;
				const offset = this.#starts[from]! - 1;
				const region = this.#text.slice(offset, this.#starts[to]!);
				for (let at = region.indexOf(whole); at >= 0; at = region.indexOf(whole, at + 1)) {
					const rank = this.#rankAt(offset + at + 1);
					seen.delete(rank);
					const index = found.findIndex(c => c.sentence === this.#byRank[rank]);
					if (index >= 0) found.splice(index, 1);
					add(rank, 0);
				}
			}
		}
		found.sort(byScore);

		const errors = allowedErrors(n);
		if (errors > 0) {
			// Fuzzy matches score at least (1/n)^norm, worse down the ranks. Go down in growing blocks, and
			// stop where that floor passes the limit-th best score found so far.
			const least = Math.max(EXACT_BITAP_SCORE, 1 / n);
			const bitap = new Bitap(pattern, errors);
			const pieces = this.#rarestPieces(pattern, errors + 1);
			const count = this.#byRank.length;
			const budget = {occurrences: FUZZY_BUDGET};
			let from = 0;
			let block = 256;
			while (from < count) {
				if (outOfBudget(budget, found.length, limit)) break;
				let to = Math.min(count, from + block);
				if (found.length >= limit) {
					const bar = found[limit - 1]!.score;
					// least^norm <= bar  <=>  norm >= ln(bar) / ln(least)
					to = Math.min(to, this.#firstRankBelow(Math.log(bar) / Math.log(least) - 1e-12));
					if (to <= from) break;
				}
				for (const [rank, fewest] of this.#fuzzyMatches(bitap, pieces, n, errors, from, to, budget)) {
					if (fewest > 0 && !seen.has(rank)) add(rank, Math.max(EXACT_BITAP_SCORE, fewest / n));
				}
				found.sort(byScore);
				from = to;
				block = Math.min(block * 2, MAX_BLOCK);
			}
		}
		return found;
	}

	/**
	 * For a pattern longer than 32 characters: sentences where one of the 32-character pieces fuse.js cuts
	 * it into matches. Scores averaged over several pieces are not worth predicting: fuse.js ranks them all.
	 */
	#longPatternCandidates(pattern: string, limit: number): Candidate[] {
		const chunks: string[] = [];
		const whole = pattern.length - (pattern.length % FUSE_MAX_BITS);
		for (let i = 0; i < whole; i += FUSE_MAX_BITS) chunks.push(pattern.slice(i, i + FUSE_MAX_BITS));
		if (pattern.length % FUSE_MAX_BITS) chunks.push(pattern.slice(pattern.length - FUSE_MAX_BITS));
		const searches = chunks.map(chunk => {
			const errors = allowedErrors(chunk.length);
			return {chunk, errors, bitap: new Bitap(chunk, errors), pieces: this.#rarestPieces(chunk, errors + 1)};
		});
		const ranks = new Set<number>();
		const budget = {occurrences: FUZZY_BUDGET};
		const count = this.#byRank.length;
		for (let from = 0, block = 256; from < count; from += block, block = Math.min(block * 2, MAX_BLOCK)) {
			if (outOfBudget(budget, ranks.size, limit)) break;
			const to = Math.min(count, from + block);
			for (const {chunk, errors, bitap, pieces} of searches) {
				for (const rank of this.#fuzzyMatches(bitap, pieces, chunk.length, errors, from, to, budget).keys()) ranks.add(rank);
			}
		}
		return [...ranks].map(rank => ({sentence: this.#byRank[rank]!, score: 0}));
	}

	/**
	 * The fewest errors of each rank in [from, to) that has a match, in rank order. A match with at most
	 * `errors` errors holds one of the pieces exactly, and lies within `errors` characters of where the
	 * piece puts it; so the bitap only runs near the pieces' occurrences, not over whole sentences.
	 */
	#fuzzyMatches(bitap: Bitap, pieces: Piece[], length: number, errors: number, from: number, to: number, budget: {occurrences: number}): Map<number, number> {
		const windows = new Map<number, {start: number; end: number}>();
		if (from < to) {
			const offset = this.#starts[from]!;
			const region = this.#text.slice(offset, this.#starts[to]! - 1);
			for (const piece of pieces) {
				let rank = from;
				for (let at = region.indexOf(piece.text); at >= 0; at = region.indexOf(piece.text, at + 1)) {
					budget.occurrences--;
					const position = offset + at;
					if (this.#starts[rank + 1]! <= position) rank = this.#starts[rank + 2]! > position ? rank + 1 : this.#rankAt(position);
					const start = Math.max(this.#starts[rank]!, position - piece.offset - errors);
					const end = Math.min(this.#starts[rank + 1]! - 1, position - piece.offset + length + 2 * errors);
					const window = windows.get(rank);
					if (!window) windows.set(rank, {start, end});
					else {
						window.start = Math.min(window.start, start);
						window.end = Math.max(window.end, end);
					}
				}
			}
		}
		const fewest = new Map<number, number>();
		for (const rank of [...windows.keys()].sort((a, b) => a - b)) {
			const {start, end} = windows.get(rank)!;
			const errors = bitap.fewestErrors(this.#text, start, end);
			if (errors >= 0) fewest.set(rank, errors);
		}
		return fewest;
	}

	/** How often each pair of characters occurs, in a sample spread over the whole text. */
	#pairCounts(): Int32Array {
		if (this.#pairs) return this.#pairs;
		const counts = new Int32Array(PAIR_BUCKETS);
		const text = this.#text;
		const stretches = 64;
		const stretch = Math.max(2, Math.floor(Math.min(text.length, SAMPLE_CHARS) / stretches));
		const step = Math.max(stretch, Math.floor(text.length / stretches));
		for (let start = 0; start + 1 < text.length; start += step) {
			const end = Math.min(text.length - 1, start + stretch);
			for (let i = start; i < end; i++) counts[pairBucket(text.charCodeAt(i), text.charCodeAt(i + 1))]!++;
		}
		this.#pairs = counts;
		return counts;
	}

	/**
	 * `count` disjoint pieces of at least two characters, chosen to be rare: a piece occurs at most as often
	 * as its rarest pair of characters, and the choice minimises the sum of that over the pieces.
	 */
	#rarestPieces(pattern: string, count: number): Piece[] {
		const n = pattern.length;
		const pairs = this.#pairCounts();
		const pairCost = (i: number) => pairs[pairBucket(pattern.charCodeAt(i), pattern.charCodeAt(i + 1))]!;
		// best[j][i]: least cost of j pieces within pattern[0, i), with the choice that got there.
		const best: Array<Array<{cost: number; from: number; piece: number}>> = [];
		for (let j = 0; j <= count; j++) best.push(Array.from({length: n + 1}, () => ({cost: Infinity, from: -1, piece: -1})));
		for (let i = 0; i <= n; i++) best[0]![i] = {cost: 0, from: -1, piece: -1};
		for (let j = 1; j <= count; j++) {
			for (let end = 2; end <= n; end++) {
				const row = best[j]!;
				// Leave the character before `end` out of every piece...
				if (row[end - 1]!.cost < row[end]!.cost) row[end] = {...row[end - 1]!, piece: -1};
				// ...or end a piece there.
				let rarest = Infinity;
				for (let start = end - 2; start >= 0; start--) {
					rarest = Math.min(rarest, pairCost(start));
					const cost = best[j - 1]![start]!.cost + rarest;
					if (cost < row[end]!.cost) row[end] = {cost, from: start, piece: end};
				}
			}
		}
		const pieces: Piece[] = [];
		let end = n;
		for (let j = count; j > 0 && end > 0; ) {
			const step = best[j]![end]!;
			if (step.piece < 0) {
				end--;
				continue;
			}
			pieces.push({text: pattern.slice(step.from, step.piece), offset: step.from});
			end = step.from;
			j--;
		}
		// A pattern too short for `count` pieces of two (not reached with fuse.js's threshold): the whole
		// pattern cut in single characters is still a sound filter.
		return pieces.length === count ? pieces : Array.from({length: n}, (_, offset) => ({text: pattern[offset]!, offset}));
	}
}

function outOfBudget(budget: {occurrences: number}, candidates: number, limit: number): boolean {
	const spent = FUZZY_BUDGET - budget.occurrences;
	return (spent >= FUZZY_BUDGET && candidates >= limit) || spent >= FUZZY_HARD_BUDGET;
}

function byScore(a: Candidate, b: Candidate): number {
	return a.score - b.score || a.sentence - b.sentence;
}
