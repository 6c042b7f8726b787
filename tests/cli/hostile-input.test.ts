import {spawnSync} from 'node:child_process';
import {cpSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {makeHostileFixtures, type HostileFixtures} from '../fixtures/hostile.js';
import {root} from './run-cli.js';

type Row = Record<string, string>;

let fixtures: HostileFixtures;
let cli: string;

/**
 * Run the built command from the fixture folder. As root, permissions do not stop a read, so the run
 * drops to the "nobody" user from a world-readable copy of the bundle.
 */
function briefing(args: string[]) {
	const asRoot = process.getuid?.() === 0;
	const result = spawnSync(process.execPath, [cli, ...args], {
		cwd: fixtures.dir,
		encoding: 'utf8',
		env: {...process.env, BRIEFING_NO_CACHE: '1'},
		maxBuffer: 64 * 1024 * 1024,
		...(asRoot ? {uid: 65534, gid: 65534} : {}),
	});
	return {status: result.status, stdout: String(result.stdout), stderr: String(result.stderr)};
}

beforeAll(() => {
	fixtures = makeHostileFixtures();
	cpSync(join(root, 'dist'), join(fixtures.dir, '.briefing-dist'), {recursive: true});
	cpSync(join(root, 'package.json'), join(fixtures.dir, 'package.json'));
	cli = join(fixtures.dir, '.briefing-dist', 'cli.js');
});

afterAll(() => {
	rmSync(fixtures.dir, {recursive: true, force: true});
});

describe('briefing facts over every kind of bad input at once', () => {
	let result: ReturnType<typeof briefing>;
	let rows: Row[];
	const before: Record<string, number> = {};

	beforeAll(() => {
		for (const name of Object.keys(fixtures.good)) before[name] = statSync(join(fixtures.dir, name)).mtimeMs;
		result = briefing(['facts', ...fixtures.args]);
		rows = parse(result.stdout, {columns: true}) as Row[];
	});

	it('exits 0 because documents were read', () => {
		expect(result.status).toBe(0);
	});

	it('names each bad path and its reason on one line of stderr', () => {
		const lines = result.stderr.trim().split('\n');
		for (const [path, reason] of Object.entries(fixtures.bad)) {
			const line = lines.find(l => l.startsWith(`briefing: ${path}: `));
			expect(line, `message for ${path}`).toBeDefined();
			expect(line).toMatch(reason);
		}
		for (const [path, reason] of Object.entries(fixtures.warned)) {
			expect(lines.find(l => l.startsWith(`briefing: ${path}: `))).toMatch(reason);
		}
	});

	it('ends with one summary line counting what was read and skipped', () => {
		const read = Object.keys(fixtures.good).length;
		const total = read + Object.keys(fixtures.bad).length;
		expect(result.stderr.trim().split('\n').at(-1)).toBe(`briefing: read ${read} of ${total} inputs; skipped ${total - read} (see above)`);
	});

	it('keeps every fact of every good file, whatever its encoding, line endings or name', () => {
		for (const [path, year] of Object.entries(fixtures.good)) {
			if (year === 0) continue;
			expect(rows.some(r => r.document === path.replace(/^-/, "'-") && r.kind === 'year' && r.value === String(year)), `${path} ${year}`).toBe(true);
		}
	});

	it('never lets a control sequence from a document or a file name reach stderr', () => {
		expect(result.stderr).not.toMatch(/[\u001b\u0007\u009b]/u);
	});

	it('never changes its input files', () => {
		for (const name of Object.keys(fixtures.good)) expect(statSync(join(fixtures.dir, name)).mtimeMs).toBe(before[name]);
		expect(readFileSync(join(fixtures.dir, 'articles', 'plain.txt'), 'utf8')).toContain('Council Report 2001');
	});
});

describe('empty documents', () => {
	it('give zero stats, not NaN or a crash', () => {
		const result = briefing(['stats', 'articles/empty.txt', 'articles/whitespace.txt']);
		expect(result.status).toBe(0);
		const rows = parse(result.stdout, {columns: true}) as Row[];
		expect(rows).toHaveLength(3);
		for (const row of rows) for (const key of ['words', 'sentences', 'reading_minutes', 'facts']) expect(row[key]).toBe('0');
	});
});

describe('when nothing can be read', () => {
	it('exits 1 with a clear message', () => {
		const result = briefing(['facts', 'missing.txt', 'articles/image.txt']);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/no document could be read/);
	});

	it('reads a file over the size limit once --max-size is raised', () => {
		writeFileSync(join(fixtures.dir, 'three-mb.txt'), 'All work and no play in 2015.\n\n'.repeat(100_000));
		const refused = briefing(['stats', '--max-size', '2', 'three-mb.txt']);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/three-mb\.txt: larger than the 2 MB limit/);
		const result = briefing(['stats', '--max-size', '4', 'three-mb.txt']);
		expect(result.status).toBe(0);
		expect(Number((parse(result.stdout, {columns: true}) as Row[])[0]!.words)).toBe(700_000);
	});
});
