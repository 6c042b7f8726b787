import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {analyseText} from '../../../source/analysis/analyse.js';
import {compareFigures} from '../../../source/analysis/stories/compare.js';
import type {Comparison, Story} from '../../../source/analysis/stories/types.js';
import type {DocumentAnalysis} from '../../../source/analysis/types.js';

/** One story made of the given articles, each "headline\n\nbody", as outlets a.txt, b.txt… */
function compare(...bodies: string[]): Comparison[] {
	const analyses = bodies.map((body, i) => analyseText(`${'abcdefgh'[i]}.txt`, `Outlet ${i + 1} reports on the news\n\n${body}`));
	return compareFigures(analyses, [story(analyses)]);
}

function story(analyses: DocumentAnalysis[], id = 's1'): Story {
	return {
		id,
		headline: '',
		documents: analyses.map(a => a.document.path),
		sources: analyses.length,
		firstPublished: '',
		lastPublished: '',
		entities: [],
		summary: [],
	};
}

/** The comparison holding a figure written `text` in document `document`. */
function holding(comparisons: Comparison[], document: string, text: string): Comparison[] {
	return comparisons.filter(c => c.figures.some(f => f.document === document && f.text.includes(text)));
}

/** Comparisons that flag the two figures as a conflict. */
function conflicts(comparisons: Comparison[], [da, ta]: [string, string], [db, tb]: [string, string]): Comparison[] {
	return holding(comparisons, da, ta).filter(c => c.status === 'differ' && holding([c], db, tb).length > 0);
}

describe('compareFigures', () => {
	it('finds that "$1.2 billion" and "1.2 billion dollars" for one subject agree', () => {
		const comparisons = compare(
			'The city said the new stadium will cost $1.2 billion, paid for by a bond.',
			'Officials said the new stadium will cost 1.2 billion dollars when it opens.',
		);
		const [comparison] = holding(comparisons, 'a.txt', '$1.2 billion');
		expect(comparison).toMatchObject({id: 'g1', story: 's1', kind: 'money', status: 'agree'});
		expect(comparison!.figures.map(f => [f.document, f.value, f.unit])).toEqual([
			['a.txt', 1_200_000_000, 'USD'],
			['b.txt', 1_200_000_000, 'USD'],
		]);
	});

	it('finds that "a quarter point" and "25 basis points" agree, as percentage points', () => {
		const comparisons = compare(
			'The central bank raised its deposit rate by a quarter point on Thursday.',
			'The central bank lifted the deposit rate by 25 basis points, as expected.',
		);
		const [comparison] = holding(comparisons, 'a.txt', 'a quarter point');
		expect(comparison?.status).toBe('agree');
		expect(comparison!.figures.map(f => [f.document, f.value, f.unit])).toEqual([
			['a.txt', 0.25, 'percentage points'],
			['b.txt', 0.25, 'percentage points'],
		]);
	});

	it('finds that numbers written in words agree with digits: "Twenty-four deaths" and 24, "seven per cent" and 7%', () => {
		const comparisons = compare(
			'Twenty-four deaths were recorded in Charlotte County. Growth is projected at seven per cent this year.',
			'The county toll includes 24 deaths in Charlotte County. Growth is projected at 7 per cent this year.',
		);
		expect(holding(comparisons, 'a.txt', 'Twenty-four').map(c => [c.status, c.figures.map(f => f.value)])).toEqual([['agree', [24, 24]]]);
		expect(holding(comparisons, 'a.txt', 'seven per cent').map(c => [c.status, c.figures.map(f => f.value)])).toEqual([['agree', [7, 7]]]);
	});

	it('agrees on a streak however written, and never flags two streaks of different length', () => {
		const agreeing = compare('The bank raised rates for the tenth straight meeting.', 'It was the 10th consecutive increase by the bank.');
		expect(holding(agreeing, 'a.txt', 'tenth').map(c => c.status)).toEqual(['agree']);
		const different = compare('The bank raised rates for the ninth time in a row.', 'It was the bank’s tenth straight increase.');
		expect(different.filter(c => c.status === 'differ')).toEqual([]);
	});

	it('flags death tolls of 21 and 25 for the same storm as a conflict', () => {
		const comparisons = compare(
			'State emergency officials confirmed 21 deaths from the storm on Friday.',
			'The state medical examiners reported 25 confirmed deaths from the storm.',
		);
		const found = conflicts(comparisons, ['a.txt', '21'], ['b.txt', '25']);
		expect(found).toHaveLength(1);
		expect(found[0]!.figures.map(f => f.value)).toEqual([21, 25]);
	});

	it('compares approximations as ranges: "about 1,000" agrees with 1,000', () => {
		const comparisons = compare(
			'About 1,000 people were killed in the floods, officials said.',
			'The floods killed 1,000 people across the province, officials said.',
		);
		const [comparison] = holding(comparisons, 'a.txt', '1,000');
		expect(comparison?.status).toBe('agree');
		const about = comparison!.figures.find(f => f.document === 'a.txt')!;
		expect(about.low).toBeLessThan(1000);
		expect(about.high).toBeGreaterThan(1000);
		const exact = comparison!.figures.find(f => f.document === 'b.txt')!;
		expect([exact.low, exact.high]).toEqual([1000, 1000]);
	});

	it('does not flag a figure for 2023 against a forecast for 2024', () => {
		const comparisons = compare(
			'Inflation averaged 5.5% in 2023, the statistics office said.',
			'The central bank expects inflation to average 5.6% in 2024.',
		);
		expect(conflicts(comparisons, ['a.txt', '5.5%'], ['b.txt', '5.6%'])).toEqual([]);
	});

	it('does not compare the rate before a decision with the rate after it', () => {
		const comparisons = compare(
			'The bank raised its deposit rate from 0.5% to 0.75% on Thursday.',
			'After the decision the deposit rate stands at 0.75%, the highest in a decade.',
		);
		expect(conflicts(comparisons, ['a.txt', '0.5%'], ['b.txt', '0.75%'])).toEqual([]);
		const after = holding(comparisons, 'b.txt', '0.75%');
		expect(after.map(c => c.status)).toEqual(['agree']);
		expect(after[0]!.figures.map(f => f.text)).toEqual(['0.75%', '0.75%']);
	});

	it('does not compare a first estimate with the revised figure it was revised from', () => {
		const comparisons = compare(
			'The December payrolls figure was revised up from 256,000 jobs, the labor department said.',
			'The economy added 307,000 jobs in December, the labor department said.',
		);
		expect(conflicts(comparisons, ['a.txt', '256,000'], ['b.txt', '307,000'])).toEqual([]);
	});

	it('makes no comparison of figures that only one document gives', () => {
		const comparisons = compare(
			'The storm left 600,000 homes without power and 21 deaths.',
			'Rescuers reached the coast on Friday as the water receded.',
		);
		expect(comparisons).toEqual([]);
	});

	it('keeps different stories apart', () => {
		const a = analyseText('a.txt', 'One\n\nThe new stadium will cost $1.2 billion, the city said.');
		const b = analyseText('b.txt', 'Two\n\nThe new stadium will cost $1.2 billion, officials said.');
		expect(compareFigures([a, b], [story([a], 's1'), story([b], 's2')])).toEqual([]);
	});

	it('shows the seeds’ two bilateral-trade figures in one comparison with their periods, as no conflict', () => {
		const seeds = ['000_a6675d75a8020592.txt', '004_fd7a676718ec2ff4.txt'].map(name =>
			analyseText(name, readFileSync(join(import.meta.dirname, '../../../seeds', name), 'utf8')),
		);
		const comparisons = compareFigures(seeds, [story(seeds)]);
		const trade = holding(comparisons, '000_a6675d75a8020592.txt', '$20 billion');
		expect(trade).toHaveLength(1);
		expect(trade[0]!.kind).toBe('money');
		expect(trade[0]!.status).toBe('agree');
		expect(trade[0]!.figures.map(f => [f.text, f.period])).toEqual([
			['$20 billion', 'recent years'],
			['$41 billion', '2023'],
		]);
		expect(trade[0]!.figures[0]!.high).toBe(Infinity);
	});
});
