// Preloaded into a measured command (`node --import ./bench/process-probe.mjs dist/cli.js …`): on exit it
// writes the process's peak resident memory and CPU time (all threads together) to $BRIEFING_BENCH_PROBE.
import {writeFileSync} from 'node:fs';

const out = process.env.BRIEFING_BENCH_PROBE;
if (out) {
	process.on('exit', () => {
		const usage = process.resourceUsage();
		writeFileSync(out, JSON.stringify({maxRssBytes: usage.maxRSS * 1024, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000}));
	});
}
