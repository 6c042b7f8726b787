import {Box, type Key, useApp, useInput, useStdout} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useSyncExternalStore} from 'react';
import {figureRecords, type OutputRecord} from '../output/records.js';
import {inert} from '../output/inert.js';
import {briefElsewhere} from '../analysis/stories/elsewhere.js';
import type {Briefing} from '../analysis/stories/types.js';
import type {BriefingProgress, BriefingStage} from '../analysis/stories/kept.js';
import type {DocumentAnalysis} from '../analysis/types.js';
import {HeldDocument} from '../store/held.js';
import type {Store} from '../store/store.js';
import {TextLine, ThemeContext} from './components/text-line.js';
import {storiesThatDiffer, timelineRows} from './briefing.js';
import {writeFactsCsv} from './export.js';
import {commandFor, keyPresses} from './keymap.js';
import {dashboardLayout, formatCount, progressLine, statusLine, tabBar} from './layout.js';
import {ArticlePane} from './panes/article.js';
import {DocumentsPane} from './panes/documents.js';
import {EntitiesPane} from './panes/entities.js';
import {FactsPane} from './panes/facts.js';
import {HelpPane} from './panes/help.js';
import {SearchPane} from './panes/search.js';
import {StoriesPane} from './panes/stories.js';
import {TimelinePane} from './panes/timeline.js';
import {LiveSearch, type Searcher} from './search.js';
import type {DashboardStore} from './store.js';
import type {Theme} from './theme.js';
import {fitSegments} from './text.js';
import type {DashboardState, PaneBox, Viewport} from './types.js';
import {entityRows, type FactRow, factRows, totals} from './views.js';

/** Exit statuses, as fzf has them: 0 when the user quits, 130 when interrupted. */
export const QUIT_STATUS = {quit: 0, interrupt: 130} as const;

/** Hits kept per query: more than a screen holds, few enough to sort at once. */
export const SEARCH_LIMIT = 100;

export interface DashboardProps {
	store: DashboardStore;
	search: Searcher;
	theme: Theme;
	/** Where exported CSV files go (the working directory). */
	exportDirectory: string;
	/** The clock, for file names; tests pass a fixed one. */
	now?: () => Date;
	/** Told the exit status as the dashboard closes (0 for q, 130 for Ctrl-C). */
	onExit?: (status: number) => void;
	/** The briefing over every document, by default in a worker thread; tests pass one built by hand. */
	brief?: (analyses: DocumentAnalysis[], onProgress?: BriefingProgress) => Briefing | Promise<Briefing>;
	/** The most documents grouped into stories (MAX_BRIEFED_DOCUMENTS); tests pass a small one. */
	maxBriefed?: number;
}

/** The size of the terminal, falling back to 80×24 when the stream does not say. */
export function viewportOf(stdout: {columns?: number; rows?: number}): Viewport {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/**
 * The CSV records of these fact rows, in their order, made as they are written. The sentences they stand in
 * are gathered first, a document at a time (a held document's are read from the store once), and only those
 * sentences are kept: 600,000 rows sorted by value visit documents in no order. Keys get a turn every few
 * thousand rows.
 */
async function* factRecordsOf(analyses: DocumentAnalysis[], rows: readonly FactRow[]): AsyncGenerator<OutputRecord> {
	const contexts = new Map<number, Map<number, string>>();
	for (const {document, fact} of rows) {
		let sentences = contexts.get(document);
		if (!sentences) contexts.set(document, (sentences = new Map()));
		sentences.set(fact.sentence, '');
	}
	// Held documents' sentences from the store's `texts`, as `briefing facts` reads them: no whole analysis decoded.
	const held = new Map<string, number[]>();
	let store: Store | undefined;
	let done = 0;
	for (const [document, sentences] of contexts) {
		const {document: source} = analyses[document]!;
		if (source instanceof HeldDocument) {
			store = source.store;
			held.set(source.hash, [...(held.get(source.hash) ?? []), document]);
			continue;
		}
		// A copy of each: a slice would keep the whole document's text in memory.
		for (const sentence of sentences.keys()) sentences.set(sentence, ` ${source.sentences[sentence]?.text ?? ''}`.slice(1));
		done += sentences.size;
		if (done >= EXPORT_SLICE_ROWS) {
			done = 0;
			await new Promise(resolve => setImmediate(resolve));
		}
	}
	if (store && held.size > 0) {
		const ids = store.ids([...held.keys()]);
		const documentsOf = new Map<number, number[]>();
		for (const [hash, documents] of held) if (ids.has(hash)) documentsOf.set(ids.get(hash)!, documents);
		const all = [...documentsOf.keys()];
		for (let at = 0; at < all.length; at += EXPORT_SLICE_DOCUMENTS) {
			store.eachSentences(all.slice(at, at + EXPORT_SLICE_DOCUMENTS), (id, encoded) => {
				const texts = JSON.parse(encoded) as string[];
				for (const document of documentsOf.get(id)!) {
					const sentences = contexts.get(document)!;
					for (const sentence of sentences.keys()) sentences.set(sentence, texts[sentence] ?? '');
				}
			});
			await new Promise(resolve => setImmediate(resolve));
		}
	}
	for (const {document, fact} of rows) {
		const sentences = contexts.get(document)!;
		yield* figureRecords(analyses[document]!.document.path, [fact], sentence => sentences.get(sentence) ?? '');
	}
}

const EXPORT_SLICE_ROWS = 2000;
const EXPORT_SLICE_DOCUMENTS = 500;

/** The one input hook: keys become commands through the keymap; in the search box, other keys are text. */
function useKeys(store: DashboardStore, effects: {quit: () => void; interrupt: () => void; exportCsv: () => void}) {
	const handler = useCallback(
		(input: string, key: Key) => {
			let typed = '';
			const flushTyped = () => {
				if (typed) store.dispatch({type: 'type', text: typed});
				typed = '';
			};
			for (const press of keyPresses(input, key)) {
				const state = store.getState();
				const command = commandFor(press.name, {focus: state.focus, help: state.help});
				if (command === undefined) {
					if (state.focus === 'search' && !state.help && press.text) typed += press.text;
					continue;
				}
				flushTyped();
				if (command === 'quit') return effects.quit();
				if (command === 'interrupt') return effects.interrupt();
				if (command === 'exportCsv') effects.exportCsv();
				else store.dispatch({type: 'command', command});
			}
			flushTyped();
		},
		[store, effects],
	);
	useInput(handler);
}

/**
 * Keeps the search index fed with arriving documents and runs the query as it changes. It follows the
 * store directly rather than through an effect: a keystroke and, on a small set, its results then
 * land in one frame; a large set is searched in slices after it.
 */
function useSearch(store: DashboardStore, search: Searcher) {
	useEffect(() => {
		const live = new LiveSearch(search, SEARCH_LIMIT, (query, hits, complete) => store.dispatch({type: 'results', query, hits, complete}));
		let added = 0;
		let query = '';
		let finished = false;
		const follow = () => {
			const state = store.getState();
			if (state.analyses.length > added) {
				const arrived = state.analyses.slice(added);
				added = state.analyses.length;
				live.addDocuments(arrived.map(a => a.document));
			}
			if (state.progress.finished && !finished) {
				finished = true;
				live.finished();
			}
			if (state.search.query !== query) {
				query = state.search.query;
				live.setQuery(query);
			}
		};
		const unsubscribe = store.subscribe(follow);
		follow();
		return () => {
			unsubscribe();
			live.dispose();
		};
	}, [store, search]);
}

const NO_BRIEFING: Briefing = {stories: [], comparisons: [], timeline: []};

/** Where a briefing stands, as the Stories pane says it. */
function briefingStep(stage: BriefingStage, done: number, total: number): string {
	if (stage === 'parts') return `preparing ${formatCount(done)}/${formatCount(total)} documents…`;
	if (stage === 'grouping') return `grouping ${formatCount(total)} documents…`;
	return `building stories ${formatCount(done)}/${formatCount(total)}…`;
}

/**
 * The most documents the dashboard groups into stories. Grouping runs in a thread of the dashboard's process
 * over each document's story parts (a few KB each), and reads whole the documents of stories that have several;
 * at 10,000 generated articles the process peaked at 700 MB with it, but at 100,000 the thread alone takes over a
 * GB beside what the dashboard holds. Past this, the panes say so (and `briefing stories`, a process of its own,
 * does the work).
 */
export const MAX_BRIEFED_DOCUMENTS = 10_000;

/**
 * Computes the briefing once every document has arrived, and again only when the documents change.
 * It needs them all (stories group documents), so it waits for the end of loading; and it runs a turn
 * of the event loop later, so keys already waiting are handled, and the frame saying "grouping…" drawn,
 * before it takes the thread.
 */
function useBriefing(store: DashboardStore, brief: (analyses: DocumentAnalysis[], onProgress?: BriefingProgress) => Briefing | Promise<Briefing>, maxBriefed: number) {
	useEffect(() => {
		let scheduled: NodeJS.Timeout | undefined;
		let pending: DocumentAnalysis[] | undefined;
		const follow = () => {
			const state = store.getState();
			if (!state.progress.finished || state.briefing.for === state.analyses || pending === state.analyses) return;
			const analyses = (pending = state.analyses);
			clearTimeout(scheduled);
			if (analyses.length > maxBriefed) {
				const note = `${formatCount(analyses.length)} documents: stories and the timeline group at most ${formatCount(maxBriefed)} here; briefing stories DIR groups them all`;
				store.dispatch({type: 'briefed', briefing: NO_BRIEFING, analyses, note});
				return;
			}
			scheduled = setTimeout(async () => {
				let briefing = NO_BRIEFING;
				try {
					briefing = await brief(analyses, (stage, done, total) => store.dispatch({type: 'briefing-step', step: briefingStep(stage, done, total), analyses}));
					// The Timeline's order and the stories' conflict marks, worked out now rather than on the first key that needs them.
					timelineRows(briefing, analyses);
					storiesThatDiffer(briefing);
				} catch (error) {
					store.dispatch({type: 'problem', text: `briefing failed: ${inert((error as Error).message)}`});
				}
				store.dispatch({type: 'briefed', briefing, analyses});
			}, 0);
		};
		const unsubscribe = store.subscribe(follow);
		follow();
		return () => {
			unsubscribe();
			clearTimeout(scheduled);
		};
	}, [store, brief, maxBriefed]);
}

function useViewport(store: DashboardStore) {
	const {stdout} = useStdout();
	useEffect(() => {
		const resized = () => {
			const viewport = viewportOf(stdout);
			const current = store.getState().viewport;
			if (viewport.columns !== current.columns || viewport.rows !== current.rows) store.dispatch({type: 'resize', viewport});
		};
		stdout.on('resize', resized);
		resized();
		return () => {
			stdout.off('resize', resized);
		};
	}, [stdout, store]);
}

function Pane({box, state}: {box: PaneBox; state: DashboardState}) {
	const focused = state.focus === box.pane;
	switch (box.pane) {
		case 'stories':
			return <StoriesPane briefing={state.briefing.briefing} note={state.briefing.note} step={state.briefing.step} analyses={state.analyses} stories={state.stories} progress={state.progress} box={box} focused={focused} />;
		case 'timeline':
			return <TimelinePane briefing={state.briefing.briefing} note={state.briefing.note} analyses={state.analyses} list={state.timeline} box={box} focused={focused} />;
		case 'documents':
			return <DocumentsPane analyses={state.analyses} documents={state.documents} open={state.article.document} box={box} focused={focused} />;
		case 'article':
			return <ArticlePane analysis={state.article.document === undefined ? undefined : state.analyses[state.article.document]} article={state.article} box={box} focused={focused} />;
		case 'search':
			return <SearchPane search={state.search} analyses={state.analyses} box={box} focused={focused} />;
		case 'entities':
			return <EntitiesPane analyses={state.analyses} entities={state.entities} box={box} focused={focused} />;
		case 'facts':
			return <FactsPane analyses={state.analyses} facts={state.facts} box={box} focused={focused} />;
	}
}

export function Dashboard({store, search, theme, exportDirectory, now = () => new Date(), onExit, brief = briefElsewhere, maxBriefed = MAX_BRIEFED_DOCUMENTS}: DashboardProps) {
	const state = useSyncExternalStore(store.subscribe, store.getState);
	const {exit} = useApp();
	const effects = useRef({
		quit: () => {
			onExit?.(QUIT_STATUS.quit);
			exit(QUIT_STATUS.quit);
		},
		interrupt: () => {
			onExit?.(QUIT_STATUS.interrupt);
			exit(QUIT_STATUS.interrupt);
		},
		exportCsv: () => {
			const current = store.getState();
			const rows = factRows(current.analyses, current.facts);
			if (rows.length === 0) {
				store.dispatch({type: 'message', text: 'No facts shown: nothing to write'});
				return;
			}
			store.dispatch({type: 'message', text: `Writing ${formatCount(rows.length)} rows…`});
			writeFactsCsv(factRecordsOf(current.analyses, rows), exportDirectory, now()).then(
				name => store.dispatch({type: 'message', text: `Wrote ${rows.length} rows to ${inert(name)}`}),
				error => store.dispatch({type: 'message', text: `Could not write the CSV: ${inert((error as Error).message)}`}),
			);
		},
	}).current;
	useKeys(store, effects);
	useSearch(store, search);
	useBriefing(store, brief, maxBriefed);
	useViewport(store);

	const running = !state.progress.finished;
	// The same layout object while size and focus stay, so memoised panes whose data did not change skip rendering.
	const layout = useMemo(() => dashboardLayout(state.viewport, state.focus, {progress: running}), [state.viewport, state.focus, running]);
	const current = state.article.document === undefined ? undefined : state.analyses[state.article.document];
	const status = statusLine(
		{
			documents: state.analyses.length,
			words: totals(state.analyses).words,
			entities: entityRows(state.analyses).length,
			facts: totals(state.analyses).facts,
			current: current ? inert(current.document.title || current.document.path) : undefined,
			focus: state.focus,
			message: state.message,
			problems: state.problems.length,
			searching: state.focus === 'search' && !state.help,
		},
		layout.width,
	);
	return (
		<ThemeContext.Provider value={theme}>
			<Box flexDirection="column" width={layout.width} height={layout.height}>
				{layout.tabBar ? <TextLine segments={tabBar(state.focus, layout.width)} /> : null}
				{layout.paneHeight >= 3 ? (
					state.help ? (
						<HelpPane width={layout.width} height={layout.paneHeight} offset={state.helpOffset} />
					) : (
						<Box flexDirection="row" height={layout.paneHeight}>
							{layout.columns.map((column, i) => (
								<Box key={i} flexDirection="column" width={column.width}>
									{column.panes.map(box => (
										<Pane key={box.pane} box={box} state={state} />
									))}
								</Box>
							))}
						</Box>
					)
				) : null}
				{layout.progress ? (
					<TextLine
						segments={fitSegments(
							[{text: progressLine({done: state.progress.done, total: state.progress.total, documents: state.progress.documents, elapsedMs: state.progress.now - state.progress.startedAt}, layout.width), styles: ['bar']}],
							layout.width,
						)}
					/>
				) : null}
				<TextLine segments={status} />
			</Box>
		</ThemeContext.Provider>
	);
}
