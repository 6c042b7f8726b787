import type {Command, PaneId} from './types.js';

/**
 * Where a binding applies. `search` is the search box while typing: there, only these keys are
 * commands and everything else is text. `help` is the help screen. Pane scopes come before `global`.
 */
export type Scope = 'global' | 'search' | 'help' | 'stories' | 'documents' | 'facts' | 'entities' | 'timeline';

export interface Binding {
	command: Command;
	keys: string[];
	scope: Scope;
	description: string;
}

/**
 * Every key binding. The input hook looks keys up here and the help screen is drawn from it, so the
 * two cannot disagree. Key names: a printable character as itself ("j", "G", "?"), or one of
 * tab, shift+tab, return, escape, space, backspace, up, down, pageup, pagedown, home, end, ctrl+<letter>.
 */
export const KEYMAP: readonly Binding[] = [
	{command: 'nextPane', keys: ['tab'], scope: 'global', description: 'next pane'},
	{command: 'previousPane', keys: ['shift+tab'], scope: 'global', description: 'previous pane'},
	{command: 'focusStories', keys: ['1'], scope: 'global', description: 'Stories pane'},
	{command: 'focusDocuments', keys: ['2'], scope: 'global', description: 'Documents pane'},
	{command: 'focusArticle', keys: ['3'], scope: 'global', description: 'Article pane'},
	{command: 'focusSearch', keys: ['4'], scope: 'global', description: 'Search pane'},
	{command: 'focusEntities', keys: ['5'], scope: 'global', description: 'Entities pane'},
	{command: 'focusFacts', keys: ['6'], scope: 'global', description: 'Facts pane'},
	{command: 'focusTimeline', keys: ['7'], scope: 'global', description: 'Timeline pane'},
	{command: 'search', keys: ['/'], scope: 'global', description: 'search from anywhere'},
	{command: 'down', keys: ['j', 'down'], scope: 'global', description: 'move down'},
	{command: 'up', keys: ['k', 'up'], scope: 'global', description: 'move up'},
	{command: 'pageDown', keys: ['pagedown', 'space'], scope: 'global', description: 'page down'},
	{command: 'pageUp', keys: ['pageup'], scope: 'global', description: 'page up'},
	{command: 'top', keys: ['g', 'home'], scope: 'global', description: 'top'},
	{command: 'bottom', keys: ['G', 'end'], scope: 'global', description: 'bottom'},
	{command: 'open', keys: ['return'], scope: 'global', description: 'open the selected row'},
	{command: 'back', keys: ['escape'], scope: 'global', description: 'back out; clear a filter'},
	{command: 'help', keys: ['?'], scope: 'global', description: 'show or hide this help'},
	{command: 'quit', keys: ['q'], scope: 'global', description: 'quit'},
	{command: 'interrupt', keys: ['ctrl+c'], scope: 'global', description: 'quit at once (status 130)'},

	{command: 'open', keys: ['return'], scope: 'stories', description: 'open the story or line'},
	{command: 'back', keys: ['escape'], scope: 'stories', description: 'back to the stories'},

	{command: 'sort', keys: ['s'], scope: 'documents', description: 'sort: date/source/title'},
	{command: 'reverseSort', keys: ['S'], scope: 'documents', description: 'reverse the sort'},

	{command: 'entityFacts', keys: ['f'], scope: 'entities', description: 'facts naming this entity'},

	{command: 'sort', keys: ['s'], scope: 'facts', description: 'sort by the next column'},
	{command: 'reverseSort', keys: ['S'], scope: 'facts', description: 'reverse the sort'},
	{command: 'filterKind', keys: ['f'], scope: 'facts', description: 'filter by kind (cycles)'},
	{command: 'exportCsv', keys: ['w'], scope: 'facts', description: 'write rows to a new CSV'},

	{command: 'open', keys: ['return'], scope: 'timeline', description: 'open the date\'s sentence'},

	{command: 'back', keys: ['escape'], scope: 'search', description: 'leave the search box'},
	{command: 'open', keys: ['return'], scope: 'search', description: 'open the hit in Article'},
	{command: 'down', keys: ['down', 'ctrl+n'], scope: 'search', description: 'next hit'},
	{command: 'up', keys: ['up', 'ctrl+p'], scope: 'search', description: 'previous hit'},
	{command: 'pageDown', keys: ['pagedown'], scope: 'search', description: 'page down'},
	{command: 'pageUp', keys: ['pageup'], scope: 'search', description: 'page up'},
	{command: 'erase', keys: ['backspace'], scope: 'search', description: 'delete a character'},
	{command: 'clearQuery', keys: ['ctrl+u'], scope: 'search', description: 'clear the query'},
	{command: 'nextPane', keys: ['tab'], scope: 'search', description: 'next pane'},
	{command: 'previousPane', keys: ['shift+tab'], scope: 'search', description: 'previous pane'},
	{command: 'interrupt', keys: ['ctrl+c'], scope: 'search', description: 'quit at once (status 130)'},

	{command: 'help', keys: ['?', 'escape'], scope: 'help', description: 'close help'},
	{command: 'down', keys: ['j', 'down'], scope: 'help', description: 'scroll down'},
	{command: 'up', keys: ['k', 'up'], scope: 'help', description: 'scroll up'},
	{command: 'quit', keys: ['q'], scope: 'help', description: 'quit'},
	{command: 'interrupt', keys: ['ctrl+c'], scope: 'help', description: 'quit at once (status 130)'},
];

export const SCOPE_TITLES: Record<Scope, string> = {
	global: 'Everywhere',
	stories: 'Stories pane',
	documents: 'Documents pane',
	entities: 'Entities pane',
	facts: 'Facts pane',
	timeline: 'Timeline pane',
	search: 'In the search box (other keys type)',
	help: 'On this help screen',
};

/** What the input hook needs to know to pick a binding. */
export interface KeyContext {
	focus: PaneId;
	help: boolean;
}

/** The scopes consulted for a key, most specific first. */
export function scopesFor({focus, help}: KeyContext): Scope[] {
	if (help) return ['help'];
	if (focus === 'search') return ['search'];
	if (focus === 'article') return ['global'];
	return [focus, 'global'];
}

export function commandFor(key: string, context: KeyContext, keymap: readonly Binding[] = KEYMAP): Command | undefined {
	for (const scope of scopesFor(context)) {
		const binding = keymap.find(b => b.scope === scope && b.keys.includes(key));
		if (binding) return binding.command;
	}
	return undefined;
}

/** One key press: its name for the keymap, and the text it types when it is printable. */
export interface KeyPress {
	name: string;
	text?: string;
}

/** The fields of Ink's `Key` that name a key. */
export interface InkKey {
	upArrow: boolean;
	downArrow: boolean;
	leftArrow: boolean;
	rightArrow: boolean;
	pageDown: boolean;
	pageUp: boolean;
	home?: boolean;
	end?: boolean;
	return: boolean;
	escape: boolean;
	ctrl: boolean;
	shift: boolean;
	tab: boolean;
	backspace: boolean;
	delete: boolean;
	meta: boolean;
}

const CONTROL_NAMES: Record<string, string> = {'\r': 'return', '\n': 'return', '\t': 'tab', '\x7f': 'backspace', '\b': 'backspace', '\x1b': 'escape', ' ': 'space'};

function pressOfCharacter(ch: string): KeyPress {
	const named = CONTROL_NAMES[ch];
	if (named) return ch === ' ' ? {name: named, text: ch} : {name: named};
	const code = ch.codePointAt(0)!;
	if (code < 0x20) return {name: `ctrl+${String.fromCharCode(code + 96)}`};
	return {name: ch, text: ch};
}

/**
 * Key presses from what Ink hands a `useInput` handler. Ink passes text that arrives in one chunk
 * (a paste, or keys typed faster than they are read) as a single string; it is split back into one
 * press per character so that "q" inside a pasted query is text, and "\r" after it still opens.
 */
export function keyPresses(input: string, key: InkKey): KeyPress[] {
	if (key.upArrow) return [{name: 'up'}];
	if (key.downArrow) return [{name: 'down'}];
	if (key.leftArrow) return [{name: 'left'}];
	if (key.rightArrow) return [{name: 'right'}];
	if (key.pageUp) return [{name: 'pageup'}];
	if (key.pageDown) return [{name: 'pagedown'}];
	if (key.home) return [{name: 'home'}];
	if (key.end) return [{name: 'end'}];
	if (key.tab) return [{name: key.shift ? 'shift+tab' : 'tab'}];
	if (key.return) return [{name: 'return'}];
	// Ink reports the Backspace key (DEL, 0x7f) as `delete`; both erase backwards in a one-line box.
	if (key.backspace || key.delete) return [{name: 'backspace'}];
	if (key.escape && input === '') return [{name: 'escape'}];
	if (key.ctrl && input.length === 1) return [{name: `ctrl+${input.toLowerCase()}`}];
	if (input === '') return [];
	return Array.from(input, pressOfCharacter);
}

/** How a key name reads on the help screen. */
export function keyLabel(key: string): string {
	const labels: Record<string, string> = {
		tab: 'Tab',
		'shift+tab': 'Shift-Tab',
		return: 'Enter',
		escape: 'Esc',
		space: 'Space',
		backspace: 'Backspace',
		up: '↑',
		down: '↓',
		pageup: 'PgUp',
		pagedown: 'PgDn',
		home: 'Home',
		end: 'End',
	};
	if (labels[key]) return labels[key]!;
	if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5).toUpperCase()}`;
	return key;
}

/** The help screen's lines, grouped by scope, straight from the keymap. */
export function helpEntries(keymap: readonly Binding[] = KEYMAP): Array<{scope: Scope; keys: string; description: string}> {
	const order: Scope[] = ['global', 'stories', 'documents', 'entities', 'facts', 'timeline', 'search', 'help'];
	return order.flatMap(scope =>
		keymap.filter(b => b.scope === scope).map(b => ({scope, keys: b.keys.map(keyLabel).join(' '), description: b.description})),
	);
}
