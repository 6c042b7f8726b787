import type {Briefing} from '../analysis/stories/types.js';
import type {DocumentAnalysis, EntityType, FactKind, SearchHit} from '../analysis/types.js';

/** The seven panes, in the order Tab and the number keys go through them. */
export type PaneId = 'stories' | 'documents' | 'article' | 'search' | 'entities' | 'facts' | 'timeline';

/** Terminal size in character cells. */
export interface Viewport {
	columns: number;
	rows: number;
}

/** Where a list's highlighted row is, and the first row on screen. */
export interface ListPosition {
	cursor: number;
	offset: number;
}

export type FactColumn = 'document' | 'kind' | 'text' | 'value' | 'subject';

/** No column: the order the facts were found in, document by document. */
export interface FactSort {
	column?: FactColumn;
	descending: boolean;
}

/** An entity picked in the Entities pane; kept by its names because merged rows change as documents arrive. */
export interface EntityRef {
	name: string;
	type: EntityType;
	aliases: string[];
}

/** How far the analysis has got. Times are milliseconds since the epoch, passed in so the reducer stays pure. */
export interface Progress {
	/** Inputs read (files, addresses) of `total`. */
	done: number;
	total: number;
	/** Documents read so far: a feed or an export holds many. */
	documents?: number;
	startedAt: number;
	now: number;
	finished: boolean;
}

export interface ArticleState {
	/** Index into `analyses`. */
	document?: number;
	/** Offset into the document's text of the first line on screen: it survives re-wrapping on resize. */
	top: number;
	/** Sentence to highlight: the one a search hit, fact or mention was opened at. */
	sentence?: number;
	/** The pane Enter opened it from: Esc goes back there, as in lazygit. */
	from?: PaneId;
}

export interface SearchState {
	query: string;
	/** Hits for `answered`, which may lag `query` while a search runs. */
	hits: SearchHit[];
	answered: string;
	searching: boolean;
	list: ListPosition;
}

export type DocumentColumn = 'title' | 'source' | 'date';

/** No column: the order the documents arrived in. */
export interface DocumentSort {
	column?: DocumentColumn;
	descending: boolean;
}

export interface DocumentsState {
	/** The cursor counts rows as sorted. */
	list: ListPosition;
	sort: DocumentSort;
}

export interface StoriesState {
	list: ListPosition;
	/** The id of the story opened with Enter: the pane then shows it instead of the list. */
	open?: string;
	/** In an open story: `cursor` counts its items (summary sentences, documents, figures, dates), `offset` its lines. */
	detail: ListPosition;
}

/**
 * The briefing is computed over every document once loading has finished, off the keystroke path;
 * `for` is the analyses array it was computed from, so a stale one is never shown as current.
 */
export interface BriefingState {
	briefing?: Briefing;
	for?: DocumentAnalysis[];
	/** Why the briefing is empty when it was not computed (too many documents to group here). */
	note?: string;
	/** Where the briefing being computed stands ("building stories 1,054/2,861"). */
	step?: string;
}

export interface EntitiesState {
	list: ListPosition;
	/** When set, the pane lists this entity's mentions instead of all entities. */
	mentionsOf?: EntityRef;
	mentions: ListPosition;
}

export interface FactsState {
	list: ListPosition;
	sort: FactSort;
	kind?: FactKind;
	/** Only facts whose sentence names this entity. */
	entity?: EntityRef;
}

export interface DashboardState {
	viewport: Viewport;
	analyses: DocumentAnalysis[];
	progress: Progress;
	focus: PaneId;
	/** Where Esc returns to from the search box. */
	returnFocus: PaneId;
	help: boolean;
	helpOffset: number;
	stories: StoriesState;
	briefing: BriefingState;
	documents: DocumentsState;
	article: ArticleState;
	search: SearchState;
	entities: EntitiesState;
	facts: FactsState;
	timeline: ListPosition;
	/** A line for the status bar: what an action did ("wrote …"). */
	message?: string;
	/** Problems reported while the dashboard was up (files skipped, decoding warnings). */
	problems: string[];
}

/** What a key can do. The keymap binds keys to these; the reducer (or the app, for side effects) runs them. */
export type Command =
	| 'nextPane'
	| 'previousPane'
	| 'focusStories'
	| 'focusDocuments'
	| 'focusArticle'
	| 'focusSearch'
	| 'focusEntities'
	| 'focusFacts'
	| 'focusTimeline'
	| 'search'
	| 'help'
	| 'quit'
	| 'interrupt'
	| 'down'
	| 'up'
	| 'pageDown'
	| 'pageUp'
	| 'top'
	| 'bottom'
	| 'open'
	| 'back'
	| 'erase'
	| 'clearQuery'
	| 'sort'
	| 'reverseSort'
	| 'filterKind'
	| 'exportCsv'
	| 'entityFacts';

export type Action =
	| {type: 'resize'; viewport: Viewport}
	| {type: 'arrived'; analyses: DocumentAnalysis[]}
	| {type: 'progress'; done: number; total: number; documents?: number; now: number}
	| {type: 'finished'; now: number}
	| {type: 'command'; command: Command}
	| {type: 'type'; text: string}
	| {type: 'results'; query: string; hits: SearchHit[]; complete: boolean}
	| {type: 'briefed'; briefing: Briefing; analyses: DocumentAnalysis[]; note?: string}
	| {type: 'briefing-step'; step: string; analyses: DocumentAnalysis[]}
	| {type: 'message'; text: string}
	| {type: 'problem'; text: string};

/** Named text styles; a theme says how each looks. */
export type Style =
	| 'person'
	| 'place'
	| 'organization'
	| 'match'
	| 'highlight'
	| 'dim'
	| 'title'
	| 'selected'
	| 'header'
	| 'muted'
	| 'key'
	| 'warning'
	| 'bar'
	| 'tab'
	| 'activeTab'
	| 'status';

/** A run of text drawn in one set of styles. */
export interface Segment {
	text: string;
	styles?: Style[];
}

export type LayoutMode = 'wide' | 'medium' | 'narrow';

/** A pane's place on screen, border included. */
export interface PaneBox {
	pane: PaneId;
	width: number;
	height: number;
}

export interface Layout {
	mode: LayoutMode;
	/** Rows drawn: one fewer than the terminal has, so the last line never scrolls the screen. */
	height: number;
	width: number;
	tabBar: boolean;
	progress: boolean;
	/** Rows left for panes (or help). */
	paneHeight: number;
	/** Side-by-side columns, each a stack of panes. */
	columns: Array<{width: number; panes: PaneBox[]}>;
}
