import type {DocumentAnalysis} from '../analysis/types.js';
import type {RunSummary} from '../analysis/run.js';
import type {ReadProblem} from '../corpus/types.js';
import type {Store} from '../store/store.js';

export interface DashboardOptions {
	/** Filled in by the run as it goes: files found, read and skipped. The progress bar reads it. */
	summary: RunSummary;
	/** Problems also reach stderr, which the dashboard holds back while it is up and prints on leaving. */
	onProblem: (problem: ReadProblem) => void;
	/** The store the documents are held from (store/held.ts): search reads their sentences there. */
	store?: Store;
}

/**
 * Ink writes nothing until exit when it believes it runs in CI (a CI or CONTINUOUS_INTEGRATION
 * variable), and chalk turns colour off when CI is set at all. The dashboard only opens with a
 * terminal on stdin and stdout, so someone is watching it: hide those variables while Ink and chalk
 * load (they read them once, on import), then put them back.
 */
async function withoutCiDetection<T>(load: () => Promise<T>): Promise<T> {
	const saved = {CI: process.env['CI'], CONTINUOUS_INTEGRATION: process.env['CONTINUOUS_INTEGRATION']};
	for (const name of Object.keys(saved)) delete process.env[name];
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
