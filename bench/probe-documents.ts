// What the search probes share: the corpus read into documents as the command line reads it, and the
// keystroke-by-keystroke timing.
import {buildDocument} from '../source/corpus/document.js';
import {discoverFiles, isProblem, readSource} from '../source/corpus/read.js';
import type {Document} from '../source/corpus/types.js';

/** Timed passes over the keystrokes; each keystroke's median is kept, so one stall does not decide. */
const PASSES = 3;

export interface Keystroke {
	query: string;
	ms: number;
	hits: number;
}

/**
 * Type each query one keystroke at a time and time `search` (which returns its hit count) on each prefix.
 * Two queries are typed untimed first, so the searches measured run after the JIT has compiled the search.
 */
export function timeKeystrokes(queries: string[], search: (query: string) => number): Keystroke[] {
	for (const query of ['warm up', 'wram pu']) for (let i = 1; i <= query.length; i++) search(query.slice(0, i));
	const keystrokes: Keystroke[] = [];
	for (const query of queries) {
		for (let i = 1; i <= query.length; i++) {
			const typed = query.slice(0, i);
			const times: number[] = [];
			let hits = 0;
			for (let pass = 0; pass < PASSES; pass++) {
				const started = performance.now();
				hits = search(typed);
				times.push(performance.now() - started);
			}
			times.sort((a, b) => a - b);
			keystrokes.push({query: typed, ms: times[Math.floor(PASSES / 2)]!, hits});
		}
	}
	return keystrokes;
}

export async function loadDocuments(folder: string): Promise<Document[]> {
	const documents: Document[] = [];
	for (const path of (await discoverFiles([folder])).files) {
		const source = await readSource(path);
		if (!isProblem(source)) documents.push(buildDocument(path, source.text));
	}
	return documents;
}
