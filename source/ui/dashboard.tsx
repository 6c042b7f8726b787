import type {DocumentAnalysis} from '../analysis/types.js';
import type {RunSummary} from '../analysis/run.js';
import type {ReadProblem} from '../corpus/types.js';

export interface DashboardOptions {
	/** Filled in by the run as it goes: files found, read and skipped. The progress bar reads it. */
	summary: RunSummary;
	onProblem: (problem: ReadProblem) => void;
	/** When the command started (ms since the epoch), so the rate counts from launch. */
	startedAt?: number;
	/** Subscribe to the run's progress (files done of total); returns an unsubscribe function. */
	subscribeProgress?: (listener: (done: number, total: number) => void) => () => void;
}

/**
 * Ink writes nothing until exit when it believes it runs in CI (a CI or CONTINUOUS_INTEGRATION
 * variable). The dashboard only opens with a terminal on stdin and stdout, so it is being watched:
 * hide those variables while Ink loads (it reads them once, on import).
 */
async function withoutCiDetection<T>(load: () => Promise<T>): Promise<T> {
	const saved = {CI: process.env['CI'], CONTINUOUS_INTEGRATION: process.env['CONTINUOUS_INTEGRATION']};
	for (const name of Object.keys(saved)) if (process.env[name] !== undefined) process.env[name] = 'false';
	try {
		return await load();
	} finally {
		for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
	}
}

/**
 * Opens the dashboard over the analyses as they arrive; resolves to the exit status (0 on q, 130 on
 * Ctrl-C). Ink and React load here, on demand, so the pipe commands never pay for them.
 */
export async function runDashboard(analyses: AsyncIterable<DocumentAnalysis>, options: DashboardOptions): Promise<number> {
	const {runSession} = await withoutCiDetection(() => import('./session.js'));
	return runSession(analyses, options);
}
