import {describe, expect, it} from 'vitest';
import {analyseSource} from '../../../source/analysis/analyse.js';
import {buildTimeline, datesOf} from '../../../source/analysis/stories/timeline.js';
import type {Story} from '../../../source/analysis/stories/types.js';
import type {DocumentAnalysis} from '../../../source/analysis/types.js';

function article(body: string, published: string, name = 'report.txt'): DocumentAnalysis {
	return analyseSource({
		name,
		text: `Council news from the city\n\n${body}`,
		meta: {title: 'Council news from the city', source: 'example.com', author: '', published, url: ''},
	});
}

/** date, precision and text of every date in the body, as a reader of the timeline sees them. */
function dates(body: string, published: string): Array<[string, string, string]> {
	return datesOf(article(body, published)).map(d => [d.date, d.precision, d.text]);
}

// 2024-05-15 is a Wednesday.
describe('weekdays', () => {
	it('puts a weekday in a past report on the latest such day on or before publication', () => {
		expect(dates('The council voted on Monday to close the bridge.', '2024-05-15')).toEqual([['2024-05-13', 'day', 'Monday']]);
		expect(dates('The council voted on Wednesday to close the bridge.', '2024-05-15')).toEqual([['2024-05-15', 'day', 'Wednesday']]);
		expect(dates('The council voted on Thursday to close the bridge.', '2024-05-15')).toEqual([['2024-05-09', 'day', 'Thursday']]);
	});

	it('reads a report published on a Monday about Monday as that same day', () => {
		expect(dates('The council voted on Monday to close the bridge.', '2024-05-13')).toEqual([['2024-05-13', 'day', 'Monday']]);
	});

	it('puts a weekday in a sentence about the future on the next such day after publication', () => {
		expect(dates('The council will meet on Thursday to decide.', '2024-05-15')).toEqual([['2024-05-16', 'day', 'Thursday']]);
		expect(dates('The council will meet on Monday to decide.', '2024-05-15')).toEqual([['2024-05-20', 'day', 'Monday']]);
		expect(dates('The mayor said the vote is scheduled for next Thursday.', '2024-05-13')).toEqual([['2024-05-16', 'day', 'next Thursday']]);
		expect(dates('The mayor said the council would vote on Thursday.', '2024-05-15')).toEqual([['2024-05-16', 'day', 'Thursday']]);
		expect(dates('The mayor said on Monday that the council would vote.', '2024-05-15')).toEqual([['2024-05-13', 'day', 'Monday']]);
	});

	it('keeps the time of day in the text and reads "last Friday" as before publication', () => {
		expect(dates('Officials confirmed the closure Friday morning.', '2024-05-15')).toEqual([['2024-05-10', 'day', 'Friday morning']]);
		expect(dates('The mayor resigned last Wednesday.', '2024-05-15')).toEqual([['2024-05-08', 'day', 'last Wednesday']]);
	});

	it('does not read a weekday inside a name as a date', () => {
		expect(dates('The Sunday Times reported the closure.', '2024-05-15')).toEqual([]);
		expect(dates('Churches were full on Good Friday.', '2024-05-15')).toEqual([]);
		expect(dates('The mayor sat before the council and spoke.', '2024-05-15')).toEqual([]);
	});
});

describe('casual days and relative periods', () => {
	it('places yesterday, today and tomorrow around the publication day', () => {
		expect(dates('The bridge closed yesterday.', '2024-05-15')).toEqual([['2024-05-14', 'day', 'yesterday']]);
		expect(dates('The council said today it would reopen the bridge tomorrow.', '2024-05-15')).toEqual([
			['2024-05-15', 'day', 'today'],
			['2024-05-16', 'day', 'tomorrow'],
		]);
	});

	it('gives "last month" month precision and "next year" year precision', () => {
		expect(dates('Traffic fell by a third last month.', '2024-05-15')).toEqual([['2024-04', 'month', 'last month']]);
		expect(dates('Traffic fell by a third last month.', '2024-01-10')).toEqual([['2023-12', 'month', 'last month']]);
		expect(dates('The bridge will reopen next year.', '2024-05-15')).toEqual([['2025', 'year', 'next year']]);
		expect(dates('The bridge opened two years ago.', '2024-05-15')).toEqual([['2022', 'year', 'two years ago']]);
		expect(dates('The bridge will be open by the end of next year.', '2024-05-15')).toEqual([['2025', 'year', 'end of next year']]);
	});

	it('places a month of last or this year in that year', () => {
		expect(dates('Repairs began in July of last year.', '2024-05-15')).toEqual([['2023-07', 'month', 'July of last year']]);
		expect(dates('Repairs began in March this year.', '2024-05-15')).toEqual([['2024-03', 'month', 'March this year']]);
		expect(dates('Tolls have doubled since last December.', '2024-05-15')).toEqual([['2023-12', 'month', 'last December']]);
	});

	it('places a month or a day written without a year by tense', () => {
		expect(dates('Tolls rose in February.', '2024-10-05')).toEqual([['2024-02', 'month', 'February']]);
		expect(dates('Tolls rose in December.', '2024-02-05')).toEqual([['2023-12', 'month', 'December']]);
		expect(dates('Tolls will rise in February.', '2024-10-05')).toEqual([['2025-02', 'month', 'February']]);
		expect(dates('The council met on March 25 to vote.', '2024-05-15')).toEqual([['2024-03-25', 'day', 'March 25']]);
		expect(dates('The council will meet on March 25 to vote.', '2024-05-15')).toEqual([['2025-03-25', 'day', 'March 25']]);
		expect(dates('The bank raised rates on Oct. 4.', '2024-05-15')).toEqual([['2023-10-04', 'day', 'Oct. 4']]);
	});

	it('takes the nearer month when no verb gives the tense, or when the past one is ten months back', () => {
		expect(dates('A larger rise is appropriate in September.', '2024-06-20')).toEqual([['2024-09', 'month', 'September']]);
		expect(dates('A larger rise is appropriate in December.', '2024-02-20')).toEqual([['2023-12', 'month', 'December']]);
		expect(dates('The producers agreed to cut output in May.', '2024-04-13')).toEqual([['2024-05', 'month', 'May']]);
	});

	it('leaves out spans of time that are not dates', () => {
		expect(dates('Traffic fell by a third over the past year.', '2024-05-15')).toEqual([]);
		expect(dates('Traffic fell by a third last week.', '2024-05-15')).toEqual([]);
		expect(dates('The bridge opened in 1990. The next year, traffic doubled.', '2024-05-15')).toEqual([['1990', 'year', '1990']]);
	});
});

describe('explicit dates', () => {
	it('keeps dates at the precision written, and years only where they are used as dates', () => {
		expect(dates('The bridge opened on September 8, 2022, and was closed in July 2023. It will reopen in 2025.', '2024-05-15')).toEqual([
			['2022-09-08', 'day', 'September 8, 2022'],
			['2023-07', 'month', 'July 2023'],
			['2025', 'year', '2025'],
		]);
		expect(dates('The 2023 budget for the bridge was cut.', '2024-05-15')).toEqual([]);
	});
});

describe('a document without a publication date', () => {
	it('puts no relative date on the timeline but keeps its dates with a year', () => {
		const found = dates('The council voted on Monday, yesterday and last month; the bridge opened on September 8, 2022. It closed on March 25.', '');
		expect(found).toEqual([['2022-09-08', 'day', 'September 8, 2022']]);
	});
});

describe('buildTimeline', () => {
	it('assembles the dates of every document with its story, earliest first', () => {
		const later = article('The council voted on Monday to close the bridge.', '2024-05-15', 'later.txt');
		const earlier = article('The bridge opened on September 8, 2022. Repairs began in July of last year.', '2024-05-15', 'earlier.txt');
		const stories: Story[] = [
			{id: 's1', headline: '', documents: ['later.txt'], sources: 1, firstPublished: '', lastPublished: '', entities: [], summary: []},
			{id: 's2', headline: '', documents: ['earlier.txt'], sources: 1, firstPublished: '', lastPublished: '', entities: [], summary: []},
		];
		const timeline = buildTimeline([later, earlier], stories);
		expect(timeline.map(e => [e.date, e.precision, e.document, e.story, e.text])).toEqual([
			['2022-09-08', 'day', 'earlier.txt', 's2', 'September 8, 2022'],
			['2023-07', 'month', 'earlier.txt', 's2', 'July of last year'],
			['2024-05-13', 'day', 'later.txt', 's1', 'Monday'],
		]);
		expect(timeline[2]!.sentence).toBe(1);
	});
});
