/** The briefing in the dashboard: Stories, an open story, the Timeline, and the documents' metadata, on a briefing written by hand. */
import stringWidth from 'string-width';
import {afterEach, describe, expect, test, vi} from 'vitest';
import type {DocumentAnalysis} from '../../source/analysis/types.js';
import {newsBriefing, newsSet, smallSet} from './fixtures.js';
import {KEYS, plain, renderDashboard, type RenderOptions} from './harness.js';

vi.hoisted(() => {
	process.env['FORCE_COLOR'] = '1';
});

const rendered: Array<{unmount: () => void}> = [];
function open(options: RenderOptions = {}) {
	const app = renderDashboard({analyses: newsSet(), brief: newsBriefing, ...options});
	rendered.push(app);
	return app;
}

afterEach(() => {
	for (const app of rendered.splice(0)) app.unmount();
});

/** The screen line holding `text`; throws when there is none. */
function lineWith(frame: string, text: string): string {
	const line = frame.split('\n').find(l => l.includes(text));
	if (line === undefined) throw new Error(`no line has "${text}" in:\n${frame}`);
	return line;
}

/** The row a text is on, counting from the top of the frame. */
function rowOf(frame: string, text: string): number {
	return frame.split('\n').findIndex(l => l.includes(text));
}

describe('Stories', () => {
	test('the dashboard opens on the Stories pane: stories largest first, with sources, dates and a ≠ where outlets differ', async () => {
		const app = open();
		const frame = await app.waitForFrame(f => f.includes('≠ Dock workers strike') && f.includes('Stories │ ? help'));
		expect(app.store.getState().focus).toBe('stories');
		const strike = lineWith(frame, '┃≠ Dock workers strike');
		expect(strike).toMatch(/┃≠ Dock workers strike.* 2 4–5 Mar 2024 *┃/);
		const ferry = lineWith(frame, '┃  Ferry line opens');
		expect(ferry).toMatch(/┃  Ferry line opens +1 20 Feb 2024 *┃/);
		expect(ferry).not.toContain('≠');
		expect(rowOf(frame, '≠ Dock workers strike')).toBeLessThan(rowOf(frame, '  Ferry line opens'));
	});

	test('until loading ends the pane says how far reading has got; the briefing is computed once, when the documents change', async () => {
		const [reuters, ap, ferry] = newsSet() as [DocumentAnalysis, DocumentAnalysis, DocumentAnalysis];
		const brief = vi.fn(newsBriefing);
		const app = open({analyses: [], running: true, brief});
		app.store.dispatch({type: 'progress', done: 1, total: 3, now: 100});
		app.store.dispatch({type: 'arrived', analyses: [reuters]});
		await app.waitForFrame(f => f.includes('stories: reading… 1/3'));
		expect(brief).not.toHaveBeenCalled();
		app.store.dispatch({type: 'arrived', analyses: [ap, ferry]});
		app.store.dispatch({type: 'progress', done: 3, total: 3, now: 200});
		app.store.dispatch({type: 'finished', now: 300});
		// Not inside the dispatch that ended loading: a turn of the event loop later, after the keys waiting.
		expect(brief).not.toHaveBeenCalled();
		await app.waitForFrame(f => f.includes('≠ Dock workers strike'));
		app.press('j', 'k', '2', '1');
		await app.waitForFrame(f => f.includes('Stories │ ? help') && !f.includes('Documents │'));
		expect(brief).toHaveBeenCalledTimes(1);
		// New documents: computed again, for all of them.
		const late = newsSet()[2]!;
		app.store.dispatch({type: 'arrived', analyses: [late]});
		await vi.waitFor(() => expect(brief).toHaveBeenCalledTimes(2));
		expect(brief.mock.calls[1]![0]).toHaveLength(4);
	});

	test('while the briefing is computed, the pane says where it stands', async () => {
		let finish: () => void = () => {};
		const done = new Promise<void>(resolve => (finish = resolve));
		const app = open({
			brief: async (analyses, onProgress) => {
				onProgress?.('parts', 1, 3);
				onProgress?.('grouping', 3, 3);
				onProgress?.('stories', 1, 2);
				await done;
				return newsBriefing(analyses);
			},
		});
		await app.waitForFrame(f => f.includes('stories: building stories 1/2…'));
		finish();
		const frame = await app.waitForFrame(f => f.includes('≠ Dock workers strike'));
		expect(frame).not.toContain('building stories');
	});

	test('Enter opens a story: its summary, its documents, its figures compared with agreement and conflict marked, its dates', async () => {
		const app = open();
		await app.waitForFrame(f => f.includes('≠ Dock workers strike'));
		app.press(KEYS.enter);
		const frame = await app.waitForFrame(f => f.includes('Summary'));
		expect(frame).toContain('1 Stories · s1');
		expect(frame).toContain('2 documents · 2 sources · 4–5 Mar 2024');
		expect(frame).toContain('About 2,000 dock workers walked out at Port Vell on Monday, March 4.');
		expect(frame).toContain('Documents (2)');
		expect(frame).toMatch(/4 Mar 2024 +AP +Port Vell strike ha/);
		expect(frame).toMatch(/5 Mar 2024 +Reuters +Dock workers strike/);
		expect(frame).toContain('Figures compared (2, 1 differ)');
		// Wrapped to the pane: the values side by side, then whether they agree.
		const heading = rowOf(frame, '┃≠ workers on strike (quantity): About 2,000');
		expect(heading).toBeGreaterThan(0);
		expect(frame.split('\n')[heading + 1]).toMatch(/^┃vs Some 3,000  differ +┃/);
		expect(frame).toMatch(/About 2,000 +Reuters/);
		expect(frame).toMatch(/Some 3,000 +AP/);
		expect(frame).toContain('= trade (money): $40 million  agree');
		// The conflicting values are drawn as a warning (yellow).
		expect(app.lastFrame()!.split('\n').find(l => plain(l).includes('vs Some 3,000'))).toContain('\x1b[33m');
		// The dates are further down: G goes to the last line.
		app.press('G');
		const end = await app.waitForFrame(f => f.includes('Dates (3)'));
		expect(end).toMatch(/┃4 Mar 2024 +March 4: /);
		expect(end).toMatch(/┃8 Mar 2024 +March 8: Talks resume/);
		app.press(KEYS.escape);
		await app.waitForFrame(f => !f.includes('Summary') && f.includes('Ferry line opens'));
	});

	test('Enter on a document of an open story opens it in the Article pane, with its source, author, date and address on top', async () => {
		const app = open();
		await app.waitForFrame(f => f.includes('≠ Dock workers strike'));
		// The summary sentence first, then the documents: AP, then Reuters.
		app.press(KEYS.enter);
		await app.waitForFrame(f => f.includes('Summary'));
		app.press('j', 'j');
		await app.waitForFrame(() => app.store.getState().stories.detail.cursor === 2);
		app.press(KEYS.enter);
		const frame = await app.waitForFrame(f => f.includes('Article │ ? help'));
		expect(frame).toContain('3 Article · reuters-strike.txt');
		expect(frame).toContain('Reuters · by Jane Doe · 2024-03-05 09:30');
		expect(frame).toContain('https://reuters.example/strike');
		expect(rowOf(frame, 'Reuters · by Jane Doe')).toBeLessThan(rowOf(frame, 'About 2,000 dock workers walked out'));
		// Esc goes back to the story, where it was left.
		app.press(KEYS.escape);
		await app.waitForFrame(f => f.includes('Stories │ ? help') && f.includes('Summary'));
		expect(app.store.getState().stories.detail.cursor).toBe(2);
	});

	test('Enter on a figure opens the article at the sentence that states it, highlighted', async () => {
		const app = open();
		await app.waitForFrame(f => f.includes('≠ Dock workers strike'));
		app.press(KEYS.enter);
		await app.waitForFrame(f => f.includes('Summary'));
		// Summary, AP, Reuters, then the figures: Reuters' "About 2,000", AP's "Some 3,000".
		app.press('j', 'j', 'j', 'j');
		await app.waitForFrame(() => app.store.getState().stories.detail.cursor === 4);
		app.press(KEYS.enter);
		await app.waitForFrame(f => f.includes('3 Article · ap-strike.txt'));
		const highlighted = app.lastFrame()!.split('\n').find(l => plain(l).includes('Some 3,000 workers joined'));
		expect(highlighted).toContain('\x1b[44m');
	});
});

describe('Timeline', () => {
	test('lists dated events in date order, with a bar of documents per day; Enter opens the article at the sentence', async () => {
		const app = open();
		await app.waitForFrame(f => f.includes('≠ Dock workers strike'));
		app.press('7');
		const frame = await app.waitForFrame(f => f.includes('Timeline │ ? help') && f.includes('8 Mar 2024'));
		expect(frame).toContain('3 dates · 1/4');
		const first = rowOf(frame, '1 Mar 2024');
		const fourth = rowOf(frame, '4 Mar 2024  █');
		const eighth = rowOf(frame, '8 Mar 2024');
		expect(first).toBeGreaterThan(0);
		expect(first).toBeLessThan(fourth);
		expect(fourth).toBeLessThan(eighth);
		// Two documents state March 4 (a full bar), one each the other days (half of it).
		expect(lineWith(frame, '4 Mar 2024  █')).toMatch(/4 Mar 2024 +██████ 2 +(AP|Reuters)/);
		expect(lineWith(frame, '1 Mar 2024')).toMatch(/1 Mar 2024 +███ {4}1 +Ostra Daily +….*with Ostra from March 1\./);
		// The second March 4 row leaves the date and bar out: the day reads as one group.
		expect(frame.split('\n')[fourth + 1]).toMatch(/┃ {20,}(AP|Reuters) /);
		app.press('G', KEYS.enter);
		const article = await app.waitForFrame(f => f.includes('Article │ ? help'));
		expect(article).toContain('3 Article · reuters-strike.txt');
		const highlighted = app.lastFrame()!.split('\n').find(l => plain(l).includes('Talks resume on March 8.'));
		expect(highlighted).toContain('\x1b[44m');
	});
});

describe('Documents and search with metadata', () => {
	test('Documents show source and date; s sorts by date with a marker, S reverses, and the open document stays marked', async () => {
		const app = open();
		await app.waitForFrame(f => f.includes('≠ Dock workers strike'));
		app.press('2');
		let frame = await app.waitForFrame(f => f.includes('Documents │ ? help'));
		expect(lineWith(frame, '▸Dock workers')).toMatch(/▸Dock workers.* Reuters +2024-03-05 +34┃/);
		expect(lineWith(frame, '2024-02-20')).toMatch(/┃ Ferry line.* Ostra D.* 2024-02-20 +\d+┃/);
		// As they came: Reuters, AP, the ferry.
		expect(rowOf(frame, 'Dock workers strike at')).toBeLessThan(rowOf(frame, 'Ferry line opens'));
		app.press('s');
		frame = await app.waitForFrame(f => f.includes('Date▲'));
		// Rows of the Documents table, found by their dates (the Words column ends each row).
		const order = (f: string) => ['2024-02-20', '2024-03-04', '2024-03-05'].map(date => f.split('\n').findIndex(l => new RegExp(`${date} +\\d+┃`).test(l)));
		const [ferry, ap, reuters] = order(frame);
		expect(ferry).toBeLessThan(ap!);
		expect(ap).toBeLessThan(reuters!);
		app.press('S');
		frame = await app.waitForFrame(f => f.includes('Date▼'));
		const [ferryDown, apDown, reutersDown] = order(frame);
		expect(reutersDown).toBeLessThan(apDown!);
		expect(apDown).toBeLessThan(ferryDown!);
		// Enter opens the highlighted row as sorted: the latest, Reuters.
		app.press('g', KEYS.enter);
		await app.waitForFrame(f => f.includes('3 Article · reuters-strike.txt') && f.includes('Article │ ? help'));
	});

	test('plain text files, which carry no source or date, get no empty Source and Date columns', async () => {
		const app = open({analyses: smallSet(), brief: undefined});
		const frame = await app.waitForFrame(f => f.includes('Harbour trade grows') && f.includes('Srcs'));
		expect(lineWith(frame, '│Title ')).not.toMatch(/Source|Date/);
		expect(lineWith(frame, 'Headline')).not.toContain('Dates');
		app.press('2', 's');
		// Sorting by date shows the column, so the marker has somewhere to go.
		await app.waitForFrame(f => f.includes('Date▲'));
	});

	test('search hits name their source, and the Article follows the highlighted hit while typing', async () => {
		const app = open();
		await app.waitForFrame(f => f.includes('≠ Dock workers strike'));
		expect(app.store.getState().article.document).toBe(0);
		app.press('/', 'Port Vell on');
		await app.waitForFrame(f => /[2-9] hits/.test(f));
		const hits = app.store.getState().search.hits;
		const sourceOf = (path: string) => app.store.getState().analyses.find(a => a.document.path === path)!.document.source;
		let frame = app.frame();
		for (const hit of hits.slice(0, 2)) expect(frame).toMatch(new RegExp(`┃${sourceOf(hit.document)} +…?.{0,20}Port Vell on`));
		// Still typing, and the Article already shows the first hit's document at its sentence.
		expect(frame).toContain('Search (typing)');
		const file = (path: string) => path.slice(path.lastIndexOf('/') + 1);
		expect(frame).toContain(`3 Article · ${file(hits[0]!.document)}`);
		expect(app.store.getState().article.sentence).toBe(hits[0]!.sentence);
		const other = hits.findIndex(h => h.document !== hits[0]!.document);
		expect(other).toBeGreaterThan(0);
		for (let i = 0; i < other; i++) app.press(KEYS.down);
		frame = await app.waitForFrame(f => f.includes(`3 Article · ${file(hits[other]!.document)}`));
		expect(frame).toContain('Search (typing)');
		expect(app.store.getState().article.sentence).toBe(hits[other]!.sentence);
	});

	test('at 80x24 and 60x20 the new panes fit, and never draw more rows than the terminal has less one', async () => {
		const app = open({columns: 80, rows: 24});
		await app.waitForFrame(f => f.includes('≠ Dock workers'));
		for (const [columns, rows] of [
			[80, 24],
			[60, 20],
			[120, 35],
		] as const) {
			app.resize(columns, rows);
			for (const [key, pane] of [
				['1', 'Stories'],
				[KEYS.enter, 'Esc back'],
				['7', 'Timeline'],
				['2', 'Documents'],
				['3', 'Article'],
			] as const) {
				app.press(key);
				// The frame for this size and key: the status bar spans the width and names the pane.
				const frame = await app.waitForFrame(f => f.includes(pane) && stringWidth(f.split('\n').at(-1)!) === columns);
				const lines = frame.split('\n');
				expect(lines.length).toBeLessThanOrEqual(rows - 1);
				for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
			}
			app.press('1', KEYS.escape);
		}
	});
});

describe('terminal safety in the briefing', () => {
	test('a headline, source or address with escape sequences reaches the screen inert', async () => {
		const evil = (analyses: DocumentAnalysis[]) => {
			const briefing = newsBriefing(analyses);
			briefing.stories[0]!.headline = 'Evil \x1b[2J headline \x1b]0;pwned\x07';
			return briefing;
		};
		const analyses = newsSet();
		analyses[0]!.document.source = 'Bad\x1b[31mSource';
		analyses[0]!.document.url = 'https://x.example/\x1b]8;;evil\x07';
		const app = open({analyses, brief: evil});
		await app.waitForFrame(f => f.includes('Evil ␛[2J'));
		app.press(KEYS.enter, 'j', 'j', KEYS.enter);
		await app.waitForFrame(f => f.includes('Article │ ? help') && f.includes('Bad␛[31mSource'));
		app.press('7');
		await app.waitForFrame(f => f.includes('Timeline │ ? help'));
		for (const frame of app.frames) {
			const drawn = frame.replace(/\x1b\[[0-9;]*m/g, '');
			expect(drawn).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
		}
	});
});
