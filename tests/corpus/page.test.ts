import {describe, expect, it} from 'vitest';
import {composeSource} from '../../source/corpus/inputs.js';
import {extractPage, type ExtractedPage} from '../../source/corpus/page.js';

const BODY = [
	'The city council voted on Tuesday to approve a new budget for the coming year, after weeks of debate about schools, roads and the cost of public transport.',
	'Supporters said the plan, which raises spending on buses by a fifth, would help commuters who have waited years for better service across the northern districts.',
	'Opponents argued that the council had not explained how it would pay for the increase, and warned that property taxes could rise again before the next election.',
	'The mayor, speaking after the vote, said the budget was balanced and that no new taxes were planned, although she did not rule out changes in the spring.',
];

function page({head = '', before = '', after = '', body = BODY}: {head?: string; before?: string; after?: string; body?: string[]} = {}): string {
	return `<!doctype html><html><head>${head}</head><body>
		<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
		<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
		<main><article class="story">
			<h1>Council approves budget after long debate</h1>
			${before}
			<div class="article-body">${body.map(p => `<p>${p}</p>`).join('\n')}</div>
			${after}
		</article></main>
		<footer class="site-footer"><p>Copyright 2024 The Daily Example. All rights reserved. Terms of use, privacy policy, contact us.</p></footer>
	</body></html>`;
}

function read(html: string, url?: string): ExtractedPage {
	const result = extractPage(html, url ? {url} : {});
	if ('problem' in result) throw new Error(`no article: ${result.problem}`);
	return result;
}

const texts = (result: ExtractedPage): string[] => result.paragraphs.map(p => p.text);

describe('extractPage: the article text', () => {
	it('keeps the paragraphs, each one string, and leaves out navigation, cookie banner and footer', () => {
		const result = read(page());
		expect(texts(result)).toEqual(BODY);
		const all = texts(result).join('\n');
		expect(all).not.toMatch(/Home|cookies|Copyright/);
	});

	it('leaves out share buttons, related links and comments around the story', () => {
		const result = read(page({
			before: '<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>',
			body: [BODY[0]!, BODY[1]!, '</p><div class="x9"><span>Advertisement</span></div><p>', BODY[2]!, BODY[3]!],
			after: `<aside class="related-stories"><h2>Related</h2><ul><li><a href="/a">Mayor faces questions over bus contract</a></li><li><a href="/b">Schools ask for more money</a></li></ul></aside>
				<section id="comments" class="comments"><div class="comment"><p>This council never listens to anyone, as usual, and the buses are still late every single day.</p></div></section>`,
		}));
		const all = texts(result).join('\n');
		expect(all).not.toMatch(/Share on|Related|Mayor faces|never listens|Advertisement/);
		expect(texts(result).filter(Boolean)).toEqual(BODY);
	});

	it('keeps in-article headings as their own paragraphs and leaves the headline out', () => {
		const result = read(page({body: [BODY[0]!, BODY[1]!, '<h2>What happens next</h2>', BODY[2]!, BODY[3]!].map(p => p.startsWith('<h2>') ? `</p>${p}<p>` : p)}));
		expect(texts(result)).toEqual([BODY[0], BODY[1], 'What happens next', BODY[2], BODY[3]]);
		expect(texts(result)).not.toContain('Council approves budget after long debate');
	});

	it('marks figure captions and photo credits as captions', () => {
		const figure = '<figure><img src="a.jpg" alt=""><figcaption>The council chamber on Tuesday. <span class="credit">Photo: Jane Roe</span></figcaption></figure>';
		const result = read(page({body: [BODY[0]!, BODY[1]!], after: `<div class="article-body">${figure}<p>${BODY[2]}</p><p>${BODY[3]}</p></div>`}));
		const captions = result.paragraphs.filter(p => p.boilerplate === 'caption').map(p => p.text);
		expect(captions.join(' ')).toContain('The council chamber on Tuesday.');
		expect(captions.join(' ')).toContain('Photo: Jane Roe');
		expect(result.paragraphs.filter(p => !p.boilerplate).map(p => p.text)).toEqual(BODY);
		const wrapped = read(page().replace('class="article-body"', 'class="article-body with-captions"'));
		expect(wrapped.paragraphs.filter(p => !p.boilerplate).map(p => p.text)).toEqual(BODY);
	});

	it('splits paragraphs at <br><br> and keeps a single <br> inside a line', () => {
		const html = page({body: [`${BODY[0]}<br><br>${BODY[1]}`, `Office hours:<br>Monday to Friday`, BODY[2]!, BODY[3]!]});
		expect(texts(read(html))).toEqual([BODY[0], BODY[1], 'Office hours: Monday to Friday', BODY[2], BODY[3]]);
	});

	it('decodes entities and collapses whitespace', () => {
		const body = [
			'Caf&eacute; owners &amp; residents said the &quot;new&quot; rules were   fair,\n\t and the plan&#8217;s cost, about &pound;2&nbsp;million, was reasonable for the city and its many visitors.',
			...BODY.slice(1),
		];
		const [first] = texts(read(page({body})));
		expect(first).toBe('Café owners & residents said the "new" rules were fair, and the plan’s cost, about £2 million, was reasonable for the city and its many visitors.');
	});

	it('still reads a page with unclosed tags', () => {
		const html = `<html><head><title>Broken page</title></head><body><div class="content"><h1>Broken page</h1>
			<p>${BODY[0]}<p>${BODY[1]}<p>${BODY[2]} <b>bold text that never closes<p>${BODY[3]}`;
		const result = read(html);
		expect(texts(result)[0]).toBe(BODY[0]);
		expect(texts(result)).toHaveLength(4);
		expect(texts(result)[3]).toBe(BODY[3]);
	});

	it('reads text nested in thousands of unclosed tags instead of throwing', () => {
		const html = `<html><body>${'<div>'.repeat(20000)}<p>${BODY[0]}</p><p>${BODY[1]}`;
		expect(texts(read(html))).toEqual([BODY[0], BODY[1]]);
	});

	it('reads the story from JSON-LD articleBody when the markup holds only a teaser', () => {
		const ld = JSON.stringify({'@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Council approves budget after long debate', articleBody: BODY.join('\n')});
		const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><h1>Council approves budget after long debate</h1><div id="root"><p>Loading the story, please wait while the page starts up.</p></div></body></html>`;
		expect(texts(read(html))).toEqual(BODY);
	});

	it('gives a problem, not an empty article, when the page has no article text', () => {
		expect(extractPage('<html><body><nav><a href="/">Home</a></nav></body></html>')).toEqual({problem: 'no article text'});
		expect(extractPage('')).toHaveProperty('problem');
	});
});

describe('extractPage: metadata', () => {
	it('takes the headline as printed, not the <title> with the site name after it', () => {
		const head = '<title>Council approves budget after long debate | The Daily Example</title><meta property="og:site_name" content="The Daily Example">';
		expect(read(page({head})).meta.title).toBe('Council approves budget after long debate');
		const dashed = '<title>Council approves budget after long debate - Daily Example</title><meta property="og:title" content="Council approves budget after long debate - Daily Example"><meta property="og:site_name" content="The Daily Example">';
		expect(read(page({head: dashed})).meta.title).toBe('Council approves budget after long debate');
		const noHeading = page({head: dashed}).replace('<h1>Council approves budget after long debate</h1>', '');
		expect(read(noHeading).meta.title).toBe('Council approves budget after long debate');
		const hostOnly = page({head: '<title>Council approves budget after long debate - DailyExample.com</title>'}).replace(/<h1>.*?<\/h1>/, '');
		expect(read(hostOnly, 'https://www.dailyexample.com/news/1').meta.title).toBe('Council approves budget after long debate');
	});

	it('gives the author names alone: no "By", no site name, no date', () => {
		const before = '<div class="byline">By <a rel="author" href="/jane">Jane Roe</a> and John Doe | The Daily Example | Updated March 5, 2024</div>';
		const head = '<meta property="og:site_name" content="The Daily Example">';
		expect(read(page({head, before})).meta.author).toBe('Jane Roe, John Doe');
		expect(read(page({before: '<p class="byline">By JANE ROE, Associated Press</p>'})).meta.author).toBe('JANE ROE');
		expect(read(page({before: '<p class="byline">By Jane Roe for The Daily Example</p>'})).meta.author).toBe('Jane Roe');
		const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council approves budget after long debate","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Park"}]}</script>';
		expect(read(page({head: ld})).meta.author).toBe('Ann Lee, Bo Park');
		const graph = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Article","headline":"Council approves budget after long debate","author":{"@id":"https://example.com/#/person/1"},"publisher":{"@id":"https://example.com/#org"}},{"@type":"Person","@id":"https://example.com/#/person/1","name":"Cy Young"},{"@type":"Organization","@id":"https://example.com/#org","name":"Example Gazette"}]}</script>';
		expect(read(page({head: graph})).meta.author).toBe('Cy Young');
		expect(read(page({head: graph})).meta.source).toBe('Example Gazette');
	});

	it('takes the first-published time from JSON-LD before Open Graph and <time>, never the modified time', () => {
		const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},{"@type":"ReportageNewsArticle","headline":"Council approves budget","dateModified":"2016-12-15T10:00:00-05:00","datePublished":"2016-12-14T19:00:00-05:00"}]}</script>';
		const og = '<meta property="article:modified_time" content="2016-12-16T08:00:00Z"><meta property="article:published_time" content="2016-12-13T09:30:00+01:00">';
		const time = '<time datetime="2016-12-12T08:00:00Z">December 12, 2016</time>';
		expect(read(page({head: ld + og, before: time})).meta.published).toBe('2016-12-14T19:00:00-05:00');
		expect(read(page({head: og, before: time})).meta.published).toBe('2016-12-13T09:30:00+01:00');
		expect(read(page({before: `<time class="updated" datetime="2016-12-20T08:00:00Z">Updated</time>${time}`})).meta.published).toBe('2016-12-12T08:00:00Z');
		expect(read(page({head: '<meta name="pubdate" content="Wed, 14 Dec 2016 19:00:00 -0500">'})).meta.published).toBe('2016-12-14T19:00:00-05:00');
		const clock = page({before: time}).replace('<main>', '<header><time datetime="2026-11-29">Sunday, November 29, 2026</time></header><main>');
		expect(read(clock).meta.published).toBe('2016-12-12T08:00:00Z');
	});

	it('reads the date printed beside the headline when no metadata states one, before an update time', () => {
		const before = '<div class="x1">Jane Roe / Updated: Oct 9, 2019, 11:05 IST</div><div class="x2">Published March 5, 2019 at 9:30 am EST</div>';
		expect(read(page({before})).meta.published).toBe('2019-03-05T09:30:00-05:00');
		expect(read(page({before: '<div class="x1">Jane Roe / Updated: Oct 9, 2019, 11:05 IST</div>'})).meta.published).toBe('2019-10-09T11:05:00+05:30');
	});

	it('keeps the h1 as the headline when the page titles reword it for search engines', () => {
		const head = '<meta property="og:title" content="Budget news: City council approves budget after a long debate | Politics - Daily Example">';
		expect(read(page({head})).meta.title).toBe('Council approves budget after long debate');
		const other = '<meta property="og:title" content="Weather warning issued for the weekend">';
		expect(read(page({head: other})).meta.title).toBe('Weather warning issued for the weekend');
	});

	it('leaves the date empty when the page states none', () => {
		expect(read(page(), 'https://news.example.com/local/council-budget').meta.published).toBe('');
	});

	it('names the source from og:site_name, else the host without www', () => {
		expect(read(page({head: '<meta property="og:site_name" content="The Daily Example">'})).meta.source).toBe('The Daily Example');
		const canonical = '<link rel="canonical" href="https://www.dailyexample.com/2024/03/05/council-budget/">';
		const result = read(page({head: canonical}), 'https://m.dailyexample.com/x');
		expect(result.meta.source).toBe('dailyexample.com');
		expect(result.meta.url).toBe('https://www.dailyexample.com/2024/03/05/council-budget/');
		expect(result.meta.published).toBe('2024-03-05');
	});
});

describe('a page as a document', () => {
	it('puts the headline first, paragraphs apart by blank lines, and marks captions by their paragraph', () => {
		const figure = '<figure><figcaption>The council chamber on Tuesday.</figcaption></figure>';
		const result = read(page({head: '<meta property="og:site_name" content="The Daily Example">', before: figure}));
		const document = composeSource('budget.html', result.meta, result.paragraphs);
		const paragraphs = document.text.split('\n\n');
		expect(paragraphs[0]).toBe('Council approves budget after long debate');
		expect(document.marks).toEqual([{paragraph: paragraphs.indexOf('The council chamber on Tuesday.'), boilerplate: 'caption'}]);
		expect(paragraphs.slice(-4)).toEqual(BODY);
		expect(document.meta.source).toBe('The Daily Example');
	});
});

describe('the closing credits of a wire story', () => {
	it('are left out of the article, so the agency staff named there are not taken for people in the story', () => {
		const credits = 'Reporting by Ada Lovelace; Additional reporting by Charles Babbage in London; Editing by Grace Hopper';
		const result = read(page({body: [...BODY, credits]}));
		expect(texts(result)).toEqual(BODY);
	});

	it('leave a paragraph that only mentions reporting in the story', () => {
		const line = 'Reporting by local newspapers first revealed the plan last month, the council said.';
		expect(texts(read(page({body: [...BODY, line]})))).toContain(line);
	});
});
