// Search latency, measured in process: bundled and run by bench/run.mjs as
//   node search-probe.js <corpus folder> <sentences file to write> <queries as JSON>
// It builds the SentenceIndex the dashboard and `briefing search` use over every sentence of the corpus,
// types each query one keystroke at a time, and prints the time of each search as JSON. It also writes
// the same sentences, one a line, for `fzf --filter` to search.
import {writeFileSync} from 'node:fs';
import {SentenceIndex, DEFAULT_SEARCH_LIMIT} from '../source/analysis/search.js';
import {loadDocuments, timeKeystrokes} from './probe-documents.js';

const [folder, sentencesFile, queriesJson] = process.argv.slice(2);
const queries = JSON.parse(queriesJson!) as string[];
const documents = await loadDocuments(folder!);

const started = performance.now();
const index = SentenceIndex.fromDocuments(documents);
const buildMs = performance.now() - started;

writeFileSync(sentencesFile!, documents.flatMap(d => d.sentences.map(s => s.text.replace(/\s+/g, ' '))).join('\n') + '\n');


const keystrokes = timeKeystrokes(queries, typed => index.search(typed, DEFAULT_SEARCH_LIMIT).length);

process.stdout.write(JSON.stringify({sentences: index.size, buildMs, limit: DEFAULT_SEARCH_LIMIT, keystrokes}) + '\n');
