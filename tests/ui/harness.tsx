import {render} from 'ink-testing-library';
import {Fragment} from 'react';
import type {Briefing} from '../../source/analysis/stories/types.js';
import type {BriefingProgress} from '../../source/analysis/stories/kept.js';
import type {DocumentAnalysis} from '../../source/analysis/types.js';
import {Dashboard} from '../../source/ui/app.js';
import {type Searcher, SentenceSearch} from '../../source/ui/search.js';
import {initialState} from '../../source/ui/state.js';
import {DashboardStore} from '../../source/ui/store.js';
import {colourTheme, type Theme} from '../../source/ui/theme.js';

/** Ink's own colour and attribute codes (SGR). Everything else would have come from a document. */
const SGR = /\x1b\[[0-9;]*m/g;

export function plain(frame: string | undefined): string {
	return (frame ?? '').replace(SGR, '');
}

export const KEYS = {
	enter: '\r',
	escape: '\x1b',
	tab: '\t',
	shiftTab: '\x1b[Z',
	up: '\x1b[A',
	down: '\x1b[B',
	pageDown: '\x1b[6~',
	pageUp: '\x1b[5~',
	backspace: '\x7f',
	ctrlC: '\x03',
} as const;

/**
 * Poll until `check` passes (returns without throwing and not false). React batches updates and Ink
 * draws when it commits, so tests wait for the frame they expect rather than guess a delay.
 */
export async function waitFor<T>(check: () => T, {timeout = 5000, interval = 5} = {}): Promise<T> {
	const deadline = Date.now() + timeout;
	for (;;) {
		try {
			const result = check();
			if (result !== false) return result;
		} catch (error) {
			if (Date.now() > deadline) throw error;
		}
		if (Date.now() > deadline) throw new Error('waitFor: condition never held');
		await new Promise(resolve => setTimeout(resolve, interval));
	}
}

export interface RenderOptions {
	analyses?: DocumentAnalysis[];
	columns?: number;
	rows?: number;
	theme?: Theme;
	exportDirectory?: string;
	now?: () => Date;
	/** Leave the run going (progress bar shown); by default the analysis has finished. */
	running?: boolean;
	/** The briefing the dashboard computes; by default the real `brief()`. */
	brief?: (analyses: DocumentAnalysis[], onProgress?: BriefingProgress) => Briefing | Promise<Briefing>;
	/** The most documents grouped into stories. */
	maxBriefed?: number;
	/** What the search box searches with; by default fuse.js over the sentences in memory. */
	search?: Searcher;
}

/** Render the dashboard with ink-testing-library in a terminal of the given size. */
export function renderDashboard({analyses = [], columns = 120, rows = 35, theme = colourTheme, exportDirectory = process.cwd(), now, running = false, brief, search = new SentenceSearch(), maxBriefed}: RenderOptions = {}) {
	const store = new DashboardStore(initialState({columns, rows}, 0));
	if (analyses.length > 0) store.dispatch({type: 'arrived', analyses});
	if (!running) store.dispatch({type: 'finished', now: 0});
	const exits: number[] = [];
	// Mount empty first: ink-testing-library's stdout is 100 columns with no rows until told otherwise.
	const app = render(<Fragment />);
	const size = {columns, rows};
	Object.defineProperty(app.stdout, 'columns', {get: () => size.columns, configurable: true});
	Object.defineProperty(app.stdout, 'rows', {get: () => size.rows, configurable: true});
	app.rerender(<Dashboard store={store} search={search} theme={theme} exportDirectory={exportDirectory} now={now} onExit={status => exits.push(status)} brief={brief} maxBriefed={maxBriefed} />);
	const frame = () => plain(app.lastFrame());
	return {
		...app,
		store,
		exits,
		frame,
		/** Type keys one chunk at a time, as a terminal sends them. */
		press(...keys: string[]) {
			for (const key of keys) app.stdin.write(key);
		},
		resize(newColumns: number, newRows: number) {
			size.columns = newColumns;
			size.rows = newRows;
			app.stdout.emit('resize');
		},
		/** Wait until the frame (without colour codes) passes `check`; returns it. */
		async waitForFrame(check: (frame: string) => boolean): Promise<string> {
			return waitFor(() => {
				const current = frame();
				if (!check(current)) throw new Error(`frame never matched; last frame:\n${current}`);
				return current;
			});
		},
	};
}
