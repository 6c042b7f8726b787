import {describe, expect, test} from 'vitest';
import {commandFor, helpEntries, KEYMAP, keyLabel, keyPresses, scopesFor, type InkKey} from '../../source/ui/keymap.js';
import {PANES} from '../../source/ui/layout.js';
import type {Command} from '../../source/ui/types.js';

const noKey: InkKey = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false};
const key = (fields: Partial<InkKey>): InkKey => ({...noKey, ...fields});

describe('the keymap', () => {
	test('no key means two things in one scope', () => {
		const seen = new Set<string>();
		for (const binding of KEYMAP) {
			for (const k of binding.keys) {
				const id = `${binding.scope} ${k}`;
				expect(seen.has(id), id).toBe(false);
				seen.add(id);
			}
		}
	});

	test('the keys the issue names do what it says, from every list pane', () => {
		const expected: Array<[string, Command]> = [
			['tab', 'nextPane'],
			['shift+tab', 'previousPane'],
			['1', 'focusStories'],
			['2', 'focusDocuments'],
			['3', 'focusArticle'],
			['4', 'focusSearch'],
			['5', 'focusEntities'],
			['6', 'focusFacts'],
			['7', 'focusTimeline'],
			['j', 'down'],
			['down', 'down'],
			['k', 'up'],
			['pageup', 'pageUp'],
			['pagedown', 'pageDown'],
			['space', 'pageDown'],
			['g', 'top'],
			['G', 'bottom'],
			['/', 'search'],
			['escape', 'back'],
			['return', 'open'],
			['?', 'help'],
			['q', 'quit'],
			['ctrl+c', 'interrupt'],
		];
		for (const focus of ['stories', 'documents', 'article', 'entities', 'facts', 'timeline'] as const) {
			for (const [name, command] of expected) expect(commandFor(name, {focus, help: false}), `${name} in ${focus}`).toBe(command);
		}
	});

	test('in the search box letters, digits and ? are text, not commands', () => {
		for (const name of ['q', 'j', 'k', 'g', 'G', '1', '5', '?', '/', 's', 'w', 'f', 'space']) {
			expect(commandFor(name, {focus: 'search', help: false}), name).toBeUndefined();
		}
		expect(commandFor('escape', {focus: 'search', help: false})).toBe('back');
		expect(commandFor('return', {focus: 'search', help: false})).toBe('open');
		expect(commandFor('ctrl+c', {focus: 'search', help: false})).toBe('interrupt');
		expect(commandFor('backspace', {focus: 'search', help: false})).toBe('erase');
	});

	test('Ctrl-C quits from every pane and from help', () => {
		for (const focus of PANES) {
			for (const help of [false, true]) expect(commandFor('ctrl+c', {focus, help})).toBe('interrupt');
		}
	});

	test('pane keys apply only in their pane: f filters facts by kind, or picks an entity\'s facts', () => {
		expect(commandFor('f', {focus: 'facts', help: false})).toBe('filterKind');
		expect(commandFor('f', {focus: 'entities', help: false})).toBe('entityFacts');
		expect(commandFor('f', {focus: 'documents', help: false})).toBeUndefined();
		expect(commandFor('w', {focus: 'facts', help: false})).toBe('exportCsv');
		expect(commandFor('w', {focus: 'article', help: false})).toBeUndefined();
	});

	test('s and S sort the Documents pane as they sort the Facts pane; Enter opens a story and a timeline date', () => {
		expect(commandFor('s', {focus: 'documents', help: false})).toBe('sort');
		expect(commandFor('S', {focus: 'documents', help: false})).toBe('reverseSort');
		expect(commandFor('s', {focus: 'stories', help: false})).toBeUndefined();
		for (const focus of ['stories', 'timeline'] as const) expect(commandFor('return', {focus, help: false})).toBe('open');
		expect(commandFor('escape', {focus: 'stories', help: false})).toBe('back');
	});

	test('with help open only help keys work', () => {
		expect(scopesFor({focus: 'facts', help: true})).toEqual(['help']);
		expect(commandFor('?', {focus: 'facts', help: true})).toBe('help');
		expect(commandFor('escape', {focus: 'facts', help: true})).toBe('help');
		expect(commandFor('tab', {focus: 'facts', help: true})).toBeUndefined();
	});

	test('help lists every binding, from the same table', () => {
		const entries = helpEntries();
		expect(entries).toHaveLength(KEYMAP.length);
		expect(entries.some(e => e.keys === 'Shift-Tab' && e.description === 'previous pane')).toBe(true);
		const custom = helpEntries([{command: 'quit', keys: ['x', 'ctrl+q'], scope: 'global', description: 'leave'}]);
		expect(custom).toEqual([{scope: 'global', keys: 'x Ctrl-Q', description: 'leave'}]);
		expect(commandFor('x', {focus: 'documents', help: false}, [{command: 'quit', keys: ['x'], scope: 'global', description: 'leave'}])).toBe('quit');
	});

	test('key labels read as on a keyboard', () => {
		expect(['return', 'escape', 'pagedown', 'shift+tab', 'ctrl+u', 'G'].map(keyLabel)).toEqual(['Enter', 'Esc', 'PgDn', 'Shift-Tab', 'Ctrl-U', 'G']);
	});
});

describe('keyPresses', () => {
	test('special keys by name', () => {
		expect(keyPresses('', key({upArrow: true}))).toEqual([{name: 'up'}]);
		expect(keyPresses('', key({tab: true, shift: true}))).toEqual([{name: 'shift+tab'}]);
		expect(keyPresses('', key({escape: true, meta: true}))).toEqual([{name: 'escape'}]);
		expect(keyPresses('\r', key({return: true}))).toEqual([{name: 'return'}]);
		// The Backspace key sends DEL, which Ink calls delete.
		expect(keyPresses('', key({delete: true}))).toEqual([{name: 'backspace'}]);
		expect(keyPresses('c', key({ctrl: true}))).toEqual([{name: 'ctrl+c'}]);
		expect(keyPresses(' ', noKey)).toEqual([{name: 'space', text: ' '}]);
		expect(keyPresses('G', key({shift: true}))).toEqual([{name: 'G', text: 'G'}]);
	});

	test('text arriving in one chunk is one press per character, control characters named', () => {
		expect(keyPresses('golden eagle\r', noKey).map(p => p.name)).toEqual([...'golden', 'space', ...'eagle', 'return']);
		expect(keyPresses('ab\x7f\x03', noKey).map(p => p.name)).toEqual(['a', 'b', 'backspace', 'ctrl+c']);
		expect(keyPresses('北京🎉', noKey).map(p => p.text)).toEqual(['北', '京', '🎉']);
	});
});
