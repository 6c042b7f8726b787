// What the search probes share: the corpus read into documents as the command line reads it.
import {buildDocument} from '../source/corpus/document.js';
import {discoverFiles, isProblem, readSource} from '../source/corpus/read.js';
import type {Document} from '../source/corpus/types.js';

/** Timed passes over the keystrokes; each keystroke's median is kept, so one stall does not decide. */
export const PASSES = 3;

export async function loadDocuments(folder: string): Promise<Document[]> {
	const documents: Document[] = [];
	for (const path of (await discoverFiles([folder])).files) {
		const source = await readSource(path);
		if (!isProblem(source)) documents.push(buildDocument(path, source.text));
	}
	return documents;
}
