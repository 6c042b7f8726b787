// The briefing computed off the calling thread: the analyses go to a worker in slices, with a turn of the
// event loop between slices, so the caller (the dashboard) keeps answering keys while thousands of
// documents are grouped. Without a built worker (the unbundled tests), the briefing is computed here.
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {HeldDocument} from '../../store/held.js';
import type {DocumentAnalysis} from '../types.js';
import type {Briefing} from './types.js';
import type {Store} from '../../store/store.js';
import type {BriefingProgress} from './kept.js';
import type {BriefingProgressMessage, BriefingReply, BriefingRequest, BriefingWorkerData, StoredReference} from './worker.js';

/** Analyses posted at once: copying 500 of them to the worker takes under 100 ms here. */
const SLICE = 500;

/** The bundled entry (dist/brief-worker.js), found beside this module whether it sits in dist/ or dist/chunks/. */
export function locateBriefingWorker(): URL | undefined {
	for (const relative of ['./brief-worker.js', '../brief-worker.js', '../../../dist/brief-worker.js']) {
		const url = new URL(relative, import.meta.url);
		if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
	}
	return undefined;
}

/**
 * The old generation the briefing's thread may fill: V8 left to itself lets garbage grow to several times
 * what is live (3 GB of RSS for 100,000 documents, some 650 MB of them live); bounded, it collects sooner.
 * About 12 KB a document, and 1 GB at least.
 */
export function briefingHeapMb(documents: number): number {
	return Math.max(1024, Math.ceil(documents * 0.012));
}

/** The briefing of documents the store holds, by name and content hash, computed in the briefing's thread. */
export async function briefStored(
	store: Store,
	documents: ReadonlyArray<{name: string; hash: string}>,
	workerUrl: URL | undefined = locateBriefingWorker(),
	onProgress?: BriefingProgress,
): Promise<Briefing> {
	if (!workerUrl) return (await import('./kept.js')).briefFromStore(store, documents, onProgress);
	return inThread(
		workerUrl,
		store,
		documents.map(({name, hash}) => ({stored: {hash, path: name}})),
		onProgress,
	);
}

export async function briefElsewhere(analyses: DocumentAnalysis[], onProgress?: BriefingProgress, workerUrl: URL | undefined = locateBriefingWorker()): Promise<Briefing> {
	const held = analyses.find(analysis => analysis.document instanceof HeldDocument)?.document as HeldDocument | undefined;
	const store = held?.store;
	if (!workerUrl) {
		const documents = analyses.map(analysis => analysis.document);
		if (store && documents.every(document => document instanceof HeldDocument)) {
			return (await import('./kept.js')).briefFromStore(store, documents.map(document => ({name: document.path, hash: (document as HeldDocument).hash})), onProgress);
		}
		return (await import('./index.js')).brief(analyses.flatMap(analysis => (analysis.document instanceof HeldDocument ? (analysis.document.whole() ?? []) : [analysis])));
	}
	// Held documents go as references: the thread reads them from the store, not this one.
	return inThread(
		workerUrl,
		store,
		analyses.map(analysis => (analysis.document instanceof HeldDocument ? {stored: {hash: analysis.document.hash, path: analysis.document.path}} : analysis)),
		onProgress,
	);
}

async function inThread(workerUrl: URL, store: Store | undefined, items: Array<DocumentAnalysis | {stored: StoredReference}>, onProgress?: BriefingProgress): Promise<Briefing> {
	// Committed first: the thread reads the store through a connection of its own.
	store?.flush();
	const worker = new Worker(workerUrl, {
		workerData: {store: store ? {directory: store.directory, identity: store.identity} : undefined} satisfies BriefingWorkerData,
		resourceLimits: {maxOldGenerationSizeMb: briefingHeapMb(items.length)},
	});
	// The caller's own work (a dashboard waiting on keys) keeps the process up; a closing one should not wait for this.
	worker.unref();
	try {
		const reply = new Promise<BriefingReply>((resolve, reject) => {
			worker.on('message', (message: BriefingReply | BriefingProgressMessage) => {
				if ('progress' in message) onProgress?.(message.progress.stage, message.progress.done, message.progress.total);
				else resolve(message);
			});
			worker.once('error', reject);
			worker.once('exit', code => reject(new Error(`the briefing's worker stopped (exit code ${code})`)));
		});
		for (let start = 0; start < items.length; start += SLICE) {
			worker.postMessage({analyses: items.slice(start, start + SLICE)} satisfies BriefingRequest);
			await new Promise(resolve => setImmediate(resolve));
		}
		worker.postMessage({brief: true} satisfies BriefingRequest);
		const answer = await reply;
		if ('error' in answer) throw new Error(answer.error);
		return answer.briefing;
	} finally {
		await worker.terminate();
	}
}
