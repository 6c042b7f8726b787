import {Box} from 'ink';
import {memo} from 'react';
import {Frame} from '../components/frame.js';
import {TextLine} from '../components/text-line.js';
import {helpGeometry} from '../help.js';

/** Every key binding, from the keymap, in as many columns as the width allows; scrolled by `offset` when it does not fit. */
export const HelpPane = memo(function HelpPane({width, height, offset}: {width: number; height: number; offset: number}) {
	const {columnWidth, columns, rows, maxOffset} = helpGeometry(width, height);
	const top = Math.min(offset, maxOffset);
	return (
		<Frame title="Help · ? or Esc closes" info={maxOffset > 0 ? `j/k scroll ${top + 1}/${maxOffset + 1}` : ''} focused width={width} height={height}>
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
