// Entry point of the briefing's worker thread (bundled as dist/brief-worker.js). The dashboard hands it the
// analyses in slices as it can spare the time, then asks for the briefing, so that grouping thousands of
// documents never holds up a key. Documents the dashboard holds without their texts (store/held.ts) come as
// their content hash and name: the thread reads them from the store itself.
import {parentPort, workerData} from 'node:worker_threads';
import {Store} from '../../store/store.js';
import type {DocumentAnalysis} from '../types.js';
import {brief} from './index.js';
import {briefFromStore, type BriefingStage} from './kept.js';
import type {Briefing} from './types.js';

/** A document kept in the store, by its content hash, under the name the dashboard gives it. */
export interface StoredReference {
	hash: string;
	path: string;
}

/** What the thread is started with when some documents are to be read from a store. */
export interface BriefingWorkerData {
	store?: {directory: string; identity: string};
}

export type BriefingRequest = {analyses: Array<DocumentAnalysis | {stored: StoredReference}>} | {brief: true};
export type BriefingReply = {briefing: Briefing} | {error: string};
/** Where the briefing stands, sent along the way (at most every PROGRESS_MS). */
export type BriefingProgressMessage = {progress: {stage: BriefingStage; done: number; total: number}};

const PROGRESS_MS = 100;
let told = 0;

const received: Array<DocumentAnalysis | StoredReference> = [];
const options = (workerData ?? {}) as BriefingWorkerData;

function briefReceived(): Briefing {
	const store = options.store ? Store.open({...options.store, onMessage: () => {}}) : undefined;
	try {
		// All from the store: a set briefed before is one lookup, and unchanged stories keep their comparisons.
		if (store?.usable && received.every(item => 'hash' in item)) {
			return briefFromStore(
				store,
				(received as StoredReference[]).map(({hash, path}) => ({name: path, hash})),
				(stage, done, total) => {
					const now = Date.now();
					if (now - told < PROGRESS_MS && stage !== 'grouping') return;
					told = now;
					parentPort?.postMessage({progress: {stage, done, total}} satisfies BriefingProgressMessage);
				},
			);
		}
		return brief(received.flatMap(item => ('hash' in item ? (store?.document(item.hash, item.path) ?? []) : [item])));
	} finally {
		store?.close();
	}
}

parentPort?.on('message', (request: BriefingRequest) => {
	if ('analyses' in request) {
		for (const item of request.analyses) received.push('stored' in item ? item.stored : item);
		return;
	}
	let reply: BriefingReply;
	try {
		reply = {briefing: briefReceived()};
	} catch (error) {
		reply = {error: (error as Error)?.message ?? String(error)};
	}
	parentPort!.postMessage(reply);
});
