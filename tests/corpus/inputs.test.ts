import {mkdtempSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readInputs, type InputItem, type InputOptions} from '../../source/corpus/inputs.js';
import type {ReadProblem, SourceDocument} from '../../source/corpus/types.js';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Council approves budget | The Gazette</title>
<meta property="og:site_name" content="The Gazette"><meta property="og:title" content="Council approves budget">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Council approves budget</h1>
<p class="byline">By Ada Lovelace</p>
<p>The city council approved a budget of $1.2 billion on Monday after a long debate about schools and roads.</p>
<p>Mayor Grace Hopper said the plan would raise spending on schools by 4 percent next year.</p>
<p>Opponents said the increase was too small to repair the roads the city has neglected for a decade.</p>
</article><footer>Copyright The Gazette</footer></body></html>`;

const FEED = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>The Gazette</title>
<item><title>Council approves budget</title><link>LINK/page</link><pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate>
<description>The council approved a budget on Monday.</description></item>
<item><title>Second story</title><link>LINK/missing</link><description>A short summary of the second story.</description></item>
</channel></rss>`;

let server: Server;
let base = '';

/** One route per case the issue names: slow, silent, 404, 500, a redirect loop, gzip, a wrong charset, a page and a feed. */
beforeAll(async () => {
	server = createServer((request, response) => {
		const path = request.url ?? '/';
		if (path === '/page') {
			response.writeHead(200, {'content-type': 'text/html'});
			response.end(PAGE);
		} else if (path === '/feed') {
			response.writeHead(200, {'content-type': 'application/rss+xml'});
			response.end(FEED.replace(/LINK/g, base));
		} else if (path === '/slow') {
			setTimeout(() => {
				response.writeHead(200, {'content-type': 'text/html'});
				response.end(PAGE);
			}, 300);
		} else if (path === '/silent') {
			// Never answers: the request must time out.
		} else if (path === '/404' || path === '/missing') {
			response.writeHead(404, {'content-type': 'text/html'});
			response.end('<html><body>Not here</body></html>');
		} else if (path === '/500') {
			response.writeHead(500);
			response.end();
		} else if (path.startsWith('/loop')) {
			response.writeHead(302, {location: `/loop${path.length}`});
			response.end();
		} else if (path === '/moved') {
			response.writeHead(301, {location: '/page'});
			response.end();
		} else if (path === '/gzip') {
			response.writeHead(200, {'content-type': 'text/html', 'content-encoding': 'gzip'});
			response.end(gzipSync(PAGE));
		} else if (path === '/latin') {
			// Declares nothing, and its bytes are not UTF-8: read as windows-1252, as browsers do.
			response.writeHead(200, {'content-type': 'text/html'});
			response.end(Buffer.from(PAGE.replace('<meta charset="utf-8">', '').replace('long debate', 'long débat'), 'latin1'));
		} else if (path === '/image') {
			response.writeHead(200, {'content-type': 'image/png'});
			response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
		} else if (path === '/large') {
			response.writeHead(200, {'content-type': 'text/html'});
			response.end(`<html><body><p>${'word '.repeat(400_000)}</p></body></html>`);
		} else {
			response.writeHead(400);
			response.end();
		}
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
	server.closeAllConnections();
	server.close();
});

const options = (overrides: Partial<InputOptions> = {}): InputOptions => ({
	maxBytes: 1024 * 1024,
	timeoutMs: 2000,
	follow: false,
	userAgent: 'briefing/test',
	label: path => path,
	...overrides,
});

async function read(paths: string[], overrides: Partial<InputOptions> = {}): Promise<{documents: SourceDocument[]; problems: ReadProblem[]}> {
	const documents: SourceDocument[] = [];
	const problems: ReadProblem[] = [];
	for await (const item of readInputs(paths, options(overrides)) as AsyncGenerator<InputItem>) {
		if ('document' in item) documents.push(item.document);
		else if ('problem' in item) problems.push(item.problem);
	}
	return {documents, problems};
}

describe('addresses', () => {
	it('reads a page with its metadata, the headline first in its text', async () => {
		const {documents, problems} = await read([`${base}/page`]);
		expect(problems).toEqual([]);
		expect(documents).toHaveLength(1);
		expect(documents[0]!.name).toBe(`${base}/page`);
		expect(documents[0]!.meta).toMatchObject({title: 'Council approves budget', source: 'The Gazette', author: 'Ada Lovelace'});
		expect(documents[0]!.meta.published).toMatch(/^2024-03-05T09:30:00\+01:00$/);
		expect(documents[0]!.text.split('\n\n')[0]).toBe('Council approves budget');
		expect(documents[0]!.text).toContain('approved a budget of $1.2 billion');
		expect(documents[0]!.text).not.toContain('Home');
	});

	it('reads a feed as one document per item, named address#n', async () => {
		const {documents} = await read([`${base}/feed`]);
		expect(documents.map(d => d.name)).toEqual([`${base}/feed#1`, `${base}/feed#2`]);
		expect(documents[0]!.meta.title).toBe('Council approves budget');
		expect(documents[0]!.meta.url).toBe(`${base}/page`);
	});

	it('with --follow, takes the page behind a summary-only item, and keeps the summary when the page fails', async () => {
		const {documents, problems} = await read([`${base}/feed`], {follow: true});
		expect(documents[0]!.text).toContain('Mayor Grace Hopper');
		expect(documents[1]!.text).toContain('A short summary of the second story.');
		expect(problems).toHaveLength(1);
		expect(problems[0]!.reason).toMatch(/could not follow .*\/missing: HTTP 404/);
		expect(problems[0]!.skipped).toBe(false);
	});

	it('follows redirects and gives up on a loop', async () => {
		const {documents, problems} = await read([`${base}/moved`, `${base}/loop`]);
		expect(documents).toHaveLength(1);
		expect(documents[0]!.meta.title).toBe('Council approves budget');
		expect(problems).toEqual([{path: `${base}/loop`, reason: 'too many redirects (more than 5)', skipped: true}]);
	});

	it('names the address and the reason for each failure, and still reads the rest', async () => {
		// A port that was free a moment ago: nothing listens there, so the connection is refused.
		const closed = createServer();
		await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise(resolve => closed.close(resolve));
		const {documents, problems} = await read(
			[`${base}/404`, `${base}/500`, `${base}/silent`, `${base}/image`, `${base}/large`, `http://127.0.0.1:${port}/refused`, `${base}/slow`],
			{timeoutMs: 1500, maxBytes: 1024 * 1024},
		);
		const reason = (suffix: string) => problems.find(p => p.path.endsWith(suffix))?.reason;
		expect(reason('/404')).toBe('HTTP 404 Not Found');
		expect(reason('/500')).toBe('HTTP 500 Internal Server Error');
		expect(reason('/silent')).toBe('timed out after 1.5 s');
		expect(reason('/image')).toMatch(/^neither a page nor a feed/);
		expect(reason('/large')).toMatch(/larger than the 1 MB limit/);
		expect(reason('/refused')).toBe('connection refused');
		expect(documents.map(d => d.name)).toEqual([`${base}/slow`]);
	});

	it('reads a gzip-encoded body and a page whose bytes are windows-1252', async () => {
		const {documents, problems} = await read([`${base}/gzip`, `${base}/latin`]);
		expect(problems).toEqual([]);
		expect(documents).toHaveLength(2);
		expect(documents[0]!.text).toContain('Mayor Grace Hopper');
		expect(documents[1]!.text).toContain('long débat');
	});
});

describe('files read by content', () => {
	const dir = mkdtempSync(join(tmpdir(), 'briefing-inputs-'));
	const at = (name: string) => join(dir, name);

	it('reads a page saved under any name, and a gzipped page', async () => {
		writeFileSync(at('saved'), PAGE);
		writeFileSync(at('saved.html.gz'), gzipSync(PAGE));
		const {documents} = await read([at('saved'), at('saved.html.gz')]);
		expect(documents.map(d => d.meta.title)).toEqual(['Council approves budget', 'Council approves budget']);
	});

	it('says "not a feed" for an HTML error page saved as .rss', async () => {
		writeFileSync(at('error.rss'), '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>');
		const {documents, problems} = await read([at('error.rss')]);
		expect(documents).toEqual([]);
		expect(problems).toEqual([{path: at('error.rss'), reason: 'not a feed', skipped: true}]);
	});

	it('streams a gzipped JSON Lines export, one document per line, naming bad lines', async () => {
		const lines = [
			JSON.stringify({title: 'First', maintext: 'Para one.\nPara two.', date_publish: '2024-03-05 10:00:00', source_domain: 'example.org', authors: ['A. One', 'B. Two']}),
			'{not json',
			JSON.stringify({title: 'No text here'}),
			JSON.stringify({headline: 'Fourth', text: 'Body of the fourth.', url: 'https://www.example.com/x'}),
		];
		writeFileSync(at('export.jsonl.gz'), gzipSync(lines.join('\n') + '\n'));
		const {documents, problems} = await read([at('export.jsonl.gz')]);
		expect(documents.map(d => d.name)).toEqual([`${at('export.jsonl.gz')}#1`, `${at('export.jsonl.gz')}#4`]);
		expect(documents[0]!.text).toBe('First\n\nPara one.\n\nPara two.');
		expect(documents[0]!.meta).toMatchObject({source: 'example.org', author: 'A. One, B. Two', published: '2024-03-05T10:00:00'});
		expect(problems.map(p => p.reason)).toEqual([expect.stringMatching(/^line 2: not valid JSON/), expect.stringMatching(/^line 3: no text/)]);
	});

	it('reports a corrupt gzip and keeps the lines read before it', async () => {
		const good = gzipSync(`${JSON.stringify({title: 'One', text: 'Body one.'})}\n`.repeat(50));
		writeFileSync(at('cut.jsonl.gz'), good.subarray(0, good.length - 12));
		const {problems} = await read([at('cut.jsonl.gz')]);
		expect(problems).toEqual([{path: at('cut.jsonl.gz'), reason: expect.stringMatching(/^corrupt gzip \(unexpected end of file\); the records before it were read$/), skipped: false}]);
	});
});
