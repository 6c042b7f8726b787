import {parse} from 'csv-parse/sync';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {analyseText} from '../source/analysis/analyse.js';
import {buildDocument} from '../source/corpus/document.js';
import {csvRow} from '../source/output/csv.js';
import {hasControlCharacters, inert} from '../source/output/inert.js';

/** Text as a scraper might hand it: any code points, with line breaks, escapes and article-like words mixed in. */
const scrapedText = fc
	.array(
		fc.oneof(
			fc.string({unit: 'binary', maxLength: 40}),
			fc.constantFrom('\n', '\n\n', '\r\n', '\r', '. ', 'U.S. ', 'Mr. Xi ', '$4.5 billion ', '12%', ' in 2019', '\u001b[2J', '\u202e', '\u00ad', 'Kazakhstan’s '),
		),
		{maxLength: 30},
	)
	.map(parts => parts.join(''));

describe('analysis of any text', () => {
	it('never throws, and every sentence, mention and fact slices back to its text', () => {
		fc.assert(
			fc.property(scrapedText, text => {
				const analysis = analyseText('any.txt', text);
				const {document} = analysis;
				for (const sentence of document.sentences) expect(document.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
				for (const entity of analysis.entities) for (const mention of entity.mentions) expect(document.text.slice(mention.start, mention.end)).toBe(mention.text);
				for (const fact of analysis.facts) expect(document.text.slice(fact.start, fact.end)).toBe(fact.text);
				expect(Number.isFinite(analysis.stats.readingMinutes)).toBe(true);
			}),
			{numRuns: 300},
		);
	});

	it('keeps sentences in order and inside their paragraphs', () => {
		fc.assert(
			fc.property(scrapedText, text => {
				const document = buildDocument('any.txt', text);
				let last = -1;
				for (const sentence of document.sentences) {
					expect(sentence.start).toBeGreaterThanOrEqual(last);
					last = sentence.end;
					const paragraph = document.paragraphs[sentence.paragraph]!;
					expect(sentence.start >= paragraph.start && sentence.end <= paragraph.end).toBe(true);
				}
			}),
			{numRuns: 300},
		);
	});
});

describe('CSV output', () => {
	it('parses back to the same cells, with the formula guard as the only change', () => {
		fc.assert(
			fc.property(fc.array(fc.string({unit: 'binary', maxLength: 30}), {minLength: 1, maxLength: 6}), cells => {
				const [row] = parse(csvRow(cells), {relax_column_count: true}) as string[][];
				expect(row).toEqual(cells.map(c => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
			}),
			{numRuns: 500},
		);
	});
});

describe('text made inert for the terminal', () => {
	it('holds no escape or control character and keeps every offset', () => {
		fc.assert(
			fc.property(scrapedText, text => {
				const shown = inert(text);
				expect(hasControlCharacters(shown)).toBe(false);
				expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/u);
				expect(shown.length).toBe(text.length);
			}),
			{numRuns: 500},
		);
	});
});
