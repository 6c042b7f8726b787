/**
 * The survey thread (stamps.ts's survey): finds a warm run's files and resolves their paths, sends them, then
 * stats them, sharing the work with the main thread once that is free.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {discoverFiles} from '../corpus/read.js';
import {absolutePaths, statShares, type SurveyShare} from './stamps.js';

const {files, problems} = await discoverFiles(workerData as string[]);
const absolute = absolutePaths(files);
const share: SurveyShare = {
	files: files.join('\0'),
	// An address or standard input has no absolute path: an empty one, which no file has.
	absolute: absolute.map(path => path ?? '').join('\0'),
	problems,
	values: new Float64Array(new SharedArrayBuffer(files.length * 3 * Float64Array.BYTES_PER_ELEMENT)),
	next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
};
parentPort!.postMessage(share);
statShares(
	absolute.map((path, at) => path ?? files[at]!),
	share.values,
	share.next,
);
parentPort!.postMessage('done');
