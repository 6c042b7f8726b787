import {render} from 'ink';
import type {DocumentAnalysis} from '../analysis/types.js';
import {Dashboard, viewportOf} from './app.js';
import type {DashboardOptions} from './dashboard.js';
import {SentenceSearch} from './search.js';
import {StoredSentenceSearch} from './stored-search.js';
import {initialState} from './state.js';
import {DashboardStore} from './store.js';
import {CLEAR_SCREEN, TerminalSession} from './terminal.js';
import {themeFor} from './theme.js';

/**
 * Arrivals are handed to the panes in batches, so they redraw a few times a second rather than per
 * file. The first batch goes out 40 ms after the first document (a small set arrives whole, in one
 * redraw). Each batch re-derives the merged entities and facts from every document so far, so batches
 * grow further apart as documents add up, and the total work stays linear.
 */
export function batchInterval(documents: number): number {
	return documents === 0 ? 40 : Math.min(1000, 100 + documents);
}
const PROGRESS_MS = 200;

/**
 * Hand analyses to the store as they arrive, with the progress figures of the run (the run keeps its
 * summary up to date: files found, read, skipped). Stops taking documents once `stopped()` says the
 * dashboard has closed.
 */
export async function feedStore(analyses: AsyncIterable<DocumentAnalysis>, store: DashboardStore, options: DashboardOptions, stopped: () => boolean): Promise<void> {
	const {summary} = options;
	let batch: DocumentAnalysis[] = [];
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		timer = undefined;
		if (batch.length === 0 || stopped()) return;
		store.dispatch({type: 'arrived', analyses: batch});
		batch = [];
	};
	const tick = () => {
		if (!stopped()) store.dispatch({type: 'progress', done: summary.read + summary.skipped, total: summary.total, documents: summary.documents, now: Date.now()});
	};
	const ticker = setInterval(tick, PROGRESS_MS);
	try {
		for await (const analysis of analyses) {
			if (stopped()) break;
			batch.push(analysis);
			timer ??= setTimeout(flush, batchInterval(store.getState().analyses.length));
		}
	} finally {
		clearInterval(ticker);
		clearTimeout(timer);
		flush();
		tick();
		if (!stopped()) store.dispatch({type: 'finished', now: Date.now()});
	}
}

export async function runSession(analyses: AsyncIterable<DocumentAnalysis>, options: DashboardOptions): Promise<number> {
	const {stdout, stdin, stderr} = process;
	const store = new DashboardStore(initialState(viewportOf(stdout), Math.round(performance.timeOrigin)));
	const terminal = new TerminalSession({stdout, stdin, stderr}, text => store.dispatch({type: 'problem', text}));
	let closed = false;
	let feeding = true;
	terminal.enter();
	// Registered before Ink's own listener, so the screen is blank before Ink draws the new size.
	const resized = () => {
		const viewport = viewportOf(stdout);
		const {viewport: current} = store.getState();
		if (viewport.columns === current.columns && viewport.rows === current.rows) return;
		stdout.write(CLEAR_SCREEN);
		store.dispatch({type: 'resize', viewport});
	};
	stdout.on('resize', resized);
	const search = options.store?.usable ? new StoredSentenceSearch(options.store) : new SentenceSearch();
	try {
		const app = render(<Dashboard store={store} search={search} theme={themeFor(process.env)} exportDirectory={process.cwd()} />, {
			stdout,
			stdin,
			stderr,
			exitOnCtrlC: false,
			patchConsole: true,
			maxFps: 60,
		});
		feedStore(analyses, store, options, () => closed).then(
			() => (feeding = false),
			error => {
				feeding = false;
				store.dispatch({type: 'problem', text: `analysis stopped: ${(error as Error).message}`});
			},
		);
		const status = await app.waitUntilExit();
		return typeof status === 'number' ? status : 0;
	} finally {
		closed = true;
		stdout.off('resize', resized);
		terminal.leave();
		if (search instanceof StoredSentenceSearch) search.close();
		// Analysis still running would keep the process alive after the user has left: it is not wanted any more.
		if (feeding) setTimeout(() => process.exit(process.exitCode ?? 0), 300).unref();
	}
}
