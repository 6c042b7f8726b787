import {Box} from 'ink';
import {memo} from 'react';
import {Frame} from '../components/frame.js';
import {TextLine} from '../components/text-line.js';
import {helpEntries, KEYMAP, SCOPE_TITLES, type Binding, type Scope} from '../keymap.js';
import {fit, fitSegments, textWidth} from '../text.js';
import type {Segment} from '../types.js';

/** The help screen's rows, each `width` wide: a heading per scope, then its keys and what they do. */
export function helpLines(width: number, keymap: readonly Binding[] = KEYMAP): Segment[][] {
	const entries = helpEntries(keymap);
	const keysWidth = Math.min(18, Math.max(...entries.map(e => textWidth(e.keys))));
	const lines: Segment[][] = [];
	let scope: Scope | undefined;
	for (const entry of entries) {
		if (entry.scope !== scope) {
			if (scope !== undefined) lines.push(fitSegments([], width));
			scope = entry.scope;
			lines.push(fitSegments([{text: SCOPE_TITLES[scope], styles: ['header']}], width));
		}
		lines.push(fitSegments([{text: `  ${fit(entry.keys, keysWidth)}  `, styles: ['key']}, {text: entry.description}], width));
	}
	return lines;
}

/** Every key binding, in as many columns as the width allows, scrolled by `offset` when it does not fit. */
export const HelpPane = memo(function HelpPane({width, height, offset}: {width: number; height: number; offset: number}) {
	const inner = Math.max(1, width - 2);
	const rows = Math.max(1, height - 2);
	const columnCount = Math.max(1, Math.min(3, Math.floor(inner / 46)));
	const columnWidth = Math.floor((inner - (columnCount - 1) * 2) / columnCount);
	const lines = helpLines(columnWidth);
	const perColumn = Math.max(rows, Math.ceil(lines.length / columnCount));
	const columns = Array.from({length: columnCount}, (_, i) => lines.slice(i * perColumn, (i + 1) * perColumn));
	const top = Math.min(offset, Math.max(0, perColumn - rows));
	return (
		<Frame title="Help · ? or Esc closes" info={perColumn > rows ? `j/k scroll ${top + 1}/${perColumn - rows + 1}` : ''} focused width={width} height={height}>
			<Box flexDirection="row">
				{columns.map((column, i) => (
					<Box key={i} flexDirection="column" width={columnWidth} marginLeft={i > 0 ? 2 : 0}>
						{column.slice(top, top + rows).map((segments, j) => (
							<TextLine key={j} segments={segments} />
						))}
					</Box>
				))}
			</Box>
		</Frame>
	);
});
