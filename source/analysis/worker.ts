// Entry point of an analysis worker thread (bundled as dist/worker.js). It receives texts and answers with
// their analyses encoded as the cache stores them, so the main thread can cache them without encoding again.
import {parentPort} from 'node:worker_threads';
import type {SourceDocument} from '../corpus/types.js';
import {analyseSource} from './analyse.js';
import {encodeAnalysis} from './cache.js';

/** A document to analyse, as its input format yielded it. */
export interface AnalysisTask {
	id: number;
	source: SourceDocument;
}

export type AnalysisReply = {id: number; encoded: string} | {id: number; error: {message: string; stack?: string}};

parentPort?.on('message', (task: AnalysisTask) => {
	let reply: AnalysisReply;
	try {
		reply = {id: task.id, encoded: encodeAnalysis(analyseSource(task.source), task.source.text)};
	} catch (error) {
		reply = {id: task.id, error: {message: (error as Error)?.message ?? String(error), stack: (error as Error)?.stack}};
	}
	parentPort!.postMessage(reply);
});
