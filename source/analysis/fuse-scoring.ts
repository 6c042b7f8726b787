// fuse.js's scoring, as our search needs it outside fuse.js: the in-memory index (search.ts) and the store's
// candidate lookup (source/store/store.ts) both rank exactly as fuse.js would, so they share these.

/** fuse.js's threshold as the search sets it: a match scoring above it is no match. */
export const THRESHOLD = 0.3;
/** fuse.js's bitap compares at most this many characters of a pattern at once; longer ones go in pieces. */
export const FUSE_MAX_BITS = 32;
/** fuse.js's score for a match without errors (it never reports 0 unless the whole text is the query). */
export const EXACT_BITAP_SCORE = 0.001;

/**
 * fuse.js's field norm, computed the same way: 1/√(number of whitespace-separated tokens), to three
 * decimals. A shorter sentence with the same match ranks higher.
 */
export function fieldNorm(text: string): number {
	let tokens = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if ((code >= 9 && code <= 13) || code === 32 || code === 160) inWord = false;
		else if (!inWord) {
			tokens++;
			inWord = true;
		}
	}
	return Math.round(1000 / Math.pow(Math.max(1, tokens), 0.5)) / 1000;
}

/** The most edits fuse.js accepts for a pattern of this length: errors / length may not pass the threshold. */
export function allowedErrors(length: number): number {
	let errors = 0;
	while ((errors + 1) / length <= THRESHOLD) errors++;
	return errors;
}

/** fuse.js's final score for one key: its bitap score raised to the field norm (0 counts as EPSILON). */
export function finalScore(bitapScore: number, norm: number): number {
	return Math.pow(bitapScore === 0 ? Number.EPSILON : bitapScore, norm);
}

/** A sentence's rank bucket: 0 for the highest norm (1.000), up to 1000; the norm in thousandths, reversed. */
export function normRank(norm: number): number {
	return 1000 - Math.round(norm * 1000);
}

/** The norm of a rank bucket. */
export function rankNorm(rank: number): number {
	return (1000 - rank) / 1000;
}

/**
 * The fewest edits (insertions, deletions, substitutions) that make a pattern of up to 32 characters into
 * some stretch of a text, up to a most: the bitap recurrence fuse.js uses, run left to right.
 */
export class Bitap {
	readonly #ascii = new Int32Array(128);
	readonly #other = new Map<number, number>();
	readonly #goal: number;
	readonly #errors: number;
	readonly #states: Int32Array;

	constructor(pattern: string, errors: number) {
		for (let i = 0; i < pattern.length; i++) {
			const code = pattern.charCodeAt(i);
			if (code < 128) this.#ascii[code]! |= 1 << i;
			else this.#other.set(code, (this.#other.get(code) ?? 0) | (1 << i));
		}
		this.#goal = 1 << (pattern.length - 1);
		this.#errors = errors;
		this.#states = new Int32Array(errors + 1);
	}

	/** Errors of the best match within text[start, end), or -1 when it takes more than the most allowed. */
	fewestErrors(text: string, start = 0, end = text.length): number {
		const ascii = this.#ascii;
		const other = this.#other;
		const goal = this.#goal;
		const errors = this.#errors;
		const states = this.#states;
		// Before any text, matching the first d characters of the pattern takes d deletions.
		for (let d = 0; d <= errors; d++) states[d] = (1 << d) - 1;
		let fewest = -1;
		for (let i = start; i < end; i++) {
			const code = text.charCodeAt(i);
			const mask = code < 128 ? ascii[code]! : (other.get(code) ?? 0);
			let before = states[0]!;
			let after = ((before << 1) | 1) & mask;
			states[0] = after;
			for (let d = 1; d <= errors; d++) {
				const previous = states[d]!;
				// match | insertion | substitution and deletion, as fuse.js combines them
				const next = (((previous << 1) | 1) & mask) | before | ((before | after) << 1) | 1;
				states[d] = next;
				before = previous;
				after = next;
			}
			const worst = fewest < 0 ? errors : fewest - 1;
			for (let d = 0; d <= worst; d++) {
				if (states[d]! & goal) {
					fewest = d;
					break;
				}
			}
			if (fewest === 0) return 0;
		}
		return fewest;
	}
}
