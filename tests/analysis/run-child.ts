// analysePaths in a process of its own, for the store's process tests (bundled by store-process.test.ts):
//   node run-child.mjs <store directory> <paths…>
// Prints {"document": path} as each analysis is yielded, then {"summary": RunSummary}. Ctrl-C (SIGINT) exits
// with 130 at once, as briefing's handler does.
import {analysePaths, type RunSummary} from '../../source/analysis/run.js';

const [directory, ...paths] = process.argv.slice(2);
process.once('SIGINT', () => process.exit(130));
const summary: RunSummary = {total: 0, read: 0, skipped: 0};
for await (const analysis of analysePaths(paths, {cacheDirectory: directory, workers: 0, onMessage: message => process.stderr.write(`store: ${message}\n`)}, summary)) {
	process.stdout.write(`${JSON.stringify({document: analysis.document.path})}\n`);
}
process.stdout.write(`${JSON.stringify({summary})}\n`);
