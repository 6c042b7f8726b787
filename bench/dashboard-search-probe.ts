// Search latency as the dashboard searches: bundled and run by bench/run.mjs as
//   node dashboard-search-probe.js <corpus folder> <queries as JSON>
// The dashboard's SentenceSearch (source/ui/search.ts) splits the sentences into shards and searches
// them a slice at a time between keystrokes; here each slice runs at once, so the time measured is the
// work from a keystroke to the complete results, without the turns of the event loop in between.
import {DEFAULT_SEARCH_LIMIT} from '../source/analysis/search.js';
import {SentenceSearch} from '../source/ui/search.js';
import {loadDocuments, timeKeystrokes} from './probe-documents.js';

const [folder, queriesJson] = process.argv.slice(2);
const queries = JSON.parse(queriesJson!) as string[];
const documents = await loadDocuments(folder!);

const started = performance.now();
const search = new SentenceSearch({defer: run => (run(), () => {})});
search.add(documents);

function complete(query: string): number {
	let hits = -1;
	search.run(query, DEFAULT_SEARCH_LIMIT, (found, done) => {
		if (done) hits = found.length;
	});
	if (hits < 0) throw new Error(`the search for "${query}" did not complete`);
	return hits;
}

complete('warm up');
const buildMs = performance.now() - started;

const keystrokes = timeKeystrokes(queries, complete);

process.stdout.write(JSON.stringify({buildMs, keystrokes}) + '\n');
