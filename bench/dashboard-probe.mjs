// The dashboard over a filled store, measured in tmux (bench/run.mjs runs it for each size). Alone:
//   node bench/dashboard-probe.mjs DIR DOCUMENTS QUERY   (with XDG_CACHE_HOME pointing at a filled store)
// prints the figures as JSON.
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const sleep = ms => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const shellQuote = word => `'${String(word).replace(/'/g, `'\\''`)}'`;

/**
 * The dashboard over a filled store, in tmux: how long until every document is listed and the stories grouped
 * (`loaded`: the status bar shows the count, the Stories pane no longer says "grouping"), then how long a query typed into the search box takes to complete results, and the peak
 * RSS of the process (VmHWM) through both.
 */
export function dashboardLoad(command, env, documents, query, timeoutMs = 180_000) {
	// A server of its own: the one firstFrame just killed may still be going away.
	const socket = `briefing-bench-dashboard-${process.pid}`;
	const tmux = (...args) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	const line = ['env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...command].map(shellQuote).join(' ');
	const started = performance.now();
	const session = tmux('new-session', '-d', '-s', 'bench', '-x', '120', '-y', '40', line);
	if (session.status !== 0) throw new Error(`tmux new-session failed: ${session.stderr.trim()}`);
	const pid = Number(tmux('list-panes', '-t', 'bench', '-F', '#{pane_pid}').stdout.trim());
	const peak = () => {
		const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
		const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
		return Number.isFinite(kb) ? kb * 1024 : null;
	};
	const until = (check, from) => {
		while (performance.now() - from < timeoutMs) {
			const capture = tmux('capture-pane', '-p', '-t', 'bench');
			if (capture.status !== 0) return null;
			if (check(capture.stdout)) return performance.now() - from;
			sleep(20);
		}
		return null;
	};
	const result = {loadedMs: null, loadedPeakRssBytes: null, searchMs: null, peakRssBytes: null};
	try {
		const count = `${documents.toLocaleString('en-US')} docs`;
		// Loaded: every document counted, the progress bar gone, and the stories grouped (or the pane saying why not).
		result.loadedMs = until(screen => screen.includes(count) && !/docs\/s|ETA|reading/.test(screen.split('\n').slice(-3).join('\n')) && !screen.includes('grouping'), started);
		sleep(1000);
		result.loadedPeakRssBytes = peak();
		tmux('send-keys', '-t', 'bench', '/');
		sleep(200);
		const typed = performance.now();
		tmux('send-keys', '-t', 'bench', '-l', query);
		result.searchMs = until(screen => / hits? · /.test(screen) && !screen.includes('so far'), typed);
		result.peakRssBytes = peak();
	} finally {
		tmux('kill-server');
	}
	return result;
}


if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [directory, documents, query] = process.argv.slice(2);
	const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
	const env = process.env.XDG_CACHE_HOME ? {XDG_CACHE_HOME: process.env.XDG_CACHE_HOME} : {};
	process.stdout.write(`${JSON.stringify(dashboardLoad([process.execPath, cli, directory], env, Number(documents), query ?? 'gold'))}\n`);
}
