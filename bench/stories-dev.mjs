// Development harness for story grouping: `node bench/stories-dev.mjs [--sweep] [--scale N]`.
// Bundles the analysis and the grouping with esbuild, runs them on /work/shared/stories/stories.jsonl
// (beside the repository), scores the stories with the set's score.mjs, with and without publication
// dates, and prints each story so grouping errors show. `--sweep` tries a range of link thresholds;
// `--scale N` times groupStories on N generated documents (bench/generator.mjs).
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {generateCorpus} from './generator.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const setDir = join(root, '..', 'shared', 'stories');
const scratch = join(tmpdir(), `stories-dev-${process.pid}`);
mkdirSync(scratch, {recursive: true});
const args = process.argv.slice(2);
const option = name => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
};

const entry = join(scratch, 'entry.ts');
writeFileSync(
	entry,
	[
		`export {analyseSource} from ${JSON.stringify(join(root, 'source/analysis/analyse.ts'))};`,
		`export {groupStories, GROUPING} from ${JSON.stringify(join(root, 'source/analysis/stories/group.ts'))};`,
	].join('\n'),
);
const bundle = join(scratch, 'bundle.mjs');
await build({
	entryPoints: [entry],
	outfile: bundle,
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	logLevel: 'silent',
});
const {analyseSource, groupStories, GROUPING} = await import(bundle);

const records = readFileSync(join(setDir, 'stories.jsonl'), 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line));
const labels = JSON.parse(readFileSync(join(setDir, 'labels.json'), 'utf8'));
const lines = JSON.parse(readFileSync(join(setDir, 'lines.json'), 'utf8'));
const goldOfLine = new Map(labels.map(l => [lines[l.file], l.story ?? `(single) ${l.file}`]));

function analyse(withDates) {
	return records.map((r, i) =>
		analyseSource({
			name: `stories.jsonl#${i + 1}`,
			text: `${r.title}\n\n${r.text}`,
			meta: {title: r.title, source: r.source ?? '', author: '', published: withDates ? (r.published ?? '') : '', url: r.url ?? ''},
		}),
	);
}

function score(stories, tag) {
	const out = stories.map(s => ({
		story: s.id,
		headline: s.headline,
		documents: s.documents,
		sources: s.sources,
		first_published: s.firstPublished,
		last_published: s.lastPublished,
		entities: s.entities,
		summary: s.summary.map(q => q.text).join(' '),
	}));
	const files = ['stories', 'compare', 'timeline'].map(n => join(scratch, `${tag}-${n}.json`));
	writeFileSync(files[0], JSON.stringify(out, null, 1));
	writeFileSync(files[1], '[]');
	writeFileSync(files[2], '[]');
	const result = spawnSync(process.execPath, [join(setDir, 'score.mjs'), ...files], {encoding: 'utf8'});
	return result.stdout.split('\n')[0];
}

const lineOf = path => Number(/#(\d+)$/.exec(path)[1]);

function show(stories) {
	for (const s of stories) {
		const golds = s.documents.map(d => goldOfLine.get(lineOf(d)));
		const mixed = new Set(golds).size > 1 ? '  <-- MIXED' : '';
		console.log(`${s.id} [${s.documents.length}] ${s.headline.slice(0, 80)}  (${s.sources} sources, ${s.firstPublished || '?'}..${s.lastPublished || '?'})${mixed}`);
		console.log(`    gold: ${golds.map(g => g.slice(0, 30)).join(', ')}`);
		console.log(`    entities: ${s.entities.join(', ')}`);
		for (const q of s.summary) console.log(`    > ${q.text.slice(0, 160)}`);
	}
	// Split gold stories: a story whose documents landed in more than one group.
	const groupOf = new Map();
	for (const s of stories) for (const d of s.documents) groupOf.set(lineOf(d), s.id);
	const byGold = new Map();
	for (const [line, gold] of goldOfLine) {
		if (gold.startsWith('(single)')) continue;
		if (!byGold.has(gold)) byGold.set(gold, new Set());
		byGold.get(gold).add(groupOf.get(line));
	}
	for (const [gold, groups] of byGold) if (groups.size > 1) console.log(`SPLIT ${gold}: ${[...groups].join(', ')}`);
}

const dated = analyse(true);
const undated = analyse(false);
const started = performance.now();
const stories = groupStories(dated);
const ms = performance.now() - started;
if (!args.includes('--quiet')) show(stories);
console.log(`with dates:    ${score(stories, 'dated')}  (${ms.toFixed(0)} ms)`);
const undatedStories = groupStories(undated);
if (args.includes('--undated')) show(undatedStories);
console.log(`without dates: ${score(undatedStories, 'undated')}`);

if (args.includes('--sweep') && GROUPING) {
	const base = GROUPING.threshold;
	for (const factor of [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1, 1.15, 1.2, 1.35, 1.5, 2]) {
		GROUPING.threshold = base * factor;
		console.log(
			`threshold ${GROUPING.threshold.toFixed(3)} (x${factor}): dated ${score(groupStories(dated), 'sweep')}; undated ${score(groupStories(undated), 'sweep-u')}`,
		);
	}
	GROUPING.threshold = base;
}

const scale = option('--scale');
if (scale) {
	const count = Number(scale);
	const corpus = join(root, 'bench', 'corpus', String(count));
	generateCorpus({count, out: corpus});
	const cachePath = join(tmpdir(), `stories-dev-analyses-${count}.json`);
	let analyses;
	if (existsSync(cachePath)) analyses = JSON.parse(readFileSync(cachePath, 'utf8'));
	else {
		const t = performance.now();
		analyses = readdirSync(corpus)
			.filter(n => n.endsWith('.txt'))
			.sort()
			.map(n => analyseSource({name: join(corpus, n), text: readFileSync(join(corpus, n), 'utf8'), meta: {title: '', source: '', author: '', published: '', url: ''}}));
		console.log(`analysed ${count} generated documents in ${(performance.now() - t).toFixed(0)} ms (not part of grouping)`);
		writeFileSync(cachePath, JSON.stringify(analyses));
	}
	// Wall time on a shared machine says more about the neighbours than about the code: CPU time beside it.
	for (let run = 0; run < 2; run++) {
		const t = performance.now();
		const cpu = process.cpuUsage();
		const result = groupStories(analyses);
		const used = process.cpuUsage(cpu);
		const sizes = result.map(s => s.documents.length);
		console.log(
			`groupStories on ${count} generated documents: ${(performance.now() - t).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU ` +
				`(load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores), ${result.length} stories, largest ${Math.max(...sizes)}`,
		);
	}
}
