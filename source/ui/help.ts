import {helpEntries, KEYMAP, SCOPE_TITLES, type Binding, type Scope} from './keymap.js';
import {fit, fitSegments, textWidth} from './text.js';
import type {Segment, Viewport} from './types.js';

/** The help screen in blocks of rows, one per scope: a heading, then its keys and what they do. Rows are `width` wide. */
export function helpBlocks(width: number, keymap: readonly Binding[] = KEYMAP): Segment[][][] {
	const entries = helpEntries(keymap);
	const keysWidth = Math.min(18, Math.max(...entries.map(e => textWidth(e.keys))));
	const blocks: Segment[][][] = [];
	let scope: Scope | undefined;
	for (const entry of entries) {
		if (entry.scope !== scope) {
			scope = entry.scope;
			blocks.push([fitSegments([{text: SCOPE_TITLES[scope], styles: ['header']}], width)]);
		}
		blocks.at(-1)!.push(fitSegments([{text: ` ${fit(entry.keys, keysWidth)} `, styles: ['key']}, {text: entry.description}], width));
	}
	return blocks;
}

/** Blocks into `count` columns, a block never split from its heading unless it is taller than a column. */
export function helpColumns(blocks: readonly Segment[][][], count: number, width: number): Segment[][][] {
	const blank = fitSegments([], width);
	const total = blocks.reduce((sum, b) => sum + b.length + 1, 0);
	const target = Math.ceil(total / count);
	const columns: Segment[][][] = [[]];
	for (const block of blocks) {
		let column = columns.at(-1)!;
		if (column.length > 0 && column.length + block.length > target && columns.length < count) columns.push((column = []));
		if (column.length > 0) column.push(blank);
		column.push(...block);
	}
	return columns;
}

/** How the help screen is laid out in a pane area: columns of rows, and how far it can scroll. */
export function helpGeometry(width: number, height: number): {columnWidth: number; columns: Segment[][][]; rows: number; maxOffset: number} {
	const inner = Math.max(1, width - 2);
	const rows = Math.max(1, height - 2);
	const count = Math.max(1, Math.min(3, Math.floor((inner + 2) / 38)));
	const columnWidth = Math.floor((inner - (count - 1) * 2) / count);
	const columns = helpColumns(helpBlocks(columnWidth), count, columnWidth);
	const tallest = Math.max(...columns.map(c => c.length));
	return {columnWidth, columns, rows, maxOffset: Math.max(0, tallest - rows)};
}

/** The scroll limit for the help screen at a terminal size (it fills the pane area). */
export function helpScrollLimit(viewport: Viewport, paneHeight: number): number {
	return helpGeometry(viewport.columns, paneHeight).maxOffset;
}
