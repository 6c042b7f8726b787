import {describe, expect, it} from 'vitest';
import {looksLikeFeed, normalizeDate, parseFeed, type ParsedFeed} from '../../source/corpus/feed.js';
import {htmlToParagraphs} from '../../source/corpus/html-text.js';

function feedOf(text: string): ParsedFeed {
	const feed = parseFeed(text);
	if ('problem' in feed) throw new Error(`not read as a feed: ${feed.problem}`);
	return feed;
}

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Daily Ledger</title>
  <link>https://www.ledger.example/</link>
  <item>
    <title>Council approves budget</title>
    <link>https://www.ledger.example/council-budget</link>
    <description>Short teaser only.</description>
    <content:encoded><![CDATA[<p>The council approved a budget of $2 million on Tuesday.</p><p>The mayor welcomed the vote &amp; critics said it was rushed.</p><script>track()</script>]]></content:encoded>
    <dc:creator>Jane Doe</dc:creator>
    <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Bridge reopens</title>
    <link>https://www.ledger.example/bridge</link>
    <description>&lt;p&gt;The bridge reopened after &lt;b&gt;two&lt;/b&gt; years.&lt;/p&gt;&lt;p&gt;Traffic is light.&lt;/p&gt;</description>
    <author>desk@ledger.example (John Roe)</author>
    <pubDate>Wed, 11 Jun 2003 09:30:00 -0500</pubDate>
  </item>
</channel>
</rss>`;

describe('parseFeed: RSS 2.0', () => {
	const feed = feedOf(rss2);

	it('takes the text from content:encoded when the feed has it, as paragraphs without scripts', () => {
		expect(feed.items[0]!.paragraphs).toEqual([
			'The council approved a budget of $2 million on Tuesday.',
			'The mayor welcomed the vote & critics said it was rushed.',
		]);
		expect(feed.items[0]!.summaryOnly).toBe(false);
	});

	it('falls back to the description, escaped HTML turned into text, and says it is a summary', () => {
		expect(feed.items[1]!.paragraphs).toEqual(['The bridge reopened after two years.', 'Traffic is light.']);
		expect(feed.items[1]!.summaryOnly).toBe(true);
	});

	it('keeps the paragraphs of a plain-text description apart', () => {
		const plain = feedOf('<rss version="2.0"><channel><item><title>T</title><description>First &amp; one.\n\nSecond\n line.</description></item></channel></rss>');
		expect(plain.items[0]!.paragraphs).toEqual(['First & one.', 'Second line.']);
	});

	it('reads title, link, author, date and source', () => {
		expect(feed.title).toBe('The Daily Ledger');
		expect(feed.items[0]!.meta).toEqual({
			title: 'Council approves budget',
			source: 'The Daily Ledger',
			author: 'Jane Doe',
			published: '2003-06-10T04:00:00Z',
			url: 'https://www.ledger.example/council-budget',
		});
	});

	it('keeps the name from an RSS author written "email (Name)", and the offset of the date', () => {
		expect(feed.items[1]!.meta.author).toBe('John Roe');
		expect(feed.items[1]!.meta.published).toBe('2003-06-11T09:30:00-05:00');
		expect(Date.parse(feed.items[1]!.meta.published)).toBe(Date.parse('2003-06-11T14:30:00Z'));
	});

	it('reports no problems for a well-formed feed', () => {
		expect(feed.problems).toEqual([]);
	});
});

describe('parseFeed: RSS 0.92, RDF and Atom', () => {
	it('reads RSS 0.92 (no namespaces, no dates) and names the source from the feed link when there is no title', () => {
		const feed = feedOf(`<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.92"><channel>
  <link>http://www.oreilly.com/example/index.html</link>
  <item><title>The First Item</title><link>http://www.oreilly.com/example/001.html</link><description>This is the first item.</description></item>
  <item><title>The Second Item</title><link>http://www.oreilly.com/example/002.html</link></item>
</channel></rss>`);
		expect(feed.items.map(item => [item.meta.title, item.meta.url, item.meta.published, item.meta.source])).toEqual([
			['The First Item', 'http://www.oreilly.com/example/001.html', '', 'oreilly.com'],
			['The Second Item', 'http://www.oreilly.com/example/002.html', '', 'oreilly.com'],
		]);
		expect(feed.items[0]!.paragraphs).toEqual(['This is the first item.']);
		expect(feed.items[1]!.paragraphs).toEqual([]);
	});

	it('reads RSS 1.0 (RDF), whose items sit beside the channel and date with dc:date', () => {
		const feed = feedOf(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/rss"><title>Example News</title><link>https://news.example/</link></channel>
  <item rdf:about="https://news.example/a1">
    <title>Storm closes port</title><link>https://news.example/a1</link>
    <description><![CDATA[Ships waited <i>offshore</i> overnight.]]></description>
    <dc:date>2017-06-21T10:33:10-07:00</dc:date><dc:creator>Ann Smith</dc:creator>
  </item>
</rdf:RDF>`);
		expect(feed.title).toBe('Example News');
		expect(feed.items).toHaveLength(1);
		expect(feed.items[0]!.meta).toMatchObject({title: 'Storm closes port', url: 'https://news.example/a1', published: '2017-06-21T10:33:10-07:00', author: 'Ann Smith'});
		expect(feed.items[0]!.paragraphs).toEqual(['Ships waited offshore overnight.']);
	});

	const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Release notes</title>
  <link rel="self" href="https://code.example/releases.atom"/>
  <link rel="alternate" href="https://code.example/releases"/>
  <author><name>Feed Author</name></author>
  <entry>
    <title type="html">Version 2 &lt;em&gt;ships&lt;/em&gt;</title>
    <link rel="edit" href="https://api.code.example/entries/2"/>
    <link rel="alternate" type="text/html" href="/releases/tag/v2"/>
    <published>2015-06-01T23:49:41+02:00</published>
    <updated>2015-06-02T08:00:00+02:00</updated>
    <author><name>Ada</name></author>
    <summary>Short.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Faster builds.</p><p>Fewer bugs &amp; a &lt;b&gt; tag shown as text.</p></div></content>
  </entry>
  <entry>
    <title>Version 1</title>
    <link href="https://code.example/releases/tag/v1"/>
    <updated>2014-11-04T00:11:30Z</updated>
    <summary type="html">&lt;p&gt;First release.&lt;/p&gt;</summary>
  </entry>
</feed>`;

	it('reads Atom content over summary, and the summary when there is no content', () => {
		const feed = feedOf(atom);
		expect(feed.items[0]!.paragraphs).toEqual(['Faster builds.', 'Fewer bugs & a <b> tag shown as text.']);
		expect(feed.items[0]!.summaryOnly).toBe(false);
		expect(feed.items[1]!.paragraphs).toEqual(['First release.']);
		expect(feed.items[1]!.summaryOnly).toBe(true);
	});

	it('takes the Atom alternate link (resolved against the feed), published else updated, and the feed author when an entry has none', () => {
		const [first, second] = feedOf(atom).items;
		expect(first!.meta).toEqual({
			title: 'Version 2 ships',
			source: 'Release notes',
			author: 'Ada',
			published: '2015-06-01T23:49:41+02:00',
			url: 'https://code.example/releases/tag/v2',
		});
		expect(second!.meta.published).toBe('2014-11-04T00:11:30Z');
		expect(second!.meta.author).toBe('Feed Author');
		expect(second!.meta.url).toBe('https://code.example/releases/tag/v1');
	});

	it('reads a title in CDATA with markup as the text a reader sees', () => {
		const feed = feedOf(`<rss version="2.0"><channel><title>Listings</title>
<item><title><![CDATA[Flat (north) &#x0024;4300 1930ft<sup>2</sup>]]></title><link>http://x.example/1</link></item>
</channel></rss>`);
		expect(feed.items[0]!.meta.title).toBe('Flat (north) $4300 1930ft2');
	});
});

describe('parseFeed: bad input', () => {
	it('keeps the items before the point where a feed is cut off, and says where', () => {
		const lines = ['<rss version="2.0"><channel><title>Cut</title>'];
		for (let n = 1; n <= 3; n++) lines.push(`<item><title>Story ${n}</title><description>Text ${n}.</description></item>`);
		lines.push('<item><title>Story 4</title><description>Text that stops in the mid');
		const feed = feedOf(`${lines.join('\n')}\n\n`);
		expect(feed.items.map(item => item.meta.title)).toEqual(['Story 1', 'Story 2', 'Story 3']);
		expect(feed.problems).toHaveLength(1);
		expect(feed.problems[0]).toMatch(/^cut off at line 5: unclosed <item> from line 5/);
	});

	it('at every point a feed could be cut off, keeps a prefix of its items and reports the cut', () => {
		const whole = feedOf(rss2);
		const rootEnd = rss2.indexOf('>', rss2.indexOf('<rss'));
		for (let cut = rootEnd + 1; cut < rss2.length - '</rss>'.length; cut++) {
			const feed = feedOf(rss2.slice(0, cut));
			expect(feed.items.map(item => item.meta)).toEqual(whole.items.slice(0, feed.items.length).map(item => item.meta));
			expect(feed.problems.some(problem => problem.startsWith('cut off at line'))).toBe(true);
		}
	});

	it('names the line of a mismatched end tag and still reads the items around it', () => {
		const feed = feedOf(
			['<rss version="2.0"><channel>', '<item><title>One</title><description>A <b>bold</description></item>', '<item><title>Two</title></item>', '</channel></rss>'].join('\n'),
		);
		expect(feed.items.map(item => item.meta.title)).toEqual(['One', 'Two']);
		expect(feed.problems.some(problem => problem.startsWith('line 2:'))).toBe(true);
	});

	it('never expands entity declarations: a "billion laughs" file is read in bounded time and size', () => {
		const declarations = ['<!ENTITY lol "lol">'];
		for (let n = 1; n <= 9; n++) declarations.push(`<!ENTITY lol${n} "${`&lol${n - 1 || ''};`.repeat(10)}">`);
		const text = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${declarations.join('\n')}\n]>\n<rss version="2.0"><channel><title>Laughs &lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`;
		const started = performance.now();
		const feed = feedOf(text);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(feed.items).toHaveLength(1);
		expect(feed.items[0]!.meta.title.length).toBeLessThan(100);
		expect(feed.items[0]!.paragraphs.join('').length).toBeLessThan(100);
		expect(feed.problems).toContain('line 3: entity declarations are not expanded');
	});

	it('reads an item whose markup is nested 30 000 deep without running out of stack', () => {
		const depth = 30_000;
		const text = `<rss version="2.0"><channel><item><title>Deep</title><description>${'<span>'.repeat(depth)}bottom${'</span>'.repeat(depth)}</description></item><item><title>After</title></item></channel></rss>`;
		const feed = feedOf(text);
		expect(feed.items.map(item => item.meta.title)).toEqual(['Deep', 'After']);
		expect(feed.items[0]!.paragraphs).toEqual(['bottom']);
		expect(feed.problems).toEqual(['line 1: elements nested deeper than 200 levels are read as text']);
	});

	it('says an HTML error page is not a feed', () => {
		const page = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
		expect(looksLikeFeed(page)).toBe(false);
		expect(parseFeed(page)).toEqual({problem: 'not a feed'});
	});

	it('recognises a feed after a byte-order mark, comments, a stylesheet instruction and a doctype with an internal subset', () => {
		expect(looksLikeFeed('\uFEFF  <?xml version="1.0"?><!-- hi --><?xml-stylesheet href="a.xsl"?><!DOCTYPE feed [<!ENTITY a "b">]>\n<feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe(true);
		expect(looksLikeFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>')).toBe(true);
		expect(looksLikeFeed('<!DOCTYPE rss [<!ENTITY close "]>">]><rss version="2.0"></rss>')).toBe(true);
		expect(looksLikeFeed('{"items": []}')).toBe(false);
	});

	it('skips an item with neither text nor title, naming its number', () => {
		const feed = feedOf(`<feed xmlns="http://www.w3.org/2005/Atom">
  <entry><title>Kept</title></entry>
  <entry><id>tag:x,2008:2</id></entry>
</feed>`);
		expect(feed.items.map(item => item.meta.title)).toEqual(['Kept']);
		expect(feed.problems).toEqual(['entry 2 (line 3): no title or text, skipped']);
	});
});

describe('normalizeDate', () => {
	it('writes RFC 822 dates as ISO 8601 keeping the zone given', () => {
		expect(normalizeDate('Tue, 10 Jun 2003 04:00:00 GMT')).toBe('2003-06-10T04:00:00Z');
		expect(normalizeDate('Sat, 23 Jan 2016 15:40:37 +0000')).toBe('2016-01-23T15:40:37+00:00');
		expect(normalizeDate('Fri, 08 Jul 2016 13:40:00 EDT')).toBe('2016-07-08T13:40:00-04:00');
		expect(normalizeDate('03 Apr 02 1500 GMT')).toBe('2002-04-03T15:00:00Z');
	});

	it('keeps ISO 8601 offsets, adds the T, drops fractions of a second, and reads epoch numbers as UTC', () => {
		expect(normalizeDate('2016-06-03T07:38:00.000-07:00')).toBe('2016-06-03T07:38:00-07:00');
		expect(normalizeDate('2016-12-14 19:00:00')).toBe('2016-12-14T19:00:00');
		expect(normalizeDate('2019-10-09')).toBe('2019-10-09');
		expect(normalizeDate(1481742000)).toBe('2016-12-14T19:00:00Z');
		expect(normalizeDate(1481742000000)).toBe('2016-12-14T19:00:00Z');
	});

	it('reads a day written with the month in words, and year/month/day with slashes', () => {
		expect(normalizeDate('December 14, 2016')).toBe('2016-12-14');
		expect(normalizeDate('Wed, 14 Dec 2016')).toBe('2016-12-14');
		expect(normalizeDate('2016/12/14 19:00')).toBe('2016-12-14T19:00:00');
	});

	it('gives nothing rather than a guess for a date it cannot read', () => {
		expect(normalizeDate('12/11/2016')).toBe('');
		expect(normalizeDate('Smarch 14, 2016')).toBe('');
		expect(normalizeDate('last Tuesday')).toBe('');
		expect(normalizeDate('2016-13-45')).toBe('');
		expect(normalizeDate('Mon, 31 Feb 2016 10:00:00 GMT')).toBe('');
	});
});

describe('htmlToParagraphs', () => {
	it('separates paragraphs at block elements and double line breaks, one line each', () => {
		expect(htmlToParagraphs('<div>First  line\n continues<br>same paragraph<br><br>Second</div><ul><li>Item&nbsp;one</li><li>Item two</li></ul><h2>Head</h2>')).toEqual([
			'First line continues same paragraph',
			'Second',
			'Item one',
			'Item two',
			'Head',
		]);
	});

	it('drops scripts and styles and decodes entities', () => {
		expect(htmlToParagraphs('<style>p{color:red}</style><p>Caf&eacute; &amp; bar &#8212; open</p><script>var x = "<p>no</p>";</script>')).toEqual(['Café & bar — open']);
	});

	it('puts table cells of a row on one line, rows apart', () => {
		expect(htmlToParagraphs('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toEqual(['a b', 'c']);
	});
});
