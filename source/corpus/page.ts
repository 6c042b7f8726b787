import {parseDocument} from 'htmlparser2';
import type {AnyNode, Element} from 'domhandler';
import {collapse, fold, readPageMeta} from './page-meta.js';
import type {BoilerplateKind, DocumentMeta, ParagraphMark, SourceDocument} from './types.js';

/*
 * The article in a saved web page: its paragraphs without the page around them (menus, share buttons,
 * related links, comments, banners), and its metadata (page-meta.ts).
 *
 * One parse with htmlparser2, then the way Readability finds an article, done without copying or
 * rewriting the tree: blocks of text score their parent and grandparents (length, commas), class and id
 * names push a container up ("article", "content", "story") or down ("comment", "share", "related"), scores
 * shrink by link density, and the best container with its like siblings is the article. Inside it, lists,
 * tables and boxes that are mostly links, images or forms are dropped. When that leaves too little text,
 * it tries again with fewer rules, and keeps the longest result.
 *
 * Where this differs from Readability, for news pages: share, related and newsletter boxes go whatever else
 * their class says; grids of many short cells and boxes of figures without prose (live tallies, standings)
 * go even when they are data tables; lists almost all links go; a single <br> after a full sentence ends a
 * paragraph; a dateline set apart ("<b>WASHINGTON:</b>") opens the paragraph after it; the dateline and
 * byline printed beside the headline open the article, marked as such; "Advertisement" labels go; and when
 * the markup holds little of the story, JSON-LD's articleBody is read instead.
 */

export interface PageParagraph {
	text: string;
	/** 'caption' for figure captions and photo credits. */
	boilerplate?: BoilerplateKind;
}

export interface ExtractedPage {
	meta: DocumentMeta;
	/** The article's paragraphs, the headline left out. */
	paragraphs: PageParagraph[];
}

/** Elements never part of an article's text. */
const NEVER = new Set([
	'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
	'button', 'input', 'select', 'textarea', 'option', 'nav', 'aside', 'footer', 'dialog', 'menu', 'head', 'link', 'meta',
	'title', 'img', 'picture', 'source', 'map', 'area', 'label', 'frame', 'frameset',
]);
const NEVER_ROLES = new Set(['navigation', 'menu', 'menubar', 'complementary', 'banner', 'dialog', 'alert', 'alertdialog', 'contentinfo', 'search', 'tooltip']);

/** Elements that start a new paragraph. */
const BLOCK = new Set([
	'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
	'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
	'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr',
	'td', 'th', 'ul', 'caption', 'legend', 'noscript', 'iframe', 'video', 'audio', 'picture', 'img', 'select', 'textarea',
]);
const HEADING = /^h[1-6]$/;

const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|consent|newsletter|signup|sign-up|recirc|taboola|outbrain|most-?popular|trending/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|taboola|recirc|cookie/i;
/** Boxes inside an article that are never its text, whatever else their class says ("ArticleBody-related-coverage"). */
const NOT_TEXT = /(^|\b|_|-)(share|sharedaddy|social|sharing|related|recirc|newsletter|promo|subscribe|signup|most-?popular|most-?(read|viewed|shared)|trending|read-?more|more-stories|more-from|also-?read|up-?next|next-article|recommend(ed|ations?)?|outbrain|taboola|comments?|advert|ad-?slot|ad-?container)(\b|_|-|$)/i;
/** What an empty ad slot says in the middle of a story. */
const AD_LABEL = /^(advertisement|advert|ad|sponsored( content)?|story continues below( advertisement)?|continue reading (below|the main story)|scroll to continue( with content)?|skip advertisement|article continues below( this ad)?)$/i;
const CAPTION = /caption|credit|wp-caption-text|photo-?desc|image-?desc/i;

interface Flags {
	stripUnlikely: boolean;
	weighClasses: boolean;
	cleanConditionally: boolean;
}

interface Stats {
	chars: number;
	linkChars: number;
	commas: number;
	p: number;
	img: number;
	li: number;
	input: number;
	embed: number;
	headingChars: number;
	digits: number;
	letters: number;
	cells: number;
	/** Block elements below: none makes the element a paragraph of its own. */
	blocks: number;
	/** <pre> blocks below: code and its output, whatever their share of digits. */
	pre: number;
}

const marksOf = (el: Element): string => `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
const isElement = (node: AnyNode): node is Element => node.type === 'tag';

function classWeight(el: Element): number {
	let weight = 0;
	for (const mark of [el.attribs.class, el.attribs.id]) {
		if (!mark) continue;
		if (NEGATIVE.test(mark)) weight -= 25;
		if (POSITIVE.test(mark)) weight += 25;
	}
	return weight;
}

function hidden(el: Element): boolean {
	const a = el.attribs;
	if ('hidden' in a || a['aria-hidden'] === 'true' && !/fallback-image/.test(a.class ?? '')) return true;
	const style = a.style;
	return !!style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** One attempt at finding the article, with its own set of elements left out. */
class Attempt {
	readonly skip = new Set<Element>();
	readonly score = new Map<Element, number>();
	readonly stats = new Map<Element, Stats>();

	constructor(readonly body: Element, readonly flags: Flags) {}

	/** Marks what is never article text, and counts text, links and commas under each element. */
	prepare(node: Element, insideTable: boolean): Stats {
		const total: Stats = {chars: 0, linkChars: 0, commas: 0, p: 0, img: 0, li: 0, input: 0, embed: 0, headingChars: 0, digits: 0, letters: 0, cells: 0, blocks: 0, pre: 0};
		for (const child of node.children) {
			if (child.type === 'text') {
				countText(child.data, total);
				continue;
			}
			if (!isElement(child)) continue;
			const name = child.name;
			if (name === 'img' || name === 'picture') total.img++;
			if (name === 'input') total.input++;
			if (name === 'embed' || name === 'object' || name === 'iframe' || name === 'video') total.embed++;
			if (this.leaveOut(child, insideTable)) {
				this.skip.add(child);
				continue;
			}
			const stats = this.prepare(child, insideTable || name === 'table' || name === 'code' || name === 'pre');
			this.stats.set(child, stats);
			total.chars += stats.chars;
			total.commas += stats.commas;
			total.linkChars += name === 'a' ? stats.chars * ((child.attribs.href ?? '').startsWith('#') ? 0.3 : 1) : stats.linkChars;
			total.p += stats.p + (name === 'p' ? 1 : 0);
			total.img += stats.img;
			total.li += stats.li + (name === 'li' ? 1 : 0);
			total.input += stats.input;
			total.embed += stats.embed;
			total.headingChars += HEADING.test(name) ? stats.chars : stats.headingChars;
			total.digits += stats.digits;
			total.letters += stats.letters;
			total.cells += stats.cells + (name === 'td' || name === 'th' ? 1 : 0);
			total.blocks += stats.blocks + (BLOCK.has(name) ? 1 : 0);
			total.pre += stats.pre + (name === 'pre' ? 1 : 0);
		}
		return total;
	}

	leaveOut(el: Element, insideTable: boolean): boolean {
		if (NEVER.has(el.name) || hidden(el)) return true;
		const role = el.attribs.role;
		if (role && NEVER_ROLES.has(role.toLowerCase())) return true;
		if (!this.flags.stripUnlikely || insideTable) return false;
		const marks = marksOf(el);
		if (marks.length < 3 || el.name === 'body' || el.name === 'a' || el.name === 'article' || el.name === 'main') return false;
		return UNLIKELY.test(marks) && !MAYBE.test(marks);
	}

	/** Readability's scoring: each block of text adds to its container and, less, to the containers above. */
	scoreBlocks(): Element[] {
		const candidates: Element[] = [];
		const initial = (el: Element): number => {
			let s = 0;
			switch (el.name) {
				case 'div': case 'article': case 'main': s = 5; break;
				case 'pre': case 'td': case 'blockquote': s = 3; break;
				case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': s = -3; break;
				case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': s = -5; break;
			}
			return s + (this.flags.weighClasses ? classWeight(el) : 0);
		};
		const add = (start: Element | null, chars: number, commas: number): void => {
			if (chars < 25) return;
			const points = 1 + commas + Math.min(Math.floor(chars / 100), 3);
			let el: Element | null = start;
			for (let level = 0; el && level < 5; level++, el = el.parent as Element | null) {
				if (!isElement(el)) break;
				if (!this.score.has(el)) {
					this.score.set(el, initial(el));
					candidates.push(el);
				}
				const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
				this.score.set(el, this.score.get(el)! + points / divider);
			}
		};
		const visit = (el: Element): void => {
			const scoredTag = el.name === 'p' || el.name === 'pre' || el.name === 'td' || el.name === 'section' || /^h[2-6]$/.test(el.name);
			const leaf = (this.stats.get(el)?.blocks ?? 0) === 0;
			if (scoredTag || (leaf && (el.name === 'div' || el.name === 'span' && el.parent && isElement(el.parent) && el.parent.name === 'body'))) {
				const stats = this.stats.get(el);
				if (stats) add(el.parent as Element | null, stats.chars, stats.commas);
				if (leaf) return;
			} else if (!leaf && el.name === 'div') {
				// Loose text beside blocks counts as a paragraph of this container.
				let chars = 0, commas = 0;
				for (const child of el.children) {
					if (child.type === 'text') { chars += collapse(child.data).length; commas += countCommas(child.data); }
					else if (isElement(child) && !BLOCK.has(child.name) && !this.skip.has(child)) {
						const s = this.stats.get(child);
						if (s) { chars += s.chars; commas += s.commas; }
					}
				}
				add(el, chars, commas);
			}
			for (const child of el.children) if (isElement(child) && !this.skip.has(child)) visit(child);
		};
		visit(this.body);
		return candidates;
	}

	linkDensity(el: Element): number {
		const s = this.stats.get(el);
		return s && s.chars ? s.linkChars / s.chars : 0;
	}

	/** The container of the article, and those of its siblings that belong with it. */
	pickArticle(): Element[] {
		const candidates = this.scoreBlocks();
		const final = new Map<Element, number>();
		for (const el of candidates) final.set(el, this.score.get(el)! * (1 - this.linkDensity(el)));
		const ranked = candidates.sort((a, b) => final.get(b)! - final.get(a)!);
		let top = ranked[0];
		if (!top || top === this.body) return [this.body];

		// Several good candidates under one ancestor: the article is that ancestor.
		const topScore = final.get(top)!;
		const alternatives = ranked.slice(1, 5).filter(el => final.get(el)! / topScore >= 0.75);
		if (alternatives.length >= 3) {
			let parent = top.parent as Element | null;
			while (parent && isElement(parent) && parent !== this.body) {
				const within = alternatives.filter(a => contains(parent!, a)).length;
				if (within >= 3) { top = parent; break; }
				parent = parent.parent as Element | null;
			}
		}
		if (!final.has(top)) final.set(top, (this.score.get(top) ?? 0) * (1 - this.linkDensity(top)));

		// A parent that scores better than its best child holds more of the article.
		let lastScore = final.get(top)!;
		let parent = top.parent as Element | null;
		const threshold = lastScore / 3;
		while (parent && isElement(parent) && parent !== this.body) {
			const s = final.get(parent);
			if (s === undefined) { parent = parent.parent as Element | null; continue; }
			if (s < threshold) break;
			if (s > lastScore) { top = parent; break; }
			lastScore = s;
			parent = parent.parent as Element | null;
		}
		// An only child stands for its parent.
		while (top.parent && isElement(top.parent) && top.parent !== this.body && elementChildren(top.parent, this.skip).length === 1) {
			top = top.parent;
		}

		const parentOfTop = top.parent;
		if (!parentOfTop || !isElement(parentOfTop)) return [top];
		const topFinal = final.get(top) ?? 0;
		const threshold2 = Math.max(10, topFinal * 0.2);
		const picked: Element[] = [];
		for (const sibling of elementChildren(parentOfTop, this.skip)) {
			if (sibling === top) { picked.push(sibling); continue; }
			let bonus = 0;
			if (sibling.attribs.class && sibling.attribs.class === top.attribs.class) bonus = topFinal * 0.2;
			const s = final.get(sibling);
			if (s !== undefined && s + bonus >= threshold2) { picked.push(sibling); continue; }
			// The lead photo beside the story's text keeps its caption with the story.
			if (sibling.name === 'figure' && (this.stats.get(sibling)?.chars ?? 0) < 500) { picked.push(sibling); continue; }
			if (sibling.name === 'p' || (sibling.name === 'div' && (this.stats.get(sibling)?.blocks ?? 0) === 0)) {
				const stats = this.stats.get(sibling);
				if (!stats) continue;
				const density = this.linkDensity(sibling);
				const text = stats.chars;
				if (text > 80 && density < 0.25) picked.push(sibling);
				else if (text > 0 && text <= 80 && density === 0 && /\.( |$)/.test(textOfUnskipped(sibling, this.skip))) picked.push(sibling);
			}
		}
		return picked;
	}

	/** Drops, inside the article, boxes that are mostly links, images or form fields (Readability's conditional cleaning). */
	clean(el: Element, inFigure: boolean, inList: boolean): void {
		for (const child of el.children) {
			if (!isElement(child) || this.skip.has(child)) continue;
			const name = child.name;
			this.clean(child, inFigure || name === 'figure', inList || name === 'ul' || name === 'ol');
			const marks = marksOf(child);
			const stats = this.stats.get(child);
			if (!stats) continue;
			if (NOT_TEXT.test(marks) && stats.chars < 500) { this.drop(child, el); continue; }
			if (HEADING.test(name) && this.flags.weighClasses && classWeight(child) < 0) { this.drop(child, el); continue; }
			if (!this.flags.cleanConditionally) continue;
			if (!['form', 'fieldset', 'table', 'ul', 'ol', 'div', 'section', 'dl'].includes(name)) continue;
			// A box of figures (case counts, scores, prices) is a widget beside the story, even as a data table.
			// So is a grid of many short cells (standings, tallies by district).
			if (stats.chars >= 100 && stats.p === 0 && stats.pre === 0 && stats.digits >= 0.3 * stats.letters) { this.drop(child, el); continue; }
			if (name === 'table' && stats.cells >= 30 && stats.chars / stats.cells < 40) { this.drop(child, el); continue; }
			if (name === 'table' && isDataTable(child)) continue;
			if (this.shouldDrop(child, stats, inFigure || name === 'figure', name === 'ul' || name === 'ol')) this.drop(child, el);
		}
	}

	drop(child: Element, parent: Element): void {
		this.skip.add(child);
		// Keep the counts of the containers above in step with what is left.
		const stats = this.stats.get(child)!;
		for (let p: Element | null = parent; p && isElement(p); p = p.parent as Element | null) {
			const s = this.stats.get(p);
			if (!s) continue;
			s.chars -= stats.chars; s.linkChars -= stats.linkChars; s.commas -= stats.commas; s.p -= stats.p + (child.name === 'p' ? 1 : 0);
			s.img -= stats.img; s.li -= stats.li + (child.name === 'li' ? 1 : 0); s.input -= stats.input; s.embed -= stats.embed;
			s.headingChars -= stats.headingChars; s.digits -= stats.digits; s.letters -= stats.letters;
			s.cells -= stats.cells + (child.name === 'td' || child.name === 'th' ? 1 : 0);
			s.blocks -= stats.blocks + (BLOCK.has(child.name) ? 1 : 0);
			s.pre -= stats.pre + (child.name === 'pre' ? 1 : 0);
		}
	}

	shouldDrop(el: Element, stats: Stats, inFigure: boolean, list: boolean): boolean {
		const weight = this.flags.weighClasses ? classWeight(el) : 0;
		if (weight + (this.score.get(el) ?? 0) < 0) return true;
		if (stats.commas >= 10) return false;
		const isList = list || (stats.chars > 0 && listChars(el, this.skip, this.stats) > 0.9 * stats.chars);
		const p = stats.p, img = stats.img, li = stats.li - 100, input = stats.input;
		const density = stats.chars ? stats.linkChars / stats.chars : 0;
		const headingDensity = stats.chars ? stats.headingChars / stats.chars : 0;
		let drop = false;
		if (!inFigure && img > 1 && p / img < 0.5) drop = true;
		else if (!isList && li > p) drop = true;
		else if (input > Math.floor(p / 3)) drop = true;
		else if (!isList && !inFigure && headingDensity < 0.9 && stats.chars < 25 && (img === 0 || img > 2) && density > 0) drop = true;
		else if (!isList && weight < 25 && density > 0.2) drop = true;
		else if (weight >= 25 && density > 0.5) drop = true;
		else if ((stats.embed === 1 && stats.chars < 75) || stats.embed > 1) drop = true;
		// A list that is nearly all links ("More on this story") is a box of links, not the story.
		else if (isList && density > 0.7 && stats.chars < 1000) drop = true;
		return drop;
	}
}

/** Adds a text node's characters (spaces collapsed), prose commas, digits and letters to the counts. */
function countText(text: string, total: Stats): void {
	let chars = 0, space = true;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 0xa0) {
			if (!space) chars++;
			space = true;
			continue;
		}
		space = false;
		chars++;
		if (code >= 48 && code <= 57) total.digits++;
		else if (code === 44) {
			if (!(isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)))) total.commas++;
		} else if (code === 0x060c || code === 0xff0c || code === 0x3001) total.commas++;
		else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0) total.letters++;
	}
	if (space && chars > 0) chars--;
	total.chars += chars;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Commas of prose: those grouping a number's digits ("28,25,140") say nothing about text. */
function countCommas(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === ',' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) n++;
		else if (ch === '\u060c' || ch === '\uff0c' || ch === '\u3001') n++;
	}
	return n;
}

function elementChildren(el: Element, skip: Set<Element>): Element[] {
	return el.children.filter((c): c is Element => isElement(c) && !skip.has(c));
}

function contains(ancestor: Element, node: Element): boolean {
	for (let p: AnyNode | null = node; p; p = p.parent) if (p === ancestor) return true;
	return false;
}

function textOfUnskipped(el: Element, skip: Set<Element>): string {
	const parts: string[] = [];
	const walk = (n: AnyNode): void => {
		if (n.type === 'text') parts.push(n.data);
		else if (isElement(n) && !skip.has(n)) for (const c of n.children) walk(c);
	};
	walk(el);
	return collapse(parts.join(''));
}

function listChars(el: Element, skip: Set<Element>, stats: Map<Element, Stats>): number {
	let n = 0;
	for (const child of el.children) {
		if (!isElement(child) || skip.has(child)) continue;
		if (child.name === 'ul' || child.name === 'ol') n += stats.get(child)?.chars ?? 0;
		else n += listChars(child, skip, stats);
	}
	return n;
}

/** A table of data (headers, a caption, a summary) rather than one laying out the page. */
function isDataTable(table: Element): boolean {
	if (table.attribs.role === 'presentation' || table.attribs.datatable === '0') return false;
	if (table.attribs.summary) return true;
	const search = (n: Element): boolean => n.children.some(c => isElement(c) && (['caption', 'th', 'thead', 'tfoot', 'colgroup', 'col'].includes(c.name) || (c.name !== 'table' && search(c))));
	return search(table);
}

/** The paragraphs of the chosen containers: blocks break paragraphs, <br><br> too, captions are marked. */
function paragraphsOf(roots: Element[], skip: Set<Element>, stats: Map<Element, Stats>): PageParagraph[] {
	const paragraphs: PageParagraph[] = [];
	let buffer: string[] = [];
	let bufferCaption = false;
	let brPending = false;
	let carry = '';
	const flush = (): void => {
		const text = collapse(carry + buffer.join(''));
		buffer = [];
		brPending = false;
		carry = '';
		if (!text) return;
		// A dateline set apart before the first paragraph ("<b>WASHINGTON:</b><p>…") opens that paragraph.
		if (text.length <= 40 && /[:\u2014\u2013-]$/.test(text) && !bufferCaption) { carry = `${text} `; return; }
		if (text.length <= 60 && AD_LABEL.test(text)) return;
		paragraphs.push(bufferCaption ? {text, boilerplate: 'caption'} : {text});
	};
	const walk = (node: AnyNode, caption: boolean): void => {
		if (node.type === 'text') {
			if (!node.data.trim()) {
				if (buffer.length) buffer.push(' ');
				return;
			}
			if (buffer.length && caption !== bufferCaption) flush();
			bufferCaption = caption;
			buffer.push(node.data);
			brPending = false;
			return;
		}
		if (!isElement(node) || skip.has(node)) return;
		const name = node.name;
		if (name === 'br') {
			// <br><br> ends a paragraph; so does one <br> after a full sentence of some length, as pages that
			// lay out paragraphs with single breaks have it. Other single breaks (an address, a poem) are spaces.
			if (brPending) flush();
			else if (endsParagraph(buffer)) flush();
			else { buffer.push(' '); brPending = true; }
			return;
		}
		const block = BLOCK.has(name);
		// A class naming a caption or credit marks a short box only: "article-body has-captions" is the story.
		const isCaption = caption || name === 'figcaption' || name === 'figure'
			|| (name !== 'body' && (stats.get(node)?.chars ?? 0) < 400 && CAPTION.test(marksOf(node)));
		if (block) flush();
		for (const child of node.children) walk(child, isCaption);
		if (block) flush();
		else if (name === 'td' || name === 'th') buffer.push(' ');
	};
	for (const root of roots) { walk(root, false); flush(); }
	if (carry) paragraphs.push({text: carry.trim()});
	return paragraphs;
}

function endsParagraph(buffer: string[]): boolean {
	let length = 0;
	for (const part of buffer) length += part.length;
	if (length < 120) return false;
	const tail = buffer.join('').trimEnd();
	return /[.!?\u2026]["'\u201d\u2019)]?$/.test(tail);
}

const textLength = (paragraphs: PageParagraph[]): number => paragraphs.reduce((n, p) => n + (p.boilerplate ? 0 : p.text.length), 0);

/** Reads the article and its metadata from a page's HTML. Broken markup is read as far as it goes. */
export function extractPage(html: string, options: {url?: string} = {}): ExtractedPage | {problem: string} {
	let document;
	try {
		document = parseDocument(html);
	} catch {
		return {problem: 'unreadable HTML'};
	}
	try {
		return readArticle(document, options.url ?? '');
	} catch {
		// Markup nested deeper than the walks can go (thousands of unclosed tags): its text, block by block.
		const paragraphs = plainParagraphs(document);
		if (textLength(paragraphs) === 0) return {problem: 'no article text'};
		const url = options.url ?? '';
		let source = '';
		try { source = url ? new URL(url).hostname.replace(/^www\d?\./, '') : ''; } catch { /* not an address */ }
		return {meta: {title: '', source, author: '', published: '', url}, paragraphs};
	}
}

function readArticle(document: ReturnType<typeof parseDocument>, url: string): ExtractedPage | {problem: string} {
	const {headlines, headerLines, articleBody, ...meta} = readPageMeta(document, url);
	// A fragment without <body> is read whole.
	const body = findBody(document.children) ?? ({type: 'tag', name: 'body', attribs: {}, children: document.children, parent: null} as unknown as Element);

	const tries: Flags[] = [
		{stripUnlikely: true, weighClasses: true, cleanConditionally: true},
		{stripUnlikely: false, weighClasses: true, cleanConditionally: true},
		{stripUnlikely: false, weighClasses: false, cleanConditionally: true},
		{stripUnlikely: false, weighClasses: false, cleanConditionally: false},
	];
	let best: PageParagraph[] = [];
	for (const flags of tries) {
		const attempt = new Attempt(body, flags);
		const stats = attempt.prepare(body, false);
		attempt.stats.set(body, stats);
		const picked = attempt.pickArticle();
		for (const el of picked) attempt.clean(el, false, false);
		const paragraphs = dropHeadline(paragraphsOf(picked, attempt.skip, attempt.stats), headlines);
		if (textLength(paragraphs) > textLength(best)) best = paragraphs;
		if (textLength(paragraphs) >= 500) break;
	}
	// Pages built by scripts may carry little of the story in their markup but all of it in JSON-LD.
	const stated = articleBody ? bodyParagraphs(articleBody) : [];
	if (textLength(stated) > 2 * textLength(best)) best = dropHeadline(stated, headlines);
	if (textLength(best) === 0) return {problem: 'no article text'};
	return {meta, paragraphs: [...openingLines(headerLines, best), ...withoutClosingCredits(best)]};
}

/**
 * The line that closes a wire story, "Reporting by …; Additional reporting by … in Washington; Editing by …",
 * is the agency's furniture, not the article: its names and places are nobody the story is about.
 */
const CREDIT = /^\(?(?:additional |further )?(?:reporting|writing|editing|compiled|produced|research|graphics)(?: and [a-z]+)? by (.+?)[.)]*$/i;
const CREDITED_NAMES = /^\p{Lu}[\p{L}'’.-]*(?:(?:\s+|,\s*|,?\s+and\s+|\s+in\s+)\p{Lu}[\p{L}'’.-]*)*$/u;

/** Every part of the paragraph is "… by" and names (with the places they worked in), nothing else. */
function isClosingCredits(text: string): boolean {
	return text.split(/\s*;\s*/).every(part => {
		const names = CREDIT.exec(part.trim())?.[1];
		return names !== undefined && CREDITED_NAMES.test(names.trim());
	});
}

function withoutClosingCredits(paragraphs: PageParagraph[]): PageParagraph[] {
	let end = paragraphs.length;
	// The credits stand after the story's last paragraph, sometimes before a caption or a correction note.
	for (let i = paragraphs.length - 1; i >= Math.max(0, paragraphs.length - 3); i--) {
		if (isClosingCredits(paragraphs[i]!.text.trim())) {
			end = i;
			break;
		}
	}
	return end === paragraphs.length ? paragraphs : [...paragraphs.slice(0, end), ...paragraphs.slice(end + 1)];
}

/** JSON-LD `articleBody`: plain text with line breaks between paragraphs, or HTML. */
function bodyParagraphs(body: string): PageParagraph[] {
	if (/<(p|div|br|h\d)\b/i.test(body)) return plainParagraphs(parseDocument(body));
	return body.split(/\s*\n\s*/).map(line => ({text: collapse(line.replace(/&(#?\w+);/g, (entity: string) => textOfEntity(entity)))})).filter(p => p.text);
}

function textOfEntity(entity: string): string {
	const document = parseDocument(entity);
	const first = document.children[0];
	return first && first.type === 'text' ? first.data : entity;
}

/** Paragraphs of all the text outside scripts and menus, read without recursion. */
function plainParagraphs(root: AnyNode): PageParagraph[] {
	const paragraphs: PageParagraph[] = [];
	let buffer = '';
	const flush = (): void => {
		const text = collapse(buffer);
		if (text) paragraphs.push({text});
		buffer = '';
	};
	const stack: Array<AnyNode | null> = [root];
	while (stack.length) {
		const node = stack.pop();
		if (node === null) { flush(); continue; }
		if (!node) continue;
		if (node.type === 'text') { buffer += node.data; continue; }
		if (node.type !== 'tag' && node.type !== 'root') continue;
		if (node.type === 'tag') {
			if (NEVER.has(node.name)) continue;
			if (node.name === 'br') { buffer += ' '; continue; }
			if (BLOCK.has(node.name)) { flush(); stack.push(null); }
		}
		for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
	}
	flush();
	return paragraphs;
}

function findBody(nodes: AnyNode[]): Element | undefined {
	for (const node of nodes) {
		if (!isElement(node)) continue;
		if (node.name === 'body') return node;
		const found = findBody(node.children);
		if (found) return found;
	}
	return undefined;
}

/** The dateline and byline printed with the headline, marked, unless the article already opens with them. */
function openingLines(lines: Array<{text: string; kind: BoilerplateKind}>, paragraphs: PageParagraph[]): PageParagraph[] {
	const opening = new Set(paragraphs.slice(0, 6).map(p => fold(p.text)));
	const seen = new Set<string>();
	const kept: PageParagraph[] = [];
	for (const {text, kind} of lines) {
		const key = fold(text);
		if (opening.has(key) || seen.has(key) || [...opening].some(p => p.includes(key))) continue;
		seen.add(key);
		kept.push({text, boilerplate: kind});
	}
	return kept;
}

/** The headline printed above the article is the title, not a paragraph. */
function dropHeadline(paragraphs: PageParagraph[], headlines: string[]): PageParagraph[] {
	const wanted = new Set(headlines.map(fold).filter(Boolean));
	const at = paragraphs.slice(0, 4).findIndex(p => wanted.has(fold(p.text)));
	return at < 0 ? paragraphs : [...paragraphs.slice(0, at), ...paragraphs.slice(at + 1)];
}
