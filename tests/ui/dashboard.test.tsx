import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import stringWidth from 'string-width';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {COLUMNS} from '../../source/output/records.js';
import {plainTheme, themeFor} from '../../source/ui/theme.js';
import {analysisOf, seedAnalyses, smallSet} from './fixtures.js';
import {KEYS, plain, renderDashboard} from './harness.js';

// Colour support is decided when chalk loads; a test stdout is no terminal, so ask for colour outright.
vi.hoisted(() => {
	process.env['FORCE_COLOR'] = '1';
});

const rendered: Array<{unmount: () => void}> = [];
function open(...args: Parameters<typeof renderDashboard>) {
	const app = renderDashboard(...args);
	rendered.push(app);
	return app;
}

afterEach(() => {
	for (const app of rendered.splice(0)) app.unmount();
});

/** Every row of the frame fits the terminal, and there is at least one row fewer than the terminal has. */
function expectFits(frame: string, columns: number, rows: number) {
	const lines = frame.split('\n');
	expect(lines.length).toBeLessThanOrEqual(rows - 1);
	for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
}

describe('panes', () => {
	test('at 120x35 every pane and the status bar are on screen', async () => {
		const app = open({analyses: smallSet()});
		const frame = await app.waitForFrame(f => f.includes('? help') && f.includes('6 Facts'));
		for (const title of ['1 Stories', '2 Documents', '3 Article', '4 Search', '5 Entities', '6 Facts', '7 Timeline']) expect(frame).toContain(title);
		expect(frame).toContain('2 docs');
		expect(frame).toContain('5 entities');
		expect(frame).toContain('5 facts');
		expect(frame).toContain('Harbour trade grows');
		expect(frame).toContain('Ferry line opens');
		expectFits(frame, 120, 35);
	});

	test('panes fill in as documents arrive, with a progress bar while the run goes on', async () => {
		const [first, second] = smallSet();
		const app = open({running: true});
		await app.waitForFrame(f => f.includes('Reading documents') && f.includes('Looking for documents'));
		app.store.dispatch({type: 'progress', done: 1, total: 2, now: 2000});
		app.store.dispatch({type: 'arrived', analyses: [first!]});
		let frame = await app.waitForFrame(f => f.includes('Harbour trade grows'));
		expect(frame).toContain('1/2 documents');
		expect(frame).not.toContain('Ferry line opens');
		app.store.dispatch({type: 'arrived', analyses: [second!]});
		app.store.dispatch({type: 'finished', now: 3000});
		frame = await app.waitForFrame(f => f.includes('Ferry line opens'));
		expect(frame).not.toContain('documents ·');
	});

	test('80x24 is usable: tab bar, the focused list over the article, status bar', async () => {
		const app = open({analyses: smallSet(), columns: 80, rows: 24});
		const frame = await app.waitForFrame(f => f.includes('1 Stories') && f.includes('? help'));
		expect(frame).toContain('3 Article');
		expect(frame.split('\n')[0]).toContain('7 Timeline');
		expectFits(frame, 80, 24);
		app.press('6');
		const facts = await app.waitForFrame(f => f.includes('$4.5 billion'));
		expectFits(facts, 80, 24);
	});

	test('a resize re-lays out; narrow terminals show one pane and a tab bar', async () => {
		const app = open({analyses: smallSet()});
		await app.waitForFrame(f => f.includes('6 Facts') && f.includes('5 Entities'));
		app.resize(60, 20);
		const frame = await app.waitForFrame(f => !f.includes('╭─ 3 Article'));
		expect(frame.split('\n')[0]).toMatch(/1 Stor.*7 Time/);
		expectFits(frame, 60, 20);
		app.resize(40, 10);
		expectFits(await app.waitForFrame(f => f.split('\n').length <= 9), 40, 10);
	});

	test('the article dims boilerplate and repeated paragraphs and colours entities by type', async () => {
		const app = open({analyses: smallSet()});
		await app.waitForFrame(f => f.includes('Read more: harbour news'));
		const raw = app.lastFrame()!;
		const dim = '\x1b[2m';
		const lineOf = (text: string) => raw.split('\n').find(l => plain(l).includes(text))!;
		expect(lineOf('Read more')).toContain(dim);
		const repeated = raw.split('\n').filter(l => plain(l).includes('Anna Berg said on Monday'));
		expect(repeated).toHaveLength(2);
		expect(repeated[0]).not.toContain(dim);
		expect(repeated[1]).toContain(dim);
		expect(repeated[0]).toMatch(/\x1b\[36mAnna Berg/);
		expect(repeated[0]).toMatch(/\x1b\[32mPort Vell/);
		expect(lineOf('The Harbour Board expects more')).toMatch(/\x1b\[35mHarbour Board/);
	});
});

describe('search', () => {
	test('/ then typing finds sentences; Enter opens the article at the Golden Eagle sentence', async () => {
		const app = open({analyses: seedAnalyses()});
		await app.waitForFrame(f => f.includes('? help'));
		app.press('/');
		await app.waitForFrame(f => f.includes('Search (typing)'));
		app.press('golden eagle');
		const results = await app.waitForFrame(f => /[1-9]\d* hits?/.test(f));
		expect(results).toMatch(/golden eagle/i);
		// The hit about the Order is the one to open, wherever the ranking puts it.
		const hits = app.store.getState().search.hits;
		const order = hits.findIndex(h => h.text.includes('Order of the Golden Eagle'));
		expect(order).toBeGreaterThanOrEqual(0);
		for (let i = 0; i < order; i++) app.press(KEYS.down);
		await app.waitForFrame(() => app.store.getState().search.list.cursor === order);
		app.press(KEYS.enter);
		const frame = await app.waitForFrame(f => f.includes('Order of the Golden Eagle') && !f.includes('Search (typing)'));
		expect(frame).toMatch(/Article │ \? help/);
		// The sentence is highlighted in the Article pane.
		const raw = app.lastFrame()!;
		expect(raw.split('\n').find(l => l.includes('Order of the Golden Eagle'))).toContain('\x1b[44m');
	});

	test('letters typed in the search box are text: q does not quit, ? does not open help', async () => {
		const app = open({analyses: smallSet()});
		await app.waitForFrame(f => f.includes('? help'));
		app.press('/', 'q', '?', 'j');
		const frame = await app.waitForFrame(f => f.includes('/ q?j'));
		expect(app.exits).toEqual([]);
		expect(frame).not.toContain('Help ·');
		app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, 'Mayor');
		await app.waitForFrame(f => f.includes('/ Mayor') && f.includes('1 hit'));
		app.press(KEYS.escape);
		await app.waitForFrame(f => f.includes('Stories │ ? help'));
	});
});

describe('entities and facts', () => {
	test('Enter on an entity lists its mentions in context; f filters the facts table to it', async () => {
		const app = open({analyses: smallSet()});
		await app.waitForFrame(f => f.includes('? help'));
		app.press('5', 'j', 'j', KEYS.enter);
		const mentions = await app.waitForFrame(f => f.includes('Port Vell (place): 3 mentions'));
		expect(mentions).toContain('ferry.txt');
		expect(mentions).toMatch(/trade\.txt +….*through Port Vell grew/);
		app.press('f');
		const facts = await app.waitForFrame(f => f.includes('naming Port Vell'));
		expect(facts).toMatch(/percent +12%/);
		expect(facts).toMatch(/year +2025/);
		expect(facts).not.toMatch(/money +\$4\.5 billion/);
		app.press(KEYS.escape);
		await app.waitForFrame(f => /money +\$4\.5 billion/.test(f) && !f.includes('naming Port Vell'));
	});

	test('facts sort by a column with a marker, filter by kind, and Enter jumps to the sentence', async () => {
		const app = open({analyses: smallSet()});
		await app.waitForFrame(f => f.includes('? help'));
		app.press('6', 's', 's', 's', 's');
		await app.waitForFrame(f => f.includes('Value▲'));
		app.press('S');
		await app.waitForFrame(f => f.includes('Value▼'));
		app.press('f');
		const money = await app.waitForFrame(f => f.includes('kind money'));
		expect(money).toContain('USD 4.5B');
		expect(money).not.toContain('passengers');
		app.press(KEYS.enter);
		const article = await app.waitForFrame(f => f.includes('Article │ ? help'));
		expect(article).toContain('Trade reached $4.5 billion in 2023');
	});

	test('w writes the rows shown to a new CSV in the facts format, never over an existing file', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'briefing-export-'));
		try {
			const now = () => new Date(2024, 4, 6, 7, 8, 9);
			writeFileSync(join(directory, 'briefing-facts-20240506-070809.csv'), 'keep me\n');
			const app = open({analyses: smallSet(), exportDirectory: directory, now});
			await app.waitForFrame(f => f.includes('? help'));
			app.press('6', 'f', 'f', 'f', 'f');
			await app.waitForFrame(f => f.includes('kind year'));
			app.press('w');
			await app.waitForFrame(f => f.includes('Wrote 2 rows to briefing-facts-20240506-070809-1.csv'));
			app.press('w');
			await app.waitForFrame(f => f.includes('-2.csv'));
			expect(readFileSync(join(directory, 'briefing-facts-20240506-070809.csv'), 'utf8')).toBe('keep me\n');
			const rows = parse(readFileSync(join(directory, 'briefing-facts-20240506-070809-1.csv'), 'utf8'), {columns: true}) as Array<Record<string, string>>;
			expect(Object.keys(rows[0]!)).toEqual([...COLUMNS.facts]);
			expect(rows.map(r => [r.document, r.kind, r.text, r.value])).toEqual([
				['news/trade.txt', 'year', '2023', '2023'],
				['news/ferry.txt', 'year', '2025', '2025'],
			]);
			expect(readdirSync(directory).filter(name => name.endsWith('.tmp'))).toEqual([]);
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});
});

describe('help and quitting', () => {
	test('? shows every binding from the keymap and toggles off again', async () => {
		const app = open({analyses: smallSet()});
		await app.waitForFrame(f => f.includes('? help'));
		app.press('?');
		const help = await app.waitForFrame(f => f.includes('Help ·'));
		for (const text of ['Shift-Tab', 'previous pane', 'PgDn Space', 'write rows to a new CSV', 'filter by kind']) expect(help).toContain(text);
		app.press('?');
		await app.waitForFrame(f => !f.includes('Help ·') && f.includes('1 Stories'));
	});

	test('q quits with status 0, Ctrl-C with 130', async () => {
		const quit = open({analyses: smallSet()});
		await quit.waitForFrame(f => f.includes('? help'));
		quit.press('q');
		expect(quit.exits).toEqual([0]);
		const interrupted = open({analyses: smallSet()});
		await interrupted.waitForFrame(f => f.includes('? help'));
		interrupted.press('/', 'abc', KEYS.ctrlC);
		expect(interrupted.exits).toEqual([130]);
	});
});

describe('terminal safety', () => {
	test('escape sequences and control characters in a document reach the screen only as inert placeholders', async () => {
		const hostile = analysisOf(
			'evil.txt',
			[
				'Clear \x1b[2J the screen\x1b[31m red',
				'',
				'Set the title \x1b]0;pwned\x07 here and a link \x1b]8;;https://example.com\x1b\\click\x1b]8;;\x1b\\ there.',
				'',
				'C1 controls \x9b2J and \x9d0;title\x9c, bidi \u202eevil\u202c and \u2066isolate\u2069 end.',
			].join('\n'),
			{entities: [{name: 'Clear', type: 'person'}]},
		);
		const app = open({analyses: [hostile]});
		await app.waitForFrame(f => f.includes('end.'));
		app.press('/', 'title');
		await app.waitForFrame(f => /[1-9] hits?/.test(f));
		app.press(KEYS.escape);
		await app.waitForFrame(f => f.includes('Stories │ ? help'));
		app.press('5', KEYS.enter);
		await app.waitForFrame(f => f.includes('Clear (person): 1 mention'));
		for (const frame of app.frames) {
			const drawn = frame.replace(/\x1b\[[0-9;]*m/g, '');
			expect(drawn).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
			expect(drawn).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
		}
		const frame = app.frame();
		expect(frame).toContain('␛[2J');
		expect(frame).toContain('␛]0;pwned');
	});

	test('NO_COLOR draws with attributes only, never a colour', async () => {
		expect(themeFor({NO_COLOR: '1'})).toBe(plainTheme);
		expect(themeFor({NO_COLOR: ''})).not.toBe(plainTheme);
		const app = open({analyses: smallSet(), theme: plainTheme});
		await app.waitForFrame(f => f.includes('Harbour trade grows'));
		app.press('/', 'Mayor');
		await app.waitForFrame(f => f.includes('1 hit'));
		app.press(KEYS.enter);
		await app.waitForFrame(f => f.includes('Article │ ? help'));
		const colours = /\x1b\[(3[0-79]|4[0-79]|9[0-7]|10[0-7]|[34]8;[0-9;]+)m/;
		for (const frame of app.frames) expect(frame).not.toMatch(colours);
	});
});
