import {describe, expect, it} from 'vitest';
import {buildDocument} from '../../source/corpus/document.js';

const article = [
	'Breaking News',
	'',
	'Council Approves New Budget',
	'',
	'By Jane Doe / Staff Writer / Updated: Oct 9, 2019',
	'',
	'The city council approved a budget of $2 million on Tuesday after a long debate about schools, roads and parks in the city.',
	'',
	'On Tuesday the city council approved a budget of $2 million, ending a long debate about roads, schools and parks across the city.',
	'',
	'The mayor welcomed the vote. Critics said the plan was rushed.',
	'',
	'Read this story in Spanish',
].join('\n');

describe('buildDocument', () => {
	const document = buildDocument('council.txt', article);

	it('takes the headline as the title, skipping a "Breaking News" label', () => {
		expect(document.title).toBe('Council Approves New Budget');
	});

	it('marks labels, bylines and related links as boilerplate but keeps them as sentences', () => {
		const kinds = document.paragraphs.map(p => p.boilerplate);
		expect(kinds[0]).toBe('label');
		expect(kinds[2]).toBe('byline');
		expect(kinds[6]).toBe('related');
		expect(document.sentences.some(s => s.text === 'Read this story in Spanish')).toBe(true);
	});

	it('marks a lead paragraph repeated with light rewording as a duplicate of the first', () => {
		expect(document.paragraphs[4]!.duplicateOf).toBe(3);
		expect(document.paragraphs[5]!.duplicateOf).toBeUndefined();
	});

	it('gives every sentence offsets into the text and its paragraph', () => {
		for (const sentence of document.sentences) {
			expect(document.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
			const paragraph = document.paragraphs[sentence.paragraph]!;
			expect(sentence.start).toBeGreaterThanOrEqual(paragraph.start);
			expect(sentence.end).toBeLessThanOrEqual(paragraph.end);
		}
	});

	it('reads CRLF and lone CR line endings like LF', () => {
		const crlf = buildDocument('a.txt', article.replace(/\n/g, '\r\n'));
		const cr = buildDocument('b.txt', article.replace(/\n/g, '\r'));
		expect(crlf.sentences.map(s => s.text)).toEqual(document.sentences.map(s => s.text));
		expect(cr.sentences.map(s => s.text)).toEqual(document.sentences.map(s => s.text));
	});

	it('loads an empty or whitespace-only file as an empty document', () => {
		for (const text of ['', '  \n\n\t  ']) {
			const empty = buildDocument('empty.txt', text);
			expect(empty.sentences).toEqual([]);
			expect(empty.words).toBe(0);
			expect(empty.title).toBe('');
		}
	});
});
