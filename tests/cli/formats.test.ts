import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {runCli} from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'briefing-formats-'));
const at = (name: string) => join(dir, name);

writeFileSync(
	at('budget.html'),
	`<!doctype html><html><head><title>Council approves budget - The Gazette</title>
<meta property="og:site_name" content="The Gazette"><link rel="canonical" href="https://www.gazette.example/news/2024/03/05/budget">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves budget","datePublished":"2024-03-05T09:30:00+01:00","dateModified":"2024-03-06T10:00:00+01:00","author":{"@type":"Person","name":"Ada Lovelace"}}</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav><article><h1>Council approves budget</h1>
<p>The city council approved a budget of $1.2 billion on Monday after a long debate about schools and roads.</p>
<figure><img src="x.jpg"><figcaption>The council chamber on Monday. Photo: Charles Babbage</figcaption></figure>
<p>Mayor Grace Hopper said the plan would raise spending on schools by 4 percent next year.</p></article>
<aside class="related"><a href="/a">Read more: Council delays vote</a></aside></body></html>`,
);
writeFileSync(
	at('wire.rss'),
	`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Rates held</title><link>https://wire.example/rates</link><pubDate>Wed, 06 Mar 2024 14:00:00 +0000</pubDate><description>&lt;p&gt;The bank held rates at 5 percent.&lt;/p&gt;</description></item>
<item><title>Storm nears coast</title><link>https://wire.example/storm</link><description>A storm with winds of 120 miles per hour neared the coast.</description></item>
</channel></rss>`,
);
writeFileSync(
	at('export.jsonl.gz'),
	gzipSync(
		[
			JSON.stringify({title: 'Jobs report beats forecasts', maintext: 'Employers added 200,000 jobs in February.\nThe unemployment rate was 3.9 percent.', date_publish: '2024-03-08 08:30:00', source_domain: 'news.example', authors: ['Ann Writer']}),
			'{"title": "broken',
		].join('\n'),
	),
);
writeFileSync(at('not-a-feed.rss'), '<html><body><h1>502 Bad Gateway</h1></body></html>');

const inputs = [at('budget.html'), at('wire.rss'), at('export.jsonl.gz')];

describe('briefing documents', () => {
	const result = runCli(['documents', ...inputs]);
	const rows = parse(result.stdout, {columns: true}) as Array<Record<string, string>>;

	it('lists every document read, with its metadata, one row each', () => {
		expect(result.status).toBe(0);
		expect(result.stdout.split('\n')[0]).toBe('document,title,source,author,published,url,words,text');
		expect(rows.map(r => r.document)).toEqual([at('budget.html'), `${at('wire.rss')}#1`, `${at('wire.rss')}#2`, `${at('export.jsonl.gz')}#1`]);
		expect(rows[0]).toMatchObject({title: 'Council approves budget', source: 'The Gazette', author: 'Ada Lovelace', published: '2024-03-05T09:30:00+01:00', url: 'https://www.gazette.example/news/2024/03/05/budget'});
		expect(rows[1]).toMatchObject({title: 'Rates held', source: 'Wire', url: 'https://wire.example/rates'});
		expect(rows[3]).toMatchObject({title: 'Jobs report beats forecasts', source: 'news.example', author: 'Ann Writer', published: '2024-03-08T08:30:00'});
	});

	it('gives the clean text: paragraphs separated by blank lines, no headline, menu, caption or related link', () => {
		expect(rows[0]!.text).toBe(
			'The city council approved a budget of $1.2 billion on Monday after a long debate about schools and roads.\n\nMayor Grace Hopper said the plan would raise spending on schools by 4 percent next year.',
		);
		expect(rows[3]!.text).toBe('Employers added 200,000 jobs in February.\n\nThe unemployment rate was 3.9 percent.');
	});

	it('names the record that could not be read, with its line, and reads the rest', () => {
		expect(result.stderr).toMatch(new RegExp(`^briefing: ${at('export.jsonl.gz').replace(/[.]/g, '\\.')}: line 2: not valid JSON`, 'm'));
	});
});

describe('output formats', () => {
	it('--jsonl writes one JSON object per line with the same fields', () => {
		const result = runCli(['documents', '--jsonl', ...inputs]);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(4);
		const records = lines.map(line => JSON.parse(line) as Record<string, unknown>);
		expect(Object.keys(records[0]!)).toEqual(['document', 'title', 'source', 'author', 'published', 'url', 'words', 'text']);
		expect(records[2]).toMatchObject({title: 'Storm nears coast'});
	});

	it('ends CSV lines with LF, or CR LF with --crlf', () => {
		const lf = runCli(['facts', at('budget.html')]).stdout;
		const crlf = runCli(['facts', '--crlf', at('budget.html')]).stdout;
		expect(lf).not.toContain('\r');
		expect(lf.split('\n')[0]).toMatch(/,context$/);
		expect(crlf.split('\r\n')[0]).toMatch(/,context$/);
		expect(crlf.replace(/\r\n/g, '\n')).toBe(lf);
	});

	it('stats ends with the source, author, published and url columns', () => {
		const rows = parse(runCli(['stats', at('budget.html')]).stdout, {columns: true}) as Array<Record<string, string>>;
		expect(Object.keys(rows[0]!).slice(-4)).toEqual(['source', 'author', 'published', 'url']);
		expect(rows[0]).toMatchObject({source: 'The Gazette', author: 'Ada Lovelace'});
	});

	it('refuses --json with --jsonl', () => {
		expect(runCli(['facts', '--json', '--jsonl']).status).toBe(2);
	});
});

describe('bad feeds', () => {
	it('says "not a feed" and exits 1 when that was the only input', () => {
		const result = runCli(['facts', at('not-a-feed.rss')]);
		expect(result.status).toBe(1);
		expect(result.stderr.split('\n')[0]).toBe(`briefing: ${at('not-a-feed.rss')}: not a feed (skipped)`);
	});

	it('exits 0 when another input could be read', () => {
		expect(runCli(['facts', at('not-a-feed.rss'), at('wire.rss')]).status).toBe(0);
	});
});
