// The analysis store's candidates, measured on one generated corpus:
//   node bench/store-measure.mjs [--count 10000] [--modules DIR] [--install] [--stats-times 10] [--engines libsql,better-sqlite3,lmdb]
// For each embedded database it writes every analysis in transactions of 256, then, in a new process as a
// warm `briefing stats DIR` would, stats every file and reads every document's figures; it reports the
// file's size, and for SQLite the trigram index's candidate lookup and a whole search (candidates, then
// fuse.js through SentenceIndex) in a new process, beside `fzf --filter` over the same sentences.
//
// libsql is the project's dependency; better-sqlite3 and lmdb are measured when installed in --modules
// (node_modules folders separated by ':', e.g. from `npm install --prefix /tmp/c better-sqlite3@12 lmdb@3`), else skipped.
// --install times a clean install of each candidate, with an empty npm cache, in a temporary folder.
// --stats-times 10 also times the warm stats at ten times the corpus (see scaleStore).
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {cpus, loadavg, tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {generateCorpus} from './generator.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const QUERIES = ['gold', 'interest rates', 'Federal Reserve', 'Kazakhstan', 'hydroxychloroquine', 'baseball players', 'scholarships', 'kazakstan', 'trade war'];
const BATCH = 256;
const IDENTITY = 'bench';
const log = text => process.stderr.write(`store-measure: ${text}\n`);

const argv = process.argv.slice(2);
const option = name => {
	const at = argv.indexOf(name);
	return at >= 0 ? argv[at + 1] : undefined;
};

/** esbuild bundle of what the measurements call, under node_modules/ so that it finds the native packages. */
async function bundle(name, exports) {
	const directory = join(root, 'node_modules', '.briefing-bench');
	mkdirSync(directory, {recursive: true});
	const outfile = join(directory, `store-measure-${name}.mjs`);
	await build({
		stdin: {
			contents: exports.join('\n'),
			resolveDir: root,
			loader: 'ts',
		},
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		external: ['libsql', 'better-sqlite3', 'lmdb'],
		banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
		logLevel: 'silent',
	});
	return outfile;
}

/** The articles under a folder (and its sub-folders: the scaled copy), in sorted order. */
function corpusFiles(folder) {
	return readdirSync(folder, {recursive: true, encoding: 'utf8'}).filter(n => n.endsWith('.txt')).sort().map(n => join(folder, n));
}

/**
 * The stats path at `times` × the corpus, without analysing it again: the corpus hard-linked `times` times
 * (same inodes, so the same stamps), and the libsql store's files, documents and entities rows copied with
 * a hash of their own for each copy. Sentences, their index and analyses are not copied: `stats` reads none.
 */
function scaleStore(driver, directory, corpus, times) {
	const farm = `${corpus}x${times}`;
	for (let k = 0; k < times; k++) {
		const copy = join(farm, String(k));
		mkdirSync(copy, {recursive: true});
		for (const name of readdirSync(corpus).filter(n => n.endsWith('.txt'))) {
			if (!existsSync(join(copy, name))) linkSync(join(corpus, name), join(copy, name));
		}
	}
	const db = new driver(join(directory, 'briefing.db'));
	const [documents] = db.prepare('SELECT max(id) FROM documents').raw().get();
	const [entities] = db.prepare('SELECT max(id) FROM entities').raw().get();
	db.exec('BEGIN');
	for (let k = 0; k < times; k++) {
		const d = (k + 1) * (documents + 1);
		const e = (k + 1) * (entities + 1);
		db.prepare(
			`INSERT INTO documents (id, hash, identity, title, words, sentences, paragraphs, reading_minutes, entities, facts, duplicate_paragraphs)
			 SELECT id + ?, hash || '#' || ?, identity, title, words, sentences, paragraphs, reading_minutes, entities, facts, duplicate_paragraphs FROM documents WHERE id <= ?`,
		).run(d, k, documents);
		db.prepare('INSERT INTO entities (id, document, name, type, aliases, mentions) SELECT id + ?, document + ?, name, type, aliases, mentions FROM entities WHERE id <= ?').run(e, d, entities);
		db.prepare(`INSERT INTO files (path, size, mtime_ms, ino, hash) SELECT ? || substr(path, ?), size, mtime_ms, ino, hash || '#' || ? FROM files WHERE path LIKE ? || '/%'`).run(join(farm, String(k)), corpus.length + 1, k, corpus);
	}
	db.exec('COMMIT');
	db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
	db.close();
	return farm;
}

function stampOf(path) {
	const info = statSync(path);
	return {size: info.size, mtimeMs: info.mtimeMs, ino: info.ino};
}

function loadDriver(name, modules) {
	// --modules: node_modules folders, separated by ':'.
	const places = [join(root, 'package.json'), ...(modules ? modules.split(':').filter(Boolean).map(folder => join(resolve(folder), '..', 'package.json')) : [])];
	for (const place of places) {
		try {
			return createRequire(place)(name);
		} catch {
			// Not installed there.
		}
	}
	return undefined;
}

// ---- child processes: a warm run's stats, and one search, each in a fresh process as a user runs them ----

async function child(kind) {
	const [entry, engine, modules, directory, folder, query] = argv.slice(1);
	const api = await import(pathToFileURL(entry).href);
	const started = performance.now();
	const files = corpusFiles(folder);
	let result;
	if (engine === 'lmdb') {
		const {open} = loadDriver('lmdb', modules);
		const env = open({path: directory, compression: false});
		const filesDb = env.openDB({name: 'files'});
		const documents = env.openDB({name: 'documents'});
		let found = 0;
		let words = 0;
		for (const path of files) {
			const stamp = stampOf(path);
			const known = filesDb.get(path);
			if (!known || known.size !== stamp.size || known.mtimeMs !== stamp.mtimeMs || known.ino !== stamp.ino) continue;
			const document = documents.get(known.hash);
			if (document) {
				found++;
				words += document.stats.words;
			}
		}
		env.close();
		result = {found, words};
	} else {
		const driver = engine === 'libsql' ? undefined : loadDriver(engine, modules);
		const store = api.Store.open({directory, identity: IDENTITY, driver});
		const known = store.knownFiles([resolve(folder)]);
		const hashes = [];
		for (const path of files) {
			const stamp = stampOf(path);
			const record = known.get(path);
			if (record && record.size === stamp.size && record.mtimeMs === stamp.mtimeMs && record.ino === stamp.ino) hashes.push(record.hash);
		}
		if (kind === 'stats') {
			const stats = store.stats(hashes);
			let words = 0;
			for (const hash of hashes) words += stats.get(hash)?.words ?? 0;
			const ms = performance.now() - started;
			// The totals row counts distinct entities across documents: their rows, read apart.
			const entitiesStarted = performance.now();
			const entities = store.entities(hashes).length;
			const entitiesMs = performance.now() - entitiesStarted;
			// As `briefing stats` would ask: the count recorded for this set of documents (computed by the warm-up run).
			const totalsStarted = performance.now();
			store.distinctEntities(hashes, rows => rows.length);
			result = {found: stats.size, words, entities, ms, entitiesMs, totalsMs: performance.now() - totalsStarted};
		} else {
			const lookup = performance.now();
			const candidates = store.searchCandidates(query, hashes, 20);
			const lookupMs = performance.now() - lookup;
			const hits = new api.SentenceIndex(candidates.map(c => ({document: files[c.document], sentence: c.sentence, text: c.text}))).search(query, 20);
			result = {candidates: candidates.length, hits: hits.length, lookupMs};
		}
		store.close();
	}
	const usage = process.resourceUsage();
	process.stdout.write(JSON.stringify({ms: performance.now() - started, ...result, maxRssBytes: usage.maxRSS * 1024}) + '\n');
}

function runChild(kind, args) {
	const started = performance.now();
	const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--child-${kind}`, ...args], {encoding: 'utf8', maxBuffer: 64 << 20});
	const wallMs = performance.now() - started;
	if (out.status !== 0) throw new Error(`child ${kind} failed: ${out.stderr}`);
	return {...JSON.parse(out.stdout), wallMs};
}

// ---- the parent ----

function timeInstall(spec) {
	const directory = mkdtempSync(join(tmpdir(), 'store-measure-install-'));
	writeFileSync(join(directory, 'package.json'), '{"name":"x","version":"1.0.0"}\n');
	const started = performance.now();
	const out = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--cache', join(directory, '.npm-cache'), spec], {cwd: directory, encoding: 'utf8'});
	const seconds = (performance.now() - started) / 1000;
	rmSync(directory, {recursive: true, force: true});
	return out.status === 0 ? seconds : NaN;
}

function directorySize(directory) {
	let bytes = 0;
	for (const name of readdirSync(directory)) bytes += statSync(join(directory, name)).size;
	return bytes;
}

async function main() {
	const count = Number(option('--count') ?? 10_000);
	const modules = option('--modules');
	const corpus = join(root, 'bench', 'corpus', String(count));
	const manifest = generateCorpus({count, out: corpus});
	log(`${count} articles, ${manifest.words} words in ${corpus}`);
	// The children load only what a warm run needs: no analysis code.
	const entry = await bundle('child', ["export {SentenceIndex} from './source/analysis/search.ts';", "export {Store} from './source/store/store.ts';"]);
	const analysisBundle = await bundle('analysis', [
		"export {analyseText} from './source/analysis/analyse.ts';",
		"export {contentHash, encodeAnalysis, decodeAnalysis} from './source/analysis/cache.ts';",
	]);
	const api = {
		...(await import(pathToFileURL(analysisBundle).href)),
		...(await import(pathToFileURL(await bundle('store', ["export {Store} from './source/store/store.ts';"])).href)),
	};
	const files = corpusFiles(corpus);

	// Analysed once, kept encoded (a tenth of the memory), decoded batch by batch outside the timings. The
	// analyses are kept beside the corpus for the next run, under the hash of the analysis code that made them.
	const analysisId = createHash('sha256').update(readFileSync(analysisBundle)).digest('hex').slice(0, 16);
	const kept = `${corpus}.store-measure-${analysisId}.jsonl`;
	let analysed = [];
	if (existsSync(kept)) {
		analysed = readFileSync(kept, 'utf8').trim().split('\n').map(line => JSON.parse(line));
		for (const entry of analysed) entry.stamp = stampOf(entry.path);
		log(`analyses read from ${kept}`);
	} else {
		log('analysing…');
		const started = performance.now();
		for (const path of files) {
			const text = readFileSync(path, 'utf8');
			const analysis = api.analyseText(path, text);
			analysed.push({path, stamp: stampOf(path), hash: api.contentHash(text), encoded: api.encodeAnalysis(analysis, text)});
		}
		log(`analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
		writeFileSync(`${kept}.tmp`, analysed.map(({path, hash, encoded}) => JSON.stringify({path, hash, encoded})).join('\n') + '\n');
		renameSync(`${kept}.tmp`, kept);
	}
	const decoded = from => analysed.slice(from, from + BATCH).map(a => ({...a, analysis: api.decodeAnalysis(a.encoded, a.path, readFileSync(a.path, 'utf8'))}));

	const scratch = mkdtempSync(join(tmpdir(), 'store-measure-'));
	const sentencesFile = join(scratch, 'sentences.txt');
	const rows = [];
	try {
		const engines = (option('--engines') ?? 'libsql,better-sqlite3,lmdb').split(',');
		for (const engine of engines) {
			const driver = loadDriver(engine, modules);
			if (!driver) {
				log(`${engine}: not installed${modules ? ` in ${modules}` : ''}: skipped`);
				continue;
			}
			const directory = join(scratch, engine);
			mkdirSync(directory);
			const row = {engine, install: argv.includes('--install') ? timeInstall(engine === 'lmdb' ? 'lmdb@3' : engine === 'libsql' ? 'libsql@0.5' : 'better-sqlite3@12') : NaN};
			let writeMs = 0;
			const cpuBefore = process.cpuUsage();
			if (engine === 'lmdb') {
				const env = driver.open({path: directory, compression: false});
				const filesDb = env.openDB({name: 'files'});
				const documents = env.openDB({name: 'documents'});
				const sentences = env.openDB({name: 'sentences'});
				for (let from = 0; from < analysed.length; from += BATCH) {
					const batch = decoded(from);
					const t = performance.now();
					env.transactionSync(() => {
						for (const {path, stamp, hash, encoded, analysis} of batch) {
							const {stats, document} = analysis;
							documents.put(hash, {title: document.title, stats, encoded});
							for (const sentence of document.sentences) sentences.put([hash, sentence.index], sentence.text);
							filesDb.put(path, {...stamp, hash});
						}
					});
					writeMs += performance.now() - t;
				}
				await env.close();
			} else {
				const store = api.Store.open({directory, identity: IDENTITY, driver: engine === 'libsql' ? undefined : driver, batchSize: Infinity, flushMs: 3_600_000});
				for (let from = 0; from < analysed.length; from += BATCH) {
					const batch = decoded(from);
					const t = performance.now();
					for (const {path, stamp, hash, encoded, analysis} of batch) store.put(hash, analysis, encoded, {path, ...stamp, hash});
					store.flush();
					writeMs += performance.now() - t;
				}
				store.close();
			}
			row.writeMs = writeMs;
			// CPU time of the whole loop (decoding included, the same for every engine): steadier than wall time on a busy machine.
			const cpu = process.cpuUsage(cpuBefore);
			row.writeCpuMs = (cpu.user + cpu.system) / 1000;
			row.bytes = directorySize(directory);
			// Warm: the pages are in the OS cache, as on the second run of a day.
			runChild('stats', [entry, engine, modules ?? '', directory, corpus]);
			const stats = [0, 1, 2].map(() => runChild('stats', [entry, engine, modules ?? '', directory, corpus]));
			stats.sort((a, b) => a.wallMs - b.wallMs);
			row.stats = stats[1];
			if (row.stats.found !== files.length) throw new Error(`${engine}: the warm stats found ${row.stats.found} of ${files.length} documents`);
			if (engine !== 'lmdb') {
				row.search = QUERIES.map(query => ({query, ...runChild('search', [entry, engine, modules ?? '', directory, corpus, query])}));
			}
			rows.push(row);
			log(`${engine}: written in ${(writeMs / 1000).toFixed(1)} s, ${(row.bytes / 1e6).toFixed(0)} MB; warm stats ${row.stats.wallMs.toFixed(0)} ms`);
		}

		const times = Number(option('--stats-times') ?? 0);
		let scaled;
		if (times > 1 && rows[0]?.engine === 'libsql') {
			log(`copying the libsql store ${times} times over…`);
			const directory = join(scratch, 'libsql');
			const farm = scaleStore(loadDriver('libsql'), directory, corpus, times);
			runChild('stats', [entry, 'libsql', modules ?? '', directory, farm]);
			const runs = [0, 1, 2].map(() => runChild('stats', [entry, 'libsql', modules ?? '', directory, farm])).sort((a, b) => a.wallMs - b.wallMs);
			scaled = {documents: count * times, bytes: directorySize(directory), ...runs[1]};
			if (scaled.found !== count * times) throw new Error(`the scaled stats found ${scaled.found} of ${count * times} documents`);
			log(`warm stats over ${count * times} documents: ${scaled.wallMs.toFixed(0)} ms`);
		}

		// fzf over the same sentences, one a line, as bench/run.mjs feeds it.
		let fzf;
		if (spawnSync('fzf', ['--version']).status === 0) {
			const lines = [];
			for (let from = 0; from < analysed.length; from += BATCH) for (const {analysis} of decoded(from)) for (const s of analysis.document.sentences) lines.push(s.text.replace(/\s+/g, ' '));
			writeFileSync(sentencesFile, lines.join('\n') + '\n');
			fzf = QUERIES.map(query => {
				const t = performance.now();
				spawnSync('sh', ['-c', 'fzf --filter "$1" < "$2" > /dev/null', 'sh', query, sentencesFile]);
				return {query, ms: performance.now() - t};
			});
		} else log('fzf not found: its column is skipped (Debian: apt-get install -y fzf)');

		const startups = [0, 1, 2, 3, 4].map(() => {
			const t = performance.now();
			spawnSync(process.execPath, ['-e', '']);
			return performance.now() - t;
		});
		const nodeStartup = startups.sort((a, b) => a - b)[2];
		const ms = value => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ms` : '–');
		const mb = bytes => `${(bytes / 1e6).toFixed(0)} MB`;
		const lines = [
			`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, node ${process.version}, load average ${loadavg()[0].toFixed(1)}. Corpus: ${count.toLocaleString('en-US')} generated articles, ${manifest.words.toLocaleString('en-US')} words. Reference: \`node -e ''\` ${ms(nodeStartup)}.`,
			'',
			'| engine | clean install | write all (transactions of 256): wall | CPU (with decoding) | file size | warm stats, whole process | of which open, stat files, read figures | + every entity row (totals, first time) | + recorded totals | peak RSS |',
			'|---|---|---|---|---|---|---|---|---|---|',
			...rows.map(r => `| ${r.engine} | ${Number.isFinite(r.install) ? `${r.install.toFixed(1)} s` : 'not timed (--install)'} | ${ms(r.writeMs)} | ${ms(r.writeCpuMs)} | ${mb(r.bytes)} | ${ms(r.stats.wallMs)} | ${ms(r.stats.ms)} | ${r.stats.entitiesMs === undefined ? '–' : ms(r.stats.entitiesMs)} | ${r.stats.totalsMs === undefined ? '–' : ms(r.stats.totalsMs)} | ${mb(r.stats.maxRssBytes)} |`),
		];
		if (scaled) {
			lines.push(
				'',
				`Warm stats at ${scaled.documents.toLocaleString('en-US')} documents (libsql; the corpus hard-linked ${times} times, the files, documents and entities rows copied; sentences and analyses not copied, stats reads neither): whole process ${ms(scaled.wallMs)}, of which open, stat files, read figures ${ms(scaled.ms)}, + every entity row ${ms(scaled.entitiesMs)} (${scaled.entities.toLocaleString('en-US')} rows; the totals row's first time), or + the recorded totals ${ms(scaled.totalsMs)}; peak RSS ${mb(scaled.maxRssBytes)}; file ${mb(scaled.bytes)}.`,
			);
		}
		const searched = rows.filter(r => r.search);
		if (searched.length > 0) {
			lines.push('', `Search, one process per query (node start, open, stat ${count.toLocaleString('en-US')} files, trigram candidates, fuse.js on them), beside fzf --filter over the same sentences:`, '');
			lines.push(`| query | ${searched.map(r => `${r.engine}: candidate lookup | ${r.engine}: whole search`).join(' | ')} | candidates | fzf --filter |`);
			lines.push(`|---|${searched.map(() => '---|---').join('|')}|---|---|`);
			QUERIES.forEach((query, i) => {
				const cells = searched.map(r => `${ms(r.search[i].lookupMs)} | ${ms(r.search[i].wallMs)}`);
				lines.push(`| ${query} | ${cells.join(' | ')} | ${searched[0].search[i].candidates} | ${fzf ? ms(fzf[i].ms) : '–'} |`);
			});
		}
		process.stdout.write(lines.join('\n') + '\n');
	} finally {
		rmSync(scratch, {recursive: true, force: true});
	}
}

if (argv[0] === '--child-stats') await child('stats');
else if (argv[0] === '--child-search') await child('search');
else await main();
