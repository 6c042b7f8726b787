import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cli, root} from './run-cli.js';

// The analysis of a document is a pure function of its bytes, so `facts` and `documents` are streaming maps:
// split the inputs across processes (or machines), run each part, and concatenating the parts in order gives
// a single run's output. This is the command line the readme shows, run here on a local split with GNU Parallel.
describe('the work split across processes', () => {
	const dir = mkdtempSync(join(tmpdir(), 'briefing-split-'));
	const corpus = join(dir, 'corpus');
	mkdirSync(corpus);
	for (let i = 0; i < 12; i++) {
		writeFileSync(
			join(corpus, `article-${String(i).padStart(2, '0')}.txt`),
			`Council ${i} approves budget\n\nThe council of Springfield ${i} approved a budget of $${i + 1}.5 million on Monday, Mayor Ada Lovelace said.\n\nSpending on schools rises ${i + 2} percent in ${2000 + i}.\n`,
		);
	}
	const env = {...process.env, BRIEFING_NO_CACHE: '1', LC_ALL: 'C'};
	const shell = (command: string) => execFileSync('bash', ['-c', command], {cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});

	for (const command of ['facts', 'documents']) {
		it(`gives a single run's ${command} when the files are split over parallel jobs and the parts concatenated`, () => {
			const single = shell(`node ${cli} ${command} --jsonl ${corpus}`);
			const split = shell(`find ${corpus} -type f -name '*.txt' | sort | parallel --will-cite -k -j 2 -n 4 node ${cli} ${command} --jsonl`);
			expect(single.trim().split('\n').length).toBeGreaterThanOrEqual(12);
			expect(split).toBe(single);
		});
	}
});
