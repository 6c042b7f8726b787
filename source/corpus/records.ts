import {normalizeDate} from './feed.js';
import {htmlToParagraphs} from './html-text.js';
import type {DocumentMeta} from './types.js';

/**
 * Scraper exports: JSON Lines (.jsonl, .ndjson), one record a line, and JSON (.json), an array of records or
 * one record. Field names are those of news-please, CC-NEWS dumps and similar tools; a record that cannot be
 * read is reported by its line and the others are still read.
 */

export interface RecordDocument {
	/** The line number in a JSON Lines file; the array index + 1 in a JSON file. */
	line: number;
	meta: DocumentMeta;
	text: string;
}

export type RecordResult = RecordDocument | {line: number; problem: string};

const TEXT_FIELDS = ['maintext', 'text', 'content', 'body', 'article'] as const;
const TITLE_FIELDS = ['title', 'headline'];
// publishedAt (NewsAPI) and date_published (JSON Feed) besides the names the scrapers use.
const PUBLISHED_FIELDS = ['date_publish', 'published', 'published_at', 'date', 'pubDate', 'datePublished', 'publishedAt', 'date_published'];
const URL_FIELDS = ['url', 'link'];
const SOURCE_FIELDS = ['source_domain', 'domain', 'source', 'site_name'];
const AUTHOR_FIELDS = ['authors', 'author', 'byline'];

/** Lines from a stream, read as they come: the file is never held whole. Line numbers from 1; blank lines skipped. */
export async function* readJsonLines(lines: AsyncIterable<string>): AsyncGenerator<RecordResult> {
	let line = 0;
	for await (const raw of lines) {
		line++;
		const result = readLine(raw, line);
		if (result) yield result;
	}
}

function readLine(raw: string, line: number): RecordResult | undefined {
	const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
	if (!text) return undefined;
	let record: unknown;
	try {
		record = JSON.parse(text);
	} catch (error) {
		return {line, problem: `line ${line}: not valid JSON (${jsonReason(error)})`};
	}
	return recordDocument(record, line);
}

/**
 * A .json file: an array of records (numbered by index + 1), an object wrapping such an array, or one record.
 * JSON Lines saved as .json are read as lines.
 */
export function readJsonRecords(text: string): RecordResult[] | {problem: string} {
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		const lines = text.split(/\r?\n/);
		const firstLine = lines.find(line => line.trim());
		if (firstLine !== undefined && parses(firstLine) && lines.filter(line => line.trim()).length > 1) {
			return lines.map((line, index) => readLine(line, index + 1)).filter((result): result is RecordResult => result !== undefined);
		}
		return {problem: `not valid JSON (${jsonReason(error, text)})`};
	}
	if (Array.isArray(value)) return value.map((record, index) => recordDocument(record, index + 1));
	const wrapped = wrappedRecords(value);
	if (wrapped) return wrapped.map((record, index) => recordDocument(record, index + 1));
	return [recordDocument(value, 1)];
}

/**
 * The records of an export that wraps them in an object ({"status": "ok", "articles": [...]} from NewsAPI,
 * {"items": [...]} from JSON Feed): the first array of objects, when the object has no text of its own.
 */
function wrappedRecords(value: unknown): unknown[] | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const fields = value as Record<string, unknown>;
	if (textField(fields)) return undefined;
	return Object.values(fields).find(
		(field): field is unknown[] => Array.isArray(field) && field.length > 0 && field.every(item => typeof item === 'object' && item !== null && !Array.isArray(item)),
	);
}

function parses(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/**
 * V8's message, without the echo of the input it may append, and with its offset as a column (in one line)
 * or a line and column (in a whole file).
 */
function jsonReason(error: unknown, wholeFile?: string): string {
	const message = error instanceof Error ? error.message : String(error);
	const reason = message
		.replace(/,\s*"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
		.replace(/\s+/g, ' ')
		.replace(/ in JSON at position (\d+).*$/, (_, position: string) => {
			const offset = Number(position);
			if (wholeFile === undefined) return ` at column ${offset + 1}`;
			const before = wholeFile.slice(0, offset);
			const line = before.split('\n').length;
			return ` at line ${line}, column ${offset - before.lastIndexOf('\n')}`;
		});
	return reason.length > 80 ? `${reason.slice(0, 79)}…` : reason;
}

/** One record's fields to a document: the mapping shared by JSON Lines and JSON. */
export function recordDocument(record: unknown, line: number): RecordResult {
	if (typeof record !== 'object' || record === null || Array.isArray(record)) {
		return {line, problem: `line ${line}: not a record (a JSON object)`};
	}
	const fields = record as Record<string, unknown>;
	const raw = textField(fields);
	const text = raw ? recordText(raw) : '';
	if (!text) return {line, problem: `line ${line}: no text (${TEXT_FIELDS.slice(0, -1).join(', ')} or ${TEXT_FIELDS.at(-1)})`};
	const url = firstString(fields, URL_FIELDS).trim();
	return {
		line,
		meta: {
			title: firstString(fields, TITLE_FIELDS).replace(/\s+/g, ' ').trim(),
			source: sourceName(fields) || hostOf(url),
			author: authorNames(fields),
			published: publishedDate(fields),
			url,
		},
		text,
	};
}

function firstString(fields: Record<string, unknown>, names: readonly string[]): string {
	for (const name of names) {
		const value = fields[name];
		if (typeof value === 'string' && value.trim()) return value;
	}
	return '';
}

/** The first text field that holds text: a string, or an array of strings (paragraphs). */
function textField(fields: Record<string, unknown>): string {
	for (const name of TEXT_FIELDS) {
		const value = fields[name];
		if (typeof value === 'string' && value.trim()) return value;
		if (Array.isArray(value)) {
			const paragraphs = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
			if (paragraphs.length > 0) return paragraphs.join('\n\n');
		}
	}
	return '';
}

/** Paragraphs separated by blank lines. An exported body that is HTML is turned into text first. */
function recordText(raw: string): string {
	if (/^\s*<(?:p|div|article|section|h[1-6]|ul|ol|table|figure|span|main|!--)[\s>]/i.test(raw) || /<\/p>/i.test(raw)) {
		return htmlToParagraphs(raw).join('\n\n');
	}
	return raw
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n+/)
		.map(paragraph => paragraph.trim())
		.filter(Boolean)
		.join('\n\n');
}

function publishedDate(fields: Record<string, unknown>): string {
	for (const name of PUBLISHED_FIELDS) {
		const value = fields[name];
		if (typeof value === 'string' || typeof value === 'number') {
			const date = normalizeDate(value);
			if (date) return date;
		}
	}
	return '';
}

/** A string, or an object with a name (schema.org's Organization, NewsAPI's source). */
function nameOf(value: unknown): string {
	if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		const name = (value as Record<string, unknown>).name;
		if (typeof name === 'string') return name.replace(/\s+/g, ' ').trim();
	}
	return '';
}

function sourceName(fields: Record<string, unknown>): string {
	for (const name of SOURCE_FIELDS) {
		const source = nameOf(fields[name]);
		if (source) return source;
	}
	return '';
}

function authorNames(fields: Record<string, unknown>): string {
	for (const name of AUTHOR_FIELDS) {
		const value = fields[name];
		const names = (Array.isArray(value) ? value.map(nameOf) : [nameOf(value)]).filter(Boolean);
		if (names.length > 0) return [...new Set(names)].join(', ');
	}
	return '';
}

function hostOf(url: string): string {
	try {
		return new URL(url).hostname.replace(/^www\./, '');
	} catch {
		return '';
	}
}
