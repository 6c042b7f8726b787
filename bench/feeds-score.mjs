// Dev check of the feed and scraper-export readers against the real inputs in ../shared/ingest:
// `node bench/feeds-score.mjs [--table]`. For feeds/gold.json it compares each item's title, link and
// published time (as times); for jsonl/gold.json each record's title, published date, url and source.
// Links are counted twice: exactly as in gold, and after resolving gold's relative links against the feed's
// own link (the reader resolves them, so "/gulpjs/..." reads as "https://github.com/gulpjs/...").
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const ingest = join(root, '..', 'shared', 'ingest');
const table = process.argv.includes('--table');

const out = mkdtempSync(join(tmpdir(), 'feeds-score-'));
const entry = join(out, 'entry.ts');
writeFileSync(
	entry,
	['feed', 'records', 'charset'].map(name => `export * from ${JSON.stringify(join(root, 'source', 'corpus', `${name}.ts`))};`).join('\n'),
);
await build({entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(out, 'readers.mjs'), logLevel: 'error'});
const {parseFeed, decodeMarkup, readJsonLines} = await import(join(out, 'readers.mjs'));
rmSync(out, {recursive: true, force: true});

// Feeds
const feedGold = JSON.parse(readFileSync(join(ingest, 'feeds', 'gold.json'), 'utf8'));
const counts = {items: 0, title: 0, titleAsText: 0, link: 0, linkResolved: 0, published: 0, skippedEmpty: 0};
const sameTime = (a, b) => (!a && !b) || (!!a && !!b && Date.parse(a) === Date.parse(b));
const asText = s => (s ?? '').replace(/<[^>]+>/g, '').replace(/&#x([\da-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/\s+/g, ' ').trim();
for (const [file, {items: expected}] of Object.entries(feedGold)) {
	const {text} = decodeMarkup(readFileSync(join(ingest, 'feeds', file)));
	const feed = parseFeed(text);
	if ('problem' in feed) {
		console.log(`${file}: ${feed.problem}`);
		counts.items += expected.length;
		continue;
	}
	const base = feed.items[0]?.meta.url;
	// Gold lists items with no title, link or date at all; the reader skips those (with a problem) by design.
	const wanted = expected.filter(item => item.title || item.link || item.published);
	counts.skippedEmpty += expected.length - wanted.length;
	counts.items += wanted.length;
	if (table) console.log(`${file}: ${feed.items.length} read, ${wanted.length} expected; problems: ${JSON.stringify(feed.problems)}`);
	wanted.forEach((gold, index) => {
		const meta = feed.items[index]?.meta ?? {};
		const marks = {
			title: (meta.title ?? '') === (gold.title ?? ''),
			titleAsText: (meta.title ?? '') === asText(gold.title),
			link: (meta.url ?? '') === (gold.link ?? ''),
			linkResolved: (meta.url ?? '') === (gold.link ? new URL(gold.link, base ?? undefined).href : ''),
			published: sameTime(meta.published, gold.published),
		};
		for (const [field, ok] of Object.entries(marks)) if (ok) counts[field]++;
		if (table && Object.values(marks).some(ok => !ok)) {
			console.log(`  #${index + 1} ${Object.entries(marks).map(([f, ok]) => `${ok ? '+' : '-'}${f}`).join(' ')}`);
			if (!marks.titleAsText) console.log(`     title ${JSON.stringify(meta.title)} ≠ ${JSON.stringify(gold.title)}`);
			if (!marks.linkResolved) console.log(`     link ${meta.url} ≠ ${gold.link}`);
			if (!marks.published) console.log(`     published ${meta.published} ≠ ${gold.published}`);
		}
	});
}
const share = n => `${n}/${counts.items}`;
console.log(
	`feeds: ${counts.items} items (+${counts.skippedEmpty} empty ones skipped by design); title ${share(counts.title)} exact, ${share(counts.titleAsText)} as text; ` +
		`link ${share(counts.link)} exact, ${share(counts.linkResolved)} resolved; published ${share(counts.published)}`,
);

// JSON Lines
const recordGold = JSON.parse(readFileSync(join(ingest, 'jsonl', 'gold.json'), 'utf8'));
const records = {};
for (const file of new Set(recordGold.map(record => record.file))) {
	const lines = createInterface({input: Readable.from(readFileSync(join(ingest, 'jsonl', file))), crlfDelay: Infinity});
	records[file] = [];
	for await (const result of readJsonLines(lines)) records[file].push(result);
}
const recordCounts = {records: recordGold.length, title: 0, published: 0, url: 0, source: 0};
const seen = {};
for (const gold of recordGold) {
	const index = (seen[gold.file] = (seen[gold.file] ?? -1) + 1);
	const result = records[gold.file][index];
	const meta = result?.meta ?? {};
	const marks = {
		title: meta.title === gold.title,
		// Gold gives the day; a reader that also gives the time ("2019-10-09T00:00:00") is right on the day.
		published: (meta.published ?? '').slice(0, 10) === gold.published,
		url: meta.url === gold.url,
		source: meta.source === gold.source,
	};
	for (const [field, ok] of Object.entries(marks)) if (ok) recordCounts[field]++;
	if (table) console.log(`${gold.file}#${index + 1} ${Object.entries(marks).map(([f, ok]) => `${ok ? '+' : '-'}${f}`).join(' ')} ${result?.problem ?? ''}`);
}
const recordShare = n => `${n}/${recordCounts.records}`;
console.log(
	`jsonl: ${recordCounts.records} records; title ${recordShare(recordCounts.title)}, published ${recordShare(recordCounts.published)}, ` +
		`url ${recordShare(recordCounts.url)}, source ${recordShare(recordCounts.source)}`,
);
