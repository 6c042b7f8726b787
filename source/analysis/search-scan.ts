import {allowedErrors, Bitap, EXACT_BITAP_SCORE, fieldNorm, finalScore, FUSE_MAX_BITS} from './fuse-scoring.js';
import {SentenceIndex, type SearchableSentence} from './search.js';
import type {SearchHit} from './types.js';

/**
 * Candidates kept per result asked for. fuse.js has the last word and may refuse a fuzzy candidate (its
 * highlighted run must be two characters long); SentenceIndex then gives the next ones their turn, so
 * the scan keeps more than `limit` of them.
 */
const KEPT_PER_RESULT = 4;
/** Slack on score comparisons: the scan's scores are fuse.js's, computed apart. */
const EPSILON = 1e-12;
/** Orders sentences in the run: a document's place times this, plus the sentence's. */
const SENTENCES_PER_DOCUMENT = 2 ** 20;

interface Kept extends SearchableSentence {
	/** Where it came in the run: ties rank in this order, as over all sentences. */
	order: number;
	score: number;
}

/**
 * A search in one pass over every sentence of a run, holding only the sentences that can be among fuse.js's
 * best `limit` matches: what `briefing search` does, where the dashboard keeps a SentenceIndex of everything.
 * Sentences are added a document at a time (from the store or from fresh analyses) and forgotten unless
 * they score well, so memory stays flat however large the archive. The results are SentenceIndex's over
 * every sentence, so fuse.js's: the same scores, order and highlighted ranges.
 *
 * Each sentence gets the score fuse.js would give it: a match as typed scores by its field norm alone, a
 * fuzzy one by its fewest errors (the bitap fuse.js runs), and a match with e errors holds one of e+1
 * disjoint pieces of the query as typed, so only sentences holding a piece are run through the bitap; once
 * enough candidates are known, a sentence whose best possible score cannot beat them is skipped unread.
 */
export class SearchScan {
	readonly #query: string;
	readonly #limit: number;
	readonly #pattern: string;
	readonly #needle: string;
	readonly #errors: number;
	readonly #bitap: Bitap | undefined;
	readonly #pieces: string[];
	/** The best fuzzy score a sentence can get (errors ≥ 1), before the field norm. */
	readonly #least: number;
	/** For patterns over 32 characters: fuse.js scores 32-character chunks and averages. */
	readonly #chunks: Array<{bitap: Bitap; needle: string}> | undefined;
	readonly #keep: number;
	#kept: Kept[] = [];
	/**
	 * The keep-th best score so far (Infinity until that many are known). A sentence must beat it: one that
	 * ties comes after every kept one (ties rank in run order), so it cannot be among the best.
	 */
	#bar = Infinity;
	/** The run order of the candidate at the bar: a sentence that ties it must come before it. */
	#barOrder = Infinity;
	#documents = 0;
	/** The strings a matching sentence must hold one of; undefined when any text may match. */
	readonly #telling: string[] | undefined;

	constructor(query: string, limit: number) {
		this.#query = query;
		this.#limit = limit;
		this.#keep = Math.max(1, limit) * KEPT_PER_RESULT;
		const pattern = query.toLowerCase();
		this.#pattern = pattern;
		const n = pattern.length;
		// A single character only counts for fuse.js where it is doubled (minMatchCharLength 2).
		this.#needle = n === 1 ? pattern + pattern : pattern;
		this.#errors = n > FUSE_MAX_BITS ? 0 : allowedErrors(n);
		this.#bitap = this.#errors > 0 ? new Bitap(pattern, this.#errors) : undefined;
		this.#least = Math.max(EXACT_BITAP_SCORE, 1 / Math.max(1, n));
		const pieces = this.#errors + 1;
		const size = Math.floor(n / pieces);
		this.#pieces = this.#errors > 0 ? Array.from({length: pieces}, (_, p) => pattern.slice(p * size, p === pieces - 1 ? n : (p + 1) * size)) : [];
		if (n > FUSE_MAX_BITS) {
			const chunks: string[] = [];
			for (let i = 0; i + FUSE_MAX_BITS <= n; i += FUSE_MAX_BITS) chunks.push(pattern.slice(i, i + FUSE_MAX_BITS));
			if (n % FUSE_MAX_BITS) chunks.push(pattern.slice(n - FUSE_MAX_BITS));
			this.#chunks = chunks.map(chunk => ({bitap: new Bitap(chunk, allowedErrors(chunk.length)), needle: chunk}));
		}
		const telling = this.#chunks ? undefined : this.#errors > 0 ? [this.#needle, ...this.#pieces] : [this.#needle];
		// Characters that an encoding (JSON's) may escape: such a query is looked for sentence by sentence.
		this.#telling = telling && telling.every(text => text !== '' && !/["\\\u0000-\u001f\u2028\u2029]/.test(text)) ? telling : undefined;
	}

	/**
	 * False when no sentence of a document can match: `lowered` holds all its sentences lower-cased, perhaps
	 * encoded (the store's JSON array) but for quotes, backslashes and control characters. Lets a caller
	 * skip decoding the sentences of the many documents that cannot match.
	 */
	mayMatch(lowered: string): boolean {
		if (!this.#telling) return true;
		for (const needle of this.#telling) if (lowered.includes(needle)) return true;
		return false;
	}

	/**
	 * Look at one document's sentences, in order (their positions are their sentence numbers). `at` is the
	 * document's place in the run, when documents are added out of order: ties rank by it. `lowered`, when
	 * the caller has them, are the sentences lower-cased.
	 */
	add(document: string, sentences: readonly string[], at: number = this.#documents, lowered?: readonly string[]): void {
		this.#documents = Math.max(this.#documents, at + 1);
		if (this.#query.trim() === '' || this.#limit < 1) return;
		const pieces = this.#pieces;
		for (let sentence = 0; sentence < sentences.length; sentence++) {
			const text = sentences[sentence]!;
			const order = at * SENTENCES_PER_DOCUMENT + sentence;
			const lower = lowered?.[sentence] ?? text.toLowerCase();
			if (this.#chunks) {
				// Averaged scores are not worth predicting: every sentence near a chunk goes to fuse.js.
				if (this.#chunks.some(chunk => lower.includes(chunk.needle) || chunk.bitap.fewestErrors(lower) >= 0)) this.#take({document, sentence, text, order, score: 0});
				continue;
			}
			let score: number;
			if (lower.includes(this.#needle)) {
				const norm = fieldNorm(text);
				score = lower === this.#pattern ? finalScore(0, norm) : finalScore(EXACT_BITAP_SCORE, norm);
			} else {
				if (!this.#bitap) continue;
				let holds = false;
				for (let p = 0; p < pieces.length && !holds; p++) holds = lower.includes(pieces[p]!);
				if (!holds) continue;
				const norm = fieldNorm(text);
				if (!(finalScore(this.#least, norm) < this.#bar + EPSILON)) continue;
				const fewest = this.#bitap.fewestErrors(lower);
				if (fewest < 0) continue;
				score = finalScore(Math.max(EXACT_BITAP_SCORE, fewest / this.#pattern.length), norm);
			}
			if (score < this.#bar || (score === this.#bar && order < this.#barOrder)) this.#take({document, sentence, text, order, score});
		}
	}

	#take(candidate: Kept): void {
		this.#kept.push(candidate);
		if (this.#chunks) return;
		if (this.#kept.length >= 4 * this.#keep) this.#prune();
	}

	/** Keep the best `keep` candidates, as fuse.js ranks them (score, then run order); raise the bar to the last. */
	#prune(): void {
		if (this.#kept.length < this.#keep) return;
		this.#kept.sort((a, b) => a.score - b.score || a.order - b.order);
		this.#kept.length = this.#keep;
		const last = this.#kept[this.#keep - 1]!;
		this.#bar = last.score;
		this.#barOrder = last.order;
	}

	/** The best `limit` matches, as SentenceIndex (and so fuse.js) ranks them over every sentence added. */
	results(): SearchHit[] {
		if (!this.#chunks) this.#prune();
		const candidates = this.#kept.sort((a, b) => a.order - b.order).map(({document, sentence, text}) => ({document, sentence, text}));
		return new SentenceIndex(candidates).search(this.#query, this.#limit);
	}
}
