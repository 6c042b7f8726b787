import {describe, expect, it} from 'vitest';
import {readJsonLines, readJsonRecords, recordDocument, type RecordResult} from '../../source/corpus/records.js';

async function* linesOf(lines: string[]): AsyncGenerator<string> {
	for (const line of lines) yield line;
}

async function collect(lines: AsyncIterable<string>): Promise<RecordResult[]> {
	const results: RecordResult[] = [];
	for await (const result of readJsonLines(lines)) results.push(result);
	return results;
}

const newsPlease = JSON.stringify({
	authors: ['Howard Schneider', 'Lindsay Dunsmuir'],
	date_publish: '2016-12-14 19:00:00',
	language: 'en',
	maintext: 'WASHINGTON (Reuters) - The Fed raised rates.\n\nIt sees a faster pace of hikes.',
	source_domain: 'reuters.com',
	title: "Fed lifts rates, sees faster pace of hikes in Trump's first year",
	url: 'https://www.reuters.com/article/us-usa-fed-idUSKBN1430G4',
});

describe('readJsonLines', () => {
	it('reads news-please records: maintext, date_publish, source_domain and the authors array', async () => {
		const [result] = await collect(linesOf([newsPlease]));
		expect(result).toEqual({
			line: 1,
			meta: {
				title: "Fed lifts rates, sees faster pace of hikes in Trump's first year",
				source: 'reuters.com',
				author: 'Howard Schneider, Lindsay Dunsmuir',
				published: '2016-12-14T19:00:00',
				url: 'https://www.reuters.com/article/us-usa-fed-idUSKBN1430G4',
			},
			text: 'WASHINGTON (Reuters) - The Fed raised rates.\n\nIt sees a faster pace of hikes.',
		});
	});

	it('reports a line that is not JSON and a record without text by line number, and reads all the others', async () => {
		const results = await collect(
			linesOf([
				JSON.stringify({title: 'One', text: 'First story.', date: '2020-04-07', domain: 'ndtv.com'}),
				'',
				'{"title": "Broken", "text": "cut',
				JSON.stringify({title: 'No body', url: 'https://x.example/3'}),
				JSON.stringify({headline: 'Four', body: 'Fourth story.'}),
			]),
		);
		expect(results).toEqual([
			expect.objectContaining({line: 1, text: 'First story.'}),
			{line: 3, problem: 'line 3: not valid JSON (Unterminated string at column 33)'},
			{line: 4, problem: 'line 4: no text (maintext, text, content, body or article)'},
			expect.objectContaining({line: 5, text: 'Fourth story.', meta: expect.objectContaining({title: 'Four'})}),
		]);
		expect((results[1] as {problem: string}).problem.length).toBeLessThan(120);
	});

	it('streams: records arrive while the lines are still coming', async () => {
		let supplied = 0;
		let ended = false;
		async function* endless(): AsyncGenerator<string> {
			for (let n = 1; n <= 100_000; n++) {
				supplied = n;
				yield JSON.stringify({title: `Story ${n}`, text: `Text ${n}.`});
			}
			ended = true;
		}
		const seen: number[] = [];
		for await (const result of readJsonLines(endless())) {
			seen.push(result.line);
			if (seen.length === 3) break;
		}
		expect(seen).toEqual([1, 2, 3]);
		expect(supplied).toBeLessThan(10);
		expect(ended).toBe(false);
	});
});

describe('readJsonRecords', () => {
	it('numbers the records of an array by index + 1', () => {
		const results = readJsonRecords(JSON.stringify([{title: 'A', content: 'Alpha.'}, {title: 'B'}, {title: 'C', article: 'Gamma.'}]));
		expect(results).toEqual([
			expect.objectContaining({line: 1, text: 'Alpha.'}),
			{line: 2, problem: 'line 2: no text (maintext, text, content, body or article)'},
			expect.objectContaining({line: 3, text: 'Gamma.'}),
		]);
	});

	it('reads the array inside a wrapping object such as a NewsAPI response, and JSON Lines saved as .json', () => {
		const newsApi = {status: 'ok', totalResults: 2, articles: [{title: 'A', content: 'Alpha.', source: {id: null, name: 'Wire'}, publishedAt: '2020-04-07T10:00:00Z'}, {title: 'B', description: 'no content'}]};
		expect(readJsonRecords(JSON.stringify(newsApi))).toEqual([
			{line: 1, meta: {title: 'A', source: 'Wire', author: '', published: '2020-04-07T10:00:00Z', url: ''}, text: 'Alpha.'},
			{line: 2, problem: 'line 2: no text (maintext, text, content, body or article)'},
		]);
		expect(readJsonRecords('{"text": "one"}\n\n{"text": "two"}\n')).toEqual([expect.objectContaining({line: 1, text: 'one'}), expect.objectContaining({line: 3, text: 'two'})]);
	});

	it('reads one record, and says when the file is not JSON', () => {
		expect(readJsonRecords('{"title": "Solo", "text": "Only one."}')).toEqual([expect.objectContaining({line: 1, text: 'Only one.'})]);
		expect(readJsonRecords('<html>oops</html>')).toEqual({problem: expect.stringMatching(/^not valid JSON \(Unexpected token '<'/)});
		expect(readJsonRecords('[\n{"text": "a"},\n{"text": "b"}\n{"text": "c"}]')).toEqual({problem: "not valid JSON (Expected ',' or ']' after array element at line 4, column 1)"});
	});
});

describe('recordDocument', () => {
	it('reads the other field names: headline, published_at with an offset, link, site_name objects and byline', () => {
		const result = recordDocument(
			{headline: 'Port reopens', article: 'Ships moved.', published_at: '2021-03-02T08:15:00+05:30', link: 'https://www.port.example/a', site_name: {name: 'Port Times'}, byline: {name: 'A. Writer'}},
			7,
		);
		expect(result).toEqual({
			line: 7,
			meta: {title: 'Port reopens', source: 'Port Times', author: 'A. Writer', published: '2021-03-02T08:15:00+05:30', url: 'https://www.port.example/a'},
			text: 'Ships moved.',
		});
	});

	it('reads epoch dates as UTC, leaves a date it cannot read empty, and falls back to the host for the source', () => {
		const epoch = recordDocument({text: 'x', date: 1586217600, url: 'https://www.ndtv.com/a'}, 1);
		expect(epoch).toMatchObject({meta: {published: '2020-04-07T00:00:00Z', source: 'ndtv.com'}});
		expect(recordDocument({text: 'x', date: 'sometime soon'}, 1)).toMatchObject({meta: {published: ''}});
	});

	it('turns an HTML body into paragraphs of text', () => {
		expect(recordDocument({content: '<p>One &amp; two.</p><p>Three.</p>'}, 1)).toMatchObject({text: 'One & two.\n\nThree.'});
	});
});
