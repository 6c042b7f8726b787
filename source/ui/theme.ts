import type {EntityType} from '../analysis/types.js';
import type {Style} from './types.js';

/** What Ink's <Text> takes for looks. */
export interface TextLook {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dimColor?: boolean;
	italic?: boolean;
	underline?: boolean;
	inverse?: boolean;
}

export interface BorderLook {
	corners: {left: string; right: string; line: string};
	style: 'round' | 'bold' | 'single';
	color?: string;
}

export interface Theme {
	name: 'colour' | 'plain';
	styles: Record<Style, TextLook>;
	border: {focused: BorderLook; normal: BorderLook};
}

const ROUND = {left: '╭', right: '╮', line: '─'};
const BOLD = {left: '┏', right: '┓', line: '━'};

export const colourTheme: Theme = {
	name: 'colour',
	styles: {
		person: {color: 'cyan'},
		place: {color: 'green'},
		organization: {color: 'magenta'},
		match: {color: 'yellow', bold: true},
		highlight: {backgroundColor: 'blue', color: 'whiteBright'},
		dim: {dimColor: true},
		title: {bold: true},
		selected: {inverse: true},
		header: {bold: true},
		muted: {dimColor: true},
		key: {color: 'yellow', bold: true},
		warning: {color: 'yellow'},
		bar: {color: 'green'},
		tab: {},
		activeTab: {inverse: true, bold: true},
		status: {},
	},
	border: {
		focused: {corners: BOLD, style: 'bold', color: 'cyan'},
		normal: {corners: ROUND, style: 'round', color: 'gray'},
	},
};

/**
 * For NO_COLOR: attributes only (bold, underline, italic, inverse, dim), which that convention allows.
 * Entity types still differ: people bold, places underlined, organizations in italics.
 */
export const plainTheme: Theme = {
	name: 'plain',
	styles: {
		person: {bold: true},
		place: {underline: true},
		organization: {italic: true},
		match: {bold: true, underline: true},
		highlight: {inverse: true},
		dim: {dimColor: true},
		title: {bold: true},
		selected: {inverse: true},
		header: {bold: true},
		muted: {dimColor: true},
		key: {bold: true},
		warning: {bold: true},
		bar: {},
		tab: {},
		activeTab: {inverse: true},
		status: {},
	},
	border: {
		focused: {corners: BOLD, style: 'bold'},
		normal: {corners: ROUND, style: 'round'},
	},
};

/** NO_COLOR (https://no-color.org): set and not empty means no colour. */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
	return env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '' ? plainTheme : colourTheme;
}

/** The look of a run of text with several styles: later styles win where they disagree. */
export function lookOf(theme: Theme, styles: readonly Style[] | undefined): TextLook {
	if (!styles || styles.length === 0) return {};
	return Object.assign({}, ...styles.map(s => theme.styles[s])) as TextLook;
}

export const ENTITY_STYLE: Record<EntityType, Style> = {person: 'person', place: 'place', organization: 'organization'};
