import {existsSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {discoverFiles, type Discovery} from '../corpus/read.js';
import {fileStamp} from '../store/stamp.js';
import type {FileStamp} from '../store/types.js';

/** Below this many files, find and stat them in this thread: a thread costs more to start than it saves. */
export const FILES_FOR_A_THREAD = 5000;

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
 * The stamps of many files, three numbers each (size, mtime in microseconds, inode; size -1 when it is not a
 * file), in one array rather than an object a file: 100,000 of them cross threads as one buffer.
 */
export class Stamps {
	readonly values: Float64Array;

	constructor(values: Float64Array) {
		this.values = values;
	}

	/** Stat each path, here. */
	static of(paths: readonly string[]): Stamps {
		const values = new Float64Array(paths.length * 3);
		paths.forEach((path, at) => {
			const stamp = statStamp(path);
			if (stamp) values.set([stamp.size, stamp.mtimeUs, stamp.ino], 3 * at);
			else values[3 * at] = -1;
		});
		return new Stamps(values);
	}

	get length(): number {
		return this.values.length / 3;
	}

	/** The at-th file's stamp; undefined when it is gone or not a regular file. */
	at(at: number): FileStamp | undefined {
		const size = this.values[3 * at]!;
		return size < 0 ? undefined : {size, mtimeUs: this.values[3 * at + 1]!, ino: this.values[3 * at + 2]!};
	}

	/** Whether the at-th file is still of this size, mtime and inode. */
	same(at: number, size: number, mtimeUs: number, ino: number): boolean {
		const values = this.values;
		return values[3 * at]! >= 0 && values[3 * at] === size && values[3 * at + 1] === mtimeUs && values[3 * at + 2] === ino;
	}
}

/** A warm run's files: found as discoverFiles finds them, each with its absolute path and its stamp. */
export interface Survey extends Discovery {
	/** Each input's absolute path; undefined for addresses and standard input. */
	absolute: Array<string | undefined>;
	stamps: Stamps;
	/** Whether it was made in a thread of its own. */
	inThread: boolean;
}

/** The survey, made in this thread. */
export async function surveyHere(paths: string[]): Promise<Survey> {
	const discovery = await discoverFiles(paths);
	return {...discovery, absolute: absolutePaths(discovery.files), stamps: Stamps.of(discovery.files), inThread: false};
}

/** How many files a thread stats at a time, taking them from the count both threads share. */
const SHARE = 256;

/**
 * Stat the files not yet taken, a share at a time, into `values` (shared): the survey thread and, once it is
 * free, the main thread both do this until none are left, so both cores stat.
 */
export function statShares(paths: readonly string[], values: Float64Array, next: Int32Array): void {
	for (;;) {
		const start = Atomics.add(next, 0, SHARE);
		if (start >= paths.length) return;
		for (let at = start; at < Math.min(start + SHARE, paths.length); at++) {
			const stamp = statStamp(paths[at]!);
			if (stamp) {
				values[3 * at] = stamp.size;
				values[3 * at + 1] = stamp.mtimeUs;
				values[3 * at + 2] = stamp.ino;
			} else values[3 * at] = -1;
		}
	}
}

/**
 * What the survey thread sends first: the files found, joined by NULs (which no path holds: one string crosses
 * threads in a copy, where 100,000 strings took a fifth of a second), and the stamps it and the main thread fill in.
 */
export interface SurveyShare {
	files: string;
	problems: Discovery['problems'];
	values: Float64Array;
	next: Int32Array;
}

/**
 * The survey of `paths`; with `threaded` (a warm run over many files), made in a thread of its own while this
 * one reads the store: for 100,000 files, a third of a second of reading folders and half a second of system
 * calls, off the main thread until it waits for them, and then shared with it. Made here when the thread cannot
 * be started.
 */
export async function survey(paths: string[], threaded: boolean): Promise<Survey> {
	const url = threaded ? locateSurveyWorker() : undefined;
	if (url) {
		const worker = new Worker(url, {workerData: paths});
		try {
			const messages: unknown[] = [];
			let wake: (() => void) | undefined;
			let failure: Error | undefined;
			worker.on('message', message => {
				messages.push(message);
				wake?.();
			});
			worker.once('error', error => {
				failure = error;
				wake?.();
			});
			worker.once('exit', code => {
				failure ??= new Error(`the survey thread stopped (${code})`);
				wake?.();
			});
			const message = async () => {
				while (messages.length === 0) {
					if (failure) throw failure;
					await new Promise<void>(resolve => (wake = resolve));
				}
				return messages.shift();
			};
			const found = (await message()) as SurveyShare;
			const files = found.files === '' ? [] : found.files.split('\0');
			// Free now: resolve the paths while the thread stats, then stat what it has not yet taken.
			const absolute = absolutePaths(files);
			statShares(files, found.values, found.next);
			await message();
			return {files, problems: found.problems, absolute, stamps: new Stamps(found.values), inThread: true};
		} catch {
			// Made here instead.
		} finally {
			void worker.terminate();
		}
	}
	return surveyHere(paths);
}

/** The bundled thread (dist/survey-worker.js), beside this module whether it sits in dist/ or dist/chunks/. */
function locateSurveyWorker(): URL | undefined {
	for (const relative of ['./survey-worker.js', '../survey-worker.js', '../../dist/survey-worker.js']) {
		const url = new URL(relative, import.meta.url);
		if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
	}
	return undefined;
}

/**
 * Each input's absolute path (undefined for addresses and standard input), resolving each folder once: a
 * folder's files differ only by name, and path.resolve per file cost a tenth of a warm run over 100,000.
 */
export function absolutePaths(files: string[]): Array<string | undefined> {
	const folders = new Map<string, string>();
	return files.map(path => {
		if (path === '-' || /^https?:\/\//i.test(path)) return undefined;
		const cut = path.lastIndexOf('/');
		const name = path.slice(cut + 1);
		if (name === '' || name === '.' || name === '..') return resolve(path);
		const folder = cut < 0 ? '' : path.slice(0, cut + 1);
		let base = folders.get(folder);
		if (base === undefined) {
			base = resolve(folder || '.');
			if (!base.endsWith('/')) base += '/';
			folders.set(folder, base);
		}
		return base + name;
	});
}
