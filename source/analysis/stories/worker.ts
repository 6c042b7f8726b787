// Entry point of the briefing's worker thread (bundled as dist/brief-worker.js). The dashboard hands it the
// analyses in slices as it can spare the time, then asks for the briefing, so that grouping thousands of
// documents never holds up a key.
import {parentPort} from 'node:worker_threads';
import type {DocumentAnalysis} from '../types.js';
import {brief} from './index.js';
import type {Briefing} from './types.js';

export type BriefingRequest = {analyses: DocumentAnalysis[]} | {brief: true};
export type BriefingReply = {briefing: Briefing} | {error: string};

const received: DocumentAnalysis[] = [];

parentPort?.on('message', (request: BriefingRequest) => {
	if ('analyses' in request) {
		for (const analysis of request.analyses) received.push(analysis);
		return;
	}
	let reply: BriefingReply;
	try {
		reply = {briefing: brief(received)};
	} catch (error) {
		reply = {error: (error as Error)?.message ?? String(error)};
	}
	parentPort!.postMessage(reply);
});
