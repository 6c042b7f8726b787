#!/usr/bin/env node
// Scores the web-page reader (source/corpus/page.ts) on the saved pages in ../shared/ingest/pages and times
// it against @mozilla/readability over linkedom on the same pages, in the same run.
// usage: node bench/pages-score.mjs [--table] [--only=news] [--keep=predictions.json]
// It bundles page.ts with esbuild into a temporary folder (no build step needed), writes the predictions,
// and runs the shared scorer twice: on the 5 news pages (a copy of the scorer over a gold list cut down to
// them, since the scorer counts every gold page) and on all pages.
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const ingest = join(repoRoot, '..', 'shared', 'ingest');
const flags = process.argv.slice(2);
const table = flags.includes('--table');
const keep = flags.find(f => f.startsWith('--keep='))?.slice(7);
const skipReadability = flags.includes('--no-readability');

const work = mkdtempSync(join(tmpdir(), 'pages-score-'));
try {
	await build({
		entryPoints: [join(repoRoot, 'source', 'corpus', 'page.ts')],
		bundle: true, platform: 'node', format: 'esm', outfile: join(work, 'page.mjs'), logLevel: 'error',
		absWorkingDir: repoRoot,
	});
	const {extractPage} = await import(pathToFileURL(join(work, 'page.mjs')).href);

	const gold = JSON.parse(readFileSync(join(ingest, 'pages', 'gold.json'), 'utf8'));
	// Valid UTF-8 is UTF-8 whatever the page declares (saved pages are often re-encoded); else the declared charset.
	const decode = bytes => {
		try { return new TextDecoder('utf-8', {fatal: true}).decode(bytes); } catch { /* not UTF-8 */ }
		const head = bytes.subarray(0, 4096).toString('latin1');
		const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
		if (label && label !== 'utf-8' && label !== 'utf8') {
			try { return new TextDecoder(label).decode(bytes); } catch { /* unknown label: UTF-8 */ }
		}
		return new TextDecoder('utf-8').decode(bytes);
	};
	const pages = gold.map(g => ({g, html: decode(readFileSync(join(ingest, 'pages', g.page)))}));

	// Both readers first run untimed over a few pages, so that neither is timed while the JIT warms up.
	const warmup = pages.slice(0, 20);
	for (const {g, html} of warmup) extractPage(html, {url: g.url ?? undefined});

	const predictions = {};
	let ours = 0;
	for (const {g, html} of pages) {
		const t0 = performance.now();
		const page = extractPage(html, {url: g.url ?? undefined});
		ours += performance.now() - t0;
		if ('problem' in page) { predictions[g.page] = {title: '', author: '', published: '', text: ''}; continue; }
		const {meta, paragraphs} = page;
		predictions[g.page] = {
			title: meta.title, author: meta.author, published: meta.published,
			text: [meta.title, ...paragraphs.map(p => p.text)].join('\n\n'),
		};
	}

	let theirs;
	if (!skipReadability) {
		const {Readability} = await import('@mozilla/readability');
		const {parseHTML} = await import('linkedom');
		for (const {html} of warmup) {
			try { new Readability(parseHTML(html).document).parse(); } catch { /* as below */ }
		}
		theirs = 0;
		for (const {html} of pages) {
			const t0 = performance.now();
			try {
				const {document} = parseHTML(html);
				new Readability(document).parse();
			} catch { /* Readability throws on some pages: its time still counts */ }
			theirs += performance.now() - t0;
		}
	}

	const predPath = keep ?? join(work, 'predictions.json');
	writeFileSync(predPath, JSON.stringify(predictions, null, 1));

	// A copy of the scorer next to a gold list of the news pages only, with the eval articles where it looks.
	const newsDir = join(work, 'news');
	mkdirSync(join(newsDir, 'ingest', 'pages'), {recursive: true});
	mkdirSync(join(newsDir, 'eval'), {recursive: true});
	copyFileSync(join(ingest, 'score.mjs'), join(newsDir, 'ingest', 'score.mjs'));
	writeFileSync(join(newsDir, 'ingest', 'pages', 'gold.json'), JSON.stringify(gold.filter(g => g.page.startsWith('news-'))));
	symlinkSync(join(ingest, '..', 'eval', 'articles'), join(newsDir, 'eval', 'articles'));

	const score = (scorer, label) => {
		const out = execFileSync(process.execPath, [scorer, predPath, ...(table ? ['--table'] : [])], {encoding: 'utf8'});
		console.log(`${label}:\n${out.trimEnd()}`);
	};
	score(join(newsDir, 'ingest', 'score.mjs'), 'news pages');
	score(join(ingest, 'score.mjs'), 'all pages');
	const ms = total => (total / pages.length).toFixed(1);
	console.log(`extractPage: ${ms(ours)} ms/page` + (theirs === undefined ? '' :
		`; Readability+linkedom: ${ms(theirs)} ms/page (${(theirs / ours).toFixed(1)}x) over ${pages.length} pages`));
} finally {
	rmSync(work, {recursive: true, force: true});
}
