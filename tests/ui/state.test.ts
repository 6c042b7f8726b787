import {describe, expect, test} from 'vitest';
import type {SearchHit} from '../../source/analysis/types.js';
import {PANES} from '../../source/ui/layout.js';
import {initialState, listRows, openStoryDetail, paneContent, reduce, timelineOf} from '../../source/ui/state.js';
import type {Action, Command, DashboardState} from '../../source/ui/types.js';
import {articleHeader, articleLines, documentOrder, entityMentions, entityRows, factRows, lineAt} from '../../source/ui/views.js';
import {analysisOf, newsBriefing, newsSet, sentenceOf, smallSet} from './fixtures.js';

function run(state: DashboardState, ...steps: Array<Command | Action>): DashboardState {
	return steps.reduce((s, step) => reduce(s, typeof step === 'string' ? {type: 'command', command: step} : step), state);
}

function loaded(viewport = {columns: 120, rows: 35}): DashboardState {
	return run(initialState(viewport, 0), {type: 'arrived', analyses: smallSet()}, {type: 'finished', now: 1000});
}

/** Text of the article's top line on screen. */
function topLine(state: DashboardState): string {
	const analysis = state.analyses[state.article.document!]!;
	const lines = articleLines(analysis.document, paneContent(state, 'article').width);
	const line = lines[lineAt(lines, state.article.top)]!;
	return analysis.document.text.slice(line.start, line.end);
}

describe('focus', () => {
	test('Tab and Shift-Tab go round the seven panes, from Stories', () => {
		let state = loaded();
		const seen: string[] = [state.focus];
		for (let i = 0; i < 7; i++) seen.push((state = run(state, 'nextPane')).focus);
		expect(seen).toEqual([...PANES, 'stories']);
		expect(PANES[0]).toBe('stories');
		expect(run(loaded(), 'previousPane').focus).toBe('timeline');
	});

	test('number keys jump to a pane', () => {
		expect(run(loaded(), 'focusFacts').focus).toBe('facts');
		expect(run(loaded(), 'focusEntities', 'focusArticle').focus).toBe('article');
	});

	test('/ focuses search from anywhere and Esc goes back where it came from', () => {
		const state = run(loaded(), 'focusEntities', 'search');
		expect(state.focus).toBe('search');
		expect(run(state, 'back').focus).toBe('entities');
	});

	test('? toggles help; moving keys then scroll help, not the panes', () => {
		const state = run(loaded({columns: 60, rows: 20}), 'help');
		expect(state.help).toBe(true);
		const scrolled = run(state, 'down', 'down');
		expect(scrolled.helpOffset).toBe(2);
		expect(scrolled.documents.list.cursor).toBe(0);
		expect(run(scrolled, 'help').help).toBe(false);
	});
});

describe('documents and article', () => {
	test('the first document opens in the Article pane as soon as it arrives', () => {
		const state = reduce(initialState({columns: 120, rows: 35}), {type: 'arrived', analyses: smallSet().slice(0, 1)});
		expect(state.article.document).toBe(0);
	});

	test('j/k move within the list and stop at its ends; Enter opens the document', () => {
		let state = run(loaded(), 'focusDocuments', 'down', 'down', 'down');
		expect(state.documents.list.cursor).toBe(1);
		state = run(state, 'up', 'up', 'up');
		expect(state.documents.list.cursor).toBe(0);
		state = run(state, 'bottom', 'open');
		expect(state.focus).toBe('article');
		expect(state.article.document).toBe(1);
	});

	test('the article scrolls by line and page, and not past its end', () => {
		const long = analysisOf('long.txt', ['Long read', '', ...Array.from({length: 40}, (_, i) => `Paragraph ${i + 1} says something.`)].join('\n\n'));
		let state = run(initialState({columns: 120, rows: 35}), {type: 'arrived', analyses: [long]}, {type: 'finished', now: 0}, 'focusArticle');
		expect(topLine(state)).toBe('Long read');
		state = run(state, 'down');
		expect(topLine(state)).toBe('');
		state = run(state, 'down');
		expect(topLine(state)).toBe('Paragraph 1 says something.');
		state = run(state, 'up', 'up', 'up');
		expect(topLine(state)).toBe('Long read');
		const page = run(state, 'pageDown');
		// The header (title and a rule) stays above the text; the text has the rest of the pane.
		const height = paneContent(page, 'article').height - articleHeader(long.document, paneContent(page, 'article').width, paneContent(page, 'article').height).length;
		const lines = articleLines(long.document, paneContent(page, 'article').width);
		expect(lineAt(lines, page.article.top)).toBe(height - 1);
		const end = run(state, 'bottom');
		expect(lineAt(lines, end.article.top)).toBe(lines.length - height);
		expect(run(end, 'down', 'pageDown').article.top).toBe(end.article.top);
		expect(run(end, 'top').article.top).toBe(0);
	});

	test('the line on top stays on top when a resize re-wraps the text', () => {
		const long = analysisOf('long.txt', ['Long read', '', ...Array.from({length: 30}, (_, i) => `Paragraph ${i + 1} is long enough to wrap onto a second line in a narrow pane, at least.`)].join('\n\n'));
		let state = run(initialState({columns: 120, rows: 35}), {type: 'arrived', analyses: [long]}, {type: 'finished', now: 0}, 'focusArticle', 'pageDown', 'down');
		const top = state.article.top;
		expect(top).toBeGreaterThan(0);
		state = run(state, {type: 'resize', viewport: {columns: 60, rows: 20}});
		const lines = articleLines(long.document, paneContent(state, 'article').width);
		const line = lines[lineAt(lines, state.article.top)]!;
		// The text that was first on screen is still on the top line.
		expect(line.start).toBeLessThanOrEqual(top);
		expect(line.end).toBeGreaterThan(top);
	});
});

describe('search', () => {
	const hit = (state: DashboardState, text: string): SearchHit => {
		const document = state.analyses.findIndex(a => a.document.text.includes(text));
		const sentence = state.analyses[document]!.document.sentences.find(s => s.text.includes(text))!;
		const at = sentence.text.indexOf(text);
		return {document: state.analyses[document]!.document.path, sentence: sentence.index, score: 0.1, text: sentence.text, matches: [{start: at, end: at + text.length}]};
	};

	test('typing builds the query; Backspace and Ctrl-U take it back', () => {
		let state = run(loaded(), 'search', {type: 'type', text: 'ferry'});
		expect(state.search.query).toBe('ferry');
		expect(state.search.searching).toBe(true);
		state = run(state, 'erase', 'erase');
		expect(state.search.query).toBe('fer');
		expect(run(state, 'clearQuery').search.query).toBe('');
	});

	test('results for a query that has since changed are dropped', () => {
		const state = run(loaded(), 'search', {type: 'type', text: 'ferry'});
		const stale = run(state, {type: 'results', query: 'fer', hits: [hit(state, 'ferry')], complete: true});
		expect(stale.search.hits).toEqual([]);
		const fresh = run(state, {type: 'results', query: 'ferry', hits: [hit(state, 'ferry')], complete: true});
		expect(fresh.search.hits).toHaveLength(1);
		expect(fresh.search.searching).toBe(false);
	});

	test('Enter opens the article at the hit, the sentence highlighted and on screen', () => {
		let state = run(loaded(), 'search', {type: 'type', text: 'Mayor'});
		state = run(state, {type: 'results', query: 'Mayor', hits: [hit(state, 'Mayor')], complete: true}, 'open');
		expect(state.focus).toBe('article');
		const analysis = state.analyses[state.article.document!]!;
		expect(analysis.document.path).toBe('news/ferry.txt');
		const sentence = analysis.document.sentences[state.article.sentence!]!;
		expect(sentence.text).toBe('Mayor Ola Nym opened the line.');
		const {width, height} = paneContent(state, 'article');
		const lines = articleLines(analysis.document, width);
		const top = lineAt(lines, state.article.top);
		const line = lineAt(lines, sentence.start);
		expect(line).toBeGreaterThanOrEqual(top);
		expect(line).toBeLessThan(top + height);
	});

	test('Esc in the article clears the highlight', () => {
		let state = run(loaded(), 'search', {type: 'type', text: 'Mayor'});
		state = run(state, {type: 'results', query: 'Mayor', hits: [hit(state, 'Mayor')], complete: true}, 'open', 'back');
		expect(state.article.sentence).toBeUndefined();
	});
});

describe('entities', () => {
	test('rows come merged across documents, most mentioned first', () => {
		const rows = entityRows(loaded().analyses);
		expect(rows.slice(0, 3).map(r => r.name)).toEqual(['Anna Berg', 'Harbour Board', 'Port Vell']);
		expect(rows[0]).toMatchObject({name: 'Anna Berg', type: 'person', mentions: 3});
		expect(rows.find(r => r.name === 'Port Vell')).toMatchObject({mentions: 3, documents: {'news/trade.txt': 2, 'news/ferry.txt': 1}});
	});

	test('Enter lists the mentions; Enter on one opens its sentence; Esc goes back to the list', () => {
		let state = run(loaded(), 'focusEntities', 'down', 'down', 'open');
		expect(state.entities.mentionsOf?.name).toBe('Port Vell');
		expect(entityMentions(state.analyses, state.entities.mentionsOf!)).toHaveLength(3);
		const opened = run(state, 'bottom', 'open');
		expect(opened.focus).toBe('article');
		expect(opened.analyses[opened.article.document!]!.document.path).toBe('news/ferry.txt');
		state = run(state, 'back');
		expect(state.entities.mentionsOf).toBeUndefined();
	});

	test('f shows only the facts whose sentence names the entity', () => {
		const state = run(loaded(), 'focusEntities', 'down', 'down', 'entityFacts');
		expect(state.focus).toBe('facts');
		expect(factRows(state.analyses, state.facts).map(r => r.fact.text)).toEqual(['12%', '2025']);
		const cleared = run(state, 'back');
		expect(factRows(cleared.analyses, cleared.facts)).toHaveLength(5);
	});
});

describe('facts', () => {
	const texts = (state: DashboardState) => factRows(state.analyses, state.facts).map(r => r.fact.text);

	test('start in the order found; s sorts by the next column, S reverses', () => {
		let state = run(loaded(), 'focusFacts');
		expect(texts(state)).toEqual(['12%', '$4.5 billion', '2023', '2025', '300 passengers']);
		state = run(state, 'sort');
		expect(state.facts.sort).toEqual({column: 'document', descending: false});
		expect(texts(state)).toEqual(['2025', '300 passengers', '12%', '$4.5 billion', '2023']);
		state = run(state, 'sort');
		expect(state.facts.sort).toEqual({column: 'kind', descending: false});
		expect(texts(state)).toEqual(['$4.5 billion', '12%', '300 passengers', '2023', '2025']);
		state = run(state, 'reverseSort');
		expect(texts(state)).toEqual(['2025', '2023', '300 passengers', '12%', '$4.5 billion']);
		state = run(state, 'sort', 'sort');
		expect(state.facts.sort.column).toBe('value');
		expect(run(state, 'sort', 'sort').facts.sort.column).toBeUndefined();
	});

	test('f cycles the kind filter; Esc clears it', () => {
		let state = run(loaded(), 'focusFacts', 'filterKind');
		expect(state.facts.kind).toBe('money');
		expect(texts(state)).toEqual(['$4.5 billion']);
		state = run(state, 'filterKind', 'filterKind', 'filterKind');
		expect(state.facts.kind).toBe('year');
		expect(texts(state)).toEqual(['2023', '2025']);
		expect(run(state, 'back').facts.kind).toBeUndefined();
	});

	test('Enter jumps to the fact\'s sentence in the Article pane', () => {
		const state = run(loaded(), 'focusFacts', 'bottom', 'open');
		expect(state.focus).toBe('article');
		const document = state.analyses[state.article.document!]!.document;
		expect(document.sentences[state.article.sentence!]!.text).toContain('300 passengers');
	});
});

test('progress and messages are kept for the status bar', () => {
	let state = run(initialState({columns: 80, rows: 24}, 1000), {type: 'progress', done: 3, total: 10, now: 2000});
	expect(state.progress).toMatchObject({done: 3, total: 10, startedAt: 1000, now: 2000, finished: false});
	state = run(state, {type: 'message', text: 'Wrote 5 rows'});
	expect(state.message).toBe('Wrote 5 rows');
	expect(run(state, 'down').message).toBeUndefined();
	expect(run(state, {type: 'problem', text: 'x: unreadable'}).problems).toEqual(['x: unreadable']);
});

describe('the briefing', () => {
	function briefed(viewport = {columns: 120, rows: 35}): DashboardState {
		const state = run(initialState(viewport, 0), {type: 'arrived', analyses: newsSet()}, {type: 'finished', now: 0});
		return run(state, {type: 'briefed', briefing: newsBriefing(state.analyses), analyses: state.analyses});
	}
	const path = (state: DashboardState) => state.analyses[state.article.document!]!.document.path;

	test('the dashboard starts on Stories; a briefing for documents that have changed since is not taken', () => {
		const state = initialState({columns: 120, rows: 35});
		expect(state.focus).toBe('stories');
		const analyses = newsSet();
		const arrived = run(state, {type: 'arrived', analyses});
		const stale = run(arrived, {type: 'briefed', briefing: newsBriefing(analyses), analyses: [...analyses]});
		expect(stale.briefing.briefing).toBeUndefined();
		expect(run(arrived, {type: 'briefed', briefing: newsBriefing(analyses), analyses: arrived.analyses}).briefing.briefing?.stories).toHaveLength(2);
	});

	test('Enter opens a story, j/k go through its summary, documents, figures and dates, Enter opens the line, Esc goes back', () => {
		let state = run(briefed(), 'open');
		expect(state.stories.open).toBe('s1');
		const detail = openStoryDetail(state)!;
		// One summary sentence, two documents, four figures, three dates.
		expect(detail.items).toHaveLength(10);
		expect(run(state, 'open').article.sentence).toBe(sentenceOf(state.analyses[0]!, 'walked out'));
		state = run(state, 'down');
		const ap = run(state, 'open');
		expect(ap.focus).toBe('article');
		expect(path(ap)).toBe('wire/ap-strike.txt');
		expect(ap.article.sentence).toBeUndefined();
		const last = run(state, 'bottom', 'open');
		expect(path(last)).toBe('wire/reuters-strike.txt');
		expect(last.analyses[0]!.document.sentences[last.article.sentence!]!.text).toBe('Talks resume on March 8.');
		expect(run(state, 'bottom', 'down').stories.detail.cursor).toBe(9);
		// Esc in the Article goes back to the story, where it was left.
		const back = run(ap, 'back');
		expect(back.focus).toBe('stories');
		expect(back.stories).toEqual(state.stories);
		expect(run(state, 'back').stories.open).toBeUndefined();
	});

	test('moving through a long story keeps the whole item on screen', () => {
		let state = run(briefed({columns: 120, rows: 20}), 'open');
		const rows = listRows(state, 'stories');
		const detail = openStoryDetail(state)!;
		expect(detail.lines.length).toBeGreaterThan(rows);
		for (let i = 0; i < detail.items.length; i++) {
			const {cursor, offset} = state.stories.detail;
			const item = detail.items[cursor]!;
			expect(item.first).toBeGreaterThanOrEqual(offset);
			expect(item.last).toBeLessThan(offset + rows);
			state = run(state, 'down');
		}
		expect(run(state, 'top').stories.detail).toEqual({cursor: 0, offset: 0});
	});

	test('the timeline goes in date order; Enter opens the article at the sentence with the date', () => {
		const state = run(briefed(), 'focusTimeline');
		const rows = timelineOf(state);
		expect(rows.map(r => r.entry.date)).toEqual(['2024-03-01', '2024-03-04', '2024-03-04', '2024-03-08']);
		expect(rows.map(r => r.dayCount)).toEqual([1, 2, undefined, 1]);
		const opened = run(state, 'down', 'open');
		expect(opened.focus).toBe('article');
		const sentence = opened.analyses[opened.article.document!]!.document.sentences[opened.article.sentence!]!;
		expect(sentence.text).toContain('March 4');
	});

	test('documents sort by date, source and title; the cursor stays on its document; undated ones go last', () => {
		const undated = analysisOf('x/undated.txt', 'Undated note\n\nNo date here.', {meta: {title: 'Undated note', source: 'Blog'}});
		let state = run(briefed(), {type: 'arrived', analyses: [undated]}, 'focusDocuments', 'down');
		const titles = (s: DashboardState) => documentOrder(s.analyses, s.documents.sort).map(i => s.analyses[i]!.document.title);
		expect(titles(state)).toEqual(['Dock workers strike at Port Vell', 'Port Vell strike halts ships', 'Ferry line opens', 'Undated note']);
		state = run(state, 'sort');
		expect(state.documents.sort).toEqual({column: 'date', descending: false});
		expect(titles(state)).toEqual(['Ferry line opens', 'Port Vell strike halts ships', 'Dock workers strike at Port Vell', 'Undated note']);
		// AP was highlighted before sorting, and still is.
		expect(state.documents.list.cursor).toBe(1);
		expect(titles(run(state, 'reverseSort'))).toEqual(['Dock workers strike at Port Vell', 'Port Vell strike halts ships', 'Ferry line opens', 'Undated note']);
		state = run(state, 'sort');
		expect(state.documents.sort.column).toBe('source');
		expect(titles(state)).toEqual(['Port Vell strike halts ships', 'Undated note', 'Ferry line opens', 'Dock workers strike at Port Vell']);
		state = run(state, 'sort');
		expect(titles(state)).toEqual(['Dock workers strike at Port Vell', 'Ferry line opens', 'Port Vell strike halts ships', 'Undated note']);
		expect(run(state, 'sort').documents.sort.column).toBeUndefined();
		// s in the Facts pane still sorts the facts.
		expect(run(state, 'focusFacts', 'sort').facts.sort.column).toBe('document');
	});

	test('while the search box has the focus the Article shows the highlighted hit, without taking the focus', () => {
		let state = run(briefed(), 'search', {type: 'type', text: 'March'});
		const hits: SearchHit[] = [
			{document: 'local/ferry.txt', sentence: 0, score: 0.1, text: '', matches: []},
			{document: 'wire/ap-strike.txt', sentence: 1, score: 0.2, text: '', matches: []},
		];
		state = run(state, {type: 'results', query: 'March', hits, complete: true});
		expect(state.focus).toBe('search');
		expect(path(state)).toBe('local/ferry.txt');
		state = run(state, 'down');
		expect(state.focus).toBe('search');
		expect(path(state)).toBe('wire/ap-strike.txt');
		expect(state.article.sentence).toBe(1);
		// Elsewhere, moving in a list leaves the Article alone.
		expect(path(run(state, 'back', 'focusDocuments', 'down', 'down'))).toBe('wire/ap-strike.txt');
	});
});
