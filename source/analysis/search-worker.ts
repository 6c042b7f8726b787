// Entry point of the dashboard's search thread (bundled as dist/search-worker.js): it opens the store the
// dashboard reads from and answers each query by reading the sentences there, so that neither the sentences
// nor the reading of them weigh on the thread that draws the screen.
import {parentPort, workerData} from 'node:worker_threads';
import {Store} from '../store/store.js';
import {type SearchReply, type SearchRequest, StoreSearcher} from './search-store.js';

/** What the thread is started with: the store's folder and the analysis identity whose documents it reads. */
export interface SearchWorkerData {
	directory: string;
	identity: string;
}

const {directory, identity} = workerData as SearchWorkerData;
const store = Store.open({directory, identity});
const searcher = new StoreSearcher(store, (reply: SearchReply) => parentPort!.postMessage(reply));

// A failed search has been answered; the thread goes on for the next query.
parentPort?.on('message', (request: SearchRequest) => void searcher.handle(request).catch(() => {}));
