import {discoverFiles, isProblem, readSource, DEFAULT_MAX_BYTES} from '../corpus/read.js';
import type {ReadProblem} from '../corpus/types.js';
import {analyseText} from './analyse.js';
import type {DocumentAnalysis} from './types.js';

export interface RunOptions {
	maxBytes?: number;
	/** A file that could not be read, or was read with a warning. */
	onProblem?: (problem: ReadProblem) => void;
	/** Called after each file, read or skipped. */
	onProgress?: (done: number, total: number) => void;
	/** The name a file goes by in the output; by default its path as found. */
	label?: (path: string) => string;
}

export interface RunSummary {
	total: number;
	read: number;
	skipped: number;
}

/**
 * Read and analyse the given paths, yielding each document's analysis in the order of the files,
 * as soon as it is ready.
 */
export async function* analysePaths(paths: string[], options: RunOptions = {}, summary: RunSummary = {total: 0, read: 0, skipped: 0}): AsyncGenerator<DocumentAnalysis> {
	const {files, problems} = await discoverFiles(paths);
	summary.total = files.length + problems.length;
	for (const problem of problems) {
		summary.skipped++;
		options.onProblem?.(problem);
	}
	let done = 0;
	for (const path of files) {
		const source = await readSource(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
		done++;
		if (isProblem(source)) {
			summary.skipped++;
			options.onProblem?.(source);
		} else {
			for (const warning of source.warnings) options.onProblem?.({path, reason: warning, skipped: false});
			summary.read++;
			yield analyseText(options.label?.(path) ?? path, source.text);
		}
		options.onProgress?.(done, files.length);
	}
}
