#!/usr/bin/env node
// Dev harness for figure comparison: analyses /work/shared/stories (or STORIES_DIR), groups documents by the
// gold stories (labels.json), runs compareFigures and scores it with the set's score.mjs.
// usage: node bench/compare-dev.mjs [--facts] [--groups] [--misses] [--coarse] [--one-story]
//        [--readings STORY] [--pair file:text file:text] [--matrix STORY file:value,…]
//   --facts   print every fact of the story documents (kind, value, unit, subject, text)
//   --groups  print every comparison
//   --misses  print missed gold pairs
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const setDir = process.env.STORIES_DIR ?? join(repoRoot, '..', 'shared', 'stories');
const flags = new Set(process.argv.slice(2));
const out = mkdtempSync(join(tmpdir(), 'compare-dev-'));

await build({
	entryPoints: {analyse: join(repoRoot, 'source/analysis/analyse.ts'), compare: join(repoRoot, 'source/analysis/stories/compare.ts')},
	bundle: true,
	platform: 'node',
	format: 'esm',
	outdir: out,
	logLevel: 'error',
	banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
});
const {analyseSource} = await import(pathToFileURL(join(out, 'analyse.js')).href);
const {compareFigures, readStory, pairAllowed} = await import(pathToFileURL(join(out, 'compare.js')).href);

const read = p => JSON.parse(readFileSync(join(setDir, p), 'utf8'));
const labels = read('labels.json');
const lines = read('lines.json');
const records = readFileSync(join(setDir, 'stories.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
const nameOf = line => `stories.jsonl#${line}`;
const fileOfName = new Map(Object.entries(lines).map(([f, n]) => [nameOf(n), f]));

const analyses = records.map((r, i) =>
	analyseSource({
		name: nameOf(i + 1),
		text: `${r.title}\n\n${r.text}`,
		meta: {title: r.title, source: r.source, author: '', published: r.published ?? '', url: r.url},
	}),
);

// Gold grouping: one story per gold story id, singles alone.
// --coarse: look-alike stories merged (all ECB decisions, both jobs reports, both Brazil rounds, the RBI
// single with its story), to see what a grouping that errs toward merging costs.
const coarse = s => (flags.has('--coarse') && s ? s.replace(/-\d{4}.*$/, '').replace(/-round1|-runoff/, '') : s);
const byStory = new Map();
for (const l of labels) {
	const key = coarse(l.story) ?? l.file;
	if (!byStory.has(key)) byStory.set(key, []);
	byStory.get(key).push(nameOf(lines[l.file]));
}
// --one-story: every document in one story, the worst a grouping can do (speed and false conflicts).
if (flags.has('--one-story')) for (const key of [...byStory.keys()]) if (key !== labels[0].story) { byStory.get(labels[0].story ?? labels[0].file).push(...byStory.get(key)); byStory.delete(key); }
const stories = [...byStory.entries()].map(([key, documents], i) => ({
	id: key.includes('.txt') ? `s${i + 1}` : key,
	headline: '',
	documents,
	sources: documents.length,
	firstPublished: '',
	lastPublished: '',
	entities: [],
	summary: [],
}));

if (flags.has('--facts')) {
	for (const s of stories) {
		if (s.documents.length < 2) continue;
		console.log(`=== ${s.id}`);
		for (const d of s.documents) {
			const a = analyses.find(x => x.document.path === d);
			console.log(`  -- ${fileOfName.get(d)}`);
			for (const f of a.facts) console.log(`    ${f.kind.padEnd(8)} ${String(f.value).padEnd(12)} ${f.unit.padEnd(12)} [${f.subject}] "${f.text}"`);
		}
	}
}

// --pair "file:text" "file:text": why two figures are or are not compared.
const pairAt = process.argv.indexOf('--pair');
if (pairAt > 0) {
	const [p, q] = process.argv.slice(pairAt + 1, pairAt + 3);
	for (const s of stories) {
		const members = s.documents.map(d => analyses.find(a => a.document.path === d));
		const {readings, sim} = readStory(members);
		const pick = spec => { const [f, t] = spec.split(':'); return readings.map((r, i) => [r, i]).filter(([r]) => fileOfName.get(r.document).startsWith(f) && r.fact.text.includes(t)); };
		for (const [a, i] of pick(p)) for (const [b, j] of pick(q)) {
			const show = r => ({...r, fact: r.fact.text, words: Object.fromEntries(r.words)});
			console.log(show(a), show(b), 'sim', sim(i, j).toFixed(3), 'allowed', pairAllowed(a, b, sim(i, j)));
		}
	}
}

const readingsAt = process.argv.indexOf('--readings');
if (readingsAt > 0) {
	const s = stories.find(x => x.id === process.argv[readingsAt + 1]);
	const {readings} = readStory(s.documents.map(d => analyses.find(a => a.document.path === d)));
	for (const r of readings) console.log(`${fileOfName.get(r.document).slice(0, 16).padEnd(16)} ${r.kind.slice(0, 4)} ${String(r.value).padEnd(9)} ${r.low}..${r.high} u=${r.unit} h=${r.head} n=${r.name} p=${r.period} "${r.fact.text}" {${[...r.words.keys()].join(' ')}}`);
}

// --matrix STORY file:value,…: pairAllowed between the listed figures.
const matrixAt = process.argv.indexOf('--matrix');
if (matrixAt > 0) {
	const s = stories.find(x => x.id === process.argv[matrixAt + 1]);
	const {readings, sim} = readStory(s.documents.map(d => analyses.find(a => a.document.path === d)));
	const picked = process.argv[matrixAt + 2].split(',').map(spec => { const [f, v] = spec.split(':'); return readings.findIndex(r => fileOfName.get(r.document).startsWith(f) && String(r.value) === v); });
	for (const i of picked) for (const j of picked) if (i < j && i >= 0 && j >= 0) {
		const a = readings[i], b = readings[j];
		console.log(`${fileOfName.get(a.document).slice(0, 10)}:${a.value} ${fileOfName.get(b.document).slice(0, 10)}:${b.value} sim=${sim(i, j).toFixed(2)} allowed=${pairAllowed(a, b, sim(i, j))} names=${a.name}/${b.name} broad=${a.broad}/${b.broad} heads=${a.head}/${b.head} p=${a.period}/${b.period}`);
	}
}

const t0 = performance.now();
const comparisons = compareFigures(analyses, stories);
const ms = performance.now() - t0;

const rows = comparisons.flatMap(c =>
	c.figures.map(f => ({group: c.id, story: c.story, subject: c.subject, kind: c.kind, status: c.status, document: f.document, sentence: f.sentence, text: f.text, value: f.value, unit: f.unit, period: f.period})),
);
writeFileSync(join(out, 'compare.json'), JSON.stringify(rows));
writeFileSync(join(out, 'stories.json'), JSON.stringify(stories.map(s => ({story: s.id, documents: s.documents, summary: ''}))));
writeFileSync(join(out, 'timeline.json'), '[]');
const score = execFileSync('node', [join(setDir, 'score.mjs'), join(out, 'stories.json'), join(out, 'compare.json'), join(out, 'timeline.json')], {encoding: 'utf8'});
console.log(score.split('\n').find(l => l.startsWith('figures')), `  (${comparisons.length} groups, ${ms.toFixed(0)} ms)`);

// The same matching as score.mjs, to list what went wrong.
const figures = read('figures.json');
const norm = s => String(s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const mentionsOf = row => {
	const res = [];
	const t = norm(row.text);
	figures.forEach((g, gi) => g.mentions.forEach((m, mi) => {
		if (fileOfName.get(row.document) === m.file && (norm(m.text).includes(t) || t.includes(norm(m.text)))) res.push([gi, mi]);
	}));
	return res;
};
const short = r => `${fileOfName.get(r.document).slice(0, 18)} "${r.text}"`;
if (flags.has('--groups')) {
	for (const c of comparisons) {
		console.log(`${c.id} ${c.story} ${c.kind} ${c.status} [${c.subject}]`);
		for (const f of c.figures) console.log(`     ${fileOfName.get(f.document).slice(0, 22).padEnd(22)} ${String(f.value).padEnd(10)} ${f.low}..${f.high} (${f.period}) "${f.text}"`);
	}
}
console.log('false conflicts:');
for (const c of comparisons) {
	if (c.status !== 'differ') continue;
	const rs = rows.filter(r => r.group === c.id);
	for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) {
		if (rs[i].document === rs[j].document) continue;
		const A = mentionsOf(rs[i]), B = mentionsOf(rs[j]);
		if (!A.length || !B.length) continue;
		const value = ([g, m]) => figures[g].mentions[m].value;
		const real = A.some(a => B.some(b => a[0] === b[0] && figures[a[0]].status === 'differ' && value(a) !== value(b)));
		const fals = !real && A.some(a => B.some(b => value(a) !== value(b)));
		if (fals) console.log(`  ${c.id} [${c.subject}] ${short(rs[i])}  vs  ${short(rs[j])}   gold: ${[...new Set([...A, ...B].map(x => x[0]))].map(g => figures[g].subject).join(' | ')}`);
	}
}
if (flags.has('--misses')) {
	console.log('missed gold pairs:');
	const rowMentions = rows.map(r => ({r, m: mentionsOf(r)}));
	figures.forEach((g, gi) => {
		if (g.status === 'distinct') return;
		for (let a = 0; a < g.mentions.length; a++) for (let b = a + 1; b < g.mentions.length; b++) {
			const ma = g.mentions[a], mb = g.mentions[b];
			if (ma.file === mb.file) continue;
			const want = g.status === 'agree' || ma.value === mb.value ? 'agree' : 'differ';
			if (g.status === 'differ' && want === 'agree') continue;
			const ok = comparisons.some(c => c.status === want && rowMentions.filter(x => x.r.group === c.id).some(x => x.m.some(([gg, mm]) => gg === gi && mm === a)) && rowMentions.filter(x => x.r.group === c.id).some(x => x.m.some(([gg, mm]) => gg === gi && mm === b)));
			if (!ok) console.log(`  ${want.padEnd(6)} ${gi} [${g.subject}] ${ma.file.slice(0, 18)} "${ma.text}" vs ${mb.file.slice(0, 18)} "${mb.text}"`);
		}
	});
}
