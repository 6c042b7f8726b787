/**
 * What the Stories and Timeline panes show, derived from the briefing by pure functions: rows, a
 * story's lines, dates as a reader scans them. Documents are named by path in the briefing and by
 * index in the dashboard; `documentIndex` turns one into the other.
 */
import type {Briefing, Comparison, Story, TimelineEntry} from '../analysis/stories/types.js';
import type {DocumentAnalysis} from '../analysis/types.js';
import {inert} from '../output/inert.js';
import {plural} from './layout.js';
import {fit, fitSegments, truncate, wrapText} from './text.js';
import type {ListPosition, Segment, Style} from './types.js';
import {documentIndex} from './views.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar day of an ISO date or date-time ("2022-09-08T10:00:00+02:00" → "2022-09-08"); '' when there is none. */
export function dayOf(iso: string): string {
	return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : '';
}

/** "8 Sep 2022", "Sep 2022" or "2022" for ISO dates at any precision; anything else as given. */
export function readableDate(iso: string): string {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
	if (!m) return iso;
	const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
	if (!month) return m[1]!;
	return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** A story's span of publication, as short as says it: "8 Sep 2022", "8–12 Sep 2022", "30 Sep–2 Oct 2022", "2021–2022". */
export function dateSpan(first: string, last: string): string {
	const a = dayOf(first);
	const b = dayOf(last);
	if (!a && !b) return first || last ? readableDate(first || last) : '';
	if (!a || !b || a === b) return readableDate(a || b);
	const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
	const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
	if (ya !== yb) return `${readableDate(a)}–${readableDate(b)}`;
	if (ma !== mb) return `${da} ${MONTHS[ma - 1]}–${db} ${MONTHS[mb - 1]} ${yb}`;
	return `${da}–${db} ${MONTHS[mb - 1]} ${yb}`;
}

function fileName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

/** Where a line of the briefing leads: a document, at a sentence when there is one. */
export interface Target {
	document: number;
	sentence?: number;
}

/** The outlet a document came from, else its file name: how the briefing names a document in little room. */
export function sourceName(analyses: DocumentAnalysis[], path: string): string {
	const index = documentIndex(analyses).get(path);
	const document = index === undefined ? undefined : analyses[index]?.document;
	return inert(document?.source || fileName(path));
}

const differing = new WeakMap<Briefing, Set<string>>();

/** Ids of the stories whose outlets disagree on a figure. */
export function storiesThatDiffer(briefing: Briefing): Set<string> {
	let ids = differing.get(briefing);
	if (!ids) differing.set(briefing, (ids = new Set(briefing.comparisons.filter(c => c.status === 'differ').map(c => c.story))));
	return ids;
}

/** A line of an open story: styled runs, and the item it belongs to when it can be selected. */
export interface StoryLine {
	segments: Segment[];
	item?: number;
}

/** An open story laid out for a width: its lines, and for each item its first and last line and where Enter leads. */
export interface StoryDetail {
	lines: StoryLine[];
	items: Array<{first: number; last: number; target: Target}>;
}

function comparisonValues(comparison: Comparison): string {
	const values = [...new Set(comparison.figures.map(f => inert(f.text)))];
	return values.join(comparison.status === 'differ' ? ' vs ' : ' · ');
}

const details = new WeakMap<Briefing, Map<string, StoryDetail>>();

/**
 * An open story, top to bottom: its summary (a sentence an item), its documents, its figures compared
 * (each comparison a heading with the values side by side, marked ≠ when the outlets differ and = when
 * they agree, then one line per figure with its source), and the dates its documents state.
 */
export function storyDetail(briefing: Briefing, story: Story, analyses: DocumentAnalysis[], width: number): StoryDetail {
	let cache = details.get(briefing);
	if (!cache) details.set(briefing, (cache = new Map()));
	const key = `${story.id} ${width} ${analyses.length}`;
	const cached = cache.get(key);
	if (cached) return cached;
	const index = documentIndex(analyses);
	const lines: StoryLine[] = [];
	const items: StoryDetail['items'] = [];
	const heading = (text: string, styles: Style[] = ['header']) => lines.push({segments: fitSegments([{text, styles}], width)});
	const item = (target: Target | undefined, rows: Segment[][]) => {
		if (!target) {
			for (const segments of rows) lines.push({segments: fitSegments(segments, width)});
			return;
		}
		const first = lines.length;
		for (const segments of rows) lines.push({segments: fitSegments(segments, width), item: items.length});
		items.push({first, last: lines.length - 1, target});
	};
	const target = (path: string, sentence?: number): Target | undefined => {
		const document = index.get(path);
		return document === undefined ? undefined : {document, sentence};
	};

	const facts = [
		plural(story.documents.length, 'document'),
		plural(story.sources, 'source'),
		dateSpan(story.firstPublished, story.lastPublished),
		story.entities.slice(0, 4).map(e => inert(e)).join(', '),
	].filter(Boolean);
	for (const span of wrapText(facts.join(' · '), width)) heading(facts.join(' · ').slice(span.start, span.end), ['muted']);

	if (story.summary.length > 0) {
		heading('Summary');
		for (const quote of story.summary) {
			const text = inert(quote.text);
			const spans = wrapText(text, Math.max(1, width - 2));
			item(
				target(quote.document, quote.sentence),
				spans.map((span, i) => [{text: i === 0 ? '• ' : '  '}, {text: text.slice(span.start, span.end)}]),
			);
		}
	}

	heading(`Documents (${story.documents.length})`);
	const dated = story.documents.some(path => dayOf(analyses[index.get(path) ?? -1]?.document.published ?? ''));
	const dateWidth = 11;
	const sourceWidth = Math.min(18, Math.max(6, Math.floor(width / 4)));
	for (const path of story.documents) {
		const document = analyses[index.get(path) ?? -1]?.document;
		const date = readableDate(dayOf(document?.published ?? ''));
		item(target(path), [
			[
				{text: dated ? `${fit(date, dateWidth)} ` : '', styles: ['muted']},
				{text: `${fit(truncate(sourceName(analyses, path), sourceWidth), sourceWidth)} `},
				{text: inert(document?.title || path)},
			],
		]);
	}

	const comparisons = briefing.comparisons.filter(c => c.story === story.id);
	if (comparisons.length > 0) {
		const differ = comparisons.filter(c => c.status === 'differ').length;
		heading(`Figures compared (${comparisons.length}${differ > 0 ? `, ${differ} differ` : ''})`);
		for (const comparison of comparisons) {
			const differs = comparison.status === 'differ';
			const mark = differs ? '≠ ' : '= ';
			const about = `${inert(comparison.subject || comparison.kind)}${comparison.subject ? ` (${comparison.kind})` : ''}`;
			// The values side by side after what they measure, wrapped rather than cut: they are the point.
			const text = `${mark}${about}: ${comparisonValues(comparison)}  ${differs ? 'differ' : 'agree'}`;
			for (const span of wrapText(text, width)) heading(text.slice(span.start, span.end), differs ? ['warning'] : ['header']);
			const valueWidth = Math.min(18, Math.max(8, ...comparison.figures.map(f => inert(f.text).length)));
			for (const figure of comparison.figures) {
				const period = figure.period ? ` · ${inert(figure.period)}` : '';
				item(target(figure.document, figure.sentence), [
					[
						{text: '    '},
						{text: `${fit(inert(figure.text), valueWidth)} `, styles: differs ? ['warning'] : []},
						{text: `${sourceName(analyses, figure.document)}${period}`, styles: ['muted']},
					],
				]);
			}
		}
	}

	const dates = timelineRows(briefing, analyses).filter(row => row.entry.story === story.id);
	if (dates.length > 0) {
		heading(`Dates (${dates.length})`);
		for (const row of dates) {
			const sentence = analyses[row.document]?.document.sentences[row.entry.sentence];
			item({document: row.document, sentence: row.entry.sentence}, [
				[
					{text: `${fit(readableDate(row.entry.date), dateWidth)} `, styles: ['header']},
					{text: `${inert(row.entry.text)}: `, styles: ['match']},
					{text: inert(sentence?.text ?? ''), styles: ['muted']},
				],
			]);
		}
	}
	const detail = {lines, items};
	cache.set(key, detail);
	return detail;
}

/** A timeline entry with its document found, and, on the first entry of each date, how many documents state that date. */
export interface TimelineRow {
	entry: TimelineEntry;
	document: number;
	/** Documents stating this date; only on the date's first row (the rest of the day leaves it out). */
	dayCount?: number;
}

const timelines = new WeakMap<Briefing, {analyses: DocumentAnalysis[]; rows: TimelineRow[]}>();

/** Every dated event in date order (a day before its month, a month before its year's later months), documents found. */
export function timelineRows(briefing: Briefing, analyses: DocumentAnalysis[]): TimelineRow[] {
	const cached = timelines.get(briefing);
	if (cached && cached.analyses === analyses) return cached.rows;
	const index = documentIndex(analyses);
	const rows: TimelineRow[] = briefing.timeline
		.map(entry => ({entry, document: index.get(entry.document) ?? -1}))
		.filter(row => row.document >= 0)
		.sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : 0) || a.document - b.document || a.entry.sentence - b.entry.sentence);
	const perDate = new Map<string, Set<number>>();
	for (const row of rows) {
		let documents = perDate.get(row.entry.date);
		if (!documents) perDate.set(row.entry.date, (documents = new Set()));
		documents.add(row.document);
	}
	rows.forEach((row, i) => {
		if (i === 0 || rows[i - 1]!.entry.date !== row.entry.date) row.dayCount = perDate.get(row.entry.date)!.size;
	});
	timelines.set(briefing, {analyses, rows});
	return rows;
}

/** "████ 4": a count drawn as a bar `width` cells at most, scaled to the largest count. */
export function countBar(count: number, max: number, width: number): string {
	const cells = max <= 0 ? 0 : Math.max(count > 0 ? 1 : 0, Math.round((count / max) * width));
	return `${'█'.repeat(cells)}${' '.repeat(Math.max(0, width - cells))} ${count}`;
}

/** The window over an open story's lines, moved as little as possible to show the cursor's item whole. */
export function settleStoryWindow(detail: {lines: unknown[]; items: Array<{first: number; last: number}>}, {cursor, offset}: ListPosition, rows: number): ListPosition {
	const maxOffset = Math.max(0, detail.lines.length - rows);
	const c = Math.min(Math.max(0, cursor), Math.max(0, detail.items.length - 1));
	let o = Math.min(Math.max(0, offset), maxOffset);
	const item = detail.items[c];
	if (item) {
		if (item.last >= o + rows) o = item.last - rows + 1;
		if (item.first < o) o = item.first;
		// The headings just above the first item show with it.
		if (c === 0 && item.first < rows) o = 0;
	}
	return {cursor: c, offset: Math.max(0, o)};
}
