import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {paneTitleLine} from '../layout.js';
import {useTheme} from './text-line.js';

/**
 * A pane's border, with its title (and a little state, like a position) in the top line. Panes draw
 * exactly as many rows as fit, each cut to width, so nothing here clips: clipping makes Ink slice every
 * line of every frame, which costs more than the rest of drawing.
 */
export function Frame({title, info = '', focused, width, height, children}: {title: string; info?: string; focused: boolean; width: number; height: number; children: ReactNode}) {
	const theme = useTheme();
	const border = focused ? theme.border.focused : theme.border.normal;
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<Text color={border.color} bold={focused} wrap="truncate-end">
				{paneTitleLine(title, info, width, border.corners)}
			</Text>
			{/* Keyed by border style: Ink applies a changed borderStyle without borderTop={false}, drawing a top border into the content. */}
			<Box key={border.style} borderStyle={border.style} borderTop={false} borderColor={border.color} flexDirection="column" width={width} height={height - 1}>
				{children}
			</Box>
		</Box>
	);
}
