import {describe, expect, it} from 'vitest';
import {buildDocument} from '../../source/corpus/document.js';
import {findEntities} from '../../source/analysis/entities.js';
import type {DocumentEntity} from '../../source/analysis/types.js';

function entitiesOf(text: string): DocumentEntity[] {
	return findEntities(buildDocument('story.txt', text));
}

/** The entity one of whose names is `name`, compared without case. */
function named(entities: DocumentEntity[], name: string): DocumentEntity | undefined {
	const wanted = name.toLowerCase();
	return entities.find(e => e.name.toLowerCase() === wanted || e.aliases.some(a => a.toLowerCase() === wanted));
}

function allNames(entities: DocumentEntity[]): string[] {
	return entities.flatMap(e => [e.name, ...e.aliases]);
}

describe('findEntities', () => {
	it('merges a full name, a titled name, the surname and its possessive into one person', () => {
		const entities = entitiesOf(
			[
				'Xi Jinping opens trade fair in Shanghai',
				'',
				'Chinese President Xi Jinping opened a trade fair in Shanghai on Monday. President Xi told exhibitors that markets would stay open.',
				'',
				'Xi’s speech was broadcast live. Xi later met business leaders.',
			].join('\n'),
		);
		const xi = entities.filter(e => e.type === 'person' && e.aliases.some(a => a.startsWith('Xi')));
		expect(xi).toHaveLength(1);
		expect(xi[0]!.name).toBe('Xi Jinping');
		expect(xi[0]!.aliases).toEqual(expect.arrayContaining(['Xi Jinping', 'President Xi', 'Xi']));
		// Headline, "President Xi Jinping", "President Xi", "Xi’s", "Xi later".
		expect(xi[0]!.mentions).toHaveLength(5);
	});

	it('takes a surname alone for the person named in full elsewhere, before or after', () => {
		const entities = entitiesOf('Ardern said the budget was fair. Prime Minister Jacinda Ardern spoke in Wellington. Ms. Ardern left early.');
		const ardern = named(entities, 'Jacinda Ardern');
		expect(ardern?.type).toBe('person');
		expect(ardern?.mentions).toHaveLength(3);
		expect(entities.filter(e => e.type === 'person')).toHaveLength(1);
		expect(named(entities, 'Wellington')?.type).toBe('place');
	});

	it('makes an abbreviation in parentheses an alias of the name before it', () => {
		const entities = entitiesOf('Laos joined the Belt and Road Initiative (BRI) in 2016. Since then the BRI has built a railway to the border.');
		const bri = named(entities, 'Belt and Road Initiative');
		expect(bri?.type).toBe('organization');
		expect(bri?.aliases).toContain('BRI');
		// The full name, the abbreviation in parentheses, and "the BRI".
		expect(bri?.mentions.map(m => m.text)).toEqual(['Belt and Road Initiative', 'BRI', 'BRI']);
		expect(named(entities, 'Laos')?.type).toBe('place');
	});

	it('counts U.S., US and United States as one place, including "U.S.-led" and "US$" is not a mention', () => {
		const entities = entitiesOf(
			'The United States imposed tariffs on Monday. U.S. officials said the U.S.-led coalition would hold. Analysts expect the US economy to slow, and the fund raised US$20m.',
		);
		const us = entities.filter(e => e.type === 'place' && e.aliases.some(a => /^(US|U\.S\.|United States)$/u.test(a)));
		expect(us).toHaveLength(1);
		expect(us[0]!.name).toBe('United States');
		expect(us[0]!.mentions).toHaveLength(4);
	});

	it('counts both places of a hyphenated pair such as "China-Kazakhstan"', () => {
		const entities = entitiesOf('Trade between China and Kazakhstan grew. The China-Kazakhstan pipeline carries gas.');
		expect(named(entities, 'China')?.mentions).toHaveLength(2);
		expect(named(entities, 'Kazakhstan')?.mentions).toHaveLength(2);
	});

	it('does not list demonyms or adjectives made from them', () => {
		const entities = entitiesOf('Chinese and Kazakh officials praised Sino-Kazakh ties. The Indian delegation and American investors agreed.');
		const names = allNames(entities).map(n => n.toLowerCase());
		for (const word of ['chinese', 'kazakh', 'sino', 'sino-kazakh', 'indian', 'american']) expect(names).not.toContain(word);
	});

	it('does not count a name inside the full name of another entity', () => {
		const entities = entitiesOf('The Bank of Canada held rates on Wednesday. Canada’s economy grew faster than expected.');
		expect(named(entities, 'Bank of Canada')?.type).toBe('organization');
		expect(named(entities, 'Canada')?.mentions).toHaveLength(1);
	});

	it('does not take common words that open a sentence, months or weekdays for names', () => {
		const entities = entitiesOf('Trade rose sharply. Joint ventures grew. Energy remains key. On Tuesday, Exports fell. In March they recovered.');
		expect(entities).toEqual([]);
	});

	it('reads a Title Case headline for known names only', () => {
		const entities = entitiesOf('Fed Lifts Rates, Sees Faster Pace Of Hikes\n\nThe Federal Reserve raised rates on Wednesday. The Fed said more increases would follow.');
		const fed = named(entities, 'Federal Reserve');
		expect(fed?.type).toBe('organization');
		expect(fed?.mentions).toHaveLength(3);
		expect(entities).toHaveLength(1);
	});

	it('counts a known name in a line of capitals, but not "US" read as a word', () => {
		const entities = entitiesOf('Donald Trump spoke in Ohio.\n\nTRUMP IMPACT\n\nFOLLOW US ON SOCIAL MEDIA');
		expect(named(entities, 'Donald Trump')?.mentions).toHaveLength(2);
		expect(named(entities, 'United States')).toBeUndefined();
	});

	it('uses the head noun of an organization named in the document as its short name', () => {
		const entities = entitiesOf(
			'The Carnegie Arts Foundation gave $2 million to schools. Since 2010 the Foundation has funded 40 programmes, and the Foundation plans more.',
		);
		const foundation = named(entities, 'Carnegie Arts Foundation');
		expect(foundation?.type).toBe('organization');
		expect(foundation?.mentions).toHaveLength(3);
	});

	it('types people by title, given name or context, and organizations by their head noun', () => {
		const entities = entitiesOf(
			'Gen Qamar Javed Bajwa met Governor Tiff Macklem. Analysts at Berenberg Bank were surprised, said Holger Schmieding, an economist at the Institute of Fiscal Studies.',
		);
		expect(named(entities, 'Qamar Javed Bajwa')?.type).toBe('person');
		expect(named(entities, 'Tiff Macklem')?.type).toBe('person');
		expect(named(entities, 'Holger Schmieding')?.type).toBe('person');
		expect(named(entities, 'Berenberg Bank')?.type).toBe('organization');
		expect(named(entities, 'Institute of Fiscal Studies')?.type).toBe('organization');
	});

	it('records mentions whose offsets slice back to their text, in boilerplate lines too', () => {
		const document = buildDocument(
			'messy.txt',
			[
				'Breaking News',
				'',
				'Kenya’s Key Role in East Africa',
				'',
				'By Amina Yusuf / Staff Writer / Updated: Oct 9, 2019',
				'',
				'NAIROBI: President William Ruto met U.N. officials, the “U.S.-backed” mission’s leaders and Ruto’s cabinet.',
				'',
				'File photo of Mr. Ruto in Nairobi. (Reuters)',
			].join('\r\n'),
		);
		const entities = findEntities(document);
		expect(entities.length).toBeGreaterThan(3);
		for (const entity of entities) {
			for (const mention of entity.mentions) {
				expect(document.text.slice(mention.start, mention.end)).toBe(mention.text);
				const sentence = document.sentences[mention.sentence]!;
				expect(mention.start).toBeGreaterThanOrEqual(sentence.start);
				expect(mention.end).toBeLessThanOrEqual(sentence.end);
			}
		}
		expect(named(entities, 'William Ruto')?.mentions).toHaveLength(3);
		expect(named(entities, 'Nairobi')?.mentions).toHaveLength(2);
		expect(named(entities, 'Reuters')?.type).toBe('organization');
	});

	it('returns nothing for a document without names', () => {
		expect(entitiesOf('')).toEqual([]);
		expect(entitiesOf('it was a quiet day. nothing happened at all.')).toEqual([]);
	});
});
