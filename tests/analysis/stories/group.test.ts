import {describe, expect, it} from 'vitest';
import {analyseSource} from '../../../source/analysis/analyse.js';
import {groupStories} from '../../../source/analysis/stories/group.js';
import type {Story} from '../../../source/analysis/stories/types.js';
import type {DocumentAnalysis} from '../../../source/analysis/types.js';

// Invented events: the Bank of Norland's spring and autumn rate decisions, and a ferry rescue.

function article(name: string, title: string, paragraphs: string[], source: string, published: string): DocumentAnalysis {
	return analyseSource({
		name,
		text: [title, ...paragraphs].join('\n\n'),
		meta: {title, source, author: '', published, url: ''},
	});
}

const spring = [
	article(
		'spring-times.txt',
		'Bank of Norland raises its key rate by 75 basis points to 3.25%',
		[
			'The Bank of Norland raised its benchmark lending rate by 75 basis points to 3.25% on Thursday, its largest increase since the currency was floated, as consumer prices rose 8.6% in the year to February.',
			'Governor Ingrid Halvorsen told reporters in Vestby that the board had voted seven to two for the increase and that further tightening could follow if wage growth stayed near 6.1%.',
			'Mortgage lenders said repayments on a typical home loan would rise by about 140 crowns a month.',
		],
		'norlandtimes.com',
		'2024-03-14',
	),
	article(
		'spring-wire.txt',
		'Norland central bank delivers record hike as inflation bites',
		[
			'Norland’s central bank raised its benchmark lending rate to 3.25% from 2.5% on Thursday, an increase of 75 basis points that surprised most economists, who had expected half a point.',
			'Consumer prices rose 8.6% in February, far above the bank’s target, and Governor Ingrid Halvorsen said further tightening could follow.',
			'Two of the nine board members voted against the largest increase in decades, according to the minutes released in Vestby.',
		],
		'coastalwire.com',
		'2024-03-15',
	),
	article(
		'spring-times-followup.txt',
		'Homeowners brace for higher payments after Norland rate rise',
		[
			'Households across Norland are preparing for higher mortgage bills after the central bank raised its key rate by 75 basis points to 3.25% this week.',
			'Lenders estimate that monthly repayments on an average loan will climb by 140 crowns, and estate agents in Vestby reported fewer viewings.',
			'Governor Ingrid Halvorsen said inflation of 8.6% left the board no choice.',
		],
		'norlandtimes.com',
		'2024-03-16',
	),
	article(
		'spring-blog.txt',
		'Why Halvorsen went big: reading the Norland rate decision',
		[
			'The Bank of Norland’s 75 basis point increase to 3.25% was its boldest move in a generation, and the vote of seven to two shows the board was divided.',
			'With inflation at 8.6% and wages climbing 6.1%, Governor Ingrid Halvorsen had little room to wait for the spring wage round.',
			'Markets in Vestby now price another increase before the summer.',
		],
		'',
		'2024-03-15',
	),
];

const autumn = [
	article(
		'autumn-times.txt',
		'Bank of Norland slows its increases with a quarter-point rise to 4.5%',
		[
			'The Bank of Norland raised its benchmark lending rate by 25 basis points to 4.5% on Thursday, a smaller step than in the spring, as inflation eased to 4.9% in August.',
			'Governor Ingrid Halvorsen told reporters in Vestby that the board had voted unanimously and that rates were now close to their peak.',
			'The crown rose 1.3% against the euro after the announcement.',
		],
		'norlandtimes.com',
		'2024-09-12',
	),
	article(
		'autumn-wire.txt',
		'Norland central bank signals peak after raising rates to 4.5%',
		[
			'Norland’s central bank lifted its policy rate to 4.5% from 4.25% on Thursday and said it expected to hold borrowing costs steady for some time.',
			'Inflation slowed to 4.9% in August, and Governor Ingrid Halvorsen said the decision in Vestby was unanimous.',
			'The crown gained 1.3% on the news.',
		],
		'coastalwire.com',
		'2024-09-13',
	),
];

const ferry = article(
	'ferry.txt',
	'Coastguard rescues 212 passengers from stranded ferry off Skarholm',
	[
		'Coastguard crews rescued 212 passengers and 18 crew from the ferry Nordlys after it lost power in a storm off the island of Skarholm early on Sunday.',
		'Helicopters lifted the last passengers to safety shortly before noon, and nobody was seriously hurt, the coastguard said.',
		'The operator said an investigation into the engine failure had begun.',
	],
	'islandpost.com',
	'2024-05-05',
);

const undated = (analysis: DocumentAnalysis): DocumentAnalysis => ({
	...analysis,
	document: {...analysis.document, published: ''},
});

const storyOf = (stories: Story[], path: string): Story | undefined => stories.find(s => s.documents.includes(path));
const all = [...spring, ...autumn, ferry];

describe('groupStories', () => {
	it('puts the outlets that report one event, days apart, in one story', () => {
		const stories = groupStories(all);
		const story = storyOf(stories, 'spring-times.txt');
		expect(story?.documents.slice().sort()).toEqual(spring.map(a => a.document.path).sort());
		expect(storyOf(stories, 'autumn-times.txt')?.documents.slice().sort()).toEqual(['autumn-times.txt', 'autumn-wire.txt']);
		expect(story?.firstPublished).toBe('2024-03-14');
		expect(story?.lastPublished).toBe('2024-03-16');
	});

	it('keeps the same institution’s decisions months apart in separate stories', () => {
		const stories = groupStories(all);
		expect(storyOf(stories, 'spring-wire.txt')).not.toBe(storyOf(stories, 'autumn-wire.txt'));
		expect(storyOf(stories, 'spring-times.txt')?.documents).not.toContain('autumn-times.txt');
	});

	it('keeps them apart by their different figures when no document is dated', () => {
		const stories = groupStories(all.map(undated));
		const springStory = storyOf(stories, 'spring-times.txt');
		const autumnStory = storyOf(stories, 'autumn-times.txt');
		expect(springStory).not.toBe(autumnStory);
		expect(springStory?.documents.slice().sort()).toEqual(spring.map(a => a.document.path).sort());
		expect(autumnStory?.documents.slice().sort()).toEqual(['autumn-times.txt', 'autumn-wire.txt']);
		expect(springStory?.firstPublished).toBe('');
	});

	it('makes a lone article a story of its own, summarised by its lead', () => {
		const stories = groupStories(all);
		const story = storyOf(stories, 'ferry.txt');
		expect(story?.documents).toEqual(['ferry.txt']);
		expect(story?.headline).toBe(ferry.document.title);
		expect(story?.summary[0]?.text).toMatch(/^Coastguard crews rescued 212 passengers/);
		expect(groupStories([ferry]).map(s => s.documents)).toEqual([['ferry.txt']]);
	});

	it('quotes whole sentences of the story’s own documents, not the headline, in the summary', () => {
		for (const story of groupStories(all)) {
			expect(story.summary.length).toBeGreaterThanOrEqual(story.documents.length > 1 ? 2 : 1);
			expect(story.summary.length).toBeLessThanOrEqual(3);
			for (const quote of story.summary) {
				expect(story.documents).toContain(quote.document);
				const analysis = all.find(a => a.document.path === quote.document)!;
				expect(analysis.document.sentences[quote.sentence]?.text).toBe(quote.text);
				expect(quote.text.length).toBeGreaterThan(20);
				expect(quote.text).not.toBe(analysis.document.title);
			}
		}
	});

	it('lists the largest story first, with ids s1, s2… in that order, the same on every run', () => {
		const stories = groupStories(all);
		expect(stories.map(s => s.documents.length)).toEqual([4, 2, 1]);
		expect(stories.map(s => s.id)).toEqual(['s1', 's2', 's3']);
		expect(groupStories(all)).toEqual(stories);
		// The same documents in another order: the same stories under the same ids.
		const again = groupStories([ferry, ...autumn, ...spring.slice().reverse()]);
		expect(again.map(s => [s.id, s.documents.slice().sort()])).toEqual(stories.map(s => [s.id, s.documents.slice().sort()]));
	});

	it('counts distinct sources, each document without one as a source of its own', () => {
		const stories = groupStories(all);
		// norlandtimes.com twice, coastalwire.com, and one with no source.
		expect(storyOf(stories, 'spring-blog.txt')?.sources).toBe(3);
		expect(storyOf(stories, 'autumn-wire.txt')?.sources).toBe(2);
	});

	it('names the story by a title that shares its words, and its main entities', () => {
		const stories = groupStories(all);
		const story = storyOf(stories, 'spring-times.txt')!;
		expect(spring.map(a => a.document.title)).toContain(story.headline);
		expect(story.entities).toContain('Ingrid Halvorsen');
		expect(story.documents[0]).toBe('spring-times.txt');
	});
});

describe('a handful of documents', () => {
	// With two documents every shared word is in every document, so document frequencies alone would weigh
	// what they share at nothing; the words they share must still tell one event from two.
	const visit = (name: string, title: string, body: string) => analyseSource({name, text: `${title}\n\n${body}`, meta: {title: '', source: '', author: '', published: '', url: ''}});
	const arrival = visit(
		'arrival.txt',
		'President Alvarez arrives in Kestria for talks on the northern pipeline',
		'President Marta Alvarez of Doravia arrived in Kestria on Tuesday for talks with Prime Minister Olek Varga on the northern gas pipeline and new rail links. Officials said the leaders would sign agreements on energy, rail freight and customs during the visit to the capital, Lind. Trade between Doravia and Kestria reached $3 billion last year.',
	);
	const analysis = visit(
		'analysis.txt',
		'Why Kestria matters to Doravia: the pipeline, the railway and the trade',
		'The visit by President Marta Alvarez to Kestria highlights how much Doravia relies on its neighbour for gas from the northern pipeline. Prime Minister Olek Varga has courted Doravian investment in rail links and customs reform, and the leaders are expected to sign energy and rail freight agreements in Lind. Trade between the two countries has doubled since 2019.',
	);
	const unrelated = visit(
		'storm.txt',
		'Storm floods coastal towns in Marevia',
		'Heavy rain and a tidal surge flooded three coastal towns in Marevia overnight, forcing hundreds of families from their homes. Emergency crews used boats to reach residents trapped on upper floors, and schools were closed across the region as the river kept rising.',
	);

	it('groups two undated reports of one visit that share names and words but no figure', () => {
		expect(groupStories([arrival, analysis]).map(s => s.documents.length)).toEqual([2]);
	});

	it('keeps two unrelated articles apart', () => {
		expect(groupStories([arrival, unrelated]).map(s => s.documents.length)).toEqual([1, 1]);
	});
});
