import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {cli, root, runCli} from './run-cli.js';

interface Row {
	[column: string]: string;
}
const csv = (text: string): Row[] => parse(text, {columns: true, bom: false}) as Row[];

describe('briefing facts', () => {
	const result = runCli(['facts']);
	const rows = csv(result.stdout);

	it('prints the facts of the bundled seeds as CSV with the fixed header', () => {
		expect(result.status).toBe(0);
		expect(result.stdout.split('\n')[0]).toBe('document,sentence,kind,text,value,unit,subject,entities,context');
		expect(new Set(rows.map(r => r.document))).toEqual(new Set(['seeds/000_a6675d75a8020592.txt', 'seeds/004_fd7a676718ec2ff4.txt']));
	});

	it('finds the $41 billion of seed 004 in the sentence that also names 2023', () => {
		const money = rows.find(r => r.kind === 'money' && r.value === '41000000000');
		expect(money).toMatchObject({unit: 'USD', document: 'seeds/004_fd7a676718ec2ff4.txt'});
		expect(money!.context).toContain('2023');
		expect(rows.some(r => r.kind === 'year' && r.value === '2023' && r.sentence === money!.sentence)).toBe(true);
	});

	it('is also the output of a bare `briefing` whose stdout is not a terminal', () => {
		expect(runCli([]).stdout).toBe(result.stdout);
	});

	it('gives the same fields as JSON, with entities as an array and value as a number', () => {
		const json = JSON.parse(runCli(['facts', '--json']).stdout) as Array<Record<string, unknown>>;
		expect(json).toHaveLength(rows.length);
		expect(Object.keys(json[0]!)).toEqual(['document', 'sentence', 'kind', 'text', 'value', 'unit', 'subject', 'entities', 'context']);
		expect(Array.isArray(json[0]!.entities)).toBe(true);
		expect(json.find(f => f.kind === 'money' && f.value === 41000000000)).toBeDefined();
	});

	it('ends quietly with status 0 when the reader closes the pipe', () => {
		// With a store of its own, so that nothing the user's store has to say about itself lands on stderr.
		const cacheHome = mkdtempSync(join(tmpdir(), 'briefing-pipe-'));
		const result = spawnSync('bash', ['-c', `set -o pipefail; node "${cli}" facts | head -1`], {cwd: root, encoding: 'utf8', env: {...process.env, XDG_CACHE_HOME: cacheHome}});
		rmSync(cacheHome, {recursive: true, force: true});
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout.trim()).toBe('document,sentence,kind,text,value,unit,subject,entities,context');
	});
});

describe('briefing entities', () => {
	it('lists one row per entity with its aliases, mentions and documents', () => {
		const result = runCli(['entities']);
		expect(result.status).toBe(0);
		const rows = csv(result.stdout);
		expect(Object.keys(rows[0]!)).toEqual(['name', 'type', 'mentions', 'documents', 'aliases']);
		const kazakhstan = rows.find(r => r.name === 'Kazakhstan');
		expect(kazakhstan).toMatchObject({type: 'place'});
		expect(kazakhstan!.documents!.split('; ')).toHaveLength(2);
		const json = JSON.parse(runCli(['entities', '--json']).stdout) as Array<{name: string; documents: Record<string, number>; mentions: number}>;
		const row = json.find(r => r.name === 'Kazakhstan')!;
		expect(Object.values(row.documents).reduce((a, b) => a + b, 0)).toBe(row.mentions);
	});
});

describe('briefing stats', () => {
	it('gives a row per document and a total row', () => {
		const rows = csv(runCli(['stats']).stdout);
		expect(rows).toHaveLength(3);
		const [first, second, total] = rows as [Row, Row, Row];
		expect(Number(total.words)).toBe(Number(first.words) + Number(second.words));
		expect(first.title).toBe('Xi Jinping arrives in Kazakhstan, signalling strengthened bilateral ties');
		expect(Number(first.duplicate_paragraphs)).toBe(1);
	});
});

describe('briefing search', () => {
	it('finds sentences by fuzzy match, best first, limited by --limit', () => {
		const result = runCli(['search', 'golden eagle', '--limit', '3']);
		expect(result.status).toBe(0);
		const rows = csv(result.stdout);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.length).toBeLessThanOrEqual(3);
		expect(rows[0]!.text!.toLowerCase()).toContain('golden eagle');
		expect(rows.some(r => r.text?.includes('Order of the Golden Eagle'))).toBe(true);
		const scores = rows.map(r => Number(r.score));
		expect([...scores].sort((a, b) => a - b)).toEqual(scores);
	});

	it('exits 1 when nothing matches', () => {
		const result = runCli(['search', 'zzxqjvkw']);
		expect(result.status).toBe(1);
		expect(csv(result.stdout)).toEqual([]);
	});
});

describe('usage', () => {
	it('exits 2 with the usage on stderr for an unknown command or option', () => {
		for (const args of [['frobnicate'], ['facts', '--bogus']]) {
			const result = runCli(args);
			expect(result.status).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr).toContain('Usage');
		}
	});

	it('answers --help with examples and --version with the version', () => {
		const help = runCli(['--help']);
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('Examples');
		expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
	});
});

describe('standard input', () => {
	it('reads "-" as a document named (stdin), beside files', () => {
		const result = runCli(['facts', '-', 'seeds/000_a6675d75a8020592.txt'], {input: 'Big News\n\nThe firm paid $3 million in 2021.\n'});
		expect(result.status).toBe(0);
		const rows = csv(result.stdout);
		expect(rows.find(r => r.kind === 'money' && r.value === '3000000')?.document).toBe('(stdin)');
		expect(rows.some(r => r.document === 'seeds/000_a6675d75a8020592.txt')).toBe(true);
	});
});
