import {classifyBoilerplate} from './boilerplate.js';
import {countWords, splitSentences} from './sentences.js';
import type {Document, DocumentMeta, Paragraph, ParagraphMark, Sentence} from './types.js';

/** Metadata of a document that carries none: a plain text file. */
export const NO_META: DocumentMeta = {title: '', source: '', author: '', published: '', url: ''};

/** Words too common to tell two paragraphs apart. */
const STOPWORDS = new Set(
	'a an the of in on at to for and or but is are was were be been by with as from that this these those it its their his her he she they we our which who whom also such into than then there has have had will would can could should may might not no'.split(' '),
);

/** Paragraphs shorter than this (in content words) are only ever exact duplicates. */
const MIN_DUPLICATE_WORDS = 8;
/**
 * A reworded repeat stands near its original (a lead paragraph repeated below it); comparing with the last
 * few dozen paragraphs finds those and keeps a file of a hundred thousand paragraphs linear.
 */
const NEAR_DUPLICATE_WINDOW = 40;

function contentWords(text: string): Set<string> {
	const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	return new Set(words.filter(w => !STOPWORDS.has(w)));
}

/**
 * Two paragraphs say the same thing when most of the shorter one's content words stand in the
 * longer one. Scraped pages repeat a lead paragraph with light rewording, so exact equality misses them.
 */
function isNearDuplicate(a: Set<string>, b: Set<string>): boolean {
	const small = a.size <= b.size ? a : b;
	const large = small === a ? b : a;
	if (small.size < MIN_DUPLICATE_WORDS) return false;
	let shared = 0;
	for (const w of small) if (large.has(w)) shared++;
	return shared / small.size >= 0.6 && small.size / large.size >= 0.5;
}

/** Normalise what a scraper hands us: line endings, and invisible characters that break words apart. */
export function normaliseText(raw: string): string {
	return raw
		.replace(/\r\n?/g, '\n')
		.replace(/[\f\v\u2028\u2029]/g, '\n')
		.replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, '');
}

/** The headline: the first line that is not boilerplate, or a longer line that begins with it. */
function findTitle(paragraphs: Paragraph[]): string {
	const lines = paragraphs.filter(p => !p.boilerplate).map(p => p.text.split('\n')[0]!.trim());
	const first = lines[0] ?? '';
	const fold = (line: string) => line.toLowerCase().replace(/[’‘]/g, "'").replace(/[.:!]$/, '');
	const longer = lines.slice(1, 3).find(line => line.length > first.length && fold(line).startsWith(fold(first)));
	return longer ?? first;
}

/**
 * Turn a text into a document: paragraphs, sentences with offsets, boilerplate and duplicates marked.
 * `meta` is what the input format said of the document (a page's headline, a feed item's date); `marks`
 * are paragraphs the format already knows are not the story (a page's figure captions).
 */
export function buildDocument(path: string, raw: string, meta: DocumentMeta = NO_META, marks: ParagraphMark[] = []): Document {
	const text = normaliseText(raw);
	const paragraphs: Paragraph[] = [];
	const blocks = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
	for (let m = blocks.exec(text); m; m = blocks.exec(text)) {
		if (m[0].trim() === '') continue;
		const lead = m[0].length - m[0].trimStart().length;
		const body = m[0].trim();
		paragraphs.push({index: paragraphs.length, start: m.index + lead, end: m.index + lead + body.length, text: body});
	}

	const exact = new Map<string, number>();
	const recent: Array<{index: number; words: Set<string>}> = [];
	const marked = new Map(marks.map(mark => [mark.paragraph, mark.boilerplate]));
	for (const paragraph of paragraphs) {
		const kind = marked.get(paragraph.index) ?? classifyBoilerplate(paragraph.text, {isLast: paragraph.index === paragraphs.length - 1});
		if (kind) {
			paragraph.boilerplate = kind;
			continue;
		}
		const key = paragraph.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
		const words = contentWords(paragraph.text);
		const earlier = exact.get(key) ?? recent.find(other => isNearDuplicate(other.words, words))?.index;
		if (earlier !== undefined) paragraph.duplicateOf = earlier;
		else exact.set(key, paragraph.index);
		if (words.size >= MIN_DUPLICATE_WORDS) {
			recent.push({index: paragraph.index, words});
			if (recent.length > NEAR_DUPLICATE_WINDOW) recent.shift();
		}
	}

	const sentences: Sentence[] = [];
	for (const paragraph of paragraphs) {
		for (const span of splitSentences(paragraph.text)) {
			const sentence: Sentence = {
				index: sentences.length,
				paragraph: paragraph.index,
				start: paragraph.start + span.start,
				end: paragraph.start + span.end,
				text: paragraph.text.slice(span.start, span.end),
			};
			if (paragraph.boilerplate) sentence.boilerplate = paragraph.boilerplate;
			sentences.push(sentence);
		}
	}

	return {...meta, path, text, title: meta.title || findTitle(paragraphs), paragraphs, sentences, words: countWords(text)};
}
