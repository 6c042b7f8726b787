/**
 * The survey thread (stamps.ts's survey): finds a warm run's files and sends them, then stats them (by the paths
 * as found: this thread shares the process's working folder), sharing the work with the main thread once that is free.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {discoverFiles} from '../corpus/read.js';
import {statShares, type SurveyShare} from './stamps.js';

const {files, problems} = await discoverFiles(workerData as string[]);
const share: SurveyShare = {
	files: files.join('\0'),
	problems,
	values: new Float64Array(new SharedArrayBuffer(files.length * 3 * Float64Array.BYTES_PER_ELEMENT)),
	next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
};
parentPort!.postMessage(share);
statShares(files, share.values, share.next);
parentPort!.postMessage('done');
