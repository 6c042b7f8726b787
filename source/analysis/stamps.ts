import {statSync} from 'node:fs';
import {Worker} from 'node:worker_threads';
import {fileStamp} from '../store/store.js';
import type {FileStamp} from '../store/types.js';

/** Below this many files, stat them in this thread: a thread costs more to start than it saves. */
const FILES_FOR_A_THREAD = 5000;

/**
 * The thread's code: stat each path, three numbers per path (size, mtime in microseconds, inode; size -1
 * when it is not a file any more). Plain CommonJS, run from a string, so it needs no file of its own.
 */
const STAT_THREAD = `
const {parentPort, workerData} = require('node:worker_threads');
const {statSync} = require('node:fs');
const paths = workerData;
const out = new Float64Array(paths.length * 3);
for (let i = 0; i < paths.length; i++) {
	let info;
	try {
		info = statSync(paths[i], {throwIfNoEntry: false});
	} catch {}
	if (info && info.isFile()) {
		out[3 * i] = info.size;
		out[3 * i + 1] = Math.round(info.mtimeMs * 1000);
		out[3 * i + 2] = info.ino;
	} else out[3 * i] = -1;
}
parentPort.postMessage(out, [out.buffer]);
`;

/** A file's stamp as the store records it; undefined when it is gone or not a regular file. */
export function statStamp(path: string): FileStamp | undefined {
	try {
		const info = statSync(path, {throwIfNoEntry: false});
		return info?.isFile() ? fileStamp(info) : undefined;
	} catch {
		// Unreadable since it was found: nothing to record.
		return undefined;
	}
}

/**
 * The stamps of many files, taken in another thread while this one goes on (a warm run reads the store
 * meanwhile): for 100,000 files, half a second of system calls off the main thread. Few files are stat'ed
 * here, at once.
 */
export function statStamps(paths: string[]): Promise<Array<FileStamp | undefined>> {
	if (paths.length < FILES_FOR_A_THREAD) return Promise.resolve(paths.map(statStamp));
	return new Promise((resolve, reject) => {
		const worker = new Worker(STAT_THREAD, {eval: true, workerData: paths});
		worker.once('message', (out: Float64Array) => {
			const stamps: Array<FileStamp | undefined> = [];
			for (let i = 0; i < paths.length; i++) stamps.push(out[3 * i]! < 0 ? undefined : {size: out[3 * i]!, mtimeUs: out[3 * i + 1]!, ino: out[3 * i + 2]!});
			resolve(stamps);
		});
		worker.once('error', reject);
	});
}
