// `npm run eval`: measure the analysis against the shared sets beside the project, each with its own scorer.
//   1. entities and facts on ../shared/eval/articles (the clean texts);
//   2. the same, on the news pages those articles were taken from (../shared/ingest/pages/news-*), read as pages;
//   3. what is read from every saved page (../shared/ingest/score.mjs), on the news pages and on all;
//   4. feeds and exports against their gold lists;
//   5. stories, figure comparisons and the timeline on ../shared/stories (its score.mjs).
// A set that is missing is said so and passed over; the exit status is the first scorer's.
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {analyseSource} from './analysis/analyse.js';
import {brief} from './analysis/stories/index.js';
import type {DocumentAnalysis} from './analysis/types.js';
import {readInputs} from './corpus/inputs.js';
import type {ReadProblem, SourceDocument} from './corpus/types.js';
import {comparisonRecords, storyRecord, timelineRecord} from './output/records.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(process.argv[2] ?? process.env.BRIEFING_EVAL_DIR ?? join(root, '..', 'shared', 'eval'));
const shared = dirname(evalDir);
const ingest = join(shared, 'ingest');
const storiesDir = join(shared, 'stories');

export function prediction(analysis: DocumentAnalysis) {
	const {document} = analysis;
	return {
		entities: analysis.entities.map(e => ({name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.length})),
		facts: analysis.facts.map(f => ({
			kind: f.kind,
			text: f.text,
			value: f.value,
			unit: f.unit,
			sentence_start: document.sentences[f.sentence]?.text ?? '',
		})),
	};
}

/** Documents read from paths through the same code the commands use. */
async function readDocuments(paths: string[]): Promise<{documents: SourceDocument[]; problems: ReadProblem[]}> {
	const documents: SourceDocument[] = [];
	const problems: ReadProblem[] = [];
	for await (const item of readInputs(paths, {maxBytes: 64 * 1024 * 1024, timeoutMs: 20_000, follow: false, userAgent: 'briefing-eval', label: path => path})) {
		if ('document' in item) documents.push(item.document);
		else if ('problem' in item) problems.push(item.problem);
	}
	return {documents, problems};
}

function heading(title: string): void {
	process.stdout.write(`\n== ${title}\n`);
}

function run(script: string, args: string[]): number {
	return spawnSync(process.execPath, [script, ...args], {stdio: 'inherit'}).status ?? 1;
}

const work = mkdtempSync(join(tmpdir(), 'briefing-eval-'));
const articles = join(evalDir, 'articles');
if (!existsSync(articles) || !existsSync(join(evalDir, 'score.mjs'))) {
	process.stderr.write(`briefing eval: no evaluation set at ${evalDir} (articles/, gold/ and score.mjs expected; give the folder as an argument)\n`);
	process.exit(2);
}
try {
	heading('entities and facts: ../shared/eval/articles');
	const texts = join(work, 'texts');
	mkdirSync(texts);
	for (const name of readdirSync(articles).filter(n => n.endsWith('.txt')).sort()) {
		const analysis = analyseSource({name, text: readFileSync(join(articles, name), 'utf8'), meta: {title: '', source: '', author: '', published: '', url: ''}});
		writeFileSync(join(texts, basename(name, '.txt') + '.json'), JSON.stringify(prediction(analysis), null, 1));
	}
	if (process.env.BRIEFING_EVAL_KEEP) {
		const keep = resolve(process.env.BRIEFING_EVAL_KEEP);
		for (const f of readdirSync(texts)) writeFileSync(join(keep, f), readFileSync(join(texts, f)));
	}
	process.exitCode = run(join(evalDir, 'score.mjs'), [join(evalDir, 'gold'), texts]);

	const pagesGold = join(ingest, 'pages', 'gold.json');
	if (existsSync(pagesGold) && existsSync(join(ingest, 'score.mjs'))) {
		const gold = JSON.parse(readFileSync(pagesGold, 'utf8')) as Array<{page: string; url?: string; article?: string}>;
		const {documents, problems} = await readDocuments(gold.map(g => join(ingest, 'pages', g.page)));
		const byPath = new Map(documents.map(d => [d.name, d]));

		heading('entities and facts of the same articles, read from their news pages (../shared/ingest/pages/news-*)');
		// The scorer counts every gold file it is given: a gold folder of just these articles, and their clean texts scored alongside.
		const fromPages = join(work, 'from-pages');
		const goldSubset = join(work, 'gold-subset');
		const textSubset = join(work, 'text-subset');
		for (const dir of [fromPages, goldSubset, textSubset]) mkdirSync(dir);
		for (const g of gold.filter(g => g.article)) {
			const document = byPath.get(join(ingest, 'pages', g.page));
			copyFileSync(join(evalDir, 'gold', `${g.article}.json`), join(goldSubset, `${g.article}.json`));
			copyFileSync(join(texts, `${g.article}.json`), join(textSubset, `${g.article}.json`));
			if (document) writeFileSync(join(fromPages, `${g.article}.json`), JSON.stringify(prediction(analyseSource(document))));
		}
		process.stdout.write('read from the pages:\n');
		run(join(evalDir, 'score.mjs'), [goldSubset, fromPages]);
		process.stdout.write('the clean texts of the same articles:\n');
		run(join(evalDir, 'score.mjs'), [goldSubset, textSubset]);

		heading('web pages: ../shared/ingest/score.mjs');
		const predictions: Record<string, {title: string; author: string; published: string; text: string}> = {};
		for (const g of gold) {
			const document = byPath.get(join(ingest, 'pages', g.page));
			if (document) predictions[g.page] = {title: document.meta.title, author: document.meta.author, published: document.meta.published, text: document.text};
		}
		const predictionsPath = join(work, 'pages.json');
		writeFileSync(predictionsPath, JSON.stringify(predictions));
		// A copy of the scorer beside a gold list of the news pages alone (the scorer scores every page it lists).
		const news = join(work, 'news');
		mkdirSync(join(news, 'ingest', 'pages'), {recursive: true});
		mkdirSync(join(news, 'eval'));
		copyFileSync(join(ingest, 'score.mjs'), join(news, 'ingest', 'score.mjs'));
		writeFileSync(join(news, 'ingest', 'pages', 'gold.json'), JSON.stringify(gold.filter(g => basename(dirname(g.page)).startsWith('news-') || g.page.startsWith('news-'))));
		symlinkSync(articles, join(news, 'eval', 'articles'));
		process.stdout.write('news pages (the kind the targets are set for):\n');
		run(join(news, 'ingest', 'score.mjs'), [predictionsPath]);
		process.stdout.write(`all ${gold.length} pages (most with Readability's own output as the expectation):\n`);
		run(join(ingest, 'score.mjs'), [predictionsPath]);
		if (problems.length) process.stdout.write(`pages not read: ${problems.map(p => `${p.path.slice(ingest.length + 1)} (${p.reason})`).join(', ')}\n`);

		heading('feeds and exports: ../shared/ingest/feeds and jsonl');
		await scoreFeedsAndExports();
	} else heading('web pages: no ../shared/ingest beside the project, passed over');

	if (existsSync(join(storiesDir, 'stories.jsonl')) && existsSync(join(storiesDir, 'score.mjs'))) {
		heading('stories, figures compared, timeline: ../shared/stories');
		const {documents} = await readDocuments([join(storiesDir, 'stories.jsonl')]);
		const briefing = brief(documents.map(analyseSource));
		const files = {
			stories: briefing.stories.map(storyRecord),
			compare: briefing.comparisons.flatMap(comparisonRecords),
			timeline: briefing.timeline.map(timelineRecord),
		};
		for (const [name, records] of Object.entries(files)) writeFileSync(join(work, `${name}.json`), JSON.stringify(records));
		run(join(storiesDir, 'score.mjs'), [join(work, 'stories.json'), join(work, 'compare.json'), join(work, 'timeline.json')]);
	} else heading('stories: no ../shared/stories beside the project, passed over');
} finally {
	rmSync(work, {recursive: true, force: true});
}

/** Share of gold items whose title, link and date (as times, within a minute) were read right. */
async function scoreFeedsAndExports(): Promise<void> {
	const same = (a: string, b: string | null | undefined) => (b ? a === b : true);
	const sameTime = (a: string, b: string | null | undefined) => !b || (a !== '' && Math.abs(Date.parse(a) - Date.parse(b)) < 60_000);
	const feedsGold = join(ingest, 'feeds', 'gold.json');
	if (existsSync(feedsGold)) {
		// The gold is Python's XML reading: a title's escaped markup left as text, links as written. We decode the
		// markup and resolve links against the feed, so titles compare without tags and entities, links by their path.
		const plain = (text: string) => text.replace(/<[^>]+>/g, '').replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec))).replace(/&amp;/g, '&');
		const path = (link: string) => link.replace(/^https?:\/\/[^/]+/, '');
		const gold = JSON.parse(readFileSync(feedsGold, 'utf8')) as Record<string, {items: Array<{title?: string; link?: string; published?: string}>}>;
		const right = {title: 0, link: 0, date: 0};
		const counted = {title: 0, link: 0, date: 0};
		for (const [feed, {items}] of Object.entries(gold)) {
			const {documents} = await readDocuments([join(ingest, 'feeds', feed)]);
			items.forEach((want, index) => {
				const got = documents[index]?.meta;
				if (want.title) (counted.title++, (right.title += Number(plain(got?.title ?? '') === plain(want.title))));
				if (want.link) (counted.link++, (right.link += Number(path(got?.url ?? '') === path(want.link))));
				if (want.published) (counted.date++, (right.date += Number(sameTime(got?.published ?? '', want.published))));
			});
		}
		const share = (k: keyof typeof right) => `${(right[k] / Math.max(1, counted[k])).toFixed(2)} (${right[k]}/${counted[k]})`;
		process.stdout.write(`feeds: title=${share('title')} link=${share('link')} date=${share('date')}  (${Object.keys(gold).length} feeds)\n`);
	}
	const jsonlGold = join(ingest, 'jsonl', 'gold.json');
	if (existsSync(jsonlGold)) {
		const gold = JSON.parse(readFileSync(jsonlGold, 'utf8')) as Array<{file: string; title?: string; published?: string; url?: string; source?: string}>;
		let records = 0;
		let right = 0;
		const read = new Map<string, SourceDocument[]>();
		for (const want of gold) {
			if (!read.has(want.file)) read.set(want.file, (await readDocuments([join(ingest, 'jsonl', want.file)])).documents);
			const index = gold.filter(g => g.file === want.file).indexOf(want);
			records++;
			const got = read.get(want.file)![index]?.meta;
			if (got && same(got.title, want.title) && same(got.url, want.url) && same(got.source, want.source) && (!want.published || got.published.startsWith(want.published.slice(0, 10)))) right++;
		}
		process.stdout.write(`exports: records=${(right / Math.max(1, records)).toFixed(2)} (${right}/${records} records with title, url, source and date right)\n`);
	}
}
