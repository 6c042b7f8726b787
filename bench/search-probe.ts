// Search latency, measured in process: bundled and run by bench/run.mjs as
//   node search-probe.js <corpus folder> <sentences file to write> <queries as JSON>
// It builds the SentenceIndex the dashboard and `briefing search` use over every sentence of the corpus,
// types each query one keystroke at a time, and prints the time of each search as JSON. It also writes
// the same sentences, one a line, for `fzf --filter` to search.
import {writeFileSync} from 'node:fs';
import {SentenceIndex, DEFAULT_SEARCH_LIMIT} from '../source/analysis/search.js';
import {loadDocuments, PASSES} from './probe-documents.js';

const [folder, sentencesFile, queriesJson] = process.argv.slice(2);
const queries = JSON.parse(queriesJson!) as string[];
const documents = await loadDocuments(folder!);

let started = performance.now();
const index = SentenceIndex.fromDocuments(documents);
const buildMs = performance.now() - started;

writeFileSync(sentencesFile!, documents.flatMap(d => d.sentences.map(s => s.text.replace(/\s+/g, ' '))).join('\n') + '\n');

// Untimed: the first searches run before the JIT has compiled the search.
for (const query of ['warm up', 'wram pu']) for (let i = 1; i <= query.length; i++) index.search(query.slice(0, i), DEFAULT_SEARCH_LIMIT);

const keystrokes: Array<{query: string; ms: number; hits: number}> = [];
for (const query of queries) {
	for (let i = 1; i <= query.length; i++) {
		const typed = query.slice(0, i);
		const times: number[] = [];
		let hits = 0;
		for (let pass = 0; pass < PASSES; pass++) {
			started = performance.now();
			hits = index.search(typed, DEFAULT_SEARCH_LIMIT).length;
			times.push(performance.now() - started);
		}
		times.sort((a, b) => a - b);
		keystrokes.push({query: typed, ms: times[Math.floor(PASSES / 2)]!, hits});
	}
}

process.stdout.write(JSON.stringify({sentences: index.size, buildMs, limit: DEFAULT_SEARCH_LIMIT, keystrokes}) + '\n');
