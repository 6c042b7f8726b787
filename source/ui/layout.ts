import {fit, textWidth, truncate} from './text.js';
import type {Layout, LayoutMode, ListPosition, PaneBox, PaneId, Segment, Viewport} from './types.js';

export const PANES: readonly PaneId[] = ['stories', 'documents', 'article', 'search', 'entities', 'facts', 'timeline'];

export const PANE_TITLES: Record<PaneId, string> = {
	stories: 'Stories',
	documents: 'Documents',
	article: 'Article',
	search: 'Search',
	entities: 'Entities',
	facts: 'Facts',
	timeline: 'Timeline',
};

const SHORT_TITLES: Record<PaneId, string> = {
	stories: 'Stor',
	documents: 'Docs',
	article: 'Art',
	search: 'Find',
	entities: 'Ents',
	facts: 'Facts',
	timeline: 'Time',
};

/** "1 Stories": the pane's number key and its name, as its frame and the tab bar show it. */
export function paneTitle(pane: PaneId): string {
	return `${PANES.indexOf(pane) + 1} ${PANE_TITLES[pane]}`;
}

/** Below these sizes the dashboard shows one pane at a time. */
export const MIN_SPLIT = {columns: 80, rows: 20} as const;
/** From this width every pane is on screen at once. */
export const WIDE_COLUMNS = 120;

export function layoutMode({columns, rows}: Viewport): LayoutMode {
	if (columns < MIN_SPLIT.columns || rows < MIN_SPLIT.rows) return 'narrow';
	return columns >= WIDE_COLUMNS ? 'wide' : 'medium';
}

/** Split `total` into parts by weight, each at least `min` where room allows; the parts add up to `total`. */
export function split(total: number, weights: readonly number[], min = 0): number[] {
	const sum = weights.reduce((a, b) => a + b, 0) || 1;
	const parts = weights.map(w => Math.max(min, Math.floor((total * w) / sum)));
	let over = parts.reduce((a, b) => a + b, 0) - total;
	// Give back (or take) the rounding difference from the largest part.
	while (over !== 0) {
		const i = parts.indexOf(Math.max(...parts));
		const step = over > 0 ? Math.min(over, Math.max(0, parts[i]! - 1)) : over;
		if (step === 0) break;
		parts[i]! -= step;
		over -= step;
	}
	return parts;
}

/** Wide layout: the left column's panes and the right column's, each with the share of rows it gets unfocused. */
const WIDE_LEFT: ReadonlyArray<[PaneId, number]> = [
	['stories', 34],
	['documents', 22],
	['search', 22],
	['entities', 22],
];
const WIDE_RIGHT: ReadonlyArray<[PaneId, number]> = [
	['article', 56],
	['facts', 22],
	['timeline', 22],
];

/**
 * Where everything goes for a terminal of this size. Wide: Stories, Documents, Search and Entities
 * stacked on the left, Article over Facts over Timeline on the right; seven panes do not all fit at a
 * useful height, so the focused pane gets twice its share of its column, as lazygit's focused side
 * panel grows. Medium: a tab bar, the focused list over the Article (the Article alone when it has
 * focus). Narrow: a tab bar and the focused pane alone.
 */
export function dashboardLayout(viewport: Viewport, focus: PaneId, {progress = false} = {}): Layout {
	const width = Math.max(1, viewport.columns);
	const height = Math.max(1, viewport.rows - 1);
	const mode = layoutMode(viewport);
	const tabBar = mode !== 'wide';
	// The progress line goes first when rows are short: the status bar and one pane matter more.
	const showProgress = progress && height >= 6;
	const paneHeight = Math.max(0, height - 1 - (tabBar ? 1 : 0) - (showProgress ? 1 : 0));
	const box = (pane: PaneId, h: number): PaneBox => ({pane, width: 0, height: h});
	const stack = (panes: ReadonlyArray<[PaneId, number]>): PaneBox[] => {
		const heights = split(paneHeight, panes.map(([pane, weight]) => (pane === focus ? weight * 2 : weight)), 3);
		return panes.map(([pane], i) => box(pane, heights[i]!));
	};
	let columns: Layout['columns'];
	if (paneHeight < 3) {
		columns = [];
	} else if (mode === 'wide') {
		const [left, right] = split(width, [38, 62]);
		columns = [
			{width: left!, panes: stack(WIDE_LEFT)},
			{width: right!, panes: stack(WIDE_RIGHT)},
		];
	} else if (mode === 'medium' && focus !== 'article') {
		const [top, bottom] = split(paneHeight, [50, 50], 3);
		columns = [{width, panes: [box(focus, top!), box('article', bottom!)]}];
	} else {
		columns = [{width, panes: [box(focus, paneHeight)]}];
	}
	for (const column of columns) for (const pane of column.panes) pane.width = column.width;
	return {mode, width, height, tabBar, progress: showProgress, paneHeight, columns};
}

/** The box a pane gets, or the one it would get if focused (for panes off screen in a narrow layout). */
export function paneBox(layout: Layout, pane: PaneId, viewport: Viewport): PaneBox {
	for (const column of layout.columns) for (const box of column.panes) if (box.pane === pane) return box;
	const focused = dashboardLayout(viewport, pane, {progress: layout.progress});
	for (const column of focused.columns) for (const box of column.panes) if (box.pane === pane) return box;
	return {pane, width: layout.width, height: 3};
}

/** Rows and columns inside a pane's border: one title line on top, a border line below, one column each side. */
export function contentSize(box: PaneBox): {width: number; height: number} {
	return {width: Math.max(1, box.width - 2), height: Math.max(1, box.height - 2)};
}

/** Keep the cursor within the list and on screen, moving the window as little as possible. */
export function settleList({cursor, offset}: ListPosition, length: number, height: number): ListPosition {
	const rows = Math.max(1, height);
	const c = length === 0 ? 0 : Math.min(Math.max(0, cursor), length - 1);
	let o = Math.min(Math.max(0, offset), Math.max(0, length - rows));
	if (c < o) o = c;
	if (c >= o + rows) o = c - rows + 1;
	return {cursor: c, offset: Math.max(0, o)};
}

export interface ColumnSpec {
	/** Columns this one needs before any other gets more. */
	min: number;
	/** Share of the remaining width. */
	weight: number;
	/** Never wider than this. */
	max?: number;
}

/**
 * Widths of table columns for `total` columns of screen, a gap of one between them. Each column
 * gets its minimum first, then the rest by weight, up to its maximum; if even the minimums do not fit
 * they shrink in proportion. The widths and gaps add up to `total` exactly.
 */
export function columnWidths(specs: readonly ColumnSpec[], total: number): number[] {
	const available = Math.max(0, total - Math.max(0, specs.length - 1));
	const minimum = specs.reduce((sum, s) => sum + s.min, 0);
	if (available <= minimum) return split(available, specs.map(s => s.min));
	const widths = specs.map(s => s.min);
	let rest = available - minimum;
	// Hand out the rest by weight, again and again, as capped columns drop out.
	for (let round = 0; round < specs.length && rest > 0; round++) {
		const open = specs.map((s, i) => (s.max === undefined || widths[i]! < s.max ? i : -1)).filter(i => i >= 0);
		const weight = open.reduce((sum, i) => sum + specs[i]!.weight, 0);
		if (open.length === 0 || weight === 0) break;
		let given = 0;
		for (const i of open) {
			const room = specs[i]!.max === undefined ? Infinity : specs[i]!.max! - widths[i]!;
			const share = Math.min(room, Math.floor((rest * specs[i]!.weight) / weight));
			widths[i]! += share;
			given += share;
		}
		rest -= given;
		if (given === 0) {
			const i = open.reduce((best, j) => (specs[j]!.weight > specs[best]!.weight ? j : best), open[0]!);
			widths[i]! += rest;
			rest = 0;
		}
	}
	if (rest > 0) widths[widths.length - 1]! += rest;
	return widths;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
	return numberFormat.format(n);
}

export function plural(n: number, word: string, words = `${word}s`): string {
	return `${formatCount(n)} ${n === 1 ? word : words}`;
}

/** "4 s", "2 min 5 s", "1 h 3 min": as precise as a reader waiting needs. */
export function formatDuration(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	if (s < 60) return `${s} s`;
	if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
	return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
}

export interface ProgressFigures {
	done: number;
	total: number;
	elapsedMs: number;
}

/** "▕████░░░░▏ 12/40 documents · 8.1/s · 4 s left", fitted to `width`; the bar goes first when room is short. */
export function progressLine({done, total, elapsedMs}: ProgressFigures, width: number): string {
	if (total === 0) return truncate('Looking for documents…', width);
	const seconds = elapsedMs / 1000;
	const rate = seconds > 0 ? done / seconds : 0;
	const parts = [`${formatCount(done)}/${formatCount(total)} documents`];
	if (done > 0 && seconds > 0) {
		parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`);
		if (done < total) parts.push(`${formatDuration((total - done) / rate)} left`);
	}
	const figures = parts.join(' · ');
	const barWidth = Math.min(40, width - textWidth(figures) - 3);
	if (barWidth < 5) return truncate(figures, width);
	const filled = Math.round((barWidth * Math.min(done, total)) / total);
	return `▕${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}▏ ${figures}`;
}

export interface StatusFigures {
	documents: number;
	words: number;
	entities: number;
	facts: number;
	/** Title of the document in the Article pane. */
	current?: string;
	focus: PaneId;
	/** Replaces the current document while there is something to tell. */
	message?: string;
	problems: number;
	searching: boolean;
}

/**
 * The status bar: counts, current document, focused pane and the help hint, in `width` columns. When
 * room is short the counts abbreviate and the document title shortens first; "? help" always stays.
 */
export function statusLine(f: StatusFigures, width: number): Segment[] {
	const hint = '? help';
	const pane = f.searching ? 'Search (typing)' : PANE_TITLES[f.focus];
	const right = `${pane} │ ${hint}`;
	if (textWidth(right) >= width) return [{text: fit(hint, width), styles: ['status', 'key']}];
	const long = `${plural(f.documents, 'doc')} · ${plural(f.words, 'word')} · ${plural(f.entities, 'entity', 'entities')} · ${plural(f.facts, 'fact')}`;
	const short = `${formatCount(f.documents)}d ${formatCount(f.words)}w ${formatCount(f.entities)}e ${formatCount(f.facts)}f`;
	const problems = f.problems > 0 ? ` · ${plural(f.problems, 'problem')}` : '';
	const room = width - textWidth(right) - 3;
	let counts = long + problems;
	if (textWidth(counts) + 16 > room) counts = short + (f.problems > 0 ? ` ${f.problems}!` : '');
	counts = truncate(counts, Math.max(0, room));
	const middle = f.message ?? f.current ?? '';
	const middleRoom = room - textWidth(counts) - 3;
	const segments: Segment[] = [{text: counts, styles: ['status']}];
	if (middle && middleRoom >= 6) {
		segments.push({text: ' │ ', styles: ['status']});
		segments.push({text: fit(middle, middleRoom), styles: f.message ? ['status', 'warning'] : ['status']});
	} else {
		segments.push({text: ' '.repeat(Math.max(0, room - textWidth(counts))), styles: ['status']});
	}
	segments.push({text: ` │ ${pane} │ `, styles: ['status']});
	segments.push({text: hint, styles: ['status', 'key']});
	return segments;
}

/** The tab bar for layouts that do not show every pane: full titles, or short ones when narrow. */
export function tabBar(focus: PaneId, width: number): Segment[] {
	for (const titles of [PANE_TITLES, SHORT_TITLES]) {
		const labels = PANES.map((pane, i) => ` ${i + 1} ${titles[pane]} `);
		if (labels.reduce((sum, l) => sum + textWidth(l), 0) <= width) {
			const segments: Segment[] = PANES.map((pane, i) => ({text: labels[i]!, styles: [pane === focus ? 'activeTab' : 'tab']}));
			const used = labels.reduce((sum, l) => sum + textWidth(l), 0);
			if (width > used) segments.push({text: ' '.repeat(width - used)});
			return segments;
		}
	}
	// Too narrow for every label: the numbers, with the focused pane named.
	const label = PANES.map((pane, i) => (pane === focus ? `[${i + 1} ${SHORT_TITLES[pane]}]` : ` ${i + 1} `)).join('');
	return [{text: fit(label, width), styles: ['tab']}];
}

/** The top line of a pane's frame: "╭─ 1 Documents ─── 2/40 ─╮". */
export function paneTitleLine(title: string, info: string, width: number, corners: {left: string; right: string; line: string}): string {
	const inner = Math.max(0, width - 2);
	const head = truncate(`${corners.line} ${title} `, inner);
	const tail = info && textWidth(head) + textWidth(info) + 4 <= inner ? ` ${info} ${corners.line}` : '';
	const fill = Math.max(0, inner - textWidth(head) - textWidth(tail));
	return width < 2 ? corners.line.repeat(width) : corners.left + head + corners.line.repeat(fill) + tail + corners.right;
}
