import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Stamps, statStamp, survey} from '../../source/analysis/stamps.js';
import {discoverFiles} from '../../source/corpus/read.js';

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

	it('come out as stat says, in one array, for a file gone or not a file too', () => {
		const names = ['a.txt', 'b.txt', 'gone.txt', 'folder.txt'];
		const paths = names.map(name => join(root, name));
		const stamps = Stamps.of(paths);
		expect(stamps.length).toBe(4);
		expect(paths.map((_, at) => stamps.at(at))).toEqual(paths.map(statStamp));
		const stamp = statStamp(paths[1]!)!;
		expect(stamps.same(1, stamp.size, stamp.mtimeUs, stamp.ino)).toBe(true);
		expect(stamps.same(0, stamp.size, stamp.mtimeUs, stamp.ino)).toBe(false);
		expect(stamps.same(2, -1, 0, 0)).toBe(false);
	});

	it('come out the same from the thread that finds and stats many files at once, as discoverFiles finds them', async () => {
		const folder = join(root, 'many');
		mkdirSync(folder);
		// Enough files for a thread of its own (5,000 or more), and a nested folder.
		for (let i = 0; i < 5100; i++) writeFileSync(join(folder, `article-${String(i).padStart(5, '0')}.txt`), `text ${i}`);
		mkdirSync(join(folder, 'nested'));
		writeFileSync(join(folder, 'nested', 'inner.txt'), 'inner');
		const paths = [folder, join(root, 'gone.txt'), join(root, 'b.txt')];
		const threaded = await survey(paths, true);
		const here = await survey(paths, false);
		const discovered = await discoverFiles(paths);
		expect(threaded.inThread).toBe(true);
		expect(here.inThread).toBe(false);
		expect(threaded.files).toEqual(discovered.files);
		expect(threaded.problems).toEqual(discovered.problems);
		expect(threaded.files).toHaveLength(5102);
		expect(threaded.absolute).toEqual(here.absolute);
		expect(Array.from(threaded.stamps.values)).toEqual(Array.from(here.stamps.values));
		expect(threaded.stamps.at(5101)).toEqual(statStamp(join(root, 'b.txt')));
	});
});
