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

describe('findEntities on names a first reading gets wrong', () => {
	function typeOf(entities: DocumentEntity[], name: string): string | undefined {
		return named(entities, name)?.type;
	}

	it('ends an organization named with "of" at a title before a person', () => {
		const entities = entitiesOf('Prices rose, said Bank of Italy Governor Mario Rossi in Rome.');
		expect(typeOf(entities, 'Bank of Italy')).toBe('organization');
		expect(typeOf(entities, 'Mario Rossi')).toBe('person');
		expect(allNames(entities)).not.toContain('Bank of Italy Governor Mario Rossi');
	});

	it('ends an organization named with "of" at a title of two words', () => {
		const entities = entitiesOf('Rates held, said Bank of Brazil Chief Executive Tarciana Medeiros.');
		expect(typeOf(entities, 'Bank of Brazil')).toBe('organization');
		expect(typeOf(entities, 'Tarciana Medeiros')).toBe('person');
	});

	it('keeps "of" with a title inside an organization name', () => {
		const entities = entitiesOf('The Department of Justice Inspector General Ann Lee filed a report.');
		expect(typeOf(entities, 'Department of Justice')).toBe('organization');
		expect(typeOf(entities, 'Ann Lee')).toBe('person');
	});

	it('takes the short form of a university named after a person for the university', () => {
		const entities = entitiesOf(
			'New work by Leland Grove researchers was praised. "It is new," said a Leland Grove University chemist. The Leland Grove team will go on.',
		);
		const school = named(entities, 'Leland Grove University');
		expect(school?.type).toBe('organization');
		expect(school?.mentions).toHaveLength(3);
		expect(entities.filter(e => e.type === 'person')).toEqual([]);
	});

	it('does not give a university a place in its name as a team nickname', () => {
		const entities = entitiesOf('Texas Teams Win Again\n\nScientists with the University of Texas said the project began in Texas.');
		expect(named(entities, 'University of Texas')?.aliases).not.toContain('Texas');
		expect(named(entities, 'Texas')?.type).toBe('place');
	});

	it('reads a profession ending in -ist or -ician before a name as a role', () => {
		// "Bah" is also a word, so only the role before it makes the name a person's.
		const entities = entitiesOf('The finding surprised physicist Oduya Bah. "It is odd," Bah said, and cardiologist Lio Bah-Mavet agreed.');
		expect(typeOf(entities, 'Oduya Bah')).toBe('person');
		expect(named(entities, 'Oduya Bah')?.mentions).toHaveLength(2);
	});

	it('reads a noun naming a kind of firm before a name, or a unit after it, as an organization', () => {
		const entities = entitiesOf('The band Velvet Moth toured with carmaker Zentrix. It sold its Kolibri unit, according to Datanova.');
		expect(typeOf(entities, 'Velvet Moth')).toBe('organization');
		expect(typeOf(entities, 'Zentrix')).toBe('organization');
		expect(typeOf(entities, 'Kolibri')).toBe('organization');
		expect(typeOf(entities, 'Datanova')).toBe('organization');
	});

	it('reads what rises or falls by a percentage as a company', () => {
		const entities = entitiesOf('Markets were calm. At the other end, Grattley fell 5.6 per cent as it warned on profits.');
		expect(typeOf(entities, 'Grattley')).toBe('organization');
	});

	it('makes organizations of head nouns for music, hotels, energy, leagues and Indian schemes', () => {
		const entities = entitiesOf(
			'Sales rose, according to Halvorsen Music. The Coral Bay Inn, Dravik Energy and the Primeira Liga agreed. Funds went to the Kisan Samman Yojana.',
		);
		for (const name of ['Halvorsen Music', 'Coral Bay Inn', 'Dravik Energy', 'Primeira Liga', 'Kisan Samman Yojana']) {
			expect(typeOf(entities, name), name).toBe('organization');
		}
	});

	it('reads a compass point before a place as a region, not a club', () => {
		const entities = entitiesOf('The telescope stands in West Texas, far from South Mumbai.');
		expect(typeOf(entities, 'West Texas')).toBe('place');
		expect(typeOf(entities, 'South Mumbai')).toBe('place');
	});

	it('does not make organizations of everyday words written in capitals', () => {
		const entities = entitiesOf('First-time novelist wins\n\nA FIRST-TIME novelist has won the prize, the NEWS agency and NATO said.');
		expect(allNames(entities).map(n => n.toLowerCase())).not.toContain('first-time');
		expect(allNames(entities)).not.toContain('NEWS');
		expect(typeOf(entities, 'NATO')).toBe('organization');
	});

	it('takes an unknown given name before a surname that is also a word for a person', () => {
		const entities = entitiesOf('The guard was sharp. Jaylen Brown looked impressive with 20 points.');
		expect(typeOf(entities, 'Jaylen Brown')).toBe('person');
	});

	it('does not make organizations or places of song and show titles', () => {
		const entities = entitiesOf(
			'The album This Is What the Truth Feels Like sold well, led by “Make Me Like You.” He spoke on "Good Morning America." Exports to America grew.',
		);
		expect(allNames(entities)).not.toContain('This Is What');
		expect(allNames(entities)).not.toContain('Me Like You');
		expect(named(entities, 'United States')?.mentions).toHaveLength(1);
	});

	it('keeps "of" inside a title after a capitalised "The"', () => {
		const entities = entitiesOf('She won for The God of Small Things in 1997.');
		expect(allNames(entities)).not.toContain('God');
		expect(typeOf(entities, 'God of Small Things')).toBe('organization');
	});

	it('does not take a name starting in lower case for a person', () => {
		const entities = entitiesOf('Buyers said iPhones have got dearer. The iPhones were sold out.');
		expect(entities.filter(e => e.type === 'person')).toEqual([]);
	});

	it('reads CM as a title and time zones as no names', () => {
		const entities = entitiesOf('Raipur CM presents budget\n\nThe session opened at 8:44 AM ET. CM Bhupesh Baghel spoke.');
		expect(allNames(entities)).not.toContain('CM');
		expect(allNames(entities)).not.toContain('ET');
		expect(typeOf(entities, 'Bhupesh Baghel')).toBe('person');
	});

	it('does not take a news site’s section labels for outlets', () => {
		const entities = entitiesOf('Stay updated with all the Breaking News and Latest News from Mumbai, and Fox News too.');
		expect(allNames(entities)).not.toContain('Breaking News');
		expect(allNames(entities)).not.toContain('Latest News');
		expect(typeOf(entities, 'Mumbai')).toBe('place');
	});

	it('gives a surname to the person named in full, though a company goes by the word', () => {
		const entities = entitiesOf('Mayor Rob Ford spoke first. Ford could be heard shouting, and Ford later apologised.');
		expect(typeOf(entities, 'Rob Ford')).toBe('person');
		expect(named(entities, 'Rob Ford')?.mentions).toHaveLength(3);
		expect(entities.filter(e => e.type === 'organization')).toEqual([]);
		// A company named before the person keeps its name.
		const carmaker = entitiesOf('Ford sold more trucks this year. Ford, founded by Henry Ford, said so.');
		expect(typeOf(carmaker, 'Ford')).toBe('organization');
		expect(typeOf(carmaker, 'Henry Ford')).toBe('person');
	});

	it('accepts an abbreviation that takes letters from inside the words', () => {
		const entities = entitiesOf('The Trinamool Congress (TMC) won 29 seats. The TMC celebrated.');
		const tmc = named(entities, 'Trinamool Congress');
		expect(tmc?.aliases).toContain('TMC');
		expect(tmc?.mentions).toHaveLength(3);
	});

	it('reads a kind of place written in lower case after an unknown name as a place', () => {
		const entities = entitiesOf('Kothapur city on track\n\nWork on the Vellar river bed began. Funds went to the municipalities of Pandur and Ilav.');
		expect(typeOf(entities, 'Kothapur')).toBe('place');
		expect(typeOf(entities, 'Vellar')).toBe('place');
		expect(typeOf(entities, 'Pandur')).toBe('place');
	});

	it('reads a journal named before "journal" or "newspaper", past an adjective, as an organization', () => {
		const entities = entitiesOf('The study appeared in the respected Quillon medical journal. It was praised by the Tellmark newspaper.');
		expect(typeOf(entities, 'Quillon')).toBe('organization');
		expect(typeOf(entities, 'Tellmark')).toBe('organization');
	});

	it('takes a place that shares its name with a university in the story for the university', () => {
		const entities = entitiesOf('Oxford team publishes results\n\nOxford University scientists published the results. Oxford said more trials would follow.');
		const school = named(entities, 'Oxford University');
		expect(school?.type).toBe('organization');
		expect(school?.aliases).toContain('Oxford');
		expect(entities.filter(e => e.type === 'place')).toEqual([]);
	});

	it('reads an office named "Commissionerate of ..." as one organization', () => {
		const entities = entitiesOf('Sanction was sought at the Commissionerate of Municipal Administration on Monday.');
		expect(typeOf(entities, 'Commissionerate of Municipal Administration')).toBe('organization');
	});

	it('does not take units in capitals for organizations, and keeps Asia-Pacific one region', () => {
		const entities = entitiesOf('The firm will build a two MW plant and a 5 GW farm for Asia-Pacific buyers.');
		expect(allNames(entities)).not.toContain('MW');
		expect(allNames(entities)).not.toContain('GW');
		expect(typeOf(entities, 'Asia-Pacific')).toBe('place');
		expect(allNames(entities)).not.toContain('Pacific');
	});

	it('reads the AP’s abbreviation of a state in a dateline as the state', () => {
		const entities = entitiesOf('The event was held in Cupertino, Calif., and in Orlando, Fla.');
		expect(named(entities, 'Calif')?.name).toBe('California');
		expect(named(entities, 'Fla')?.name).toBe('Florida');
	});

	it('takes a hyphenated surname, with or without its hyphen, for the person named in full', () => {
		const entities = entitiesOf('Governor Ngozi Adeyemi-Bello won again. Governor Adeyemi Bello thanked voters, and Adeyemi-Bello left.');
		const people = entities.filter(e => e.type === 'person');
		expect(people).toHaveLength(1);
		expect(people[0]!.name).toBe('Ngozi Adeyemi-Bello');
		expect(people[0]!.mentions).toHaveLength(3);
	});

	it('splits a county and the state written after it into two places', () => {
		const entities = entitiesOf('A former Marion County Indiana clerk was charged. The Marion County office stayed open.');
		expect(typeOf(entities, 'Marion County')).toBe('place');
		expect(named(entities, 'Marion County')?.mentions).toHaveLength(2);
		expect(typeOf(entities, 'Indiana')).toBe('place');
		expect(allNames(entities)).not.toContain('Marion County Indiana');
	});

	it('reads an abbreviated office before a given name and a surname as a title, not an organization', () => {
		const entities = entitiesOf('Trade CS Peter Kamau announced the tariffs on Monday.');
		expect(typeOf(entities, 'Peter Kamau')).toBe('person');
		expect(entities.filter(e => e.type === 'organization')).toEqual([]);
	});

	it('ends an organization named "… of …" where a given name and a surname follow', () => {
		const entities = entitiesOf('A director in the Ministry of Finance Mary Wanjiru signed the order.');
		expect(typeOf(entities, 'Ministry of Finance')).toBe('organization');
		expect(typeOf(entities, 'Mary Wanjiru')).toBe('person');
	});

	it('reads unknown names in a list closed or opened by a plural kind of place as places', () => {
		const entities = entitiesOf('Floods hit Kakamega, Bungoma and Busia counties. Officials visited the districts of Rumphi and Karonga.');
		for (const name of ['Kakamega', 'Bungoma', 'Busia', 'Rumphi', 'Karonga']) expect(typeOf(entities, name)).toBe('place');
	});

	it('reads a word with capitals inside as a company or a party, but keeps McAllister a person', () => {
		const entities = entitiesOf('Analysts said PayCircle gained ground while the PvdA lost seats. Ruth McAllister said little.');
		expect(typeOf(entities, 'PayCircle')).toBe('organization');
		expect(typeOf(entities, 'PvdA')).toBe('organization');
		expect(typeOf(entities, 'Ruth McAllister')).toBe('person');
	});

	it('reads a name that its abbreviation in parentheses spells out as one organization', () => {
		const entities = entitiesOf('Voters backed Hope for Rural Renewal (HRR) in Norway, and the HRR gained seats.');
		const party = named(entities, 'Hope for Rural Renewal');
		expect(party?.type).toBe('organization');
		expect(party?.aliases).toContain('HRR');
		expect(party?.mentions).toHaveLength(3);
	});

	it('does not take business abbreviations such as M&A or R&D for organizations', () => {
		const entities = entitiesOf('Tech M&A slowed this year while R&D budgets grew.');
		expect(allNames(entities)).not.toContain('M&A');
		expect(allNames(entities)).not.toContain('R&D');
	});

	it('reads a lone unknown name as a company after "provider" or when "it" follows its verb', () => {
		const entities = entitiesOf('The fund bought payments provider Tilvara. Later Veltrix announced it would cut jobs.');
		expect(typeOf(entities, 'Tilvara')).toBe('organization');
		expect(typeOf(entities, 'Veltrix')).toBe('organization');
	});

	it('reads a town named before a player or after a result with a score as a sports club throughout', () => {
		const entities = entitiesOf(
			[
				'Leeds striker Tom Harlow scores twice',
				'',
				'Leeds striker Tom Harlow scored twice in a 2-1 win at Brentwick on Saturday. Brentwick pulled one back late, and Leeds held on.',
				'',
				'Harlow joined on loan from Sportivo Norte last year.',
			].join('\n'),
		);
		expect(typeOf(entities, 'Leeds')).toBe('organization');
		expect(named(entities, 'Leeds')?.mentions).toHaveLength(3);
		expect(typeOf(entities, 'Brentwick')).toBe('organization');
		expect(named(entities, 'Brentwick')?.mentions).toHaveLength(2);
		expect(typeOf(entities, 'Sportivo Norte')).toBe('organization');
		expect(typeOf(entities, 'Tom Harlow')).toBe('person');
	});

	it('counts a surname that is also an everyday word opening a sentence when a verb or a possessive follows', () => {
		const entities = entitiesOf('Defender Tom Green scored early. Green headed a second. Green’s cross set up a third. Green is a colour.');
		// "Tom Green", "Green headed", "Green’s cross"; not "Green is a colour".
		expect(named(entities, 'Tom Green')?.mentions).toHaveLength(3);
	});

	it('reads a given name and a surname after a company noun as a company, where the noun also names a trade', () => {
		const entities = entitiesOf('Shares of house builder Morgan Ashdale fell while retailer Harvey Kettering rose.');
		expect(typeOf(entities, 'Morgan Ashdale')).toBe('organization');
		expect(typeOf(entities, 'Harvey Kettering')).toBe('organization');
	});

	it('does not take a statistic named in capitals for an organization', () => {
		const entities = entitiesOf('Officials said the outbreak had a Case Fatality Rate of 2 per cent.');
		expect(entities.filter(e => e.type === 'organization')).toEqual([]);
	});
});
