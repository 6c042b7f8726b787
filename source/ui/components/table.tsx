import {Box} from 'ink';
import {memo} from 'react';
import {columnWidths, type ColumnSpec} from '../layout.js';
import {fit, truncate} from '../text.js';
import type {Segment, Style} from '../types.js';
import {TextLine} from './text-line.js';

export interface TableColumn extends ColumnSpec {
	title: string;
	align?: 'left' | 'right';
}

export interface TableCell {
	text: string;
	style?: Style;
}

/**
 * One table row as styled runs: each cell cut and padded to its column's width (measured in terminal
 * columns, so wide characters keep columns aligned), cells one space apart.
 */
export function tableRow(cells: readonly TableCell[], columns: readonly TableColumn[], widths: readonly number[], rowStyle?: Style): Segment[] {
	const segments: Segment[] = [];
	columns.forEach((column, i) => {
		const cell = cells[i] ?? {text: ''};
		const styles = [cell.style, rowStyle].filter((s): s is Style => s !== undefined);
		if (i > 0) segments.push(rowStyle ? {text: ' ', styles: [rowStyle]} : {text: ' '});
		const text = fit(cell.text, widths[i] ?? 0, column.align);
		segments.push(styles.length > 0 ? {text, styles} : {text});
	});
	return segments;
}

/** The header: column titles, the sorted one marked ▲ (ascending) or ▼ (descending). */
export function tableHeader(columns: readonly TableColumn[], widths: readonly number[], sort?: {column: number; descending: boolean}): Segment[] {
	// The sort marker always shows: the title gives way to it in a narrow column.
	const cells = columns.map((column, i) => ({text: sort?.column === i ? `${truncate(column.title, (widths[i] ?? 1) - 1)}${sort.descending ? '▼' : '▲'}` : column.title}));
	return tableRow(cells, columns, widths, 'header');
}

export interface TableProps {
	columns: readonly TableColumn[];
	width: number;
	/** Rows of the table shown below the header. */
	height: number;
	rowCount: number;
	/** Cells of one row: called only for rows on screen, so a long table costs what a screenful does. */
	cellsOf: (row: number) => TableCell[];
	cursor: number;
	offset: number;
	focused: boolean;
	sort?: {column: number; descending: boolean};
	empty?: string;
}

/** A table on Box and Text: a header, then the rows from `offset`, the cursor's row highlighted. */
export const Table = memo(function Table({columns, width, height, rowCount, cellsOf, cursor, offset, focused, sort, empty}: TableProps) {
	const widths = columnWidths(columns, width);
	const rows: Segment[][] = [];
	for (let row = offset; row < Math.min(rowCount, offset + height); row++) {
		const style: Style | undefined = row === cursor ? (focused ? 'selected' : 'title') : undefined;
		rows.push(tableRow(cellsOf(row), columns, widths, style));
	}
	return (
		<Box flexDirection="column">
			<TextLine segments={tableHeader(columns, widths, sort)} />
			{rowCount === 0 && empty ? <TextLine segments={[{text: fit(empty, width), styles: ['muted']}]} /> : null}
			{rows.map((segments, i) => (
				<TextLine key={i} segments={segments} />
			))}
		</Box>
	);
});
