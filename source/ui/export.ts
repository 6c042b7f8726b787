import {randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {copyFile, link, open, unlink} from 'node:fs/promises';
import {join} from 'node:path';
import type {OutputRecord} from '../output/records.js';
import {RecordWriter} from '../output/write.js';

const two = (n: number) => String(n).padStart(2, '0');

/** briefing-facts-YYYYMMDD-HHMMSS.csv in local time, then -1, -2… for later attempts. */
export function exportFileName(date: Date, attempt = 0): string {
	const day = `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}`;
	const time = `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
	return `briefing-facts-${day}-${time}${attempt > 0 ? `-${attempt}` : ''}.csv`;
}

/** Give the finished file its name only if that name is free: a hard link, or an exclusive copy where links are not allowed. */
async function claim(temporary: string, target: string): Promise<void> {
	try {
		await link(temporary, target);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
		await copyFile(temporary, target, constants.COPYFILE_EXCL);
	}
}

/**
 * Write fact records as CSV (the format of `briefing facts`), as they come, to a new file in `directory`, never
 * replacing one: the rows go to a temporary file, which is then linked to the first free name.
 * Resolves to the file's name.
 */
export async function writeFactsCsv(records: Iterable<OutputRecord> | AsyncIterable<OutputRecord>, directory: string, now: Date): Promise<string> {
	const temporary = join(directory, `.briefing-facts-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
	const handle = await open(temporary, 'wx');
	try {
		const stream = handle.createWriteStream();
		const closed = new Promise<void>((resolve, reject) => {
			stream.once('close', resolve);
			stream.once('error', reject);
		});
		const writer = new RecordWriter('facts', {out: stream});
		for await (const record of records) {
			const waiting = writer.write(record);
			if (waiting) await waiting;
		}
		await writer.end();
		stream.end();
		await closed;
		for (let attempt = 0; ; attempt++) {
			const name = exportFileName(now, attempt);
			try {
				await claim(temporary, join(directory, name));
				return name;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
		}
	} finally {
		await handle.close().catch(() => {});
		await unlink(temporary).catch(() => {});
	}
}
