import type {DocumentAnalysis} from '../analysis/types.js';
import type {RunSummary} from '../analysis/run.js';
import type {ReadProblem} from '../corpus/types.js';

export interface DashboardOptions {
	summary: RunSummary;
	onProblem: (problem: ReadProblem) => void;
}

/** Opens the dashboard over the analyses as they arrive; resolves to the exit status. */
export async function runDashboard(analyses: AsyncIterable<DocumentAnalysis>, _options: DashboardOptions): Promise<number> {
	const {render, Text} = await import('ink');
	const all: DocumentAnalysis[] = [];
	for await (const a of analyses) all.push(a);
	const {createElement} = await import('react');
	const app = render(createElement(Text, null, `${all.length} documents`));
	app.unmount();
	return 0;
}
