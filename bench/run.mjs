// The benchmark: `npm run bench` (builds first), or `npm run bench -- --sizes 100,1000`.
// For each corpus size it measures the built command as a user runs it, each figure beside a reference
// measured in the same run: bare `node -e ''` start-up for start-up figures, `fzf --filter` over the same
// sentences for search. It prints a Markdown table and writes bench/results.json.
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {availableParallelism, cpus, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {dashboardLoad} from './dashboard-probe.mjs';
import {generateCorpus} from './generator.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const probe = join(root, 'bench', 'process-probe.mjs');
const seeds = join(root, 'seeds');

/** Queries typed one keystroke at a time: names and topics in the corpus, a misspelling, a phrase it lacks. */
const QUERIES = ['gold', 'interest rates', 'Federal Reserve', 'Kazakhstan', 'hydroxychloroquine', 'baseball players', 'scholarships', 'kazakstan', 'trade war'];
/** Queries for the whole-process search against fzf: a name, a topic, a misspelling, a phrase the corpus lacks. */
const PROCESS_QUERIES = ['gold', 'interest rates', 'kazakstan', 'trade war'];
const DEFAULT_SIZES = [100, 1000, 10000];
/** Runs of the warm `stats` per size, of which the median is reported. */
const WARM_RUNS = 3;
/**
 * Past this many articles (an archive: `--sizes 100000`), the figures that hold every document in one
 * process are left out (the in-process search probes, the dashboard's in-memory search): the issue's
 * figures for an archive are the commands' own, as whole processes.
 */
const ARCHIVE_SIZE = 20_000;
const STARTUP_RUNS = 10;
const SEED_RUNS = 5;

function parseSizes(argv) {
	const at = argv.indexOf('--sizes');
	const value = at >= 0 ? argv[at + 1] : argv.find(a => a.startsWith('--sizes='))?.slice('--sizes='.length);
	if (value === undefined) return DEFAULT_SIZES;
	const sizes = value.split(',').map(s => Number(s.trim().replace(/_/g, '')));
	if (sizes.some(n => !Number.isInteger(n) || n < 1)) {
		process.stderr.write(`bench: --sizes takes whole numbers separated by commas, as in --sizes 100,1000\n`);
		process.exit(2);
	}
	return sizes;
}

const sleep = ms => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The value below which the given share of values fall (nearest rank). */
function percentile(values, share) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** Run node with arguments; wall time in ms, plus peak RSS and CPU time when `measure` is set. */
function timeNode(args, {env = {}, stdout = 'ignore', measure = false} = {}) {
	const probeFile = measure ? join(scratch, `probe-${process.hrtime.bigint()}.json`) : undefined;
	const fullArgs = measure ? ['--import', probe, ...args] : args;
	// What the command before wrote (2 GB of store after a first analysis at 100,000 articles) is written out by the
	// kernel for half a minute after, which a command timed meanwhile would measure; `sync` waits for it first.
	spawnSync('sync');
	const started = performance.now();
	const result = spawnSync(process.execPath, fullArgs, {
		env: {...process.env, ...env, ...(probeFile ? {BRIEFING_BENCH_PROBE: probeFile} : {})},
		stdio: ['ignore', stdout, 'pipe'],
		maxBuffer: 256 * 1024 * 1024,
		encoding: 'utf8',
	});
	const ms = performance.now() - started;
	if (result.status !== 0 && result.status !== 1) {
		throw new Error(`node ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr}`);
	}
	const usage = probeFile ? JSON.parse(readFileSync(probeFile, 'utf8')) : undefined;
	return {ms, stdout: result.stdout, usage};
}

function tool(name, args) {
	const result = spawnSync(name, args, {encoding: 'utf8'});
	return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Bytes of every file under a folder (the store and its write-ahead log). */
function sizeOnDisk(folder) {
	let bytes = 0;
	for (const entry of readdirSync(folder, {withFileTypes: true, recursive: true})) {
		if (entry.isFile()) bytes += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
	}
	return bytes;
}

const shellQuote = word => `'${String(word).replace(/'/g, `'\\''`)}'`;

/**
 * Start a command in a detached tmux session (a real terminal, 120×40) and wait for its first frame:
 * the screen showing `marker`. Returns the time from launch, or, when the marker never shows, the time
 * anything was first drawn, with `marker: false`.
 */
function firstFrame(command, env, marker, timeoutMs = 30_000) {
	const socket = `briefing-bench-${process.pid}`;
	const tmux = (...args) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	const line = ['env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...command].map(shellQuote).join(' ');
	const started = performance.now();
	tmux('new-session', '-d', '-s', 'bench', '-x', '120', '-y', '40', line);
	let drawn;
	let shown;
	let screen = '';
	while (performance.now() - started < timeoutMs) {
		const capture = tmux('capture-pane', '-p', '-t', 'bench');
		if (capture.status !== 0) break; // the command ended
		screen = capture.stdout;
		const now = performance.now() - started;
		if (drawn === undefined && screen.trim() !== '') drawn = now;
		if (screen.includes(marker)) {
			shown = now;
			break;
		}
		sleep(5);
	}
	tmux('kill-server');
	return {ms: shown ?? drawn ?? null, marker: shown !== undefined, screen: shown === undefined ? screen.trim().slice(0, 400) : undefined};
}

const format = {
	ms: ms => (ms === null || ms === undefined || Number.isNaN(ms) ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`),
	ratio: r => (r === null || r === undefined || Number.isNaN(r) ? '–' : `${r.toFixed(r < 0.1 ? 3 : r < 10 ? 1 : 0)}×`),
	mb: bytes => (bytes ? `${Math.round(bytes / 1024 / 1024)} MB` : '–'),
	count: n => n.toLocaleString('en-US'),
};

const sizes = parseSizes(process.argv.slice(2));
const scratch = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
const fzfVersion = tool('fzf', ['--version']);
const tmuxVersion = tool('tmux', ['-V']);
const machine = {
	nproc: availableParallelism(),
	cpu: cpus()[0]?.model ?? 'unknown',
	node: process.version,
	platform: `${process.platform} ${process.arch}`,
	date: new Date().toISOString(),
};
const log = text => process.stderr.write(`bench: ${text}\n`);

try {
	log(`${machine.nproc} × ${machine.cpu}, node ${machine.node}; sizes ${sizes.join(', ')}`);
	if (!fzfVersion) log('fzf not found: the fzf column is skipped (Debian: apt-get install -y fzf)');
	if (!tmuxVersion) log('tmux not found: the first-frame figures are skipped');

	const startup = median(Array.from({length: STARTUP_RUNS}, () => timeNode(['-e', '']).ms));
	log(`node -e '' start-up: ${format.ms(startup)}`);

	// `briefing facts seeds > /dev/null`: without a cache, then with one.
	const seedsCache = join(scratch, 'cache-seeds');
	const seedsCold = median(Array.from({length: SEED_RUNS}, () => timeNode([cli, 'facts', seeds], {env: {XDG_CACHE_HOME: seedsCache, BRIEFING_NO_CACHE: '1'}}).ms));
	timeNode([cli, 'facts', seeds], {env: {XDG_CACHE_HOME: seedsCache}});
	const seedsWarm = median(Array.from({length: SEED_RUNS}, () => timeNode([cli, 'facts', seeds], {env: {XDG_CACHE_HOME: seedsCache}}).ms));
	log(`facts on the seeds: ${format.ms(seedsCold)} without cache, ${format.ms(seedsWarm)} cached`);

	let frameReference = null;
	if (tmuxVersion) {
		const reference = [process.execPath, '-e', "process.stdout.write('? help'); setTimeout(() => {}, 60000)"];
		frameReference = median(Array.from({length: 3}, () => firstFrame(reference, {}, '? help').ms));
		log(`node start-up under tmux: ${format.ms(frameReference)}`);
	}

	const bundleProbe = async name => {
		const outfile = join(scratch, `${name}.mjs`);
		await build({
			entryPoints: [join(root, 'bench', `${name}.ts`)],
			outfile,
			bundle: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
			logLevel: 'silent',
		});
		return outfile;
	};
	const probeBundle = await bundleProbe('search-probe');

	// Saved web pages: ours beside Readability over linkedom, on the same pages in the same process.
	let pagesRow = null;
	const pagesFolder = join(root, '..', 'shared', 'ingest', 'pages');
	if (existsSync(pagesFolder)) {
		const pagesProbe = await bundleProbe('pages-probe');
		const measured = JSON.parse(timeNode([pagesProbe, pagesFolder], {stdout: 'pipe'}).stdout);
		pagesRow = {...measured, oursPagesPerSecond: measured.pages / (measured.oursMs / 1000), readabilityPagesPerSecond: measured.pages / (measured.readabilityMs / 1000)};
		log(`pages: ${pagesRow.oursPagesPerSecond.toFixed(0)} pages/s, Readability + linkedom ${pagesRow.readabilityPagesPerSecond.toFixed(0)} pages/s (${format.ratio(measured.readabilityMs / measured.oursMs)} as fast)`);
	} else log('no ../shared/ingest/pages beside the project: the pages figures are skipped');
	// The dashboard's search is the UI's code, which may change shape: without it, that column is skipped.
	const dashboardProbe = await bundleProbe('dashboard-search-probe').catch(error => {
		log(`the dashboard's search could not be bundled, its column is skipped: ${error.message.split('\n')[0]}`);
		return undefined;
	});

	const results = [];
	for (const size of sizes) {
		const corpus = join(root, 'bench', 'corpus', String(size));
		const manifest = generateCorpus({count: size, out: corpus});
		const cacheHome = join(scratch, `cache-${size}`);
		log(`${format.count(size)} articles (${format.count(manifest.words)} words)`);
		const row = {articles: size, words: manifest.words};

		if (tmuxVersion) {
			// Before anything is cached: the dashboard must draw while the analysis runs.
			const cold = firstFrame([process.execPath, cli, corpus], {XDG_CACHE_HOME: join(scratch, `cache-frame-${size}`)}, '? help');
			row.firstFrameCold = cold;
			log(`  first frame, nothing cached: ${format.ms(cold.ms)}${cold.marker ? '' : ' (no "? help" on screen: time of the first output)'}`);
		}

		const analysis = timeNode([cli, 'stats', corpus], {env: {XDG_CACHE_HOME: cacheHome}, stdout: 'pipe', measure: true});
		const total = analysis.stdout.trim().split('\n').at(-1).split(',');
		const words = Number(total[2]);
		row.analysis = {
			command: 'briefing stats DIR (empty cache)',
			ms: analysis.ms,
			wordsPerSecond: words / (analysis.ms / 1000),
			cpuMs: analysis.usage.userMs + analysis.usage.systemMs,
			coresUsed: (analysis.usage.userMs + analysis.usage.systemMs) / analysis.ms,
			peakRssBytes: analysis.usage.maxRssBytes,
		};
		log(`  analysis: ${format.ms(analysis.ms)}, ${format.count(Math.round(row.analysis.wordsPerSecond))} words/s, ${row.analysis.coresUsed.toFixed(2)} cores busy, peak RSS ${format.mb(analysis.usage.maxRssBytes)}`);

		row.storeBytes = sizeOnDisk(join(cacheHome, 'briefing'));
		log(`  store on disk: ${format.mb(row.storeBytes)}`);

		// The warm run is short enough for this shared machine's moods to move it by a second: the median of three.
		const warmRuns = Array.from({length: WARM_RUNS}, () => timeNode([cli, 'stats', corpus], {env: {XDG_CACHE_HOME: cacheHome}, stdout: 'pipe', measure: true}));
		const cached = {ms: median(warmRuns.map(run => run.ms)), usage: {maxRssBytes: Math.max(...warmRuns.map(run => run.usage.maxRssBytes))}};
		row.cached = {command: `briefing stats DIR (cache filled), median of ${WARM_RUNS}`, ms: cached.ms, runsMs: warmRuns.map(run => run.ms), peakRssBytes: cached.usage.maxRssBytes};
		log(`  cached: ${format.ms(cached.ms)} (median of ${warmRuns.map(run => format.ms(run.ms)).join(', ')}), peak RSS ${format.mb(cached.usage.maxRssBytes)}`);

		{
			const stories = timeNode([cli, 'stories', corpus], {env: {XDG_CACHE_HOME: cacheHome}, measure: true});
			row.stories = {command: 'briefing stories DIR > /dev/null (cache filled)', ms: stories.ms, addedMs: stories.ms - cached.ms, peakRssBytes: stories.usage.maxRssBytes};
			log(`  stories > /dev/null: ${format.ms(stories.ms)}, ${format.ms(row.stories.addedMs)} more than the cached stats run, peak RSS ${format.mb(stories.usage.maxRssBytes)}`);
			const again = timeNode([cli, 'stories', corpus], {env: {XDG_CACHE_HOME: cacheHome}, measure: true});
			row.storiesAgain = {command: 'briefing stories DIR > /dev/null (the briefing kept)', ms: again.ms, peakRssBytes: again.usage.maxRssBytes, ratioToWarmStats: again.ms / cached.ms};
			log(`  stories again (kept in the store): ${format.ms(again.ms)}, ${format.ratio(row.storiesAgain.ratioToWarmStats)} the cached stats run`);
		}

		const factsFile = join(scratch, `facts-${size}.csv`);
		const factsOut = openSync(factsFile, 'w');
		const facts = timeNode([cli, 'facts', corpus], {env: {XDG_CACHE_HOME: cacheHome}, stdout: factsOut, measure: true});
		closeSync(factsOut);
		row.facts = {command: 'briefing facts DIR > file (cache filled)', ms: facts.ms, peakRssBytes: facts.usage.maxRssBytes, bytes: statSync(factsFile).size};
		rmSync(factsFile, {force: true});
		log(`  facts > file: ${format.ms(facts.ms)}, peak RSS ${format.mb(facts.usage.maxRssBytes)}`);

		// `briefing search QUERY DIR` as a whole process, against `cat DIR/*.txt | fzf --filter QUERY`.
		row.processSearch = [];
		for (const query of PROCESS_QUERIES) {
			const ours = timeNode([cli, 'search', query, corpus], {env: {XDG_CACHE_HOME: cacheHome}, measure: true});
			const entry = {query, ms: ours.ms, peakRssBytes: ours.usage.maxRssBytes};
			if (fzfVersion) {
				const started = performance.now();
				spawnSync('sh', ['-c', `find ${shellQuote(corpus)} -name '*.txt' -print0 | xargs -0 cat | fzf --filter ${shellQuote(query)} > /dev/null`], {stdio: 'ignore'});
				entry.fzfMs = performance.now() - started;
				entry.ratioToFzf = entry.ms / entry.fzfMs;
			}
			row.processSearch.push(entry);
			log(`  search "${query}" as a process: ${format.ms(entry.ms)}, peak RSS ${format.mb(entry.peakRssBytes)}${entry.fzfMs ? `; cat | fzf --filter ${format.ms(entry.fzfMs)} (${format.ratio(entry.ratioToFzf)})` : ''}`);
		}

		// Ten new articles in the folder: the warm run plus their own analysis, not a re-read of all.
		const newcomers = join(scratch, `new-${size}`);
		generateCorpus({count: 10, seed: 0xbeef + size, out: newcomers});
		const added = readdirSync(newcomers).filter(name => name.endsWith('.txt'));
		for (const name of added) writeFileSync(join(corpus, `new-${name}`), readFileSync(join(newcomers, name)));
		try {
			const tenNew = timeNode([cli, 'stats', corpus], {env: {XDG_CACHE_HOME: cacheHome}, stdout: 'pipe', measure: true});
			row.tenNew = {command: 'briefing stats DIR with 10 new files', ms: tenNew.ms, peakRssBytes: tenNew.usage.maxRssBytes, ratioToWarm: tenNew.ms / cached.ms};
			log(`  ten new files: ${format.ms(tenNew.ms)} (${format.ratio(row.tenNew.ratioToWarm)} the warm run)`);
			if (row.stories) {
				const stories = timeNode([cli, 'stories', corpus], {env: {XDG_CACHE_HOME: cacheHome}, measure: true});
				row.storiesTenNew = {command: 'briefing stories DIR > /dev/null with 10 new files (analysed by the stats run before)', ms: stories.ms, peakRssBytes: stories.usage.maxRssBytes, ratioToFirst: stories.ms / row.stories.ms};
				log(`  stories with the ten new files: ${format.ms(stories.ms)} (${format.ratio(row.storiesTenNew.ratioToFirst)} the first briefing), peak RSS ${format.mb(stories.usage.maxRssBytes)}`);
			}
		} finally {
			for (const name of added) rmSync(join(corpus, `new-${name}`), {force: true});
		}
		// And gone again: the run drops their documents and finds the folder as it was.
		const tenRemoved = timeNode([cli, 'stats', corpus], {env: {XDG_CACHE_HOME: cacheHome}, stdout: 'pipe', measure: true});
		row.tenRemoved = {command: 'briefing stats DIR after the 10 new files were removed', ms: tenRemoved.ms, peakRssBytes: tenRemoved.usage.maxRssBytes, ratioToWarm: tenRemoved.ms / cached.ms};
		log(`  ten files removed: ${format.ms(tenRemoved.ms)} (${format.ratio(row.tenRemoved.ratioToWarm)} the warm run)`);

		if (tmuxVersion) {
			const warm = firstFrame([process.execPath, cli, corpus], {XDG_CACHE_HOME: cacheHome}, '? help');
			row.firstFrameWarm = warm;
			log(`  first frame, cached: ${format.ms(warm.ms)}`);
			const loaded = dashboardLoad([process.execPath, cli, corpus], {XDG_CACHE_HOME: cacheHome}, size, PROCESS_QUERIES[0]);
			row.dashboard = {command: 'briefing DIR in tmux (store filled): every document listed, then a search typed', ...loaded};
			log(`  dashboard: all ${format.count(size)} listed and grouped in ${format.ms(loaded.loadedMs)} (peak RSS ${format.mb(loaded.loadedPeakRssBytes)}); search "${PROCESS_QUERIES[0]}" complete in ${format.ms(loaded.searchMs)}; peak RSS ${format.mb(loaded.peakRssBytes)}`);
		}

		if (size > ARCHIVE_SIZE) {
			results.push(row);
			continue;
		}
		const sentencesFile = join(scratch, `sentences-${size}.txt`);
		const probed = timeNode([probeBundle, corpus, sentencesFile, JSON.stringify(QUERIES)], {stdout: 'pipe'});
		const search = JSON.parse(probed.stdout);
		const ours = search.keystrokes.map(k => k.ms);
		row.search = {sentences: search.sentences, indexBuildMs: search.buildMs, limit: search.limit, p50: percentile(ours, 0.5), p95: percentile(ours, 0.95), max: Math.max(...ours), keystrokes: search.keystrokes};
		if (fzfVersion) {
			for (const keystroke of search.keystrokes) {
				const input = openSync(sentencesFile, 'r');
				const started = performance.now();
				spawnSync('fzf', ['--filter', keystroke.query], {stdio: [input, 'ignore', 'ignore']});
				keystroke.fzfMs = performance.now() - started;
				closeSync(input);
			}
			const theirs = search.keystrokes.map(k => k.fzfMs);
			row.search.fzf = {p50: percentile(theirs, 0.5), p95: percentile(theirs, 0.95)};
			row.search.p95RatioToFzf = row.search.p95 / row.search.fzf.p95;
			row.search.keystrokesOver2xFzf = search.keystrokes.filter(k => k.ms > 2 * k.fzfMs).length;
		}
		log(`  search over ${format.count(search.sentences)} sentences: p50 ${format.ms(row.search.p50)}, p95 ${format.ms(row.search.p95)}${row.search.fzf ? `; fzf --filter p50 ${format.ms(row.search.fzf.p50)}, p95 ${format.ms(row.search.fzf.p95)}` : ''}`);
		if (dashboardProbe) {
			try {
				const dashboard = JSON.parse(timeNode([dashboardProbe, corpus, JSON.stringify(QUERIES)], {stdout: 'pipe'}).stdout);
				const times = dashboard.keystrokes.map(k => k.ms);
				row.dashboardSearch = {command: 'SentenceSearch (source/ui/search.ts), keystroke to complete results', buildMs: dashboard.buildMs, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: Math.max(...times), keystrokes: dashboard.keystrokes};
				log(`  the dashboard's search, to complete results: p50 ${format.ms(row.dashboardSearch.p50)}, p95 ${format.ms(row.dashboardSearch.p95)}`);
			} catch (error) {
				log(`  the dashboard's search failed, its column is skipped: ${error.message.split('\n')[0]}`);
			}
		}
		results.push(row);
	}

	// A scraper's export: the largest corpus (at most 10,000 articles) as one JSON Lines file, one record a line.
	let exportRow = null;
	const exportSize = Math.min(10_000, Math.max(...sizes));
	{
		const corpus = join(root, 'bench', 'corpus', String(exportSize));
		generateCorpus({count: exportSize, out: corpus});
		const exportFile = join(scratch, `export-${exportSize}.jsonl`);
		const names = readdirSync(corpus).filter(name => name.endsWith('.txt')).sort();
		writeFileSync(exportFile, names.map(name => {
			const [title, ...rest] = readFileSync(join(corpus, name), 'utf8').split('\n\n');
			return JSON.stringify({title, maintext: rest.join('\n'), date_publish: '2024-03-05 10:00:00', source_domain: 'example.org', url: `https://example.org/${name}`});
		}).join('\n') + '\n');
		const cacheHome = join(scratch, 'cache-export');
		const first = timeNode([cli, 'stats', exportFile], {env: {XDG_CACHE_HOME: cacheHome}, stdout: 'pipe', measure: true});
		const words = Number(first.stdout.trim().split('\n').at(-1).split(',')[2]);
		const again = timeNode([cli, 'stats', exportFile], {env: {XDG_CACHE_HOME: cacheHome}, stdout: 'pipe', measure: true});
		exportRow = {records: names.length, words, ms: first.ms, wordsPerSecond: words / (first.ms / 1000), peakRssBytes: first.usage.maxRssBytes, cachedMs: again.ms, cachedPeakRssBytes: again.usage.maxRssBytes};
		log(`export of ${format.count(names.length)} records: ${format.ms(first.ms)} (${format.count(Math.round(exportRow.wordsPerSecond))} words/s, peak RSS ${format.mb(first.usage.maxRssBytes)}), cached ${format.ms(again.ms)}`);
	}

	const report = {machine, references: {nodeStartupMs: startup, nodeStartupUnderTmuxMs: frameReference, fzf: fzfVersion ?? null, tmux: tmuxVersion ?? null}, seeds: {factsColdMs: seedsCold, factsCachedMs: seedsWarm}, pages: pagesRow, export: exportRow, queries: QUERIES, sizes: results};
	const out = join(root, 'bench', 'results.json');
	writeFileSync(`${out}.tmp`, JSON.stringify(report, null, '\t') + '\n');
	renameSync(`${out}.tmp`, out);

	const frame = f => (f ? `${format.ms(f.ms)}${f.marker ? '' : '*'}` : '–');
	const lines = [
		`Machine: ${machine.nproc} × ${machine.cpu}, node ${machine.node}, ${machine.platform}. References measured in the same run: \`node -e ''\` ${format.ms(startup)}; node start-up under tmux ${format.ms(frameReference)}${fzfVersion ? `; fzf ${fzfVersion}` : '; fzf not installed'}.`,
		'',
		`\`briefing facts seeds > /dev/null\`: ${format.ms(seedsCold)} with no cache (${format.ratio(seedsCold / startup)} node start-up), ${format.ms(seedsWarm)} cached (${format.ratio(seedsWarm / startup)}).`,
		'',
		'| Articles | Words | Analysis, empty store | Words/s | Cores busy | Peak RSS | Store on disk | Cached run | `facts > /dev/null` | First frame, empty / filled cache | Search p50 / p95 | fzf --filter p50 / p95 | p95 vs fzf | Dashboard search p50 / p95 |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		...results.map(r =>
			[
				format.count(r.articles),
				format.count(r.words),
				format.ms(r.analysis.ms),
				format.count(Math.round(r.analysis.wordsPerSecond)),
				r.analysis.coresUsed.toFixed(2),
				format.mb(Math.max(r.analysis.peakRssBytes, r.cached.peakRssBytes, r.facts.peakRssBytes)),
				format.mb(r.storeBytes),
				`${format.ms(r.cached.ms)} (${format.ratio(r.cached.ms / startup)})`,
				format.ms(r.facts.ms),
				`${frame(r.firstFrameCold)} / ${frame(r.firstFrameWarm)}`,
				r.search ? `${format.ms(r.search.p50)} / ${format.ms(r.search.p95)}` : '–',
				r.search?.fzf ? `${format.ms(r.search.fzf.p50)} / ${format.ms(r.search.fzf.p95)}` : '–',
				r.search?.fzf ? format.ratio(r.search.p95RatioToFzf) : '–',
				r.dashboardSearch ? `${format.ms(r.dashboardSearch.p50)} / ${format.ms(r.dashboardSearch.p95)}` : '–',
			].join(' | '),
		).map(row => `| ${row} |`),
		'',
		'The commands as whole processes, with the store filled (each beside `node -e \'\'` or `fzf --filter` measured in the same run):',
		'',
		'| Articles | First analysis (peak RSS) | Warm `stats` (peak RSS) | Warm `facts > file` (peak RSS) | `search` as a process, slowest vs fzf (peak RSS) | Ten new files | Ten removed | Store on disk |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|',
		...results.map(r => {
			const slowest = r.processSearch.reduce((worst, entry) => ((entry.ratioToFzf ?? 0) > (worst.ratioToFzf ?? 0) ? entry : worst), r.processSearch[0]);
			const searchRss = Math.max(...r.processSearch.map(entry => entry.peakRssBytes));
			return `| ${[
				format.count(r.articles),
				`${format.ms(r.analysis.ms)} (${format.mb(r.analysis.peakRssBytes)})`,
				`${format.ms(r.cached.ms)}, ${format.ratio(r.cached.ms / startup)} node (${format.mb(r.cached.peakRssBytes)})`,
				`${format.ms(r.facts.ms)} (${format.mb(r.facts.peakRssBytes)})`,
				slowest?.fzfMs ? `"${slowest.query}" ${format.ms(slowest.ms)} vs ${format.ms(slowest.fzfMs)}: ${format.ratio(slowest.ratioToFzf)} (${format.mb(searchRss)})` : `${format.ms(Math.max(...r.processSearch.map(e => e.ms)))}, no fzf (${format.mb(searchRss)})`,
				`${format.ms(r.tenNew.ms)} (${format.ratio(r.tenNew.ratioToWarm)} warm)`,
				r.tenRemoved ? `${format.ms(r.tenRemoved.ms)} (${format.ratio(r.tenRemoved.ratioToWarm)} warm)` : '–',
				format.mb(r.storeBytes),
			].join(' | ')} |`;
		}),
		'',
		pagesRow ? `Web pages (${pagesRow.pages} saved pages of ../shared/ingest, ${format.mb(pagesRow.bytes)}, in process, median of 3 passes): ${pagesRow.oursPagesPerSecond.toFixed(0)} pages/s (${(pagesRow.oursMs / pagesRow.pages).toFixed(1)} ms a page); @mozilla/readability over linkedom ${pagesRow.readabilityPagesPerSecond.toFixed(0)} pages/s (${(pagesRow.readabilityMs / pagesRow.pages).toFixed(1)} ms a page): ${format.ratio(pagesRow.readabilityMs / pagesRow.oursMs)} as many pages per second.` : 'Web pages: no ../shared/ingest/pages, skipped.',
		'',
		`JSON Lines export of ${format.count(exportRow.records)} records (${format.count(exportRow.words)} words): \`briefing stats export.jsonl\` ${format.ms(exportRow.ms)} with an empty cache (${format.count(Math.round(exportRow.wordsPerSecond))} words/s, peak RSS ${format.mb(exportRow.peakRssBytes)}), ${format.ms(exportRow.cachedMs)} cached (peak RSS ${format.mb(exportRow.cachedPeakRssBytes)}).`,
		'',
		`Stories: \`briefing stories DIR\` with the cache filled: ${results
			.filter(r => r.stories)
			.map(
				r =>
					`${format.ms(r.stories.ms)} at ${format.count(r.articles)} articles (peak RSS ${format.mb(r.stories.peakRssBytes)}), ${format.ms(r.stories.addedMs)} more than the cached \`stats\` run; again with the briefing kept, ${format.ms(r.storiesAgain.ms)} (${format.ratio(r.storiesAgain.ratioToWarmStats)} the cached \`stats\` run)${r.storiesTenNew ? `; with ten new files, ${format.ms(r.storiesTenNew.ms)} (${format.ratio(r.storiesTenNew.ratioToFirst)} the first briefing, peak RSS ${format.mb(r.storiesTenNew.peakRssBytes)})` : ''}`,
			)
			.join('; ')}.`,
		'',
		`Dashboard over a filled store, in tmux: ${results
			.filter(r => r.dashboard)
			.map(r => `${format.count(r.articles)} articles listed and grouped in ${format.ms(r.dashboard.loadedMs)} (peak RSS ${format.mb(r.dashboard.loadedPeakRssBytes)}), "${PROCESS_QUERIES[0]}" searched in ${format.ms(r.dashboard.searchMs)}, peak RSS ${format.mb(r.dashboard.peakRssBytes)}`)
			.join('; ')}.`,
		'',
		`Analysis and cached run: \`briefing stats DIR\` (wall time, node start-up included; cores busy = CPU time / wall time; the cached run is the median of ${WARM_RUNS}). Search: ${QUERIES.length} queries typed one keystroke at a time (${results[0]?.search.keystrokes.length ?? 0} searches, top ${results[0]?.search.limit ?? 20}) over every sentence, in process, median of 3 passes; fzf: \`fzf --filter\` per keystroke over the same sentences, a process each. Dashboard search: the dashboard's in-memory SentenceSearch (sharded; what it searches with without a store), from keystroke to complete results, event-loop turns left out. First frame: \`briefing DIR\` in tmux (120×40) until the status bar's "? help" shows${results.some(r => r.firstFrameCold && !r.firstFrameCold.marker) ? ' (* the marker never showed: time of the first output)' : ''}.`,
	];
	process.stdout.write(lines.join('\n') + '\n');
} finally {
	rmSync(scratch, {recursive: true, force: true});
}
