// Development check of the timeline against the stories set beside the repository:
// `node bench/timeline-dev.mjs` bundles the analysis and the timeline, runs them over
// ../shared/stories/stories.jsonl (each document its own story), scores the rows with the set's own
// score.mjs, and lists the gold entries missed and the rows that disagree with gold.
// `node bench/timeline-dev.mjs --bench 10000` instead times datesOf over that many generated articles.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const set = join(root, '..', 'shared', 'stories');
const scratch = mkdtempSync(join(tmpdir(), 'timeline-dev-'));
try {
	await build({
		entryPoints: {analyse: join(root, 'source/analysis/analyse.ts'), timeline: join(root, 'source/analysis/stories/timeline.ts')},
		outdir: scratch,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		outExtension: {'.js': '.mjs'},
		logLevel: 'error',
	});
	const {analyseSource} = await import(pathToFileURL(join(scratch, 'analyse.mjs')).href);
	const {buildTimeline, datesOf} = await import(pathToFileURL(join(scratch, 'timeline.mjs')).href);
	const benchAt = process.argv.indexOf('--bench');
	if (benchAt >= 0) await bench(Number(process.argv[benchAt + 1] ?? 10000), analyseSource, datesOf);
	else score(analyseSource, buildTimeline);
} finally {
	rmSync(scratch, {recursive: true, force: true});
}

function score(analyseSource, buildTimeline) {
	const records = readFileSync(join(set, 'stories.jsonl'), 'utf8').trim().split('\n').map(line => JSON.parse(line));
	const analyses = records.map(({title, text, url, source, published}, i) =>
		analyseSource({name: `stories.jsonl#${i + 1}`, text: `${title}\n\n${text}`, meta: {title, source, author: '', published: published ?? '', url}}));
	const stories = analyses.map((a, i) => ({id: `s${i + 1}`, headline: a.document.title, documents: [a.document.path], sources: 1, firstPublished: '', lastPublished: '', entities: [], summary: []}));
	const started = performance.now();
	const rows = buildTimeline(analyses, stories);
	const ms = performance.now() - started;
	const paths = {stories: join(scratch, 'stories.json'), compare: join(scratch, 'compare.json'), timeline: join(scratch, 'timeline.json')};
	writeFileSync(paths.stories, JSON.stringify(stories.map(s => ({story: s.id, documents: s.documents, summary: ''}))));
	writeFileSync(paths.compare, '[]');
	writeFileSync(paths.timeline, JSON.stringify(rows));
	const out = spawnSync(process.execPath, [join(set, 'score.mjs'), paths.stories, paths.compare, paths.timeline], {encoding: 'utf8'});
	console.log(out.stdout.split('\n').find(line => line.startsWith('timeline')) ?? out.stdout + out.stderr);
	console.log(`${rows.length} rows from ${records.length} documents in ${ms.toFixed(0)} ms`);

	const lines = JSON.parse(readFileSync(join(set, 'lines.json'), 'utf8'));
	const gold = JSON.parse(readFileSync(join(set, 'timeline.json'), 'utf8'));
	const norm = s => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
	const rowsOf = file => rows.filter(r => r.document === `stories.jsonl#${lines[file]}`);
	for (const e of gold) {
		const last = norm(e.text).split(' ').at(-1);
		const mine = rowsOf(e.file).filter(r => norm(r.text).includes(last));
		if (mine.some(r => r.date.startsWith(e.date))) continue;
		console.log(`MISS ${e.file.slice(0, 24)} "${e.text}" ${e.date}: ${mine.map(r => `"${r.text}" ${r.date}`).join(', ') || 'no row'}`);
	}
	if (process.argv.includes('--rows')) {
		for (const r of [...rows].sort((a, b) => a.document.localeCompare(b.document, 'en', {numeric: true}))) {
			const file = Object.keys(lines).find(f => `stories.jsonl#${lines[f]}` === r.document);
			console.log(`${file.slice(0, 24).padEnd(24)} ${r.date.padEnd(10)} ${r.precision.padEnd(5)} ${r.text}`);
		}
	}
}

async function bench(count, analyseSource, datesOf) {
	const {createRandom, generateArticle, loadSources} = await import(pathToFileURL(join(root, 'bench', 'generator.mjs')).href);
	const random = createRandom(0x5eed);
	const sources = loadSources();
	const dates = ['2022-09-08', '2023-01-06', '2024-05-15', ''];
	const analyses = [];
	for (let i = 0; i < count; i++) {
		const text = generateArticle(random, sources);
		analyses.push(analyseSource({name: `g${i}.txt`, text, meta: {title: '', source: '', author: '', published: dates[i % dates.length], url: ''}}));
	}
	const words = analyses.reduce((n, a) => n + a.document.words, 0);
	// Wall time and this process's CPU time: the machine is shared, so the CPU figure is the steadier one.
	for (const pass of ['first pass', 'second pass']) {
		const started = performance.now();
		const cpu = process.cpuUsage();
		let found = 0;
		for (const a of analyses) found += datesOf(a).length;
		const ms = performance.now() - started;
		const used = process.cpuUsage(cpu);
		const cpuMs = (used.user + used.system) / 1000;
		console.log(`datesOf over ${count} generated articles (${words} words, 3 of 4 dated), ${pass}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${Math.round(words / (ms / 1000))} words/s, ${found} dates`);
	}
}
