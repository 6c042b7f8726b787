import type {Span} from '../../corpus/types.js';
import {fitSegments, markSegments, textWidth, windowAround, type Mark} from '../text.js';
import type {Segment, Style} from '../types.js';

/**
 * A sentence cut to `width` columns around its longest mark (a match, a mention), with "…" where it was
 * cut, and the marks styled. The text must already be inert.
 */
export function snippet(text: string, marks: readonly Mark[], width: number, rowStyle?: Style): Segment[] {
	// Centre on the longest mark: fuzzy matching also marks stray letters early in a sentence.
	const focus: Span = marks.reduce<Span | undefined>((best, m) => (!best || m.end - m.start > best.end - best.start ? m : best), undefined) ?? {start: 0, end: 0};
	const room = Math.max(1, width - 2);
	const window = textWidth(text) <= width ? {start: 0, end: text.length} : windowAround(text, focus, room);
	const segments: Segment[] = [];
	if (window.start > 0) segments.push({text: '…'});
	segments.push(...markSegments(text, window.start, window.end, marks));
	if (window.end < text.length) segments.push({text: '…'});
	const styled = rowStyle ? segments.map(s => ({...s, styles: [rowStyle, ...(s.styles ?? [])]})) : segments;
	const fitted = fitSegments(styled, width);
	return rowStyle ? fitted.map(s => (s.styles ? s : {...s, styles: [rowStyle]})) : fitted;
}
