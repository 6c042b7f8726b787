// Every argument becomes documents: a text file one, a saved page one, a feed one per item, a JSON Lines
// export one per line. The content decides the format as much as the name does, and the code for pages,
// feeds and exports loads only when such an input appears, so the pipe commands on .txt start as fast as
// before.
import {closeSync, constants, createReadStream, fstatSync, openSync, readFileSync} from 'node:fs';
import {createInterface} from 'node:readline';
import {createGunzip, gunzipSync} from 'node:zlib';
import {decodeText} from './decode.js';
import {NO_META} from './document.js';
import {fetchAddress, FETCH_CONCURRENCY, isAddress, type Fetched, type FetchOptions} from './fetch.js';
import {readAll, reasonOf} from './read.js';
import type {BoilerplateKind, DocumentMeta, ParagraphMark, ReadProblem, SourceDocument} from './types.js';

export interface InputOptions {
	maxBytes: number;
	/** Per request, for addresses. */
	timeoutMs: number;
	/** Also fetch each feed item's link when the item carried only a summary. */
	follow: boolean;
	userAgent: string;
	/** The name an input goes by in the output. */
	label: (path: string) => string;
}

/** What reading the inputs yields, in order: documents, problems, and the end of each input (for progress). */
export type InputItem =
	| {document: SourceDocument; warnings?: string[]}
	| {problem: ReadProblem}
	| {finished: string; documents: number};

type Format = 'text' | 'page' | 'feed' | 'records' | 'lines';

const FEED_NAME = /\.(rss|atom|xml)$/i;
const PAGE_NAME = /\.(html?|xhtml)$/i;
const LINES_NAME = /\.(jsonl|ndjson)$/i;
const JSON_NAME = /\.json$/i;

function withoutGzip(name: string): string {
	return name.replace(/\.gz$/i, '');
}

function isGzip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The start of the bytes, lower-cased, for telling markup apart: NULs of UTF-16 and a BOM dropped. */
function sniff(bytes: Uint8Array): string {
	return Buffer.from(bytes.subarray(0, 2048))
		.toString('latin1')
		.replace(/\0/g, '')
		.replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
		.trimStart()
		.toLowerCase();
}

export function looksLikeHtml(head: string): boolean {
	const start = head.replace(/^(<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)*/, '');
	return /^<(!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|article|header|nav|section|main|table|h[1-6]|form)[\s>/]/.test(start) || /<html[\s>]/.test(head.slice(0, 1024));
}

function looksLikeFeedStart(head: string): boolean {
	const start = head.replace(/^(<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*|<\?xml-stylesheet[^>]*>\s*)*/, '');
	return /^<(rss|rdf:rdf|feed)[\s>]/.test(start);
}

/** A page's or feed's paragraphs as one text, the headline first: the form every document's text takes. */
export function composeSource(name: string, meta: DocumentMeta, paragraphs: Array<{text: string; boilerplate?: BoilerplateKind}>): SourceDocument {
	const blocks = paragraphs.map(p => ({...p, text: p.text.replace(/\s*\n\s*/g, ' ').trim()})).filter(p => p.text !== '');
	const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
	if (meta.title && (blocks.length === 0 || fold(blocks[0]!.text) !== fold(meta.title))) blocks.unshift({text: meta.title.replace(/\s+/g, ' ').trim()});
	const marks: ParagraphMark[] = [];
	blocks.forEach((block, index) => {
		if (block.boilerplate) marks.push({paragraph: index, boilerplate: block.boilerplate});
	});
	return {name, text: blocks.map(b => b.text).join('\n\n'), meta, ...(marks.length ? {marks} : {})};
}

/** A record's text may separate paragraphs by single line ends (news-please's maintext does): each line is one. */
function recordParagraphs(text: string): string[] {
	const normalised = text.replace(/\r\n?/g, '\n');
	const split = /\n[ \t]*\n/.test(normalised) ? normalised.split(/\n[ \t]*\n+/) : normalised.split('\n');
	return split.map(p => p.trim()).filter(Boolean);
}

/** Bytes of a file, decompressed when they are gzip; the limit holds for what is decompressed. */
async function fileBytes(path: string, maxBytes: number): Promise<Uint8Array | ReadProblem> {
	let bytes: Uint8Array | ReadProblem | undefined;
	if (path !== '-') {
		// One synchronous read for a regular file: for thousands of small articles several times faster than a
		// stream each. O_NONBLOCK keeps a FIFO from blocking the open; anything unusual goes through readAll.
		try {
			const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
			try {
				const info = fstatSync(fd);
				if (info.isFile() && info.size <= maxBytes) bytes = readFileSync(fd);
			} finally {
				closeSync(fd);
			}
		} catch {
			bytes = undefined;
		}
	}
	bytes ??= await readAll(path, maxBytes).catch((error: unknown): ReadProblem => ({path, reason: reasonOf(error), skipped: true}));
	if (!(bytes instanceof Uint8Array) || !isGzip(bytes)) return bytes;
	try {
		return gunzipSync(bytes, {maxOutputLength: maxBytes});
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError
			? `larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit once decompressed (raise it with --max-size)`
			: `corrupt gzip (${(error as Error).message})`;
		return {path, reason, skipped: true};
	}
}

function formatOf(name: string, bytes: Uint8Array | undefined, contentType = ''): Format | undefined {
	const plain = withoutGzip(name.replace(/[?#].*$/, ''));
	if (LINES_NAME.test(plain)) return 'lines';
	if (bytes === undefined) return undefined;
	if (JSON_NAME.test(plain) || /\bjson\b/i.test(contentType)) return 'records';
	const head = sniff(bytes);
	if (looksLikeFeedStart(head) || FEED_NAME.test(plain) || /\b(rss|atom)\+xml\b/i.test(contentType)) return 'feed';
	if (PAGE_NAME.test(plain) || looksLikeHtml(head) || /\bhtml\b/i.test(contentType)) return 'page';
	return 'text';
}

/** Requests in flight at once are few; the rest wait their turn. */
class FetchQueue {
	#active = 0;
	readonly #waiting: Array<() => void> = [];

	constructor(readonly options: FetchOptions) {}

	async fetch(address: string): Promise<Fetched | string> {
		if (this.#active >= FETCH_CONCURRENCY) await new Promise<void>(resolve => this.#waiting.push(resolve));
		this.#active++;
		try {
			return await fetchAddress(address, this.options);
		} finally {
			this.#active--;
			this.#waiting.shift()?.();
		}
	}
}

/**
 * Read every input in order, yielding its documents as they are read. Addresses are fetched a few at a
 * time ahead of their turn; a JSON Lines export is streamed line by line, never held whole.
 */
export async function* readInputs(paths: string[], options: InputOptions): AsyncGenerator<InputItem> {
	const queue = new FetchQueue({timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, userAgent: options.userAgent});
	// Started now, awaited in turn: the queue keeps only a few requests in flight.
	const fetched = new Map<string, Promise<Fetched | string>>();
	for (const path of paths) {
		if (isAddress(path) && !fetched.has(path)) {
			const pending = queue.fetch(path);
			pending.catch(() => {});
			fetched.set(path, pending);
		}
	}
	for (const path of paths) {
		let count = 0;
		for await (const item of isAddress(path) ? readAddress(path, fetched.get(path)!, queue, options) : readFile(path, options)) {
			if ('document' in item) count++;
			yield item;
		}
		yield {finished: path, documents: count};
	}
}

async function* readFile(path: string, options: InputOptions): AsyncGenerator<InputItem> {
	const label = options.label(path);
	if (formatOf(path, undefined) === 'lines') {
		yield* readLinesFile(path, label, options);
		return;
	}
	const bytes = await fileBytes(path, options.maxBytes);
	if (!(bytes instanceof Uint8Array)) {
		yield {problem: bytes};
		return;
	}
	yield* readBytes(path, label, bytes, formatOf(path, bytes)!, '', '', undefined, options);
}

async function* readAddress(address: string, pending: Promise<Fetched | string>, queue: FetchQueue, options: InputOptions): AsyncGenerator<InputItem> {
	const result = await pending;
	if (typeof result === 'string') {
		yield {problem: {path: address, reason: result, skipped: true}};
		return;
	}
	let bytes = result.bytes;
	if (isGzip(bytes)) {
		try {
			bytes = gunzipSync(bytes, {maxOutputLength: options.maxBytes});
		} catch (error) {
			yield {problem: {path: address, reason: `corrupt gzip (${(error as Error).message})`, skipped: true}};
			return;
		}
	}
	const format = formatOf(new URL(result.url).pathname, bytes, result.contentType);
	if (format === 'lines' || format === 'records') {
		yield* readBytes(address, address, bytes, format === 'lines' ? 'records' : format, result.contentType, result.url, queue, options);
		return;
	}
	if (format !== 'feed' && format !== 'page' && !/^text\/plain\b/i.test(result.contentType)) {
		yield {problem: {path: address, reason: `neither a page nor a feed (${result.contentType || 'no content type'})`, skipped: true}};
		return;
	}
	yield* readBytes(address, address, bytes, format!, result.contentType, result.url, queue, options);
}

async function* readBytes(path: string, label: string, bytes: Uint8Array, format: Format, contentType: string, url: string, queue: FetchQueue | undefined, options: InputOptions): AsyncGenerator<InputItem> {
	switch (format) {
		case 'text': {
			const decoded = decodeText(bytes);
			if ('binary' in decoded) {
				yield {problem: {path, reason: decoded.binary, skipped: true}};
				return;
			}
			yield {document: {name: label, text: decoded.text, meta: url ? {...NO_META, url} : NO_META}, warnings: decoded.warnings};
			return;
		}
		case 'page': {
			const {decodeMarkup} = await import('./charset.js');
			const {extractPage} = await import('./page.js');
			const page = extractPage(decodeMarkup(bytes, contentType).text, url ? {url} : {});
			if ('problem' in page) yield {problem: {path, reason: page.problem, skipped: true}};
			else yield {document: composeSource(label, page.meta, page.paragraphs)};
			return;
		}
		case 'feed': {
			yield* readFeed(path, label, bytes, contentType, queue, options);
			return;
		}
		case 'records':
		case 'lines': {
			const {readJsonRecords} = await import('./records.js');
			const decoded = decodeText(bytes);
			if ('binary' in decoded) {
				yield {problem: {path, reason: decoded.binary, skipped: true}};
				return;
			}
			const records = readJsonRecords(decoded.text);
			if (!Array.isArray(records)) {
				yield {problem: {path, reason: records.problem, skipped: true}};
				return;
			}
			for (const record of records) {
				if ('problem' in record) yield {problem: {path, reason: record.problem, skipped: false}};
				else yield {document: composeSource(`${label}#${record.line}`, record.meta, recordParagraphs(record.text).map(text => ({text})))};
			}
		}
	}
}

async function* readFeed(path: string, label: string, bytes: Uint8Array, contentType: string, queue: FetchQueue | undefined, options: InputOptions): AsyncGenerator<InputItem> {
	const {decodeMarkup} = await import('./charset.js');
	const {parseFeed} = await import('./feed.js');
	const feed = parseFeed(decodeMarkup(bytes, contentType).text);
	if ('problem' in feed) {
		yield {problem: {path, reason: feed.problem, skipped: true}};
		return;
	}
	for (const problem of feed.problems) yield {problem: {path, reason: problem, skipped: false}};
	// --follow: the pages behind summary-only items, fetched a few at a time while earlier items are read.
	const follow = options.follow
		? feed.items.map(item => {
				if (!item.summaryOnly || !item.meta.url) return undefined;
				queue ??= new FetchQueue({timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, userAgent: options.userAgent});
				const pending = queue.fetch(item.meta.url);
				pending.catch(() => {});
				return pending;
			})
		: [];
	const {extractPage} = follow.some(Boolean) ? await import('./page.js') : {extractPage: undefined};
	for (const [index, item] of feed.items.entries()) {
		const name = `${label}#${index + 1}`;
		let meta = item.meta;
		let paragraphs: Array<{text: string; boilerplate?: BoilerplateKind}> = item.paragraphs.map(text => ({text}));
		const pending = follow[index];
		if (pending && extractPage) {
			const fetched = await pending;
			const page = typeof fetched === 'string' ? {problem: fetched} : extractPage(decodeMarkup(fetched.bytes, fetched.contentType).text, {url: fetched.url});
			if ('problem' in page) yield {problem: {path: `${path}#${index + 1}`, reason: `could not follow ${item.meta.url}: ${page.problem}; the summary is kept`, skipped: false}};
			else {
				paragraphs = page.paragraphs;
				meta = {...meta, author: meta.author || page.meta.author, published: meta.published || page.meta.published};
			}
		}
		yield {document: composeSource(name, meta, paragraphs)};
	}
}

/** A JSON Lines export, read line by line (and decompressed as it is read): a million lines never sit in memory. */
async function* readLinesFile(path: string, label: string, options: InputOptions): AsyncGenerator<InputItem> {
	const {readJsonLines} = await import('./records.js');
	const problems: ReadProblem[] = [];
	const gzipped = /\.gz$/i.test(path);
	const streamProblem = (error: Error): ReadProblem =>
		gzipped && (error as NodeJS.ErrnoException).code?.startsWith('Z_') ? {path, reason: `corrupt gzip (${error.message}); the records before it were read`, skipped: false} : {path, reason: reasonOf(error), skipped: true};
	let lines: AsyncIterable<string>;
	try {
		const input: NodeJS.ReadableStream = path === '-' ? process.stdin : createReadStream(path);
		const stream: NodeJS.ReadableStream = gzipped ? input.pipe(createGunzip()) : input;
		// The first error of the file or of its decompression ends the lines; it is told after the records read before it.
		const onError = (error: Error) => {
			if (problems.length === 0) problems.push(streamProblem(error));
		};
		input.on('error', onError);
		if (gzipped) stream.on('error', onError);
		lines = linesUntilError(createInterface({input: stream, crlfDelay: Infinity}), stream);
	} catch (error) {
		yield {problem: {path, reason: reasonOf(error), skipped: true}};
		return;
	}
	for await (const record of readJsonLines(lines)) {
		if ('problem' in record) yield {problem: {path, reason: record.problem, skipped: false}};
		else yield {document: composeSource(`${label}#${record.line}`, record.meta, recordParagraphs(record.text).map(text => ({text})))};
	}
	for (const problem of problems) yield {problem};
}

/** Lines of a stream; a stream error ends the lines (it is reported after the records read before it). */
async function* linesUntilError(lines: AsyncIterable<string>, stream: NodeJS.ReadableStream): AsyncGenerator<string> {
	const ended = new Promise<void>(resolve => stream.once('error', () => resolve()));
	const iterator = lines[Symbol.asyncIterator]();
	for (;;) {
		const stop = {done: true, value: undefined} as IteratorReturnResult<undefined>;
		const next = await Promise.race([iterator.next().catch(() => stop), ended.then(() => stop)]);
		if (next.done) return;
		yield next.value;
	}
}
