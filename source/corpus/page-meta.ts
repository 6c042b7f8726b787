import type {AnyNode, Document as HtmlDocument, Element} from 'domhandler';
import type {DocumentMeta} from './types.js';

/*
 * What a saved web page says about its article: title, author, first-published time, site and address.
 * Everything comes from what pages publish for machines (JSON-LD, Open Graph and `article:` tags, itemprop,
 * <time datetime>, rel=author, the canonical link) and from what they print (the h1, a byline). Nothing is
 * guessed: a field nobody states stays empty.
 */

/** Collapsed text of a node and its descendants, scripts and styles left out. */
export function textOf(node: AnyNode): string {
	const parts: string[] = [];
	const walk = (n: AnyNode): void => {
		if (n.type === 'text') parts.push(n.data);
		else if (n.type === 'tag' || n.type === 'root' || n.type === 'cdata') for (const c of n.children) walk(c);
	};
	walk(node);
	return collapse(parts.join(' '));
}

/** The collapsed text of a node when it is shorter than `limit`, else '': stops reading once past it. */
export function shortTextOf(node: AnyNode, limit: number): string {
	const parts: string[] = [];
	let length = 0;
	const walk = (n: AnyNode): boolean => {
		if (n.type === 'text') {
			parts.push(n.data);
			length += n.data.length;
			return length < limit * 3;
		}
		if (n.type === 'tag' || n.type === 'root') for (const c of n.children) if (!walk(c)) return false;
		return true;
	};
	if (!walk(node)) return '';
	const text = collapse(parts.join(' '));
	return text.length < limit ? text : '';
}

/** Text of a node with a line break for each <br> and block: a byline's parts stay apart. */
export function linesOf(node: AnyNode): string {
	const parts: string[] = [];
	const walk = (n: AnyNode): void => {
		if (n.type === 'text') parts.push(n.data.replace(/\s+/g, ' '));
		else if (n.type === 'tag') {
			const block = n.name === 'br' || /^(div|p|li|h\d|ul|ol|section|header|time|address|dd|dt)$/.test(n.name);
			if (block) parts.push('\n');
			for (const c of n.children) walk(c);
			if (block) parts.push('\n');
		}
	};
	walk(node);
	return parts.join('').split('\n').map(collapse).filter(Boolean).join('\n');
}

/** Whitespace runs (non-breaking spaces included) to one space; zero-width characters dropped. */
export function collapse(text: string): string {
	return text.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/\s+/g, ' ').trim();
}

/** Lower-cased, quotes and dashes folded: for comparing a title with a heading. */
export function fold(text: string): string {
	return collapse(text.normalize('NFKC')).replace(/[\u2018\u2019\u201b`´]/g, "'").replace(/[\u201c\u201d\u201e«»]/g, '"')
		.replace(/[\u2010-\u2015]/g, '-').toLowerCase();
}

const alnum = (text: string): string => fold(text).replace(/[^\p{L}\p{N}]/gu, '');

/** What the walk over the page gathers for the metadata. */
interface Clues {
	docTitle: string;
	/** `<meta>` content by lower-cased property, name or itemprop; the first of each wins. */
	meta: Map<string, string>;
	canonical: string;
	jsonLd: unknown[];
	h1: string[];
	/** Times in the page: the datetime attribute, and whether the element says it is the publication time. */
	times: Array<{value: string; published: boolean; modified: boolean; afterHeadline: boolean}>;
	itemAuthors: string[];
	itemHeadline: string;
	relAuthors: string[];
	bylines: string[];
	/** Short texts that may print the article's date: date and byline boxes, the lines beside the h1. */
	printed: string[];
	/** Short lines beside the first h1, in order: the dateline and byline printed with the headline. */
	beside: string[];
}

/** Containers whose times and names are not the article's: comments, related lists, sidebars. */
const ASIDE = /comment|related|sidebar|recommend|popular|trending|footer|promo|newsletter|(^|\W)nav/i;
const ANY_MARK = /comment|related|sidebar|recommend|popular|trending|footer|promo|newsletter|nav|repl|review|disqus|date|time|publish|posted|byline|author|writtenby|update|modif|edited|created/i;
const DATELINE = /date|time|publish|posted|byline|dateline/i;
const COMMENTS = /comment|repl(y|ies)|review|disqus/i;
const ASIDE_TAGS = new Set(['nav', 'aside', 'footer']);
const BYLINE = /byline|(^|[\s_-])author(s|name|-name|_name)?($|[\s_-])|writtenby|p-author|(^|\s)by-?line/i;
const NOT_BYLINE = /bio|avatar|image|photo|img|pic|follow|more|about|box|comment/i;

function gather(root: HtmlDocument): Clues {
	const clues: Clues = {
		docTitle: '', meta: new Map(), canonical: '', jsonLd: [], h1: [], times: [],
		itemAuthors: [], itemHeadline: '', relAuthors: [], bylines: [], printed: [], beside: [],
	};
	const setMeta = (key: string | undefined, value: string): void => {
		if (!key) return;
		for (const k of key.toLowerCase().split(/\s+/)) if (k && value && !clues.meta.has(k)) clues.meta.set(k, value);
	};
	const walk = (node: AnyNode, aside: boolean, inSvg: boolean, inComments: boolean): void => {
		if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'root') return;
		if (node.type === 'script') {
			const type = (node.attribs.type ?? '').toLowerCase();
			if (type.includes('ld+json')) {
				const text = node.children.map(c => (c.type === 'text' ? c.data : '')).join('');
				try {
					clues.jsonLd.push(JSON.parse(text.replace(/^\s*(?:<!--|\/\/\s*)?(?:<!\[CDATA\[)?|(?:\/\/\s*)?(?:\]\]>)?\s*(?:-->)?\s*$/g, '')));
				} catch { /* a broken block tells nothing */ }
			}
			return;
		}
		if (node.type === 'tag') {
			const {name, attribs} = node;
			if (name === 'title' && !inSvg && !clues.docTitle) clues.docTitle = textOf(node);
			else if (name === 'meta') {
				// Some saved pages carry the value in `value` rather than `content`.
				const content = collapse(attribs.content ?? attribs.value ?? '');
				setMeta(attribs.property, content);
				setMeta(attribs.name, content);
				setMeta(attribs.itemprop, content);
			} else if (name === 'link') {
				const rel = (attribs.rel ?? '').toLowerCase();
				if (rel.split(/\s+/).includes('canonical') && attribs.href && !clues.canonical) clues.canonical = attribs.href.trim();
			} else if (name === 'h1' && !aside) {
				const text = textOf(node);
				if (text) {
					if (!clues.h1.length) printedBeside(node, clues.beside);
					clues.h1.push(text);
				}
			}
			if (name === 'svg') inSvg = true;
			// One test first: most elements' classes say nothing of any rule below.
			const classes = attribs.class || attribs.id ? `${attribs.class ?? ''} ${attribs.id ?? ''}` : '';
			const marks = classes && ANY_MARK.test(classes) ? classes : '';
			// The classes on <body> and <html> describe the whole page ("sidebar-primary"), not a box in it.
			if (ASIDE_TAGS.has(name) || (marks && name !== 'body' && name !== 'html' && ASIDE.test(marks))) aside = true;
			if (marks && COMMENTS.test(marks)) inComments = true;
			const itemprop = (attribs.itemprop ?? '').toLowerCase();
			if (name === 'time' || itemprop.includes('datepublished') || itemprop.includes('datemodified')) {
				const value = attribs.datetime ?? attribs.content ?? (name === 'time' ? textOf(node) : '');
				const published = itemprop.includes('datepublished') || 'pubdate' in attribs || /publish|posted|created/i.test(marks);
				const modified = itemprop.includes('datemodified') || /update|modif|edited/i.test(marks);
				if (value && (!aside || published)) clues.times.push({value: value.trim(), published, modified, afterHeadline: clues.h1.length > 0});
			}
			if (name !== 'meta') {
				if (itemprop.split(/\s+/).includes('author') || itemprop.split(/\s+/).includes('creator')) {
					const named = findItemprop(node, 'name');
					const text = named ? (named.attribs.content ?? textOf(named)) : textOf(node);
					// Marked-up authors count wherever they are (a byline in a <nav>), except on comments.
					if (text && !inComments) clues.itemAuthors.push(text);
				}
				if (itemprop === 'headline' && !clues.itemHeadline) clues.itemHeadline = textOf(node);
			}
			if (name === 'a' && (attribs.rel ?? '').toLowerCase().split(/\s+/).includes('author') && !aside) {
				const text = textOf(node);
				if (text) clues.relAuthors.push(text);
			}
			if (marks && !aside && clues.printed.length < 40 && name !== 'body' && name !== 'html' && DATELINE.test(marks)) {
				const text = shortTextOf(node, 160);
				if (text) clues.printed.push(text);
			}
			if (marks && !aside && name !== 'body' && name !== 'html' && name !== 'meta' && BYLINE.test(marks) && !NOT_BYLINE.test(marks)) {
				const text = shortTextOf(node, 160) && linesOf(node);
				if (text && text.length < 160) {
					// A byline box inside another stands for it: the outer one also holds share buttons and the like.
					for (let p = node.parent; p; p = p.parent) bylineBoxes.delete(p as Element);
					bylineBoxes.set(node, text);
				}
			}
		}
		for (const child of node.children) walk(child, aside, inSvg, inComments);
	};
	const bylineBoxes = new Map<Element, string>();
	walk(root, false, false, false);
	clues.bylines = [...bylineBoxes.values()];
	return clues;
}

/** The short lines around the first h1: where a page prints its date when it marks it up nowhere. */
function printedBeside(h1: Element, into: string[]): void {
	let container = h1.parent;
	for (let level = 0; level < 2 && container && container.type === 'tag'; level++, container = container.parent) {
		for (const child of container.children) {
			if (child === h1) continue;
			const text = shortTextOf(child, 200);
			if (text) into.push(text);
		}
	}
}

function findItemprop(node: Element, prop: string): Element | undefined {
	for (const child of node.children) {
		if (child.type !== 'tag') continue;
		if ((child.attribs.itemprop ?? '').toLowerCase().split(/\s+/).includes(prop)) return child;
		const found = findItemprop(child, prop);
		if (found) return found;
	}
	return undefined;
}

type Json = Record<string, unknown>;
const ARTICLE_TYPE = /article|posting|report|blog|story/i;

/** Every object in the JSON-LD blocks, arrays and @graph lists flattened, articles first. */
function jsonLdObjects(blocks: unknown[], byId: Map<string, Json>): Json[] {
	const found: Json[] = [];
	const visit = (value: unknown, depth: number): void => {
		if (depth > 4 || value === null || typeof value !== 'object') return;
		if (Array.isArray(value)) {
			for (const v of value) visit(v, depth + 1);
			return;
		}
		const object = value as Json;
		found.push(object);
		if (typeof object['@id'] === 'string' && Object.keys(object).length > 1) byId.set(object['@id'], object);
		if (object['@graph']) visit(object['@graph'], depth + 1);
		if (object.mainEntity) visit(object.mainEntity, depth + 1);
	};
	for (const block of blocks) visit(block, 0);
	const types = (o: Json): string => [o['@type']].flat().filter(t => typeof t === 'string').join(' ');
	const articles = found.filter(o => ARTICLE_TYPE.test(types(o)));
	const pages = found.filter(o => /webpage/i.test(types(o)) && !ARTICLE_TYPE.test(types(o)));
	return [...articles, ...pages];
}

const str = (value: unknown): string => {
	if (typeof value === 'string') return collapse(value);
	if (Array.isArray(value)) return str(value[0]);
	if (value && typeof value === 'object' && '@value' in value) return str((value as Json)['@value']);
	return '';
};

/** Names of people or organisations, following {"@id": …} references to objects elsewhere in the @graph. */
function jsonLdNames(value: unknown, byId: Map<string, Json>): string[] {
	if (!value) return [];
	if (typeof value === 'string') return [collapse(value)];
	if (Array.isArray(value)) return value.flatMap(v => jsonLdNames(v, byId));
	if (typeof value === 'object') {
		const id = (value as Json)['@id'];
		if (typeof id === 'string' && !('name' in value) && byId.has(id)) value = byId.get(id);
		const name = str((value as Json).name);
		if (name) return [name];
		const parts = [str((value as Json).givenName), str((value as Json).familyName)].filter(Boolean);
		return parts.length ? [parts.join(' ')] : [];
	}
	return [];
}

/** Host of an address without "www.", or '' when it is not one. */
function hostOf(url: string): string {
	try {
		return new URL(url).hostname.replace(/^www\d?\./, '');
	} catch {
		return '';
	}
}

function absolute(url: string, base: string): string {
	if (!url) return '';
	try {
		return new URL(url, base || undefined).href;
	} catch {
		return /^https?:\/\//i.test(url) ? url : '';
	}
}

/** Separators between a headline and a site name in a title: " | ", " - ", " – ", " — ", " :: ", " » ", " · ". */
const TITLE_SEPARATOR = /\s+(?:[|\-–—»·•\\/]|::)\s+/;

/** Does this piece of a title name the site? Its letters equal, or hold, the site's name or the host's. */
function namesSite(piece: string, site: string, host: string): boolean {
	const p = alnum(piece);
	if (!p) return false;
	const label = host.split('.').slice(0, -1).join('');
	const names = [alnum(site), alnum(host), alnum(label), alnum(host.split('.').at(-2) ?? '')].filter(n => n.length >= 2);
	return names.some(n => p === n || (n.length >= 4 && (p.includes(n) || (p.length >= 4 && n.includes(p)))));
}

/** A title with the site's name taken off either end. */
export function stripSiteName(title: string, site: string, host: string): string {
	let pieces = title.split(TITLE_SEPARATOR);
	while (pieces.length > 1 && namesSite(pieces.at(-1)!, site, host)) pieces = pieces.slice(0, -1);
	while (pieces.length > 1 && namesSite(pieces[0]!, site, host)) pieces = pieces.slice(1);
	if (pieces.length === title.split(TITLE_SEPARATOR).length) return title;
	// Re-cut the original at the same places, keeping its own separators.
	const start = title.indexOf(pieces[0]!);
	const last = pieces.at(-1)!;
	const end = title.lastIndexOf(last) + last.length;
	return start >= 0 && end > start ? title.slice(start, end).trim() : pieces.join(' - ');
}

const wordsOf = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

function chooseTitle(clues: Clues, metaTitle: string, site: string, host: string): string {
	const docTitle = clues.docTitle;
	const base = metaTitle || docTitle;
	const stripped = base ? stripSiteName(base, site, host) : '';
	const wanted = [fold(base), fold(stripped), fold(stripSiteName(docTitle, site, host))].filter(Boolean);
	const h1s = clues.h1.slice(0, 3);
	// The h1 is the headline as printed when the page's own titles agree with it...
	for (const h1 of h1s) if (fold(h1).length >= 3 && wanted.includes(fold(h1))) return h1;
	for (const h1 of h1s) {
		const f = fold(h1);
		if (f.length < 10) continue;
		for (const t of [fold(base), fold(docTitle)]) {
			if (t.length > f.length && t.startsWith(f) && TITLE_SEPARATOR.test(t.slice(f.length - 1, f.length + 4))) return h1;
		}
	}
	// ...or when they reword it, as titles written for search engines do, keeping most of its words.
	const headline = (title: string): string[] => wordsOf(title.split(TITLE_SEPARATOR).reduce((a, b) => (b.length > a.length ? b : a), ''));
	for (const title of [base, docTitle]) {
		const titleWords = headline(title);
		const known = new Set(titleWords);
		for (const h1 of h1s) {
			const words = wordsOf(h1);
			if (words.length < 5) continue;
			const shared = words.filter(w => known.has(w)).length;
			if (shared / words.length >= 0.75 && shared / titleWords.length >= 0.5) return h1;
		}
	}
	if (metaTitle) return stripped;
	if (stripped !== docTitle) return stripped;
	// Only a <title> naming no known site: cut its last piece when what is left is a headline of 5 words or more
	// (Readability's rule).
	const pieces = docTitle.split(TITLE_SEPARATOR);
	if (pieces.length > 1) {
		const cut = docTitle.slice(0, docTitle.lastIndexOf(pieces.at(-1)!)).replace(/\s*(?:[|\-–—»·•\\/]|::)\s*$/, '').trim();
		if (wordsOf(cut).length > 4) return cut;
	}
	return docTitle || (clues.h1[0] ?? '');
}

/** Words that are not a person's name in a byline. */
const NOT_NAME = /^(by|from|and|updated|published|posted|written|edited|reviewed|staff|more|the|news|follow|view|posts?|profile|on|at|in|last|modified|read|min|minutes?|ago|share)$/i;
const OUTLET = /\b(press|news|times|post|agency|agencies|wire|service|network|media|magazine|journal|daily|herald|tribune|gazette|reuters|bloomberg|associated|inc|ltd)\b/i;
const ROLE = /\b(staff|writers?|reporters?|correspondents?|editors?|contributors?|columnist|journalist|bureau|photographer|producer|analyst|senior|associate|contributing|special to|technologist|founder|president|director|manager)\b/i;

/** "By" and its like before a byline's names. */
const BY = /^(?:(?:written|posted|reported|story|text|words|edited|photos?|report(?:ing)?)\s+)?(?:by|par|von|por|door|av|af)\s*:?\s+/i;

/** The names alone from a byline: "By Jane Doe and John Roe, Staff Writers | Updated 5 May" → ["Jane Doe", "John Roe"]. */
export function bylineNames(byline: string, site: string, host: string): string[] {
	const names: string[] = [];
	for (const line of byline.split('\n')) {
		let text = collapse(line).replace(/\([^)]*\)/g, ' ').replace(BY, '');
		text = text.replace(/\b(?:updated|published|posted|last updated|modified|first published)\b.*$/i, '');
		// A date after the names ("GILLIAN MOHNEY March 11, 2015 3:46 PM") ends them.
		const date = PRINTED_DATE.exec(text);
		if (date && date.index > 0) text = text.slice(0, date.index);
		for (const segment of text.split(/\s*(?:[|/•·]|\s[-–—]\s)\s*/)) {
			for (let name of segment.split(/\s*(?:,|;|&|\b(?:and|et|und)\b)\s*/i)) {
				name = collapse(name.replace(BY, '')).replace(/^[-–—:.,]+|[-–—:.,]+$/g, '').trim();
				// "Jane Doe for The Gazette": the outlet she wrote for is not part of her name.
				const writtenFor = /\s+for\s+(.+)$/.exec(name);
				if (writtenFor && (/^the\s/i.test(writtenFor[1]!) || OUTLET.test(writtenFor[1]!))) name = name.slice(0, writtenFor.index);
				if (!name || /\d|@|https?:|www\./i.test(name) || !/^\p{L}/u.test(name) || /^\p{Ll}/u.test(name) || ROLE.test(name)) continue;
				if ((site || host) && namesSite(name, site, host)) continue;
				const words = name.split(/\s+/);
				if (words.length > 5 || words.every(w => NOT_NAME.test(w))) continue;
				// An agency's short code or a degree after a name ("TNN", "PTI", "MA"), or the outlet after it
				// ("Jane Doe, Associated Press"), is not a second author.
				if (names.length > 0 && (/^\p{Lu}{2,5}$/u.test(name) || OUTLET.test(name))) continue;
				if (!names.includes(name)) names.push(name);
			}
		}
	}
	return names;
}

const ISO = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?/i;

/** A stated time as ISO 8601, with its offset when it has one; '' when it cannot be read. */
export function isoDate(value: string): string {
	const text = value.trim();
	const m = ISO.exec(text);
	if (m) {
		const [, y, mo, d, h, mi, s, , zone] = m;
		if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return '';
		if (h === undefined) return `${y}-${mo}-${d}`;
		let offset = zone ?? '';
		if (/^[+-]\d{4}$/.test(offset)) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
		if (offset === 'z') offset = 'Z';
		return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offset}`;
	}
	if (/^\d{10}(\d{3})?$/.test(text)) {
		const ms = Number(text) * (text.length === 10 ? 1000 : 1);
		return new Date(ms).toISOString().replace('.000Z', 'Z');
	}
	// Other forms ("Wed, 14 Dec 2016 19:00:00 -0500", "December 14, 2016"): only with a year, a month and a day.
	if (!/\b(19|20)\d\d\b/.test(text) || !/[a-z]{3}|\d{1,2}[/.-]\d{1,2}[/.-]/i.test(text)) return '';
	const parsed = Date.parse(text.replace(/\b(at|on)\b/gi, ' ').replace(/(\d)(st|nd|rd|th)\b/g, '$1'));
	if (Number.isNaN(parsed)) return '';
	const date = new Date(parsed);
	const hasTime = /\d{1,2}:\d\d/.test(text);
	const hasZone = /\b(gmt|utc|[ecmp][sd]t)\b|[+-]\d\d:?\d\d\b|\dz\b/i.test(text);
	const pad = (n: number): string => String(n).padStart(2, '0');
	if (hasTime && hasZone) {
		// Keep the page's own offset ("+0530" → "+05:30"): the time as the page gives it.
		const numeric = /([+-])(\d\d):?(\d\d)\b(?!.*[+-]\d\d:?\d\d\b)/.exec(text.replace(/^.*?\d{1,2}:\d\d/, ''));
		const named = text.replace(/^.*?\d{1,2}:\d\d/, '').match(/\b[A-Z]{1,4}\b/g)?.find(z => ZONES[z]);
		const offset = numeric ? `${numeric[1]}${numeric[2]}:${numeric[3]}` : named && ZONES[named] ? ZONES[named] : 'Z';
		if (offset === 'Z' || offset === '+00:00') return date.toISOString().replace('.000Z', 'Z');
		const minutes = (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
		return new Date(parsed + minutes * 60000).toISOString().replace(/\.\d{3}Z$/, offset);
	}
	// Date.parse read it in local time: give back the same wall-clock figures, without an offset.
	const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
	return hasTime ? `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` : day;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, string> = {
	UTC: 'Z', GMT: 'Z', Z: 'Z', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00',
	PST: '-08:00', PDT: '-07:00', IST: '+05:30', BST: '+01:00', CET: '+01:00', CEST: '+02:00', EET: '+02:00', EEST: '+03:00',
	AEST: '+10:00', AEDT: '+11:00', JST: '+09:00', KST: '+09:00', HKT: '+08:00', SGT: '+08:00', PKT: '+05:00', WIB: '+07:00',
};
const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const PRINTED_DATE = new RegExp(
	`\\b(?:${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+((?:19|20)\\d\\d)|((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d))`
	+ '(?:\\s*(?:,|at|-|\\||\\u00b7)?\\s*(\\d{1,2})[:.](\\d\\d)\\s*([ap]\\.?m\\.?)?\\s*\\(?([A-Z]{1,4})?\\b)?', 'i');

/** A date printed for readers ("Updated: Oct 9, 2019, 11:05 IST", "9 October 2019"), as ISO 8601; '' when none. */
export function printedDate(text: string): string {
	const m = PRINTED_DATE.exec(text);
	if (!m) return '';
	const pad = (n: number): string => String(n).padStart(2, '0');
	const month = m[1] ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : m[5] ? MONTHS.indexOf(m[5].toLowerCase()) + 1 : Number(m[8]);
	const day = Number(m[2] ?? m[4] ?? m[9]);
	const year = m[3] ?? m[6] ?? m[7];
	if (month < 1 || month > 12 || day < 1 || day > 31) return '';
	const date = `${year}-${pad(month)}-${pad(day)}`;
	if (m[10] === undefined) return date;
	let hour = Number(m[10]);
	const ampm = m[12]?.toLowerCase().replace(/\./g, '');
	if (ampm === 'pm' && hour < 12) hour += 12;
	if (ampm === 'am' && hour === 12) hour = 0;
	if (hour > 23 || Number(m[11]) > 59) return date;
	const zone = m[13] ? ZONES[m[13].toUpperCase()] ?? '' : '';
	return `${date}T${pad(hour)}:${m[11]}:00${zone}`;
}

/** The first printed date not labelled as an update; an update's date when there is no other. */
function datePrinted(texts: string[]): string {
	let updated = '';
	for (const text of texts) {
		const m = PRINTED_DATE.exec(text);
		if (!m) continue;
		const date = printedDate(text);
		if (!date) continue;
		if (/updated|modified|edited/i.test(text.slice(0, m.index))) updated ||= date;
		else return date;
	}
	return updated;
}

/** A date the address itself carries: /2016/12/14/ or -20161013. */
function dateInUrl(url: string): string {
	let path: string;
	try {
		path = new URL(url).pathname;
	} catch {
		return '';
	}
	const m = /(?:^|[/_-])((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(path);
	if (!m) return '';
	const [, y, , mo, d] = m;
	const year = Number(y);
	if (year > new Date().getFullYear() + 1) return '';
	return `${y}-${mo}-${d}`;
}

const PUBLISHED_META = [
	'article:published_time', 'article:published', 'og:article:published_time', 'datepublished', 'publishdate', 'publish-date',
	'published_time', 'pubdate', 'publication_date', 'article.published', 'article_date_original', 'original-publish-date',
	'sailthru.date', 'parsely-pub-date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created',
	'dc.date.created', 'date', 'cxenseparse:recs:publishtime', 'og:published_time', 'article:post_date',
];

const AUTHOR_META = ['dc:creator', 'dc.creator', 'dcterm:creator', 'dcterms.creator', 'author', 'article:author', 'og:article:author', 'byl', 'sailthru.author', 'parsely-author', 'article:author_name', 'citation_author'];

export interface PageMetaClues extends DocumentMeta {
	/** Headings the page prints as its headline, to keep out of the paragraphs. */
	headlines: string[];
	headerLines: Array<{text: string; kind: 'byline' | 'dateline'}>;
	/** The article's text as JSON-LD gives it (`articleBody`), '' when it does not. */
	articleBody: string;
}

export function readPageMeta(root: HtmlDocument, pageUrl = ''): PageMetaClues {
	const clues = gather(root);
	const meta = clues.meta;
	const byId = new Map<string, Json>();
	const objects = jsonLdObjects(clues.jsonLd, byId);
	const article = objects[0];
	const ld = (key: string): unknown => {
		for (const o of objects) if (o[key] !== undefined && o[key] !== null && o[key] !== '') return o[key];
		return undefined;
	};

	const url = absolute(clues.canonical, pageUrl) || absolute(meta.get('og:url') ?? '', pageUrl) || pageUrl;
	const host = hostOf(url || pageUrl) || hostOf(pageUrl);
	const publisher = ld('publisher');
	const site = meta.get('og:site_name') ?? (jsonLdNames(publisher, byId)[0] || meta.get('application-name') || '');
	const source = collapse(site) || host;

	const metaTitle = str(article?.headline) || meta.get('dc:title') || meta.get('dc.title') || meta.get('dcterm:title') || meta.get('dcterms.title')
		|| meta.get('og:title') || meta.get('twitter:title') || meta.get('parsely-title') || clues.itemHeadline || meta.get('headline') || '';
	const title = chooseTitle(clues, collapse(metaTitle), site, host);

	const authorSources: string[][] = [
		jsonLdNames(article?.author ?? article?.creator, byId),
		AUTHOR_META.map(k => meta.get(k) ?? '').filter(v => v && !/^https?:\/\//i.test(v)).slice(0, 1),
		clues.itemAuthors,
		clues.relAuthors,
		clues.bylines,
	];
	let authors: string[] = [];
	for (const [i, list] of authorSources.entries()) {
		// Printed bylines: the first that names someone (later ones belong to related stories).
		const read = i === authorSources.length - 1 ? list.map(b => bylineNames(b, site, host)).filter(n => n.length).slice(0, 1) : list.map(b => bylineNames(b, site, host));
		authors = [...new Set(read.flat())];
		if (authors.length) break;
	}
	// Links to an author's page name one author each; the byline around them names them all.
	if (authors.length && authors.every(a => clues.relAuthors.some(r => collapse(r) === a))) {
		const printed = clues.bylines.map(b => bylineNames(b, site, host)).find(n => n.length) ?? [];
		if (printed.length > authors.length && authors.every(a => printed.includes(a))) authors = printed;
	}

	const timeOf = (list: typeof clues.times): string => list.map(t => isoDate(t.value)).find(Boolean) ?? '';
	const published = isoDate(str(ld('datePublished')) || str(ld('dateCreated')))
		|| PUBLISHED_META.map(k => isoDate(meta.get(k) ?? '')).find(Boolean)
		|| timeOf(clues.times.filter(t => t.published))
		// A time after the headline belongs to the article; one before it may be the site header's clock.
		|| timeOf(clues.times.filter(t => !t.modified && t.afterHeadline))
		|| timeOf(clues.times.filter(t => !t.modified))
		|| dateInUrl(url) || dateInUrl(pageUrl)
		|| datePrinted([...clues.printed, ...clues.beside]);

	// The lines printed with the headline that carry a date or a byline, for the article's opening.
	const boxes = clues.bylines.map(b => collapse(b.replace(/\n/g, ' '))).filter(Boolean);
	const headerLines = clues.beside.map(line => boxes.find(b => b !== line && line.includes(b)) ?? line).filter(line => line.length <= 160 && (BY.test(line) || PRINTED_DATE.test(line) || authors.some(a => line.includes(a))))
		.map(line => ({text: line, kind: BY.test(line) || authors.some(a => line.includes(a)) ? 'byline' as const : 'dateline' as const}));
	const articleBody = typeof article?.articleBody === 'string' ? article.articleBody : '';
	return {title, source, author: authors.join(', '), published, url, headlines: [title, ...clues.h1], headerLines, articleBody};
}
