// Entry point of the dashboard's search thread (bundled as dist/search-worker.js): it opens the store the
// dashboard reads from and answers each query by reading the sentences there, so that neither the sentences
// nor the reading of them weigh on the thread that draws the screen.
import {parentPort, workerData} from 'node:worker_threads';
import {Store} from '../store/store.js';
import {type SearchedDocument, StoreSearcher, type SearchReply} from './search-store.js';

/** What the thread is started with: the store's folder and the analysis identity whose documents it reads. */
export interface SearchWorkerData {
	directory: string;
	identity: string;
}

export type SearchRequest = {add: SearchedDocument[]} | {search: {run: number; query: string; limit: number}} | {cancel: number} | {readAhead: true};

const {directory, identity} = workerData as SearchWorkerData;
const store = Store.open({directory, identity});
const searcher = new StoreSearcher(store, (reply: SearchReply) => parentPort!.postMessage(reply));

parentPort?.on('message', (request: SearchRequest) => {
	if ('add' in request) searcher.add(request.add);
	else if ('cancel' in request) searcher.cancel(request.cancel);
	else if ('readAhead' in request) void searcher.readAhead();
	else
		searcher.search(request.search.run, request.search.query, request.search.limit).catch(error => {
			parentPort!.postMessage({run: request.search.run, hits: [], complete: true, error: (error as Error)?.message ?? String(error)});
		});
});
