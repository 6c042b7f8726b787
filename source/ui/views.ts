/**
 * What each pane shows, derived from the state by pure functions. Results are cached on the identity
 * of the analyses array (a new array per batch of arrivals), so moving a cursor never recomputes them.
 */
import {EntityMerge} from '../analysis/merge.js';
import type {DocumentAnalysis, EntityRow, Fact, FactKind, Mention} from '../analysis/types.js';
import type {Document, Span} from '../corpus/types.js';
import {inert} from '../output/inert.js';
import {fitSegments, wrapText} from './text.js';
import type {DocumentColumn, DocumentSort, EntityRef, FactColumn, FactSort, Segment} from './types.js';

function cachedOn<K extends object, R>(compute: (key: K) => R): (key: K) => R {
	const cache = new WeakMap<K, R>();
	return key => {
		if (!cache.has(key)) cache.set(key, compute(key));
		return cache.get(key)!;
	};
}

/**
 * Work over the documents that goes on from where it stood when the documents only grew (arrivals are
 * appended: each batch makes a new array that starts with the last one), and starts again otherwise.
 * `add` takes the new documents and their first index; `value` is the result so far.
 */
function growing<R>(start: () => {add: (added: DocumentAnalysis[], from: number) => void; value: () => R}): (analyses: DocumentAnalysis[]) => R {
	const results = new WeakMap<DocumentAnalysis[], R>();
	let last: {analyses: DocumentAnalysis[]; work: ReturnType<typeof start>} | undefined;
	return analyses => {
		const known = results.get(analyses);
		if (known !== undefined) return known;
		const before = last?.analyses;
		const grew = before !== undefined && analyses.length >= before.length && (before.length === 0 || analyses[before.length - 1] === before[before.length - 1]) && analyses[0] === before[0];
		if (!last || !grew) last = {analyses: [], work: start()};
		last.work.add(analyses.slice(last.analyses.length), last.analyses.length);
		last.analyses = analyses;
		const result = last.work.value();
		results.set(analyses, result);
		return result;
	};
}

/** The entities merged across documents (mergeEntities), merged a batch at a time as documents arrive. */
export const entityRows = growing(() => {
	const merge = new EntityMerge();
	return {add: added => merge.add(added), value: () => merge.rows()};
});

export const totals = growing(() => {
	const sums = {words: 0, facts: 0};
	return {
		add: (added: DocumentAnalysis[]) => {
			for (const analysis of added) {
				sums.words += analysis.stats.words;
				sums.facts += analysis.facts.length;
			}
		},
		value: () => ({...sums}),
	};
});

export const documentIndex = cachedOn((analyses: DocumentAnalysis[]) => new Map(analyses.map((a, i) => [a.document.path, i])));

export function entityRef(row: EntityRow): EntityRef {
	return {name: row.name, type: row.type, aliases: row.aliases};
}

/** One mention of an entity, in the document it was found in. */
export interface MentionRow {
	document: number;
	mention: Mention;
}

let lastMentions: {analyses: DocumentAnalysis[]; ref: EntityRef; rows: MentionRow[]} | undefined;

/** Every mention of the entity across documents, in document order: the names it was merged under. */
export function entityMentions(analyses: DocumentAnalysis[], ref: EntityRef): MentionRow[] {
	// Asked for on every key that moves through the list: worked out once per entity and set of documents.
	if (lastMentions && lastMentions.analyses === analyses && lastMentions.ref === ref) return lastMentions.rows;
	const rows = findMentions(analyses, ref);
	lastMentions = {analyses, ref, rows};
	return rows;
}

function findMentions(analyses: DocumentAnalysis[], ref: EntityRef): MentionRow[] {
	const names = new Set([ref.name, ...ref.aliases].map(n => n.toLowerCase()));
	const rows: MentionRow[] = [];
	analyses.forEach((analysis, document) => {
		for (const entity of analysis.entities) {
			if (entity.type !== ref.type) continue;
			if (![entity.name, ...entity.aliases].some(n => names.has(n.toLowerCase()))) continue;
			for (const mention of entity.mentions) rows.push({document, mention});
		}
	});
	return rows.sort((a, b) => a.document - b.document || a.mention.start - b.mention.start);
}

/** One fact with the document it came from and its position there (which `factRecords` row it is). */
export interface FactRow {
	document: number;
	index: number;
	fact: Fact;
}

/** Every fact, document by document. The rows are built once per document as documents arrive. */
export const allFacts = growing(() => {
	const rows: FactRow[] = [];
	return {
		add: (added: DocumentAnalysis[], from: number) => added.forEach((analysis, i) => analysis.facts.forEach((fact, index) => rows.push({document: from + i, index, fact}))),
		// The same array as it grows, not a copy of 600,000 rows per batch: what reads it keys on the documents.
		value: () => rows,
	};
});

export const FACT_KINDS: readonly FactKind[] = ['money', 'percent', 'quantity', 'year', 'date'];
export const FACT_COLUMNS: readonly FactColumn[] = ['document', 'kind', 'text', 'value', 'subject'];

const compact = new Intl.NumberFormat('en-US', {notation: 'compact', maximumSignificantDigits: 4});

/** The value as a reader scans it: grouped digits, with the unit where it says what the number is. */
export function factValue(fact: Fact): string {
	if (typeof fact.value === 'string') return fact.value;
	// Millions and up in short form ("20B"): the table is for scanning; the CSV keeps every digit.
	const number = Math.abs(fact.value) >= 1e6 ? compact.format(fact.value) : fact.value.toLocaleString('en-US', {maximumFractionDigits: 4});
	if (fact.kind === 'money') return `${fact.unit} ${number}`.trim();
	if (fact.kind === 'percent') return `${number}%`;
	if (fact.kind === 'year') return String(fact.value);
	return number;
}

function documentName(analyses: DocumentAnalysis[], index: number): string {
	const path = analyses[index]?.document.path ?? '';
	return path.slice(path.lastIndexOf('/') + 1);
}

function compareValues(a: Fact, b: Fact): number {
	const numeric = (f: Fact) => typeof f.value === 'number';
	if (numeric(a) !== numeric(b)) return numeric(a) ? -1 : 1;
	return numeric(a) ? (a.value as number) - (b.value as number) : String(a.value).localeCompare(String(b.value));
}

function compareBy(column: FactColumn | undefined, analyses: DocumentAnalysis[]): (a: FactRow, b: FactRow) => number {
	const inOrder = (a: FactRow, b: FactRow) => a.document - b.document || a.index - b.index;
	switch (column) {
		case undefined:
			return inOrder;
		case 'document':
			return (a, b) => documentName(analyses, a.document).localeCompare(documentName(analyses, b.document)) || inOrder(a, b);
		case 'kind':
			return (a, b) => FACT_KINDS.indexOf(a.fact.kind) - FACT_KINDS.indexOf(b.fact.kind) || inOrder(a, b);
		case 'text':
			return (a, b) => a.fact.text.localeCompare(b.fact.text) || inOrder(a, b);
		case 'value':
			return (a, b) => a.fact.kind.localeCompare(b.fact.kind) || compareValues(a.fact, b.fact) || inOrder(a, b);
		case 'subject':
			return (a, b) => a.fact.subject.localeCompare(b.fact.subject) || inOrder(a, b);
	}
}

/** The sentences that name the entity, by document: the sentence numbers in each. */
export function sentencesNaming(analyses: DocumentAnalysis[], ref: EntityRef): Map<number, Set<number>> {
	const naming = new Map<number, Set<number>>();
	for (const {document, mention} of entityMentions(analyses, ref)) {
		let sentences = naming.get(document);
		if (!sentences) naming.set(document, (sentences = new Set()));
		sentences.add(mention.sentence);
	}
	return naming;
}

export interface FactQuery {
	sort: FactSort;
	kind?: FactKind;
	entity?: EntityRef;
}

let lastFacts: {analyses: DocumentAnalysis[]; query: FactQuery; rows: FactRow[]} | undefined;

/** The rows of the Facts table: filtered by kind and entity, sorted by the chosen column. */
export function factRows(analyses: DocumentAnalysis[], query: FactQuery): FactRow[] {
	if (lastFacts && lastFacts.analyses === analyses && sameQuery(lastFacts.query, query)) return lastFacts.rows;
	let rows = allFacts(analyses);
	if (query.kind) rows = rows.filter(r => r.fact.kind === query.kind);
	if (query.entity) {
		const naming = sentencesNaming(analyses, query.entity);
		rows = rows.filter(r => naming.get(r.document)?.has(r.fact.sentence) === true);
	}
	const compare = compareBy(query.sort.column, analyses);
	rows = [...rows].sort(query.sort.descending ? (a, b) => compare(b, a) : compare);
	lastFacts = {analyses, query, rows};
	return rows;
}

function sameQuery(a: FactQuery, b: FactQuery): boolean {
	return a.sort.column === b.sort.column && a.sort.descending === b.sort.descending && a.kind === b.kind && a.entity === b.entity;
}

export function factCells(analyses: DocumentAnalysis[], row: FactRow): Record<FactColumn, string> {
	return {
		document: documentName(analyses, row.document),
		kind: row.fact.kind,
		text: row.fact.text,
		value: factValue(row.fact),
		subject: row.fact.subject,
	};
}

/** One line of the Article pane: a span of the document's text, or a blank line between paragraphs. */
export interface ArticleLine extends Span {
	/** The paragraph the line belongs to; -1 for the blank line after a paragraph. */
	paragraph: number;
}

const wrapped = new WeakMap<Document, Map<number, ArticleLine[]>>();

/** The document wrapped to `width`, paragraphs separated by a blank line. */
export function articleLines(document: Document, width: number): ArticleLine[] {
	let byWidth = wrapped.get(document);
	if (!byWidth) wrapped.set(document, (byWidth = new Map()));
	const cached = byWidth.get(width);
	if (cached) return cached;
	const lines: ArticleLine[] = [];
	document.paragraphs.forEach((paragraph, i) => {
		// Starts strictly increase: the blank line sits at the end of the paragraph before it.
		const previous = document.paragraphs[i - 1];
		if (previous) lines.push({start: previous.end, end: previous.end, paragraph: -1});
		for (const span of wrapText(paragraph.text, width)) {
			lines.push({start: paragraph.start + span.start, end: paragraph.start + span.end, paragraph: paragraph.index});
		}
	});
	if (lines.length === 0) lines.push({start: 0, end: 0, paragraph: -1});
	byWidth.set(width, lines);
	return lines;
}

/** The line an offset falls on: the last line starting at or before it (a blank line starts where its paragraph ends). */
export function lineAt(lines: readonly ArticleLine[], offset: number): number {
	let low = 0;
	let high = lines.length - 1;
	let found = 0;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if (lines[mid]!.start <= offset) {
			found = mid;
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	return found;
}

export const DOCUMENT_COLUMNS: readonly DocumentColumn[] = ['date', 'source', 'title'];

const collator = new Intl.Collator('en', {sensitivity: 'base', numeric: true});

let lastOrder: {analyses: DocumentAnalysis[]; column?: DocumentColumn; descending: boolean; order: number[]} | undefined;

/**
 * The rows of the Documents pane as indexes into `analyses`: the order they arrived in, or sorted by a
 * column. Documents with no date (or no source) go last whichever way the sort runs: an unknown is not
 * the earliest.
 */
export function documentOrder(analyses: DocumentAnalysis[], sort: DocumentSort): number[] {
	if (lastOrder && lastOrder.analyses === analyses && lastOrder.column === sort.column && lastOrder.descending === sort.descending) return lastOrder.order;
	const order = analyses.map((_, i) => i);
	const {column, descending} = sort;
	const direction = descending ? -1 : 1;
	if (!column) {
		if (descending) order.reverse();
	} else {
		// Keys once, not per comparison: 10,000 documents sort in a few milliseconds.
		const keys = analyses.map(({document}) => (column === 'date' ? document.published : column === 'source' ? document.source : document.title || document.path));
		const compare = column === 'date' ? (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) : collator.compare;
		order.sort((a, b) => {
			const ka = keys[a]!;
			const kb = keys[b]!;
			if (!ka !== !kb) return ka ? -1 : 1;
			return direction * compare(ka, kb) || a - b;
		});
	}
	lastOrder = {analyses, column, descending, order};
	return order;
}

/** "2022-09-08", or with the time when the date says it ("2022-09-08 14:30"); '' when unknown. */
export function publishedLabel(published: string): string {
	const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(published);
	if (!m) return inert(published);
	return m[2] && m[2] !== '00:00' ? `${m[1]} ${m[2]}` : m[1]!;
}

/**
 * The Article pane's header, above the text: the title, then source, author and date, then the address,
 * and a rule. Lines without anything to say are left out; short panes keep the title alone, or nothing,
 * so the text always has most of the rows.
 */
export function articleHeader(document: Document, width: number, height: number): Segment[][] {
	if (height < 6) return [];
	const title = inert(document.title || document.path);
	const byline = [inert(document.source), document.author ? `by ${inert(document.author)}` : '', publishedLabel(document.published)].filter(Boolean).join(' · ');
	const lines: Segment[][] = [fitSegments([{text: title, styles: ['title']}], width)];
	if (height >= 10) {
		if (byline) lines.push(fitSegments([{text: byline, styles: ['muted']}], width));
		if (document.url) lines.push(fitSegments([{text: inert(document.url), styles: ['muted']}], width));
	}
	lines.push([{text: '─'.repeat(width), styles: ['dim']}]);
	return lines;
}
