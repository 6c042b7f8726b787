import {Parser} from 'htmlparser2';
import {htmlToParagraphs} from './html-text.js';
import type {DocumentMeta} from './types.js';

/**
 * RSS 0.9x and 2.0, RSS 1.0 (RDF) and Atom feeds to items. XML is read with htmlparser2 in XML mode, which is
 * lenient (a cut-off or malformed feed still yields what could be read) and never expands entity declarations,
 * so a "billion laughs" file costs no more than its own size.
 */

export interface FeedItem {
	meta: DocumentMeta;
	paragraphs: string[];
	/** The text came from the description or summary, not the full content. */
	summaryOnly: boolean;
}

export interface ParsedFeed {
	title: string;
	items: FeedItem[];
	/** What could not be read, with a line number where one can be given. */
	problems: string[];
}

const NS = {
	atom: 'http://www.w3.org/2005/Atom',
	atom03: 'http://purl.org/atom/ns#',
	rss1: 'http://purl.org/rss/1.0/',
	rss09: 'http://my.netscape.com/rdf/simple/0.9/',
	rss2: 'http://backend.userland.com/rss2',
	rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
	content: 'http://purl.org/rss/1.0/modules/content/',
	dc: 'http://purl.org/dc/elements/1.1/',
	dcterms: 'http://purl.org/dc/terms/',
	xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** Prefixes feeds often use without declaring them: read them as they are meant. */
const CONVENTIONAL_PREFIXES: Record<string, string> = {
	atom: NS.atom,
	content: NS.content,
	dc: NS.dc,
	dcterms: NS.dcterms,
	rdf: NS.rdf,
	xml: NS.xml,
};

/** RSS elements have no namespace in 0.9x and 2.0, and one of these in 1.0 and 0.90. */
const RSS = ['', NS.rss1, NS.rss09, NS.rss2];
const ATOM = [NS.atom, NS.atom03];

/** At most this many markup problems are listed one by one. */
const MAX_PROBLEMS = 20;

/** Elements nested deeper than this are read as their text alone, so that walking the tree cannot overflow the stack. */
const MAX_DEPTH = 200;

interface XmlElement {
	name: string;
	local: string;
	ns: string;
	attributes: Record<string, string>;
	children: XmlNode[];
	parent?: XmlElement;
	line: number;
	/** False when the file ended before the element's end tag. */
	closed: boolean;
	namespaces: Map<string, string>;
}
type XmlNode = XmlElement | string;

export function looksLikeFeed(text: string): boolean {
	const root = rootTagName(text);
	return root !== undefined && /^(?:[\w.-]+:)?(?:rss|RDF|feed)$/.test(root);
}

/** The name of the first element, after a byte-order mark, whitespace, the XML declaration, comments and a doctype. */
function rootTagName(text: string): string | undefined {
	let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (;;) {
		while (at < text.length && /\s/.test(text[at]!)) at++;
		if (text.startsWith('<?', at)) {
			const end = text.indexOf('?>', at);
			if (end < 0) return undefined;
			at = end + 2;
		} else if (text.startsWith('<!--', at)) {
			const end = text.indexOf('-->', at + 4);
			if (end < 0) return undefined;
			at = end + 3;
		} else if (text.startsWith('<!', at)) {
			// A doctype, perhaps with an internal subset in brackets that holds its own '>'s.
			const close = text.indexOf('>', at);
			const open = text.indexOf('[', at);
			if (close < 0) return undefined;
			if (open >= 0 && open < close) {
				// The subset ends at the first ']' outside quoted values and comments.
				let end = open + 1;
				while (end < text.length && text[end] !== ']') {
					const char = text[end]!;
					const skipTo = char === '"' || char === "'" ? text.indexOf(char, end + 1) + 1 : text.startsWith('<!--', end) ? text.indexOf('-->', end + 4) + 3 : end + 1;
					if (skipTo <= end) return undefined;
					end = skipTo;
				}
				const after = text.indexOf('>', end);
				if (after < 0) return undefined;
				at = after + 1;
			} else at = close + 1;
		} else break;
	}
	return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 200))?.[1];
}

export function parseFeed(text: string): ParsedFeed | {problem: string} {
	if (!looksLikeFeed(text)) return {problem: 'not a feed'};
	const {root, problems} = parseXml(text);
	if (!root) return {problem: 'not a feed'};
	return root.local === 'feed' ? readAtom(root, problems) : readRss(root, problems);
}

// ---------------------------------------------------------------------------------------------------------
// XML to a small tree, with line numbers and the problems a lenient parser would otherwise hide.

function parseXml(text: string): {root?: XmlElement; problems: string[]} {
	const newlines: number[] = [];
	for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) newlines.push(at);
	const lineAt = (offset: number) => {
		let low = 0;
		let high = newlines.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (newlines[middle]! < offset) low = middle + 1;
			else high = middle;
		}
		return low + 1;
	};

	const problems: string[] = [];
	let markupProblems = 0;
	const problem = (message: string) => {
		markupProblems++;
		if (markupProblems <= MAX_PROBLEMS) problems.push(message);
	};

	const top: XmlElement = {name: '', local: '', ns: '', attributes: {}, children: [], line: 1, closed: true, namespaces: new Map()};
	let current = top;
	let depth = 0;
	/** Open elements below MAX_DEPTH, left out of the tree. */
	let flattened = 0;
	let ending = false;
	let entityDeclarations = false;
	let reportedDepth = false;

	const parser = new Parser(
		{
			onopentag(name, attributes) {
				if (depth >= MAX_DEPTH) {
					flattened++;
					if (!reportedDepth) {
						reportedDepth = true;
						problems.push(`line ${lineAt(parser.startIndex)}: elements nested deeper than ${MAX_DEPTH} levels are read as text`);
					}
					return;
				}
				depth++;
				let namespaces = current.namespaces;
				for (const [key, value] of Object.entries(attributes)) {
					if (key === 'xmlns' || key.startsWith('xmlns:')) {
						if (namespaces === current.namespaces) namespaces = new Map(namespaces);
						namespaces.set(key === 'xmlns' ? '' : key.slice(6), value);
					}
				}
				const colon = name.indexOf(':');
				const prefix = colon < 0 ? '' : name.slice(0, colon);
				const ns = namespaces.get(prefix) ?? CONVENTIONAL_PREFIXES[prefix] ?? (prefix ? `${prefix}:` : '');
				const element: XmlElement = {
					name,
					local: name.slice(colon + 1),
					ns,
					attributes,
					children: [],
					parent: current,
					line: lineAt(parser.startIndex),
					closed: false,
					namespaces,
				};
				current.children.push(element);
				current = element;
			},
			onclosetag(name, implied) {
				if (ending) return;
				if (flattened > 0) {
					flattened--;
					return;
				}
				const element = current;
				if (element === top) return;
				if (implied) {
					const selfClosing = text[parser.endIndex] === '>' && text[parser.endIndex - 1] === '/';
					if (!selfClosing) {
						const closing = /^<\/([^\s>]+)/.exec(text.slice(parser.startIndex, parser.startIndex + 200))?.[1] ?? name;
						problem(`line ${lineAt(parser.startIndex)}: <${name}> from line ${element.line} is closed by </${closing}>`);
					}
				}
				element.closed = true;
				depth--;
				current = element.parent ?? top;
			},
			ontext(data) {
				const last = current.children[current.children.length - 1];
				if (typeof last === 'string') current.children[current.children.length - 1] = last + data;
				else current.children.push(data);
			},
			onprocessinginstruction(_name, data) {
				// A doctype's internal subset reaches the parser as "!DOCTYPE x [<!ENTITY …" and then "!ENTITY …" pieces.
				const at = data.search(/!ENTITY\s/i);
				if (at >= 0 && !entityDeclarations) {
					entityDeclarations = true;
					problems.push(`line ${lineAt(parser.startIndex + at)}: entity declarations are not expanded`);
				}
			},
		},
		{xmlMode: true, decodeEntities: true, recognizeCDATA: true, recognizeSelfClosing: true},
	);
	parser.write(text);
	if (current !== top) {
		const open: XmlElement[] = [];
		for (let element: XmlElement | undefined = current; element && element !== top; element = element.parent) open.push(element);
		const item = open.find(element => element.local === 'item' || element.local === 'entry');
		const where = `cut off at line ${lineAt(Math.max(0, text.trimEnd().length - 1))}`;
		problems.push(
			item
				? `${where}: unclosed <${item.name}> from line ${item.line}, not read`
				: `${where}: unclosed <${open[0]!.name}> from line ${open[0]!.line}`,
		);
	}
	ending = true;
	parser.end();
	if (markupProblems > MAX_PROBLEMS) problems.push(`… and ${markupProblems - MAX_PROBLEMS} more markup problems`);
	const root = top.children.find((node): node is XmlElement => typeof node !== 'string');
	return {root, problems};
}

function isIn(element: XmlElement, namespaces: readonly string[], local: string): boolean {
	return element.local === local && namespaces.includes(element.ns);
}

function elements(parent: XmlElement | undefined, namespaces: readonly string[], local: string): XmlElement[] {
	if (!parent) return [];
	return parent.children.filter((node): node is XmlElement => typeof node !== 'string' && isIn(node, namespaces, local));
}

function first(parent: XmlElement | undefined, namespaces: readonly string[], local: string): XmlElement | undefined {
	return elements(parent, namespaces, local)[0];
}

function textOf(element: XmlElement | undefined): string {
	if (!element) return '';
	return element.children.map(node => (typeof node === 'string' ? node : textOf(node))).join('');
}

/**
 * The HTML an element holds. Text is HTML source already (escaped or in CDATA), except in Atom's xhtml
 * content, where text is text and must be escaped again; child elements are markup written unescaped.
 */
function innerMarkup(element: XmlElement, textIsText: boolean): string {
	return element.children
		.map(node => {
			if (typeof node === 'string') return textIsText ? escapeHtml(node) : node;
			const attributes = Object.entries(node.attributes)
				.filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:'))
				.map(([key, value]) => ` ${key}="${escapeHtml(value)}"`)
				.join('');
			// "<br></br>" would read as two line breaks in HTML: void elements get no end tag.
			if (VOID_ELEMENTS.has(node.local.toLowerCase())) return `<${node.local}${attributes}>`;
			return `<${node.local}${attributes}>${innerMarkup(node, textIsText)}</${node.local}>`;
		})
		.join('');
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** Inline HTML or character references in a title meant as HTML ("1930ft<sup>2</sup>", "&#x0024;4300"). */
const TITLE_MARKUP = /<\/?(?:a|abbr|b|big|br|cite|code|em|font|i|img|mark|q|s|small|span|strong|sub|sup|u)\b[^>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i;

function titleText(raw: string, html: boolean): string {
	if (html || TITLE_MARKUP.test(raw)) return htmlToParagraphs(raw).join(' ');
	return collapse(raw);
}

/** A feed's HTML; when it has no tags at all it is plain text whose blank lines still separate paragraphs. */
function feedHtmlParagraphs(html: string): string[] {
	if (/<[a-z!/]/i.test(html)) return htmlToParagraphs(html);
	return html.split(/\n\s*\n/).flatMap(block => htmlToParagraphs(block));
}

function plainParagraphs(text: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map(collapse)
		.filter(Boolean);
}

function hostOf(url: string): string {
	try {
		return new URL(url).hostname.replace(/^www\./, '');
	} catch {
		return '';
	}
}

function resolveUrl(url: string, bases: string[]): string {
	if (!url || /^[a-z][\w+.-]*:/i.test(url)) return url;
	for (const base of bases) {
		try {
			return new URL(url, base).href;
		} catch {
			// Not an absolute base: try the next.
		}
	}
	return url;
}

/** The xml:base in effect for an element, resolved through its ancestors. */
function xmlBase(element: XmlElement | undefined): string {
	if (!element) return '';
	const own = element.attributes['xml:base'] ?? '';
	const outer = xmlBase(element.parent);
	if (!own) return outer;
	return outer ? resolveUrl(own, [outer]) : own;
}

// ---------------------------------------------------------------------------------------------------------
// RSS 0.9x, 1.0 and 2.0

function readRss(root: XmlElement, problems: string[]): ParsedFeed {
	const channel = first(root, RSS, 'channel');
	const feedTitle = titleText(textOf(first(channel, RSS, 'title') ?? first(channel, [NS.dc], 'title')), false);
	const feedLink = collapse(textOf(first(channel, RSS, 'link'))) || alternateLink(channel);
	// RSS 1.0 and 0.90 put items beside the channel; 0.9x and 2.0 inside it.
	const items = [...elements(channel, RSS, 'item'), ...elements(root, RSS, 'item')];
	const feed: ParsedFeed = {title: feedTitle, items: [], problems};
	items.forEach((item, index) => {
		if (!item.closed) return;
		const title = titleText(textOf(first(item, RSS, 'title') ?? first(item, [NS.dc], 'title')), false);
		let link = collapse(textOf(first(item, RSS, 'link'))) || alternateLink(item);
		if (!link) {
			const guid = first(item, RSS, 'guid');
			const id = collapse(textOf(guid));
			if (guid && guid.attributes.isPermaLink !== 'false' && /^https?:\/\//i.test(id)) link = id;
		}
		if (!link && /^https?:\/\//i.test(item.attributes['rdf:about'] ?? '')) link = item.attributes['rdf:about']!;
		const url = resolveUrl(link, [xmlBase(item), feedLink].filter(Boolean));

		const encoded = first(item, [NS.content], 'encoded');
		let paragraphs = encoded ? feedHtmlParagraphs(innerMarkup(encoded, false)) : [];
		const summaryOnly = paragraphs.length === 0;
		if (summaryOnly) {
			const description = first(item, RSS, 'description') ?? first(item, [NS.dc], 'description') ?? first(item, ATOM, 'summary');
			paragraphs = description ? feedHtmlParagraphs(innerMarkup(description, false)) : [];
		}
		if (!title && paragraphs.length === 0) {
			problems.push(`item ${index + 1} (line ${item.line}): no title or text, skipped`);
			return;
		}
		feed.items.push({
			meta: {
				title,
				source: collapse(textOf(first(item, RSS, 'source'))) || feedTitle || hostOf(feedLink) || hostOf(url),
				author: rssAuthor(item),
				published: firstDate(item, [
					[RSS, 'pubDate'],
					[ATOM, 'published'],
					[[NS.dc], 'date'],
					[[NS.dcterms], 'issued'],
					[[NS.dcterms], 'created'],
					[ATOM, 'updated'],
					[[NS.dcterms], 'modified'],
				]),
				url,
			},
			paragraphs,
			summaryOnly,
		});
	});
	return feed;
}

/** `<atom:link rel="alternate" href>` (a missing rel means alternate), else the first link with an href. */
function alternateLink(parent: XmlElement | undefined): string {
	const links = elements(parent, ATOM, 'link').filter(link => link.attributes.href);
	const alternate = links.find(link => (link.attributes.rel ?? 'alternate') === 'alternate') ?? links[0];
	return alternate?.attributes.href?.trim() ?? '';
}

/** RSS `author` is an address, often "email (Name)": keep the name. `dc:creator` holds names. */
function rssAuthor(item: XmlElement): string {
	const creators = elements(item, [NS.dc], 'creator').map(creator => collapse(textOf(creator))).filter(Boolean);
	const authors = elements(item, RSS, 'author')
		.map(author => {
			const text = collapse(textOf(author));
			return /^\S+@\S+\s*\((.+)\)$/.exec(text)?.[1]?.trim() ?? /^(.+?)\s*<\S+@\S+>$/.exec(text)?.[1]?.trim() ?? text;
		})
		.filter(Boolean);
	const named = authors.filter(author => !/^\S+@\S+$/.test(author));
	const names = named.length > 0 ? named : creators.length > 0 ? creators : authors;
	return [...new Set(names)].join(', ');
}

function firstDate(item: XmlElement, fields: Array<[readonly string[], string]>): string {
	for (const [namespaces, local] of fields) {
		for (const element of elements(item, namespaces, local)) {
			const date = normalizeDate(collapse(textOf(element)));
			if (date) return date;
		}
	}
	return '';
}

// ---------------------------------------------------------------------------------------------------------
// Atom 1.0 and 0.3

function readAtom(root: XmlElement, problems: string[]): ParsedFeed {
	const feedTitle = atomTitle(first(root, ATOM, 'title'));
	const feedLink = resolveUrl(alternateLink(root), [xmlBase(root)].filter(Boolean));
	const feedAuthor = atomAuthors(root);
	const feed: ParsedFeed = {title: feedTitle, items: [], problems};
	elements(root, ATOM, 'entry').forEach((entry, index) => {
		if (!entry.closed) return;
		const title = atomTitle(first(entry, ATOM, 'title'));
		const url = resolveUrl(alternateLink(entry), [xmlBase(entry), feedLink].filter(Boolean));
		const content = first(entry, ATOM, 'content');
		let paragraphs = content && !content.attributes.src ? atomParagraphs(content) : [];
		const summaryOnly = paragraphs.length === 0;
		if (summaryOnly) {
			const summary = first(entry, ATOM, 'summary');
			paragraphs = summary ? atomParagraphs(summary) : [];
		}
		if (!title && paragraphs.length === 0) {
			problems.push(`entry ${index + 1} (line ${entry.line}): no title or text, skipped`);
			return;
		}
		const source = first(entry, ATOM, 'source');
		feed.items.push({
			meta: {
				title,
				source: atomTitle(first(source, ATOM, 'title')) || feedTitle || hostOf(feedLink) || hostOf(url),
				author:
					atomAuthors(entry) ||
					elements(entry, [NS.dc], 'creator')
						.map(creator => collapse(textOf(creator)))
						.filter(Boolean)
						.join(', ') ||
					atomAuthors(source) ||
					feedAuthor,
				published: firstDate(entry, [
					[ATOM, 'published'],
					[ATOM, 'issued'],
					[[NS.dc], 'date'],
					[ATOM, 'updated'],
					[ATOM, 'modified'],
				]),
				url,
			},
			paragraphs,
			summaryOnly,
		});
	});
	return feed;
}

function atomAuthors(parent: XmlElement | undefined): string {
	const names = elements(parent, ATOM, 'author')
		.map(author => collapse(textOf(first(author, ATOM, 'name'))))
		.filter(Boolean);
	return [...new Set(names)].join(', ');
}

/** Atom text constructs: `type` text (the default), html or xhtml; Atom 0.3 could also say `mode="escaped"`. */
function atomKind(element: XmlElement): 'text' | 'html' | 'xhtml' | 'other' {
	const type = (element.attributes.type ?? 'text').toLowerCase();
	if (type === 'html' || type === 'text/html' || element.attributes.mode === 'escaped') return 'html';
	if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
	if (type === 'text' || type === 'text/plain') return 'text';
	return 'other';
}

function atomTitle(element: XmlElement | undefined): string {
	if (!element) return '';
	const kind = atomKind(element);
	if (kind === 'xhtml') return htmlToParagraphs(innerMarkup(element, true)).join(' ');
	return titleText(textOf(element), kind === 'html');
}

function atomParagraphs(element: XmlElement): string[] {
	switch (atomKind(element)) {
		case 'html':
			return feedHtmlParagraphs(innerMarkup(element, false));
		case 'xhtml':
			return htmlToParagraphs(innerMarkup(element, true));
		case 'text':
			return plainParagraphs(textOf(element));
		default:
			return [];
	}
}

// ---------------------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 zone names; a zone not listed here is dropped rather than guessed, leaving the time as printed. */
const ZONES: Record<string, string> = {
	GMT: 'Z', UT: 'Z', UTC: 'Z', Z: 'Z',
	EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};

/**
 * A date as feeds and scrapers write it, to ISO 8601 keeping the offset given: "2016-12-14 19:00:00" →
 * "2016-12-14T19:00:00", "Tue, 10 Jun 2003 04:00:00 GMT" → "2003-06-10T04:00:00Z", epoch seconds or
 * milliseconds → UTC. Fractions of a second are dropped. Empty when the value cannot be read: never guessed.
 */
export function normalizeDate(value: string | number): string {
	if (typeof value === 'number') return epochDate(value);
	const text = value.trim();
	if (/^\d{9,13}(?:\.\d+)?$/.test(text)) return epochDate(Number(text));

	const iso = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?$/i.exec(text);
	if (iso) {
		const [, year, month, day, hour, minute, second, , zone] = iso;
		if (!validDate(+year!, +month!, +day!)) return '';
		if (hour === undefined) return `${year}-${month}-${day}`;
		if (!validTime(+hour, +minute!, +(second ?? 0))) return '';
		return `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${zone ? isoOffset(zone) : ''}`;
	}

	const rfc =
		/^(?:[a-z]{3,}\.?,?\s+)?(\d{1,2})[\s-]+([a-z]{3,})\.?[\s-]+(\d{4}|\d{2}),?\s+(\d{1,2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?\s*([a-z]{1,5}|[+-]\d{4}|[+-]\d{2}:\d{2})?$/i.exec(text);
	if (rfc) {
		const [, day, monthName, yearText, hour, minute, second, zone] = rfc;
		const month = MONTHS.indexOf(monthName!.slice(0, 3).toLowerCase()) + 1;
		// RFC 2822: a two-digit year is 20xx below 50, else 19xx.
		const year = yearText!.length === 2 ? (+yearText! < 50 ? 2000 : 1900) + +yearText! : +yearText!;
		if (month === 0 || !validDate(year, month, +day!) || !validTime(+hour!, +minute!, +(second ?? 0))) return '';
		const offset = zone === undefined ? '' : /^[+-]/.test(zone) ? isoOffset(zone) : (ZONES[zone.toUpperCase()] ?? '');
		return `${year}-${pad(month)}-${pad(+day!)}T${pad(+hour!)}:${minute}:${second ?? '00'}${offset}`;
	}

	// A day written out without a time: "December 14, 2016", "Wed, 14 Dec 2016". Month names only, so never day/month order guessed.
	const monthFirst = /^(?:[a-z]{3,}\.?,?\s+)?([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text);
	const dayFirst = /^(?:[a-z]{3,}\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,})\.?,?\s+(\d{4})$/i.exec(text);
	const [monthName, day, year] = monthFirst ? [monthFirst[1], monthFirst[2], monthFirst[3]] : dayFirst ? [dayFirst[2], dayFirst[1], dayFirst[3]] : [];
	if (monthName && day && year) {
		const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
		if (month > 0 && MONTHS.some(name => monthName.toLowerCase().startsWith(name)) && validDate(+year, month, +day)) return `${year}-${pad(month)}-${pad(+day)}`;
	}
	return '';
}

function epochDate(value: number): string {
	if (!Number.isFinite(value)) return '';
	// Below 1e11 it is seconds (until the year 5138), above it milliseconds.
	const date = new Date(Math.abs(value) < 1e11 ? value * 1000 : value);
	if (Number.isNaN(date.getTime())) return '';
	return date.toISOString().replace('.000Z', 'Z');
}

function isoOffset(zone: string): string {
	const upper = zone.toUpperCase();
	if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') return 'Z';
	const digits = zone.replace(':', '');
	return `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}

function validDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function validTime(hour: number, minute: number, second: number): boolean {
	return hour <= 23 && minute <= 59 && second <= 60;
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}
