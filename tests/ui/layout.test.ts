import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {tableHeader, tableRow, type TableColumn} from '../../source/ui/components/table.js';
import {exportFileName} from '../../source/ui/export.js';
import {countBar, dateSpan, dayOf, readableDate} from '../../source/ui/briefing.js';
import {helpGeometry} from '../../source/ui/help.js';
import {publishedLabel} from '../../source/ui/views.js';
import {KEYMAP} from '../../source/ui/keymap.js';
import {columnWidths, dashboardLayout, layoutMode, PANES, paneTitleLine, progressLine, settleList, split, statusLine, tabBar} from '../../source/ui/layout.js';
import {fit, fitSegments, markSegments, textWidth, truncate, windowAround, wrapText} from '../../source/ui/text.js';
import type {Segment} from '../../source/ui/types.js';

const joined = (segments: readonly Segment[]) => segments.map(s => s.text).join('');

describe('truncate and fit', () => {
	test('a text that fits is left alone; a longer one ends in … within the width', () => {
		expect(truncate('Astana', 10)).toBe('Astana');
		expect(truncate('Kassym-Jomart Tokayev', 10)).toBe('Kassym-Jo…');
		expect(stringWidth(truncate('Kassym-Jomart Tokayev', 10))).toBe(10);
	});

	test('wide characters count two columns and are never cut in half', () => {
		const cut = truncate('习近平访问哈萨克斯坦', 7);
		expect(cut).toBe('习近平…');
		expect(stringWidth(cut)).toBeLessThanOrEqual(7);
		expect(stringWidth(fit('习近平访问哈萨克斯坦', 7))).toBe(7);
		expect(stringWidth(fit('🇰🇿 Astana 🎉', 9))).toBe(9);
	});

	test('fit pads to exactly the width, on the left for right-aligned numbers', () => {
		expect(fit('347', 6, 'right')).toBe('   347');
		expect(fit('北京', 6)).toBe('北京  ');
		expect(fit('anything', 0)).toBe('');
	});
});

describe('wrapText', () => {
	const lines = (text: string, width: number) => wrapText(text, width).map(span => text.slice(span.start, span.end));

	test('breaks at spaces, never beyond the width', () => {
		const text = 'Chinese President Xi Jinping arrived in Astana on Tuesday';
		const out = lines(text, 20);
		expect(out).toEqual(['Chinese President Xi', 'Jinping arrived in', 'Astana on Tuesday']);
		for (const line of out) expect(textWidth(line)).toBeLessThanOrEqual(20);
	});

	test('a word longer than the line is split inside it', () => {
		expect(lines('a Kassym-Jomart-Tokayev b', 8)).toEqual(['a', 'Kassym-J', 'omart-To', 'kayev b']);
	});

	test('line breaks in the text are kept', () => {
		expect(lines('By Jane Doe\nUpdated: May 1', 40)).toEqual(['By Jane Doe', 'Updated: May 1']);
	});

	test('wide characters wrap by columns', () => {
		const out = lines('习近平访问哈萨克斯坦', 6);
		expect(out).toEqual(['习近平', '访问哈', '萨克斯', '坦']);
	});

	test('offsets point into the text, so marks can be placed on lines', () => {
		const text = 'one two three four five six';
		for (const span of wrapText(text, 9)) expect(text.slice(span.start, span.end).trim()).toBe(text.slice(span.start, span.end));
		expect(wrapText(text, 9).map(s => s.start)).toEqual([0, 8, 14, 24]);
	});
});

describe('styled segments', () => {
	test('marks cut a line into runs, overlapping marks stacking in order', () => {
		const text = 'The Harbour Board met Anna Berg.';
		const segments = markSegments(text, 0, text.length, [
			{start: 4, end: 17, style: 'organization'},
			{start: 0, end: 32, style: 'highlight'},
		]);
		expect(joined(segments)).toBe(text);
		expect(segments.find(s => s.text === 'Harbour Board')?.styles).toEqual(['organization', 'highlight']);
		expect(segments[0]).toEqual({text: 'The ', styles: ['highlight']});
	});

	test('only the part of a mark on the line is styled', () => {
		const segments = markSegments('abcdefghij', 3, 7, [{start: 0, end: 5, style: 'dim'}]);
		expect(segments).toEqual([{text: 'de', styles: ['dim']}, {text: 'fg'}]);
	});

	test('fitSegments cuts to the width with … and pads short rows', () => {
		expect(textWidth(joined(fitSegments([{text: 'short'}], 10)))).toBe(10);
		const cut = fitSegments([{text: 'Harbour ', styles: ['title']}, {text: 'Board expects more'}], 12);
		expect(joined(cut)).toBe('Harbour Boa…');
		expect(fitSegments([{text: 'x'}], 0)).toEqual([]);
	});

	test('windowAround keeps a mention deep in a long sentence on screen', () => {
		const text = `${'word '.repeat(30)}Golden Eagle ${'tail '.repeat(30)}`;
		const start = text.indexOf('Golden Eagle');
		const window = windowAround(text, {start, end: start + 12}, 40);
		expect(window.start).toBeLessThanOrEqual(start);
		expect(window.end).toBeGreaterThanOrEqual(start + 12);
		expect(textWidth(text.slice(window.start, window.end))).toBeLessThanOrEqual(40);
	});
});

describe('dashboardLayout', () => {
	const heights = (layout: ReturnType<typeof dashboardLayout>) => layout.columns.map(c => c.panes.reduce((sum, p) => sum + p.height, 0));

	test('120 columns and more: every pane side by side', () => {
		const layout = dashboardLayout({columns: 120, rows: 35}, 'documents');
		expect(layout.mode).toBe('wide');
		expect(layout.columns.flatMap(c => c.panes.map(p => p.pane)).sort()).toEqual([...PANES].sort());
		expect(layout.columns.reduce((sum, c) => sum + c.width, 0)).toBe(120);
		expect(layout.tabBar).toBe(false);
	});

	test('wide: the focused pane gets twice its share of its column, every pane stays on screen', () => {
		const height = (focus: (typeof PANES)[number], pane: (typeof PANES)[number]) => dashboardLayout({columns: 120, rows: 35}, focus).columns.flatMap(c => c.panes).find(p => p.pane === pane)!.height;
		for (const pane of PANES) {
			const other = pane === 'stories' ? 'documents' : 'stories';
			expect(height(pane, pane), pane).toBeGreaterThan(height(other, pane));
			expect(dashboardLayout({columns: 120, rows: 35}, pane).columns.flatMap(c => c.panes)).toHaveLength(7);
		}
		// Opening on Stories, the briefing has the most rows on the left.
		const left = dashboardLayout({columns: 120, rows: 35}, 'stories').columns[0]!.panes;
		expect(left.map(p => p.pane)).toEqual(['stories', 'documents', 'search', 'entities']);
		expect(left[0]!.height).toBe(Math.max(...left.map(p => p.height)));
	});

	test('80x24: a tab bar, the focused pane over the article', () => {
		const layout = dashboardLayout({columns: 80, rows: 24}, 'facts');
		expect(layout.mode).toBe('medium');
		expect(layout.tabBar).toBe(true);
		expect(layout.columns[0]!.panes.map(p => p.pane)).toEqual(['facts', 'article']);
		expect(dashboardLayout({columns: 80, rows: 24}, 'article').columns[0]!.panes.map(p => p.pane)).toEqual(['article']);
	});

	test('narrower than 80 or shorter than 20: one pane at a time with a tab bar', () => {
		for (const viewport of [{columns: 79, rows: 40}, {columns: 200, rows: 19}, {columns: 60, rows: 20}]) {
			const layout = dashboardLayout(viewport, 'entities');
			expect(layoutMode(viewport)).toBe('narrow');
			expect(layout.tabBar).toBe(true);
			expect(layout.columns.flatMap(c => c.panes.map(p => p.pane))).toEqual(['entities']);
		}
	});

	test('never more rows than the terminal has, less one', () => {
		for (const rows of [4, 8, 12, 19, 20, 24, 35, 60]) {
			for (const columns of [40, 60, 80, 100, 120, 200]) {
				for (const progress of [false, true]) {
					for (const focus of PANES) {
						const layout = dashboardLayout({columns, rows}, focus, {progress});
						expect(layout.height).toBe(rows - 1);
						const fixed = 1 + (layout.tabBar ? 1 : 0) + (layout.progress ? 1 : 0);
						for (const h of heights(layout)) expect(h).toBe(layout.paneHeight);
						expect(layout.paneHeight + fixed).toBeLessThanOrEqual(rows - 1);
					}
				}
			}
		}
	});

	test('a terminal too short for any pane keeps only the status bar', () => {
		expect(dashboardLayout({columns: 80, rows: 4}, 'documents').columns).toEqual([]);
	});
});

describe('columnWidths', () => {
	const specs = [
		{min: 6, weight: 2, max: 20},
		{min: 4, weight: 1, max: 8},
		{min: 6, weight: 3},
	];

	test('widths and gaps add up to the width, minimums and maximums kept', () => {
		for (const total of [18, 30, 57, 80, 140]) {
			const widths = columnWidths(specs, total);
			expect(widths.reduce((a, b) => a + b, 0) + specs.length - 1).toBe(total);
			expect(widths[0]).toBeGreaterThanOrEqual(6);
			expect(widths[1]).toBeLessThanOrEqual(8);
			expect(widths[0]).toBeLessThanOrEqual(20);
		}
	});

	test('below the minimums the columns shrink in proportion', () => {
		const widths = columnWidths(specs, 10);
		expect(widths.reduce((a, b) => a + b, 0) + 2).toBe(10);
	});

	test('split hands out the rounding remainder', () => {
		expect(split(10, [1, 1, 1])).toEqual([4, 3, 3]);
		expect(split(33, [35, 27, 38], 3).reduce((a, b) => a + b, 0)).toBe(33);
	});
});

describe('tables', () => {
	const columns: TableColumn[] = [
		{title: 'Title', min: 6, weight: 1},
		{title: 'Words', min: 5, weight: 0, align: 'right'},
	];

	test('rows with wide characters line up with plain ones', () => {
		const widths = columnWidths(columns, 24);
		const rows = ['Astana talks', '习近平访问哈萨克斯坦的新闻', 'Ferry 🚢 opens 🎉🎉🎉🎉'].map(title => joined(tableRow([{text: title}, {text: '347'}], columns, widths)));
		for (const row of rows) {
			expect(stringWidth(row)).toBe(24);
			expect(row.endsWith('  347')).toBe(true);
		}
		expect(rows[1]).toContain('…');
	});

	test('the sorted column is marked in the header', () => {
		const widths = columnWidths(columns, 24);
		expect(joined(tableHeader(columns, widths, {column: 1, descending: true}))).toContain('Wor…▼');
		const roomy: TableColumn[] = [columns[0]!, {...columns[1]!, min: 6}];
		expect(joined(tableHeader(roomy, columnWidths(roomy, 30), {column: 1, descending: true}))).toContain('Words▼');
		expect(joined(tableHeader(columns, widths, {column: 0, descending: false}))).toContain('Title▲');
	});
});

describe('lists', () => {
	test('the cursor stays within the list and the window follows it', () => {
		expect(settleList({cursor: 12, offset: 0}, 20, 5)).toEqual({cursor: 12, offset: 8});
		expect(settleList({cursor: 3, offset: 8}, 20, 5)).toEqual({cursor: 3, offset: 3});
		expect(settleList({cursor: 99, offset: 99}, 20, 5)).toEqual({cursor: 19, offset: 15});
		expect(settleList({cursor: 4, offset: 2}, 0, 5)).toEqual({cursor: 0, offset: 0});
	});
});

describe('bars', () => {
	test('the progress line tells done/total, rate and time left, within the width', () => {
		const line = progressLine({done: 10, total: 40, elapsedMs: 2000}, 80);
		expect(line).toContain('10/40 documents');
		expect(line).toContain('5.0/s');
		expect(line).toContain('6 s left');
		expect(stringWidth(line)).toBeLessThanOrEqual(80);
		expect(stringWidth(progressLine({done: 10, total: 40, elapsedMs: 2000}, 20))).toBeLessThanOrEqual(20);
		expect(progressLine({done: 0, total: 0, elapsedMs: 10}, 80)).toContain('Looking for documents');
	});

	test('the status bar fills the width exactly and always keeps the help hint', () => {
		const figures = {documents: 1200, words: 845_000, entities: 5321, facts: 9876, current: 'Xi Jinping arrives in Kazakhstan, signalling strengthened bilateral ties', focus: 'facts' as const, problems: 2, searching: false};
		for (const width of [30, 60, 80, 120, 200]) {
			const line = joined(statusLine(figures, width));
			expect(stringWidth(line)).toBe(width);
			expect(line).toContain('? help');
		}
		const wide = joined(statusLine(figures, 200));
		expect(wide).toContain('1,200 docs · 845,000 words · 5,321 entities · 9,876 facts');
		expect(wide).toContain('Facts');
		expect(wide).toContain('Xi Jinping arrives');
		expect(joined(statusLine({...figures, message: 'Wrote 3 rows to x.csv'}, 120))).toContain('Wrote 3 rows');
	});

	test('the tab bar names every pane when it can, and always fits', () => {
		expect(joined(tabBar('search', 80))).toContain('4 Search');
		expect(joined(tabBar('search', 80))).toContain('7 Timeline');
		for (const width of [20, 40, 60, 80]) expect(stringWidth(joined(tabBar('search', width)))).toBe(width);
	});

	test('a pane title line is exactly the pane width', () => {
		const corners = {left: '╭', right: '╮', line: '─'};
		for (const width of [10, 30, 75]) expect(stringWidth(paneTitleLine('2 Article · 004_fd7a676718ec2ff4.txt', '14–31/49 42%', width, corners))).toBe(width);
	});

	test('the help screen lays out every binding and scrolls only when it does not fit', () => {
		const tall = helpGeometry(120, 34);
		const text = tall.columns.flat().map(joined).join('\n');
		for (const binding of KEYMAP) expect(text).toContain(binding.description);
		expect(tall.maxOffset).toBe(0);
		expect(helpGeometry(60, 17).maxOffset).toBeGreaterThan(0);
	});
});

describe('the briefing, as the panes write it', () => {
	test('dates read as a reader scans them, at any precision', () => {
		expect(['2024-03-05T09:30:00Z', '2024-03', '2024', ''].map(readableDate)).toEqual(['5 Mar 2024', 'Mar 2024', '2024', '']);
		expect(dayOf('2024-03-05T09:30:00+02:00')).toBe('2024-03-05');
		expect(dayOf('2024-03')).toBe('');
	});

	test('a story\'s span of dates is as short as says it', () => {
		expect(dateSpan('2024-03-04', '2024-03-04')).toBe('4 Mar 2024');
		expect(dateSpan('2024-03-04', '2024-03-05T10:00:00Z')).toBe('4–5 Mar 2024');
		expect(dateSpan('2024-02-28', '2024-03-02')).toBe('28 Feb–2 Mar 2024');
		expect(dateSpan('2023-12-30', '2024-01-02')).toBe('30 Dec 2023–2 Jan 2024');
		expect(dateSpan('', '')).toBe('');
	});

	test('a count bar is scaled to the largest count, never empty for one', () => {
		expect(countBar(4, 4, 6)).toBe('██████ 4');
		expect(countBar(2, 4, 6)).toBe('███    2');
		expect(countBar(1, 100, 6)).toBe('█      1');
	});

	test('publication times show when the date has one', () => {
		expect(publishedLabel('2024-03-05T09:30:00Z')).toBe('2024-03-05 09:30');
		expect(publishedLabel('2024-03-05')).toBe('2024-03-05');
		expect(publishedLabel('')).toBe('');
	});
});

test('exported files are named by local date and time, with a counter after the first', () => {
	const date = new Date(2024, 0, 5, 9, 7, 3);
	expect(exportFileName(date)).toBe('briefing-facts-20240105-090703.csv');
	expect(exportFileName(date, 2)).toBe('briefing-facts-20240105-090703-2.csv');
});
