import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {statStamp, statStamps} from '../../source/analysis/stamps.js';

let root: string;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-stamps-'));
	writeFileSync(join(root, 'a.txt'), 'one');
	writeFileSync(join(root, 'b.txt'), 'two, longer');
	mkdirSync(join(root, 'folder.txt'));
});

afterAll(() => rmSync(root, {recursive: true, force: true}));

describe('file stamps', () => {
	it('are what stat says, in whole microseconds; none for what is gone or not a file', () => {
		expect(statStamp(join(root, 'b.txt'))).toEqual({size: 11, mtimeUs: expect.any(Number), ino: expect.any(Number)});
		expect(Number.isInteger(statStamp(join(root, 'a.txt'))!.mtimeUs)).toBe(true);
		expect(statStamp(join(root, 'gone.txt'))).toBeUndefined();
		expect(statStamp(join(root, 'folder.txt'))).toBeUndefined();
	});

	it('come out the same from the thread that stats many files at once', async () => {
		const names = ['a.txt', 'b.txt', 'gone.txt', 'folder.txt'];
		// Enough paths for a thread of its own (5,000 or more), some of them more than once.
		const paths = Array.from({length: 6001}, (_, i) => join(root, names[i % names.length]!));
		const stamps = await statStamps(paths);
		expect(stamps).toHaveLength(paths.length);
		expect(stamps).toEqual(paths.map(statStamp));
		expect(stamps.filter(stamp => stamp === undefined)).toHaveLength(3000);
	});
});
