import type {FileStamp} from './types.js';

/** What the store records of a file's `stat`: its size, mtime (in whole microseconds) and inode. */
export function fileStamp(info: {size: number; mtimeMs: number; ino: number}): FileStamp {
	return {size: info.size, mtimeUs: Math.round(info.mtimeMs * 1000), ino: info.ino};
}
