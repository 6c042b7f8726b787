import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {csvField, csvRow} from '../../source/output/csv.js';

describe('csvField', () => {
	it('quotes cells with commas, quotes and line breaks, doubling inner quotes', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('plain')).toBe('plain');
	});

	it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
		for (const text of ['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx']) expect(csvField(text).replace(/^"|"$/g, '').startsWith(`'${text[0]}`)).toBe(true);
	});

	it('never alters a numeric value, negative or not', () => {
		expect(csvField(-2.5)).toBe('-2.5');
		expect(csvField(41000000000)).toBe('41000000000');
	});
});

describe('csvRow', () => {
	it('round-trips awkward cells through a real CSV parser', () => {
		const cells = ['a,b', 'quote " inside', 'new\nline', 'ünïcödé ✓', ' padded '];
		const [row] = parse(csvRow(cells)) as string[][];
		expect(row).toEqual(cells);
	});
});
