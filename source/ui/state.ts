/**
 * The dashboard's state and the one reducer that changes it. Pure: the app turns keys into commands and
 * outside events (documents arriving, search results, the clock) into actions; nothing here reads a
 * terminal or a clock. Sizes that depend on the terminal come from the layout functions and the viewport.
 */
import {contentSize, dashboardLayout, PANES, paneBox, settleList} from './layout.js';
import {helpScrollLimit} from './help.js';
import {settleStoryWindow, storyDetail, timelineRows} from './briefing.js';
import type {Action, ArticleState, Command, DashboardState, ListPosition, PaneId, Viewport} from './types.js';
import {articleHeader, articleLines, DOCUMENT_COLUMNS, documentIndex, documentOrder, entityMentions, entityRef, entityRows, FACT_COLUMNS, FACT_KINDS, factRows, lineAt} from './views.js';

const TOP: ListPosition = {cursor: 0, offset: 0};

export function initialState(viewport: Viewport, now = 0): DashboardState {
	return {
		viewport,
		analyses: [],
		progress: {done: 0, total: 0, startedAt: now, now, finished: false},
		focus: 'stories',
		returnFocus: 'stories',
		help: false,
		helpOffset: 0,
		stories: {list: TOP, detail: TOP},
		briefing: {},
		documents: {list: TOP, sort: {descending: false}},
		article: {top: 0},
		search: {query: '', hits: [], answered: '', searching: false, list: TOP},
		entities: {list: TOP, mentions: TOP},
		facts: {list: TOP, sort: {descending: false}},
		timeline: TOP,
		problems: [],
	};
}

/** Rows and columns inside a pane, for the state's terminal size and focus. */
export function paneContent(state: DashboardState, pane: PaneId): {width: number; height: number} {
	const layout = dashboardLayout(state.viewport, state.focus, {progress: !state.progress.finished});
	return contentSize(paneBox(layout, pane, state.viewport));
}

/** How many list rows a pane shows: its content less the header (tables) or the query line and rule (search). */
export function listRows(state: DashboardState, pane: PaneId): number {
	const {height} = paneContent(state, pane);
	return Math.max(1, height - (pane === 'search' ? 2 : 1));
}

/** The story open in the Stories pane, if it is still in the briefing. */
export function openStory(state: DashboardState) {
	const {open} = state.stories;
	return open === undefined ? undefined : state.briefing.briefing?.stories.find(s => s.id === open);
}

/** The open story's lines at the Stories pane's width. */
export function openStoryDetail(state: DashboardState) {
	const story = openStory(state);
	const briefing = state.briefing.briefing;
	return story && briefing ? storyDetail(briefing, story, state.analyses, paneContent(state, 'stories').width) : undefined;
}

export function timelineOf(state: DashboardState) {
	return state.briefing.briefing ? timelineRows(state.briefing.briefing, state.analyses) : [];
}

function listLength(state: DashboardState, pane: PaneId): number {
	switch (pane) {
		case 'stories':
			return state.briefing.briefing?.stories.length ?? 0;
		case 'timeline':
			return timelineOf(state).length;
		case 'documents':
			return state.analyses.length;
		case 'search':
			return state.search.hits.length;
		case 'entities':
			return state.entities.mentionsOf ? entityMentions(state.analyses, state.entities.mentionsOf).length : entityRows(state.analyses).length;
		case 'facts':
			return factRows(state.analyses, state.facts).length;
		case 'article':
			return 0;
	}
}

function withList(state: DashboardState, pane: PaneId, list: ListPosition): DashboardState {
	switch (pane) {
		case 'stories':
			return {...state, stories: {...state.stories, list}};
		case 'timeline':
			return {...state, timeline: list};
		case 'documents':
			return {...state, documents: {...state.documents, list}};
		case 'search':
			return {...state, search: {...state.search, list}};
		case 'entities':
			return state.entities.mentionsOf ? {...state, entities: {...state.entities, mentions: list}} : {...state, entities: {...state.entities, list}};
		case 'facts':
			return {...state, facts: {...state.facts, list}};
		case 'article':
			return state;
	}
}

function listOf(state: DashboardState, pane: PaneId): ListPosition {
	switch (pane) {
		case 'stories':
			return state.stories.list;
		case 'timeline':
			return state.timeline;
		case 'documents':
			return state.documents.list;
		case 'search':
			return state.search.list;
		case 'entities':
			return state.entities.mentionsOf ? state.entities.mentions : state.entities.list;
		case 'facts':
			return state.facts.list;
		case 'article':
			return TOP;
	}
}

type Movement = 'down' | 'up' | 'pageDown' | 'pageUp' | 'top' | 'bottom';

/**
 * In an open story the cursor goes item by item (a summary sentence, a document, a figure, a date) and
 * the window scrolls by lines, far enough to show the whole item; a page scrolls the window and takes
 * the cursor to the first item on the new page.
 */
function moveInStory(state: DashboardState, how: Movement): DashboardState {
	const detail = openStoryDetail(state);
	if (!detail) return state;
	const rows = listRows(state, 'stories');
	const {items, lines} = detail;
	const maxOffset = Math.max(0, lines.length - rows);
	let {cursor, offset} = state.stories.detail;
	if (items.length === 0) {
		const step = {down: 1, up: -1, pageDown: rows, pageUp: -rows, top: -Infinity, bottom: Infinity}[how];
		return {...state, stories: {...state.stories, detail: {cursor: 0, offset: Math.min(maxOffset, Math.max(0, offset + step))}}};
	}
	if (how === 'pageDown' || how === 'pageUp') {
		offset = Math.min(maxOffset, Math.max(0, offset + (how === 'pageDown' ? rows : -rows)));
		const onPage = items.findIndex(item => item.first >= offset);
		cursor = how === 'pageDown' && offset === maxOffset ? items.length - 1 : onPage < 0 ? items.length - 1 : onPage;
	} else {
		cursor = {down: cursor + 1, up: cursor - 1, top: 0, bottom: items.length - 1}[how];
		cursor = Math.min(items.length - 1, Math.max(0, cursor));
		if (how === 'top') offset = 0;
		if (how === 'bottom') offset = maxOffset;
	}
	return {...state, stories: {...state.stories, detail: settleStoryWindow(detail, {cursor, offset}, rows)}};
}

function moveList(state: DashboardState, pane: PaneId, how: Movement): DashboardState {
	if (pane === 'stories' && state.stories.open !== undefined) return moveInStory(state, how);
	const length = listLength(state, pane);
	const rows = listRows(state, pane);
	const {cursor, offset} = listOf(state, pane);
	const target: Record<Movement, ListPosition> = {
		down: {cursor: cursor + 1, offset},
		up: {cursor: cursor - 1, offset},
		pageDown: {cursor: cursor + rows, offset: offset + rows},
		pageUp: {cursor: cursor - rows, offset: offset - rows},
		top: {cursor: 0, offset: 0},
		bottom: {cursor: length - 1, offset: length},
	};
	return withList(state, pane, settleList(target[how], length, rows));
}

/** The first line of the article that can be on top: the last screenful ends with the last line. */
function articleGeometry(state: DashboardState, article: ArticleState = state.article) {
	const analysis = article.document === undefined ? undefined : state.analyses[article.document];
	const {width, height: pane} = paneContent(state, 'article');
	const height = analysis ? Math.max(1, pane - articleHeader(analysis.document, width, pane).length) : pane;
	const lines = analysis ? articleLines(analysis.document, width) : [];
	return {lines, height, maxTop: Math.max(0, lines.length - height)};
}

function scrollArticle(state: DashboardState, how: Movement): DashboardState {
	const {lines, height, maxTop} = articleGeometry(state);
	if (lines.length === 0) return state;
	const current = Math.min(lineAt(lines, state.article.top), maxTop);
	const page = Math.max(1, height - 1);
	const target = {down: current + 1, up: current - 1, pageDown: current + page, pageUp: current - page, top: 0, bottom: maxTop}[how];
	const line = Math.min(Math.max(0, target), maxTop);
	return {...state, article: {...state.article, top: lines[line]!.start}};
}

/** Open a document in the Article pane, scrolled so the given sentence stands a third of the way down, and focus it. */
export function openArticle(state: DashboardState, document: number, sentence?: number): DashboardState {
	const from = state.focus === 'article' ? undefined : state.focus;
	const opened = showArticle({...state, focus: 'article'}, document, sentence);
	return {...opened, article: {...opened.article, from}};
}

/** Show a document in the Article pane at a sentence, leaving the focus where it is (a preview). */
export function showArticle(state: DashboardState, document: number, sentence?: number): DashboardState {
	const focused: DashboardState = {...state, article: {document, top: 0, sentence}};
	const analysis = state.analyses[document];
	if (!analysis || sentence === undefined) return focused;
	const {lines, height, maxTop} = articleGeometry(focused);
	const start = analysis.document.sentences[sentence]?.start ?? 0;
	const line = Math.min(maxTop, Math.max(0, lineAt(lines, start) - Math.floor(height / 3)));
	return {...focused, article: {...focused.article, top: lines[line]?.start ?? 0}};
}

function focusPane(state: DashboardState, pane: PaneId): DashboardState {
	if (pane === state.focus) return state;
	return {...state, focus: pane, returnFocus: pane === 'search' ? state.focus : state.returnFocus};
}

function cycle<T>(items: readonly T[], current: T, step: number): T {
	const i = items.indexOf(current);
	return items[(i + step + items.length) % items.length]!;
}

/** The highlighted search hit as a document index and sentence, when its document is loaded. */
function currentHit(state: DashboardState): {document: number; sentence: number} | undefined {
	const hit = state.search.hits[state.search.list.cursor];
	const document = hit === undefined ? undefined : documentIndex(state.analyses).get(hit.document);
	return hit === undefined || document === undefined ? undefined : {document, sentence: hit.sentence};
}

/** While the search box has the focus the Article shows the highlighted hit, as fzf's preview does. */
function previewHit(state: DashboardState): DashboardState {
	if (state.focus !== 'search') return state;
	const hit = currentHit(state);
	if (!hit || (state.article.document === hit.document && state.article.sentence === hit.sentence)) return state;
	return showArticle(state, hit.document, hit.sentence);
}

function open(state: DashboardState): DashboardState {
	switch (state.focus) {
		case 'stories': {
			const stories = state.briefing.briefing?.stories ?? [];
			if (state.stories.open === undefined) {
				const story = stories[state.stories.list.cursor];
				return story ? {...state, stories: {...state.stories, open: story.id, detail: TOP}} : state;
			}
			const item = openStoryDetail(state)?.items[state.stories.detail.cursor];
			return item ? openArticle(state, item.target.document, item.target.sentence) : state;
		}
		case 'timeline': {
			const row = timelineOf(state)[state.timeline.cursor];
			return row ? openArticle(state, row.document, row.entry.sentence) : state;
		}
		case 'documents': {
			const document = documentOrder(state.analyses, state.documents.sort)[state.documents.list.cursor];
			return document === undefined ? state : openArticle(state, document);
		}
		case 'search': {
			const hit = currentHit(state);
			return hit ? openArticle(state, hit.document, hit.sentence) : state;
		}
		case 'entities': {
			const {mentionsOf} = state.entities;
			if (mentionsOf) {
				const row = entityMentions(state.analyses, mentionsOf)[state.entities.mentions.cursor];
				return row ? openArticle(state, row.document, row.mention.sentence) : state;
			}
			const row = entityRows(state.analyses)[state.entities.list.cursor];
			return row ? {...state, entities: {...state.entities, mentionsOf: entityRef(row), mentions: TOP}} : state;
		}
		case 'facts': {
			const row = factRows(state.analyses, state.facts)[state.facts.list.cursor];
			return row ? openArticle(state, row.document, row.fact.sentence) : state;
		}
		case 'article':
			return state;
	}
}

function back(state: DashboardState): DashboardState {
	if (state.help) return {...state, help: false};
	if (state.message) return {...state, message: undefined};
	switch (state.focus) {
		case 'stories':
			return state.stories.open === undefined ? state : {...state, stories: {...state.stories, open: undefined}};
		case 'search':
			return {...state, focus: state.returnFocus === 'search' ? 'stories' : state.returnFocus};
		case 'entities':
			return state.entities.mentionsOf ? {...state, entities: {...state.entities, mentionsOf: undefined}} : state;
		case 'facts':
			return state.facts.kind || state.facts.entity ? {...state, facts: {...state.facts, kind: undefined, entity: undefined, list: TOP}} : state;
		case 'article':
			// Back to the pane the article was opened from, and the highlight goes; opened some other way, only the highlight goes.
			if (state.article.from) return {...state, focus: state.article.from, article: {...state.article, sentence: undefined, from: undefined}};
			return state.article.sentence === undefined ? state : {...state, article: {...state.article, sentence: undefined}};
		default:
			return state;
	}
}

function command(state: DashboardState, name: Command): DashboardState {
	if (state.help && name !== 'help' && name !== 'back') {
		const layout = dashboardLayout(state.viewport, state.focus, {progress: !state.progress.finished});
		const max = helpScrollLimit(state.viewport, layout.paneHeight);
		if (name === 'down') return {...state, helpOffset: Math.min(max, state.helpOffset + 1)};
		if (name === 'up') return {...state, helpOffset: Math.max(0, state.helpOffset - 1)};
		return state;
	}
	switch (name) {
		case 'nextPane':
		case 'previousPane':
			return focusPane(state, cycle(PANES, state.focus, name === 'nextPane' ? 1 : -1));
		case 'focusStories':
			return focusPane(state, 'stories');
		case 'focusTimeline':
			return focusPane(state, 'timeline');
		case 'focusDocuments':
			return focusPane(state, 'documents');
		case 'focusArticle':
			return focusPane(state, 'article');
		case 'focusSearch':
		case 'search':
			return focusPane(state, 'search');
		case 'focusEntities':
			return focusPane(state, 'entities');
		case 'focusFacts':
			return focusPane(state, 'facts');
		case 'help':
			return {...state, help: !state.help, helpOffset: 0};
		case 'down':
		case 'up':
		case 'pageDown':
		case 'pageUp':
		case 'top':
		case 'bottom':
			if (state.focus === 'article') return scrollArticle(state, name);
			return previewHit(moveList(state, state.focus, name));
		case 'open':
			return open(state);
		case 'back':
			return back(state);
		case 'erase':
			return setQuery(state, Array.from(state.search.query).slice(0, -1).join(''));
		case 'clearQuery':
			return setQuery(state, '');
		case 'sort':
		case 'reverseSort':
			return state.focus === 'documents' ? sortDocuments(state, name) : sortFacts(state, name);
		case 'filterKind': {
			const kinds = [undefined, ...FACT_KINDS];
			return {...state, facts: {...state.facts, kind: cycle(kinds, state.facts.kind, 1), list: TOP}};
		}
		case 'entityFacts': {
			const row = entityRows(state.analyses)[state.entities.list.cursor];
			const entity = state.entities.mentionsOf ?? (row && entityRef(row));
			return entity ? {...state, focus: 'facts', facts: {...state.facts, entity, list: TOP}} : state;
		}
		case 'quit':
		case 'interrupt':
		case 'exportCsv':
			// Side effects: the app runs these.
			return state;
	}
}

function sortFacts(state: DashboardState, how: 'sort' | 'reverseSort'): DashboardState {
	const sort = how === 'sort' ? {column: cycle([undefined, ...FACT_COLUMNS], state.facts.sort.column, 1), descending: false} : {...state.facts.sort, descending: !state.facts.sort.descending};
	return {...state, facts: {...state.facts, sort, list: TOP}};
}

/** s: by date, then source, then title, then the order they came in; S turns the order round. The cursor stays on its document. */
function sortDocuments(state: DashboardState, how: 'sort' | 'reverseSort'): DashboardState {
	const current = state.documents.sort;
	const sort = how === 'sort' ? {column: cycle([undefined, ...DOCUMENT_COLUMNS], current.column, 1), descending: false} : {...current, descending: !current.descending};
	const document = documentOrder(state.analyses, current)[state.documents.list.cursor];
	const cursor = document === undefined ? 0 : documentOrder(state.analyses, sort).indexOf(document);
	const list = settleList({cursor, offset: state.documents.list.offset}, state.analyses.length, listRows(state, 'documents'));
	return {...state, documents: {sort, list}};
}

function setQuery(state: DashboardState, query: string): DashboardState {
	if (query === state.search.query) return state;
	return {...state, search: {...state.search, query, searching: query.trim() !== '', list: TOP}};
}

export function reduce(state: DashboardState, action: Action): DashboardState {
	switch (action.type) {
		case 'resize':
			return {...state, viewport: action.viewport};
		case 'arrived': {
			if (action.analyses.length === 0) return state;
			const next = {...state, analyses: [...state.analyses, ...action.analyses]};
			// The Article pane shows the first document as soon as there is one.
			return next.article.document === undefined ? {...next, article: {top: 0, document: 0}} : next;
		}
		case 'progress':
			return {...state, progress: {...state.progress, done: action.done, total: action.total, documents: action.documents, now: action.now}};
		case 'finished':
			return {...state, progress: {...state.progress, now: action.now, finished: true}};
		case 'command': {
			const cleared = state.message && action.command !== 'back' ? {...state, message: undefined} : state;
			return command(cleared, action.command);
		}
		case 'type':
			return setQuery(state, state.search.query + action.text);
		case 'results': {
			if (action.query !== state.search.query) return state;
			const unchanged = action.hits.length === 0 && state.search.hits.length === 0 && state.search.answered === action.query && state.search.searching === !action.complete;
			if (unchanged) return state;
			const fresh = action.query !== state.search.answered;
			const list = fresh ? TOP : settleList(state.search.list, action.hits.length, listRows(state, 'search'));
			return previewHit({...state, search: {...state.search, hits: action.hits, answered: action.query, searching: !action.complete, list}});
		}
		case 'briefed': {
			// Computed for documents that have changed since: the app computes it again for these.
			if (action.analyses !== state.analyses) return state;
			const stillThere = state.stories.open !== undefined && action.briefing.stories.some(s => s.id === state.stories.open);
			return {...state, briefing: {briefing: action.briefing, for: action.analyses, note: action.note}, stories: stillThere ? state.stories : {...state.stories, open: undefined}};
		}
		case 'briefing-step':
			// Of a briefing for the documents as they are (not one already done, nor one for documents since changed).
			if (action.analyses !== state.analyses || state.briefing.for === state.analyses) return state;
			return {...state, briefing: {...state.briefing, step: action.step}};
		case 'message':
			return {...state, message: action.text};
		case 'problem':
			return {...state, problems: [...state.problems, action.text]};
	}
}
