import stringWidth from 'string-width';
import type {Span} from '../corpus/types.js';
import type {Segment, Style} from './types.js';

/** Printable ASCII is one column per character; everything else goes through grapheme segmentation. */
const ASCII = /^[\x20-\x7e]*$/;
const graphemeSegmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** One user-perceived character of a text: its UTF-16 offsets and the columns it takes. */
export interface Cell extends Span {
	width: number;
}

export function textWidth(text: string): number {
	return ASCII.test(text) ? text.length : stringWidth(text);
}

export function cells(text: string): Cell[] {
	const out: Cell[] = [];
	if (ASCII.test(text)) {
		for (let i = 0; i < text.length; i++) out.push({start: i, end: i + 1, width: 1});
		return out;
	}
	for (const {segment, index} of graphemeSegmenter.segment(text)) {
		out.push({start: index, end: index + segment.length, width: segment === '\n' ? 0 : stringWidth(segment)});
	}
	return out;
}

/** The text cut to at most `width` columns; a cut text ends in "…" so the reader knows there is more. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return text;
	let used = 0;
	let end = 0;
	for (const cell of cells(text)) {
		if (used + cell.width > width - 1) break;
		used += cell.width;
		end = cell.end;
	}
	return text.slice(0, end) + '…';
}

/** Exactly `width` columns: truncated, then padded, so table columns line up whatever the script. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, width);
	const pad = ' '.repeat(Math.max(0, width - textWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}

/**
 * Break a text into lines of at most `width` columns, at spaces where possible and inside a word only
 * when the word alone is wider than the line. Line breaks in the text are kept. Offsets index the text,
 * so marks on the text (mentions, matches) can be placed on the lines.
 */
export function wrapText(text: string, width: number): Span[] {
	const max = Math.max(1, width);
	const all = cells(text);
	const offset = (i: number) => (i < all.length ? all[i]!.start : text.length);
	const lines: Span[] = [];
	const push = (from: number, to: number) => {
		let end = offset(to);
		const start = offset(from);
		while (end > start && text[end - 1] === ' ') end--;
		lines.push({start, end});
	};
	let start = 0;
	let used = 0;
	let lastSpace = -1;
	let wrapped = false;
	for (let i = 0; i < all.length; i++) {
		const cell = all[i]!;
		const ch = text[cell.start];
		if (ch === '\n' && cell.end - cell.start === 1) {
			push(start, i);
			start = i + 1;
			used = 0;
			lastSpace = -1;
			wrapped = false;
			continue;
		}
		if (ch === ' ' && cell.end - cell.start === 1) {
			// A wrapped line does not start with the space it was broken at.
			if (i === start && wrapped) {
				start = i + 1;
				continue;
			}
			lastSpace = i;
			used += 1;
			continue;
		}
		if (used + cell.width > max && used > 0) {
			if (lastSpace > start) {
				push(start, lastSpace);
				start = lastSpace + 1;
				while (start < i && text[offset(start)] === ' ') start++;
				used = 0;
				for (let j = start; j < i; j++) used += all[j]!.width;
			} else {
				push(start, i);
				start = i;
				used = 0;
			}
			lastSpace = -1;
			wrapped = true;
		}
		used += cell.width;
	}
	push(start, all.length);
	return lines;
}

/** A mark over part of a text, with the style it asks for. Later marks win where they overlap. */
export interface Mark extends Span {
	style: Style;
}

/**
 * Cut `text[start, end)` into runs that share the same marks, each run carrying the styles of the
 * marks over it, in the order the marks were given.
 */
export function markSegments(text: string, start: number, end: number, marks: readonly Mark[]): Segment[] {
	const inside = marks.filter(m => m.end > start && m.start < end && m.end > m.start);
	if (inside.length === 0) return start < end ? [{text: text.slice(start, end)}] : [];
	const cuts = new Set<number>([start, end]);
	for (const m of inside) {
		cuts.add(Math.max(start, m.start));
		cuts.add(Math.min(end, m.end));
	}
	const points = [...cuts].sort((a, b) => a - b);
	const out: Segment[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const from = points[i]!;
		const to = points[i + 1]!;
		const styles = inside.filter(m => m.start <= from && m.end >= to).map(m => m.style);
		const last = out.at(-1);
		if (last && sameStyles(last.styles, styles)) last.text += text.slice(from, to);
		else out.push(styles.length > 0 ? {text: text.slice(from, to), styles} : {text: text.slice(from, to)});
	}
	return out;
}

function sameStyles(a: Style[] | undefined, b: Style[]): boolean {
	const left = a ?? [];
	return left.length === b.length && left.every((s, i) => s === b[i]);
}

/** Segments cut to `width` columns (ending in "…" when cut) and padded to exactly that width. */
export function fitSegments(segments: readonly Segment[], width: number): Segment[] {
	if (width <= 0) return [];
	const total = segments.reduce((sum, s) => sum + textWidth(s.text), 0);
	if (total <= width) {
		return total === width ? [...segments] : [...segments, {text: ' '.repeat(width - total)}];
	}
	const out: Segment[] = [];
	let room = width - 1;
	for (const segment of segments) {
		if (room <= 0) break;
		const w = textWidth(segment.text);
		if (w <= room) {
			out.push(segment);
			room -= w;
			continue;
		}
		let used = 0;
		let end = 0;
		for (const cell of cells(segment.text)) {
			if (used + cell.width > room) break;
			used += cell.width;
			end = cell.end;
		}
		if (end > 0) out.push({...segment, text: segment.text.slice(0, end)});
		room -= used;
		break;
	}
	const last = out.at(-1);
	out.push(last?.styles ? {text: '…', styles: last.styles} : {text: '…'});
	if (room > 0) out.push({text: ' '.repeat(room)});
	return out;
}

/**
 * A window of about `width` columns around `focus` within a text, so a mention deep inside a long
 * sentence is still on screen. Returns the span to show; the caller adds "…" where it cut.
 */
export function windowAround(text: string, focus: Span, width: number): Span {
	if (textWidth(text) <= width) return {start: 0, end: text.length};
	const all = cells(text);
	let first = all.findIndex(c => c.end > focus.start);
	if (first < 0) first = all.length - 1;
	let start = first;
	let end = first;
	let used = 0;
	const lead = Math.floor(width / 3);
	// Keep about a third of the line before the focus for context, the rest after it.
	while (start > 0 && used + all[start - 1]!.width <= lead) used += all[--start]!.width;
	while (end < all.length && used + all[end]!.width <= width) used += all[end++]!.width;
	while (start > 0 && used + all[start - 1]!.width <= width) used += all[--start]!.width;
	return {start: all[start]?.start ?? 0, end: end < all.length ? all[end]!.start : text.length};
}
