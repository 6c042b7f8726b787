import {describe, expect, it} from 'vitest';
import {buildDocument} from '../../source/corpus/document.js';
import {dollarCurrency, findFacts} from '../../source/analysis/facts.js';
import type {Fact} from '../../source/analysis/types.js';

function facts(body: string, headline = 'Local paper reports on the town'): Fact[] {
	return findFacts(buildDocument('test.txt', `${headline}\n\n${body}`), []);
}

/** kind, value and unit of every fact, the way a reader of the facts table would check them. */
function summary(body: string): Array<[string, number | string, string]> {
	return facts(body).map(f => [f.kind, f.value, f.unit]);
}

describe('money', () => {
	it('applies scale words and abbreviations to the amount', () => {
		expect(summary('The mill cost $2.3 billion, the school US$45m and the park $800k.')).toEqual([
			['money', 2_300_000_000, 'USD'],
			['money', 45_000_000, 'USD'],
			['money', 800_000, 'USD'],
		]);
	});

	it('reads the currency from a symbol, a code or a word after the number', () => {
		expect(summary('Fees rose to €3.5bn, then £12 million, 40 million euros and Rs 250 crore.')).toEqual([
			['money', 3_500_000_000, 'EUR'],
			['money', 12_000_000, 'GBP'],
			['money', 40_000_000, 'EUR'],
			['money', 2_500_000_000, 'INR'],
		]);
	});

	it('shares a multiplier written once across a range', () => {
		expect(summary('The bridge will cost $10-15 million.')).toEqual([
			['money', 10_000_000, 'USD'],
			['money', 15_000_000, 'USD'],
		]);
	});

	it('reads a bare dollar sign as the local dollar when the document comes from Canada', () => {
		const text = 'Canadian home sales rose. The Bank of Canada in Ottawa said the average Toronto home sold for $750,000.';
		expect(dollarCurrency(text)).toBe('CAD');
		expect(summary(text)).toEqual([['money', 750_000, 'CAD']]);
		expect(dollarCurrency('The U.S. budget grew by $3 billion in Washington.')).toBe('USD');
	});

	it('treats pounds as money only after a multiplier', () => {
		expect(summary('The club paid 5 million pounds for a striker who weighs 160 pounds.')).toEqual([
			['money', 5_000_000, 'GBP'],
			['quantity', 160, 'pounds'],
		]);
	});
});

describe('percent', () => {
	it('accepts %, percent, per cent, percentage points and "percent-plus"', () => {
		expect(summary('Rents rose 4.5%, wages 3 percent, prices 2.25 per cent and rates 0.5 percentage points; 80 percent-plus agree.')).toEqual([
			['percent', 4.5, '%'],
			['percent', 3, '%'],
			['percent', 2.25, '%'],
			['percent', 0.5, '%'],
			['percent', 80, '%'],
		]);
	});

	it('reads spelled-out numbers in front of a percent, but not spelled-out counts', () => {
		expect(summary('Turnout fell six per cent, three percentage points below the two towns we visited.')).toEqual([
			['percent', 6, '%'],
			['percent', 3, '%'],
		]);
	});

	it('reads a fraction of a point as the size of a rate move', () => {
		expect(facts('The bank raised rates by a quarter point in June and by another quarter point in July.').map(f => [f.text, f.value])).toEqual([
			['a quarter point', 0.25],
			['another quarter point', 0.25],
		]);
	});

	it('gives both ends of a range the percent sign written once', () => {
		expect(summary('Growth of between 1.5 and 2 percent is expected.')).toEqual([
			['percent', 1.5, '%'],
			['percent', 2, '%'],
		]);
	});
});

describe('quantity', () => {
	it('takes the counted noun after the number, past its modifiers', () => {
		const found = facts('The union has 12,500 registered nurses and 300 doctors, and the lake is 40 km long.');
		expect(found.map(f => [f.value, f.unit, f.text])).toEqual([
			[12_500, 'registered nurses', '12,500 registered nurses'],
			[300, 'doctors', '300 doctors'],
			[40, 'km', '40 km'],
		]);
	});

	it('reads hyphenated compounds, durations and multipliers', () => {
		expect(summary('A 35-member panel met for 45 minutes about 1.2 million homes.')).toEqual([
			['quantity', 35, 'member'],
			['quantity', 45, 'minutes'],
			['quantity', 1_200_000, 'homes'],
		]);
	});

	it('keeps a number with no noun after it as a bare quantity', () => {
		expect(summary('Cases passed the 2,000-mark; over 9,400 have recovered.')).toEqual([
			['quantity', 2000, 'mark'],
			['quantity', 9400, ''],
		]);
	});

	it('reads a spelled-out number before a unit of two letters', () => {
		expect(summary('They set up a two MW solar plant and a four-km road.')).toEqual([
			['quantity', 2, 'MW'],
			['quantity', 4, 'km'],
		]);
	});

	it('reads a spelled-out number only with a unit of measurement', () => {
		expect(summary('The wall is three metres tall and took four workers two weeks.')).toEqual([['quantity', 3, 'metres']]);
	});
});

describe('years and dates', () => {
	it('finds years, years as modifiers and both ends of a range', () => {
		expect(summary('The 1998 treaty held from 2001-2004 and again in 2010–12.')).toEqual([
			['year', 1998, ''],
			['year', 2001, ''],
			['year', 2004, ''],
			['year', 2010, ''],
			['year', 2012, ''],
		]);
	});

	it('expands an abbreviated year', () => {
		expect(summary('She graduated with the class of ’88 and returned in ’05.')).toEqual([
			['year', 1988, ''],
			['year', 2005, ''],
		]);
	});

	it('gives a date at the precision written, without a separate year', () => {
		expect(summary('Filing opens Feb. 3, 2021, closes 28 March 2021, results come in May 2021 and the vote is on July 4.')).toEqual([
			['date', '2021-02-03', ''],
			['date', '2021-03-28', ''],
			['date', '2021-05', ''],
			['date', '--07-04', ''],
		]);
	});

	it('gives two dates for "June 3 and 5", sharing the text', () => {
		const found = facts('Hearings are set for June 3 and 5.');
		expect(found.map(f => [f.value, f.text])).toEqual([
			['--06-03', 'June 3 and 5'],
			['--06-05', 'June 3 and 5'],
		]);
	});

	it('does not read a decade as a year', () => {
		expect(summary('Jazz clubs of the 1920s and the ’60s are gone.')).toEqual([]);
	});
});

describe('what is not a fact', () => {
	it('skips ordinals, list numbering and clock times', () => {
		expect(summary('1) The 21st meeting opened at 9:30 a.m. and the 3rd vote at 14:05 GMT.')).toEqual([]);
		const doc = buildDocument('list.txt', 'Steps\n\n2. Register early.\n\n(3) Bring a pen.');
		expect(findFacts(doc, [])).toEqual([]);
	});

	it('skips identifiers: codes with letters, labelled numbers, phone numbers and web addresses', () => {
		expect(
			summary('The H1N1 and COVID-19 waves hit Gate 12 under Sections 4 and 5B; call 555-123-4567 or see www.example.com/page2.'),
		).toEqual([]);
		expect(summary('A Boeing 737 carried the 5G gear.')).toEqual([]);
		expect(summary('The covid-19 slump of mid-2020 ended.')).toEqual([['year', 2020, '']]);
	});

	it('skips a sports score but keeps the counts around it', () => {
		expect(summary('They won 4-2 before 31,000 fans.')).toEqual([['quantity', 31_000, 'fans']]);
	});

	it('skips a name written with a number wherever it recurs, even before a noun it seems to count', () => {
		expect(summary('The album topped the Hot 100 chart. It was the best Hot 100 albums list of the year, and the Hot 100 with it.')).toEqual([]);
		// Without a use as a name elsewhere, the number counts the noun.
		expect(summary('The Fed has 12 regional banks.')).toEqual([['quantity', 12, 'regional banks']]);
	});

	it('keeps the number of a second name whose verb is left out', () => {
		expect(summary('The Tories won 240 seats and the Greens 99.')).toEqual([
			['quantity', 240, 'seats'],
			['quantity', 99, ''],
		]);
	});
});

describe('Indian multipliers', () => {
	it('reads "cr" for crore after a hyphen or a space, and "lakh crore" with a hyphen', () => {
		expect(summary('The state passed a Rs 91,000-cr budget, with Rs 500 cr for roads and Rs 2.6 lakh-crore in loans.')).toEqual([
			['money', 910_000_000_000, 'INR'],
			['money', 5_000_000_000, 'INR'],
			['money', 2_600_000_000_000, 'INR'],
		]);
	});
});

describe('fact records', () => {
	it('slices back to its text at its offsets in the document', () => {
		const doc = buildDocument('t.txt', 'Budget day\n\nOn Jan. 9, 2020 the council spent $4.2 million, 12% of its budget, on 30 buses.\n\nIn 2019 it spent less.');
		const found = findFacts(doc, []);
		expect(found.length).toBe(5);
		for (const fact of found) {
			expect(doc.text.slice(fact.start, fact.end)).toBe(fact.text);
			expect(doc.sentences[fact.sentence]!.text).toContain(fact.text);
		}
	});

	it('names what the figure measures when the sentence says', () => {
		const subjects = (body: string) => facts(body).map(f => f.subject);
		expect(subjects('Exports to the region reached a record $8 billion in the spring.')).toEqual(['Exports to the region']);
		expect(subjects('The central bank cut its deposit rate to 1.75 percent.')).toEqual(['deposit rate']);
		expect(subjects('The city handed out loans of more than $3m to farmers.')).toEqual(['loans']);
		expect(subjects('It is a $4 billion market.')).toEqual(['market']);
	});

	it('lists the entities mentioned in the same sentence', () => {
		const doc = buildDocument('t.txt', 'Trade news\n\nAcme sold 40 trucks. Globex sold none.');
		const acme = {name: 'Acme', type: 'organization' as const, aliases: [], mentions: [{sentence: 1, start: 12, end: 16, text: 'Acme'}]};
		const globex = {name: 'Globex', type: 'organization' as const, aliases: [], mentions: [{sentence: 2, start: 33, end: 39, text: 'Globex'}]};
		expect(findFacts(doc, [acme, globex]).map(f => f.entities)).toEqual([['Acme']]);
	});
});
