import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import type {RunSummary} from '../../source/analysis/run.js';
import {cli} from '../cli/run-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
let root: string;
let corpus: string;
let child: string;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'briefing-store-process-'));
	corpus = join(root, 'corpus');
	generateCorpus({count: 300, seed: 31, out: corpus});
	// Bundled under node_modules/ so that it finds libsql, which stays outside the bundle, with an analysis
	// identity of its own (unbundled, it would look for the sources beside itself).
	const directory = join(repo, 'node_modules', '.briefing-tests');
	mkdirSync(directory, {recursive: true});
	child = join(directory, `run-child-${process.pid}.mjs`);
	await build({
		entryPoints: [join(repo, 'tests', 'analysis', 'run-child.ts')],
		outfile: child,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		external: ['libsql'],
		define: {BRIEFING_ANALYSIS_ID: JSON.stringify('run-child-test')},
		banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
		logLevel: 'silent',
	});
}, 60_000);

afterAll(() => {
	rmSync(root, {recursive: true, force: true});
	rmSync(child, {force: true});
});

interface Finished {
	code: number | string;
	stdout: string;
	stderr: string;
}

/** Start a process; `lines` fills as its stdout does. */
function start(args: string[], env: NodeJS.ProcessEnv = {}) {
	const process_ = spawn(process.execPath, args, {env: {...process.env, BRIEFING_WORKERS: '0', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
	const out = {stdout: '', stderr: '', lines: [] as string[]};
	process_.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		out.stdout += chunk;
		out.lines = out.stdout.split('\n').filter(Boolean);
	});
	process_.stderr.setEncoding('utf8').on('data', (chunk: string) => (out.stderr += chunk));
	const done = new Promise<Finished>(resolve => process_.on('exit', (code, signal) => resolve({code: code ?? signal ?? -1, stdout: out.stdout, stderr: out.stderr})));
	return {process: process_, out, done};
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

function summaryOf(stdout: string): RunSummary {
	const last = stdout.trim().split('\n').at(-1)!;
	return (JSON.parse(last) as {summary: RunSummary}).summary;
}

describe('the store across processes', () => {
	it('keeps what an interrupted run finished: the next run analyses only the rest', async () => {
		const store = join(root, 'interrupted');
		const first = start([child, store, corpus]);
		await waitFor(() => first.out.lines.length >= 20);
		first.process.kill('SIGINT');
		const stopped = await first.done;
		expect(stopped.code).toBe(130);
		const finished = stopped.stdout.split('\n').filter(line => line.startsWith('{"document"')).length;
		expect(finished).toBeGreaterThanOrEqual(20);
		expect(finished).toBeLessThan(300);

		const second = await start([child, store, corpus]).done;
		expect(second.code).toBe(0);
		expect(second.stderr).toBe('');
		const summary = summaryOf(second.stdout);
		expect(summary.documents).toBe(300);
		// Every document the first run yielded was kept; the ones it had not reached are analysed now.
		expect(summary.cached).toBeGreaterThanOrEqual(finished);
		expect(summary.cached).toBeLessThan(300);
		expect(summaryOf((await start([child, store, corpus]).done).stdout).cached).toBe(300);
	}, 120_000);

	it('lets two processes use one store at once: both finish, with the same output as without a store', async () => {
		const cacheHome = join(root, 'two-at-once');
		const args = [cli, 'facts', '--jsonl', corpus];
		const [a, b] = await Promise.all([start(args, {XDG_CACHE_HOME: cacheHome}).done, start(args, {XDG_CACHE_HOME: cacheHome}).done]);
		const plain = await start(args, {BRIEFING_NO_CACHE: '1'}).done;
		expect(plain.code).toBe(0);
		expect(plain.stdout.split('\n').length).toBeGreaterThan(300);
		for (const run of [a, b]) {
			expect(run.code).toBe(0);
			expect(run.stderr).toBe('');
			expect(run.stdout).toBe(plain.stdout);
		}
	}, 120_000);

	it('names the store in --help, and tells on stderr when it rebuilt a corrupt one', async () => {
		const cacheHome = join(root, 'told');
		const help = await start([cli, '--help'], {XDG_CACHE_HOME: cacheHome}).done;
		expect(help.stdout).toContain(join(cacheHome, 'briefing', 'briefing.db'));
		const args = [cli, 'facts', '--jsonl', join(repo, 'seeds')];
		const first = await start(args, {XDG_CACHE_HOME: cacheHome}).done;
		const {writeFileSync} = await import('node:fs');
		writeFileSync(join(cacheHome, 'briefing', 'briefing.db'), 'not a database at all '.repeat(300));
		const rebuilt = await start(args, {XDG_CACHE_HOME: cacheHome}).done;
		expect(rebuilt.code).toBe(0);
		expect(rebuilt.stderr).toMatch(/^briefing: the analysis store .*briefing\.db was not a usable database .*emptied and will fill again\n$/);
		expect(rebuilt.stdout).toBe(first.stdout);
	}, 60_000);

	it('prints the same bytes from an empty store as from a warm one', async () => {
		const cacheHome = join(root, 'warm');
		const mixed = join(root, 'mixed');
		generateCorpus({count: 12, seed: 4, out: mixed});
		const {writeFileSync} = await import('node:fs');
		writeFileSync(
			join(mixed, 'wire.rss'),
			`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Budget passes</title><link>https://example.org/a</link><pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate><description>The council approved a $12 million budget on Monday, up 4 percent from 2023.</description></item><item><title>Rates held</title><link>https://example.org/b</link><description>The Federal Reserve held rates at 5.25 percent, Jerome Powell said.</description></item></channel></rss>`,
		);
		writeFileSync(join(mixed, 'export.jsonl'), `${JSON.stringify({title: 'Port reopens', maintext: 'The port of Rotterdam reopened after 3 days, costing 40 million euros.', date_publish: '2024-02-01'})}\n`);
		for (const command of [['facts', '--jsonl'], ['stats', '--jsonl'], ['entities'], ['search', 'budget']]) {
			const args = [cli, ...command, mixed];
			const empty = await start(args, {XDG_CACHE_HOME: cacheHome}).done;
			const warm = await start(args, {XDG_CACHE_HOME: cacheHome}).done;
			expect(empty.code, command.join(' ')).toBe(0);
			expect(empty.stdout.length).toBeGreaterThan(100);
			expect(warm.stdout, command.join(' ')).toBe(empty.stdout);
			expect(warm.stderr).toBe(empty.stderr);
			rmSync(cacheHome, {recursive: true, force: true});
		}
	}, 120_000);
});
