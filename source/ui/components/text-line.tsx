import {Text} from 'ink';
import {createContext, memo, useContext} from 'react';
import {colourTheme, lookOf, type Theme} from '../theme.js';
import type {Segment} from '../types.js';

export const ThemeContext = createContext<Theme>(colourTheme);

export function useTheme(): Theme {
	return useContext(ThemeContext);
}

/** One screen row of styled runs. Rows come cut to width already; Ink only ever truncates as a safeguard. */
export const TextLine = memo(function TextLine({segments}: {segments: readonly Segment[]}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			{segments.length === 0 ? ' ' : segments.map((segment, i) => (
				<Text key={i} {...lookOf(theme, segment.styles)}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
});
