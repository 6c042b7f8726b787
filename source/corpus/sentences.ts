import type {Span} from './types.js';

/**
 * Words that end in a full stop without ending the sentence. Titles, month and
 * weekday abbreviations, corporate suffixes and the like.
 */
const ABBREVIATIONS = new Set([
	'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'sgt', 'adm', 'gov', 'sen', 'rep', 'rev',
	'pres', 'supt', 'insp', 'hon', 'jr', 'sr', 'st', 'mt', 'ft', 'no', 'nos', 'vs', 'v', 'etc', 'al', 'approx', 'dept',
	'est', 'fig', 'inc', 'corp', 'ltd', 'co', 'bros', 'llc', 'plc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
	'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
	'ave', 'blvd', 'rd', 'univ', 'assn', 'min', 'max', 'e.g', 'i.e', 'op', 'cf', 'ca', 'pp', 'vol', 'ed', 'eds',
]);

/** Words that, after a dotted abbreviation such as "U.S.", show that a new sentence has begun. */
const SENTENCE_OPENERS = new Set([
	'the', 'a', 'an', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
	'but', 'and', 'in', 'on', 'at', 'for', 'if', 'when', 'while', 'as', 'his', 'her', 'their', 'our', 'my', 'meanwhile',
	'however', 'also', 'after', 'before', 'since', 'so', 'yet', 'still', 'then', 'now', 'some', 'many', 'most',
]);

const CLOSERS = '"\'”’)]»';
const OPENERS = '"\'“‘([«';

function isUpperStart(ch: string | undefined): boolean {
	if (ch === undefined) return false;
	return /[\p{Lu}\p{Lt}\p{N}]/u.test(ch) || OPENERS.includes(ch);
}

/** The word (letters and inner dots) that ends at `end`, lower-cased, without its final dot. */
function wordBefore(text: string, end: number): string {
	let i = end;
	while (i > 0 && /[\p{L}\p{N}.\-']/u.test(text[i - 1]!)) i--;
	return text.slice(i, end).toLowerCase().replace(/^['\-]+/, '');
}

function nextWord(text: string, from: number): string {
	const m = /^[\s"'“‘(]*([\p{L}]+)/u.exec(text.slice(from, from + 40));
	return m ? m[1]!.toLowerCase() : '';
}

/**
 * Does the full stop at `dot` end a sentence? Not after titles ("Mr."), months ("Jan."),
 * initials ("J."), inside decimals ("4.5") or after dotted abbreviations ("U.S.") unless the
 * next word plainly opens a new sentence.
 */
function isSentenceEndingDot(text: string, dot: number, next: number): boolean {
	const word = wordBefore(text, dot);
	if (word === '') return true;
	if (ABBREVIATIONS.has(word)) return false;
	// A single letter: an initial ("J. K. Rowling"), unless it is a lone capital "I".
	if (/^\p{L}$/u.test(word) && word !== 'i') return false;
	// Dotted abbreviations: U.S., U.K., a.m., Ph.D.
	if (/^(\p{L}\.)+\p{L}$/u.test(word) || /\./.test(word)) {
		return SENTENCE_OPENERS.has(nextWord(text, next));
	}
	return true;
}

/**
 * No sentence in news prose runs this long; a longer run (a scraped blob with no full stops, a 5 MB line)
 * is cut at spaces so that every later step works on bounded pieces.
 */
export const MAX_SENTENCE_LENGTH = 2000;

function cutLongSpan(text: string, span: Span, out: Span[]): void {
	let {start} = span;
	while (span.end - start > MAX_SENTENCE_LENGTH) {
		let cut = start + MAX_SENTENCE_LENGTH;
		const space = text.lastIndexOf(' ', cut);
		if (space > start + MAX_SENTENCE_LENGTH / 2) cut = space;
		// Never cut a surrogate pair in half.
		if (/[\ud800-\udbff]/.test(text[cut - 1]!)) cut--;
		out.push({start, end: cut});
		start = cut;
		while (start < span.end && /\s/u.test(text[start]!)) start++;
	}
	if (span.end > start) out.push({start, end: span.end});
}

/**
 * Split one block of text (a paragraph) into sentence spans, relative to `text`.
 * A line break ends a sentence unless the line plainly runs on (it ends in a lower-case word or a comma
 * and the next line starts in lower case), so headlines and one-line boilerplate stay sentences of their own.
 */
export function splitSentences(text: string): Span[] {
	const spans: Span[] = [];
	let start = 0;
	const push = (end: number) => {
		let s = start;
		let e = end;
		while (s < e && /\s/u.test(text[s]!)) s++;
		while (e > s && /\s/u.test(text[e - 1]!)) e--;
		if (e > s) cutLongSpan(text, {start: s, end: e}, spans);
		start = end;
	};

	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (ch === '\n') {
			let n = i + 1;
			while (n < text.length && /\s/u.test(text[n]!)) n++;
			let b = i - 1;
			while (b >= start && /\s/u.test(text[b]!)) b--;
			const runsOn = b >= start && /[\p{Ll},;:\-–]/u.test(text[b]!) && n < text.length && /\p{Ll}/u.test(text[n]!);
			if (!runsOn) push(i);
			continue;
		}
		if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
		let j = i + 1;
		while (j < text.length && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
		while (j < text.length && CLOSERS.includes(text[j]!)) j++;
		if (j < text.length && !/\s/u.test(text[j]!)) {
			i = j - 1;
			continue;
		}
		let k = j;
		while (k < text.length && /[ \t\u00a0]/u.test(text[k]!)) k++;
		if (k < text.length && text[k] !== '\n' && !isUpperStart(text[k])) {
			i = j - 1;
			continue;
		}
		if (ch === '.' && j === i + 1 && !isSentenceEndingDot(text, i, k)) continue;
		push(j);
		i = j - 1;
	}
	push(text.length);
	return spans;
}

/** Word count as a reader would count: runs of letters or digits, with inner apostrophes, dots and hyphens. */
export function countWords(text: string): number {
	const m = text.match(/[\p{L}\p{N}]+(?:[’'.\-]+[\p{L}\p{N}]+)*/gu);
	return m ? m.length : 0;
}
