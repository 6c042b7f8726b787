import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import {cli, root} from './run-cli.js';

let corpus: string;

beforeAll(() => {
	corpus = mkdtempSync(join(tmpdir(), 'briefing-interrupt-'));
	generateCorpus({count: 400, seed: 7, out: corpus});
});

afterAll(() => rmSync(corpus, {recursive: true, force: true}));

describe('Ctrl-C during long work', () => {
	it('stops a pipe command with status 130', async () => {
		const child = spawn(process.execPath, [cli, 'facts', corpus], {cwd: root, env: {...process.env, BRIEFING_NO_CACHE: '1'}, stdio: ['ignore', 'pipe', 'pipe']});
		// Wait until rows flow, so the interrupt lands in the middle of the work.
		await new Promise<void>(resolve => child.stdout.once('data', () => resolve()));
		child.kill('SIGINT');
		const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(resolve => child.on('exit', (c, s) => resolve([c, s])));
		expect(signal).toBeNull();
		expect(code).toBe(130);
	});
});
