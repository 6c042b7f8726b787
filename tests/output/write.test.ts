import {Writable} from 'node:stream';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {RecordWriter} from '../../source/output/write.js';

/** A stream that keeps what it is given, taking `delayMs` per write with a small high-water mark: back-pressure. */
function slowSink(delayMs = 0) {
	const chunks: Buffer[] = [];
	const out = new Writable({
		highWaterMark: 1024,
		write(chunk: Buffer, _encoding, done) {
			chunks.push(Buffer.from(chunk));
			if (delayMs > 0) setTimeout(done, delayMs);
			else setImmediate(done);
		},
	});
	return {out, text: () => Buffer.concat(chunks).toString('utf8')};
}

// Titles of every width of UTF-8 (one to four bytes a character), so rows end at every place in a buffer.
const TITLES = ['Plain title', 'Zürich mayor, 2024', '東京の市長が語る', 'Rocket 🚀 launch "today"', 'x'.repeat(70_000)];

describe('RecordWriter', () => {
	it('writes every row whole, multi-byte characters and rows longer than its buffer included, under back-pressure', async () => {
		const sink = slowSink();
		const writer = new RecordWriter('search', {out: sink.out});
		const rows = Array.from({length: 3000}, (_, at) => ({document: `doc-${at}.txt`, sentence: at + 1, score: 0.5, text: `${TITLES[at % TITLES.length]} ${at}`}));
		for (const row of rows) {
			const waiting = writer.write(row);
			if (waiting) await waiting;
		}
		await writer.end();
		await new Promise(resolve => sink.out.end(resolve));
		const parsed = parse(sink.text(), {columns: true}) as Array<Record<string, string>>;
		expect(parsed).toHaveLength(rows.length);
		expect(parsed.map(row => row.text)).toEqual(rows.map(row => row.text));
		expect(parsed[2998]).toEqual({document: 'doc-2998.txt', sentence: '2999', score: '0.5', text: 'Rocket 🚀 launch "today" 2998'});
	});

	it('writes JSON Lines whole, one object a line', async () => {
		const sink = slowSink();
		const writer = new RecordWriter('search', {format: 'jsonl', out: sink.out});
		for (let at = 0; at < 500; at++) {
			const waiting = writer.write({document: 'a.txt', sentence: at, score: 1, text: TITLES[at % TITLES.length]!});
			if (waiting) await waiting;
		}
		await writer.end();
		await new Promise(resolve => sink.out.end(resolve));
		const lines = sink.text().trimEnd().split('\n').map(line => JSON.parse(line) as {sentence: number; text: string});
		expect(lines.map(line => line.sentence)).toEqual(Array.from({length: 500}, (_, at) => at));
		expect(lines[3]!.text).toBe('Rocket 🚀 launch "today"');
	});

	it('writes rows that come slowly within a moment, before the buffer fills', async () => {
		const sink = slowSink();
		const writer = new RecordWriter('search', {out: sink.out});
		writer.write({document: 'a.txt', sentence: 1, score: 1, text: 'Zürich'});
		await new Promise(resolve => setTimeout(resolve, 200));
		expect(sink.text()).toBe('document,sentence,score,text\na.txt,1,1,Zürich\n');
		await writer.end();
	});
});
