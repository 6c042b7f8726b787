import {describe, expect, it} from 'vitest';
import {countWords, splitSentences} from '../../source/corpus/sentences.js';

function sentences(text: string): string[] {
	return splitSentences(text).map(s => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
	it('splits plain sentences at full stops, question and exclamation marks', () => {
		expect(sentences('The rate rose. Markets fell! Why? Nobody knows.')).toEqual(['The rate rose.', 'Markets fell!', 'Why?', 'Nobody knows.']);
	});

	it('does not break after U.S., titles, months or initials', () => {
		const text = 'The U.S. Treasury said Mr. Smith met Gen. Lee on Jan. 5 in Washington. J. K. Rowling was there.';
		expect(sentences(text)).toEqual(['The U.S. Treasury said Mr. Smith met Gen. Lee on Jan. 5 in Washington.', 'J. K. Rowling was there.']);
	});

	it('does not break inside decimals or amounts', () => {
		expect(sentences('Rates rose to 4.5 percent and $1.3 million was spent. Then it stopped.')).toEqual([
			'Rates rose to 4.5 percent and $1.3 million was spent.',
			'Then it stopped.',
		]);
	});

	it('ends a sentence after U.S. when the next word plainly opens one', () => {
		expect(sentences('He moved to the U.S. The move was quick.')).toEqual(['He moved to the U.S.', 'The move was quick.']);
	});

	it('keeps closing quotes with their sentence', () => {
		expect(sentences('“We are ready,” she said. “Are you?” He nodded.')).toEqual(['“We are ready,” she said.', '“Are you?”', 'He nodded.']);
	});

	it('treats each line of a block as its own sentence unless it runs on', () => {
		expect(sentences('Breaking News\nFed Lifts Rates')).toEqual(['Breaking News', 'Fed Lifts Rates']);
		expect(sentences('the bank said that\nrates would rise.')).toEqual(['the bank said that\nrates would rise.']);
	});

	it('gives offsets that slice back to the sentence', () => {
		const text = '  First one.   Second one?  ';
		for (const span of splitSentences(text)) expect(text.slice(span.start, span.end)).toBe(text.slice(span.start, span.end).trim());
		expect(sentences(text)).toEqual(['First one.', 'Second one?']);
	});
});

describe('countWords', () => {
	it('counts words as a reader would, with contractions, decimals and hyphenated words as one', () => {
		expect(countWords("It's a 4.5% rise in U.S.-led trade, worth $41 billion.")).toBe(10);
		expect(countWords('')).toBe(0);
	});
});

describe('overlong runs of text', () => {
	it('cuts a run with no full stop into bounded sentences at spaces, losing nothing', () => {
		const text = 'word '.repeat(200_000).trim();
		const spans = splitSentences(text);
		expect(spans.length).toBeGreaterThan(100);
		for (const span of spans) {
			expect(span.end - span.start).toBeLessThanOrEqual(2000);
			expect(text.slice(span.start, span.end)).toMatch(/^word( word)*$/);
		}
		expect(spans.reduce((n, s) => n + text.slice(s.start, s.end).split(' ').length, 0)).toBe(200_000);
	});
});
