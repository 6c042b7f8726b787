import {compromiseLexicon} from './lexicon-source.js';
import type {EntityType} from './types.js';

/*
 * Word lists the entity finder classifies names with: places, well-known organizations, titles,
 * the head nouns that end an organization's name, and the common words that are capitalised only
 * because they open a sentence or stand in a headline. Each list is general knowledge (countries,
 * capitals, agencies, outlets), merged with what compromise's lexicon already knows.
 */

/** The key a surface form is looked up by: lower case, straight apostrophes, no dots ("U.S." → "us"). */
export function foldName(text: string): string {
	const lower = text.toLowerCase();
	// Most words have nothing to fold but their case.
	if (!NEEDS_FOLDING.test(lower)) return lower;
	return lower.replace(/[’‘`]/g, "'").replace(/\./g, '').replace(/\s+/g, ' ').trim();
}
const NEEDS_FOLDING = /[’‘`.\s]/u;

interface KnownName {
	type: EntityType;
	/** The name to report, when the surface form is a short or variant one ("U.S." → "United States"). */
	canonical?: string;
}

/** Canonical name first, then variants. */
const PLACES: string[][] = [
	['United States', 'United States of America', 'America', 'USA', 'U.S.A.', 'US', 'U.S.'],
	['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
	['United Arab Emirates', 'UAE', 'U.A.E.'],
	['Russia', 'Russian Federation'],
	['China', "People's Republic of China", 'PRC', 'Mainland China'],
	['Taiwan'],
	['South Korea', 'Republic of Korea'],
	['North Korea', 'DPRK'],
	['Czech Republic', 'Czechia'],
	['Democratic Republic of the Congo', 'Democratic Republic of Congo', 'DRC', 'DR Congo'],
	['Republic of the Congo', 'Congo-Brazzaville'],
	['Ivory Coast', "Côte d'Ivoire", "Cote d'Ivoire"],
	['Myanmar', 'Burma'],
	['Netherlands', 'Holland', 'The Netherlands'],
	['Vatican City', 'Vatican', 'Holy See'],
	['Jammu and Kashmir', 'J&K', 'Jammu & Kashmir'],
	['Palestine', 'Palestinian Territories'],
	['Gaza', 'Gaza Strip'],
	['West Bank'],
	['Hong Kong'],
	['Macau', 'Macao'],
	['Washington', 'Washington DC', 'Washington D.C.'],
	['New York', 'New York City', 'NYC', 'N.Y.'],
	['Los Angeles', 'LA'],
	['San Francisco'],
	['Kyiv', 'Kiev'],
	['Mumbai', 'Bombay'],
	['Kolkata', 'Calcutta'],
	['Chennai', 'Madras'],
	['Bengaluru', 'Bangalore'],
	['Beijing', 'Peking'],
	['Astana', 'Nur-Sultan'],
	['Ho Chi Minh City', 'Saigon'],
	['Turkey', 'Türkiye'],
	['Eswatini', 'Swaziland'],
	['North Macedonia', 'Macedonia'],
	['Timor-Leste', 'East Timor'],
	['Cabo Verde', 'Cape Verde'],
	// The AP's state abbreviations of wire datelines and captions ("CUPERTINO, Calif."); the ones that are also
	// words or titles ("Miss.", "Wash.", "Mass.", "Ark.", "Pa.") are left out.
	['California', 'Calif.'], ['Arizona', 'Ariz.'], ['Colorado', 'Colo.'], ['Connecticut', 'Conn.'], ['Florida', 'Fla.'],
	['Michigan', 'Mich.'], ['Minnesota', 'Minn.'], ['Oklahoma', 'Okla.'], ['Tennessee', 'Tenn.'], ['Wyoming', 'Wyo.'],
	['Nebraska', 'Neb.'], ['Nevada', 'Nev.'], ['Kentucky', 'Ky.'], ['Wisconsin', 'Wis.'],
	['Maryland', 'Md.'], ['Kansas', 'Kan.'], ['Alabama', 'Ala.'], ['Illinois', 'Ill.'], ['New Jersey', 'N.J.'],
];

/** Countries, capitals, major cities, states and provinces, regions and well-known landmarks. */
const PLACE_NAMES = `
Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria, Azerbaijan, Bahamas, Bahrain,
Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia, Bosnia, Bosnia and Herzegovina, Botswana, Brazil,
Brunei, Bulgaria, Burkina Faso, Burundi, Cambodia, Cameroon, Canada, Chad, Chile, Colombia, Comoros, Congo, Costa Rica,
Croatia, Cuba, Cyprus, Denmark, Djibouti, Dominica, Dominican Republic, Ecuador, Egypt, El Salvador, Eritrea, Estonia,
Ethiopia, Fiji, Finland, France, Gabon, Gambia, Georgia, Germany, Ghana, Greece, Grenada, Guatemala, Guinea, Guinea-Bissau,
Guyana, Haiti, Honduras, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, Jamaica, Japan, Jordan,
Kazakhstan, Kenya, Kiribati, Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein,
Lithuania, Luxembourg, Madagascar, Malawi, Malaysia, Maldives, Mali, Malta, Mauritania, Mauritius, Mexico, Micronesia,
Moldova, Monaco, Mongolia, Montenegro, Morocco, Mozambique, Namibia, Nauru, Nepal, New Zealand, Nicaragua, Niger, Nigeria,
Norway, Oman, Pakistan, Palau, Panama, Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania,
Rwanda, Samoa, San Marino, Saudi Arabia, Senegal, Serbia, Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, Somalia,
South Africa, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden, Switzerland, Syria, Tajikistan, Tanzania, Thailand,
Togo, Tonga, Trinidad and Tobago, Tunisia, Turkmenistan, Tuvalu, Uganda, Ukraine, Uruguay, Uzbekistan, Vanuatu, Venezuela,
Vietnam, Yemen, Zambia, Zimbabwe, Greenland, Puerto Rico, Scotland, England, Wales, Northern Ireland, Catalonia,
Kabul, Tirana, Algiers, Luanda, Buenos Aires, Yerevan, Canberra, Vienna, Baku, Nassau, Manama, Dhaka, Minsk, Brussels,
Thimphu, Sarajevo, Brasilia, Sofia, Phnom Penh, Ottawa, Santiago, Bogota, Zagreb, Havana, Nicosia, Prague, Copenhagen,
Cairo, Tallinn, Addis Ababa, Helsinki, Paris, Tbilisi, Berlin, Accra, Athens, Budapest, Reykjavik, Jakarta, Tehran, Baghdad,
Dublin, Jerusalem, Rome, Tokyo, Amman, Nairobi, Pristina, Kuwait City, Bishkek, Vientiane, Riga, Beirut, Tripoli, Vilnius,
Kuala Lumpur, Mexico City, Chisinau, Ulaanbaatar, Podgorica, Rabat, Kathmandu, Amsterdam, Wellington, Managua, Abuja,
Pyongyang, Skopje, Oslo, Muscat, Islamabad, Panama City, Asuncion, Lima, Manila, Warsaw, Lisbon, Doha, Bucharest, Moscow,
Kigali, Riyadh, Dakar, Belgrade, Bratislava, Ljubljana, Mogadishu, Pretoria, Seoul, Juba, Madrid, Colombo, Khartoum,
Stockholm, Bern, Damascus, Taipei, Dushanbe, Dodoma, Bangkok, Tunis, Ankara, Ashgabat, Kampala, Abu Dhabi, London,
Montevideo, Tashkent, Caracas, Hanoi, Sanaa, Lusaka, Harare, New Delhi, Delhi, Shanghai, Guangzhou, Shenzhen, Chongqing,
Tianjin, Wuhan, Chengdu, Hangzhou, Nanjing, Xi'an, Harbin, Lhasa, Urumqi, Karachi, Lahore, Peshawar, Rawalpindi, Quetta,
Hyderabad, Ahmedabad, Pune, Jaipur, Lucknow, Srinagar, Dubai, Istanbul, Jeddah, Mecca, Medina, Tel Aviv, Haifa, Basra,
Mosul, Aleppo, Homs, Benghazi, Casablanca, Alexandria, Lagos, Kano, Johannesburg, Cape Town, Durban, Mombasa, Almaty,
Shymkent, Samarkand, Yokohama, Osaka, Kyoto, Busan, Incheon, Sydney, Melbourne, Brisbane, Perth, Adelaide, Auckland,
Toronto, Montreal, Vancouver, Calgary, Edmonton, Quebec, Chicago, Houston, Philadelphia, Phoenix, Dallas, Austin, Miami,
Atlanta, Boston, Seattle, Denver, Detroit, Baltimore, Las Vegas, San Diego, Minneapolis, Pittsburgh, Cleveland, Orlando,
Nashville, Manchester, Liverpool, Birmingham, Glasgow, Edinburgh, Cardiff, Belfast, Leeds, Oxford, Cambridge, Hamburg,
Munich, Frankfurt, Cologne, Milan, Naples, Turin, Venice, Florence, Barcelona, Valencia, Seville, Marseille, Lyon, Geneva,
Zurich, Rotterdam, Antwerp, St Petersburg, Saint Petersburg, Kharkiv, Odesa, Odessa, Mariupol, Donetsk, Luhansk,
Sao Paulo, Rio de Janeiro, Medellin,
Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Hawaii, Idaho, Illinois, Indiana,
Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana,
Nebraska, Nevada, New Hampshire, New Jersey, New Mexico, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania,
Rhode Island, South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, West Virginia, Wisconsin, Wyoming,
Ontario, Alberta, British Columbia, Manitoba, Saskatchewan, Nova Scotia, New Brunswick, Newfoundland, Queensland, Victoria,
Tasmania, New South Wales, Punjab, Sindh, Balochistan, Khyber Pakhtunkhwa, Kerala, Karnataka, Maharashtra, Gujarat,
Rajasthan, Bihar, Uttar Pradesh, Tamil Nadu, West Bengal, Assam, Odisha, Telangana, Andhra Pradesh, Madhya Pradesh,
Haryana, Goa, Manipur, Ladakh, Kashmir, Sikkim, Arunachal Pradesh, Gilgit-Baltistan, Aksai Chin,
Shaanxi, Shanxi, Sichuan, Hubei, Hunan, Henan, Hebei, Shandong, Jiangsu, Zhejiang, Fujian, Guangdong, Guangxi, Yunnan,
Guizhou, Gansu, Qinghai, Xinjiang, Tibet, Inner Mongolia, Heilongjiang, Jilin, Liaoning, Anhui, Jiangxi, Hainan, Ningxia,
Bavaria, Siberia, Chechnya, Dagestan, Crimea, Donbas, Donbass, Kurdistan, Darfur, Tigray, Mindanao, Bali, Java, Sumatra,
Borneo, Okinawa, Hokkaido, Sicily, Sardinia, Corsica, Andalusia, Flanders, Wallonia, Normandy, Provence, Tuscany,
Europe, Asia, Africa, Antarctica, Oceania, North America, South America, Latin America, Central America, Middle East,
Central Asia, South Asia, Southeast Asia, East Asia, Asia-Pacific, West Africa, East Africa, North Africa, Sub-Saharan Africa,
Eastern Europe, Western Europe, Scandinavia, Balkans, Caucasus, Caribbean, Mediterranean, Sahara, Sahel, Arctic, Himalayas,
Pacific, Atlantic, Indian Ocean, Pacific Ocean, Atlantic Ocean, Arctic Ocean, South China Sea, East China Sea, Black Sea,
Red Sea, Baltic Sea, Persian Gulf, Gulf of Mexico, Strait of Hormuz, Taiwan Strait, Suez Canal, Panama Canal, Nile,
Amazon River, Yangtze, Mississippi River, Danube, Rhine, Thames, Ganges, Alps, Andes, Rockies, Everest, Kilimanjaro,
Manhattan, Brooklyn, Queens, Bronx, Staten Island, Harlem, Broadway, Hollywood, Beverly Hills, Wall Street,
Silicon Valley, Capitol Hill, Times Square, Central Park, Westminster, Whitehall, Downing Street, Soho, Tiananmen Square,
Red Square, Golan Heights, Galilee, Negev, Sinai, Kashmir Valley
`;

/** Organizations known by name: international bodies, agencies, outlets, parties, leagues and large companies. */
const ORGANIZATIONS: string[][] = [
	['United Nations', 'UN', 'U.N.'],
	['UN Security Council', 'United Nations Security Council', 'U.N. Security Council', 'Security Council'],
	['UN General Assembly', 'United Nations General Assembly', 'General Assembly'],
	['European Union', 'EU', 'E.U.'],
	['NATO', 'North Atlantic Treaty Organization'],
	['World Health Organization', 'WHO'],
	['International Monetary Fund', 'IMF'],
	['World Bank'],
	['World Trade Organization', 'WTO'],
	['World Economic Forum', 'WEF'],
	['Organization of the Petroleum Exporting Countries', 'OPEC', 'OPEC+'],
	['Association of Southeast Asian Nations', 'ASEAN'],
	['African Union', 'AU'],
	['Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', 'SCO'],
	['G7'], ['G20'], ['BRICS'],
	['International Criminal Court'],
	['International Atomic Energy Agency', 'IAEA'],
	['UNESCO'], ['UNICEF'], ['UNHCR'], ['Interpol'], ['Red Cross'], ['Amnesty International'], ['Human Rights Watch'],
	['Greenpeace'], ['Doctors Without Borders', 'MSF'],
	['Federal Reserve', 'Fed', 'Federal Reserve System', 'Federal Reserve Board'],
	['European Central Bank', 'ECB'],
	['Bank of England', 'BoE'],
	['Bank of Japan', 'BoJ'],
	["People's Bank of China", 'PBOC'],
	['Reserve Bank of India', 'RBI'],
	['White House'], ['Pentagon'], ['Kremlin'], ['Congress', 'US Congress', 'U.S. Congress'], ['Senate'],
	['House of Representatives'], ['Supreme Court'], ['State Department'], ['Justice Department', 'Department of Justice', 'DOJ'],
	['Federal Bureau of Investigation', 'FBI'], ['Central Intelligence Agency', 'CIA'], ['National Security Agency', 'NSA'],
	['Food and Drug Administration', 'FDA'], ['Centers for Disease Control and Prevention', 'CDC'], ['NASA'],
	['Environmental Protection Agency', 'EPA'], ['Securities and Exchange Commission', 'SEC'], ['Internal Revenue Service', 'IRS'],
	['Department of Homeland Security', 'DHS'], ['Treasury Department', 'US Treasury'],
	['European Commission'], ['European Parliament'], ['Bundestag'], ['Duma', 'State Duma'], ['Knesset'], ['Lok Sabha'], ['Rajya Sabha'],
	['Democratic Party'], ['Republican Party', 'GOP'], ['Labour Party'], ['Conservative Party'], ['Bharatiya Janata Party', 'BJP'],
	['Indian National Congress'], ['Communist Party of China', 'Chinese Communist Party', 'CCP', 'CPC'],
	['Hamas'], ['Hezbollah'], ['Taliban'], ['Islamic State', 'ISIS', 'ISIL'], ['al-Qaeda', 'Al Qaeda'],
	['Reuters', 'Thomson Reuters'], ['Associated Press', 'AP'], ['Agence France-Presse', 'AFP'], ['Bloomberg'], ['Forbes'],
	['CNN'], ['BBC'], ['NBC'], ['CBS'], ['ABC'], ['Fox News'], ['MSNBC'], ['NPR'], ['PBS'], ['ESPN'], ['CNBC'], ['Sky News'],
	['New York Times', 'NYT'], ['Washington Post'], ['Wall Street Journal', 'WSJ'], ['Financial Times', 'FT'], ['The Guardian', 'Guardian'],
	['The Economist', 'Economist'], ['Al Jazeera'], ['Xinhua'], ['TASS'], ['NDTV'], ['Times of India'], ['Hindustan Times'],
	['Press Trust of India', 'PTI'], ['ANI'], ['IANS'], ['Axios'], ['Politico'], ['Newsweek'], ['USA Today'], ['Los Angeles Times'],
	['Rolling Stone'], ['Hollywood Reporter'], ['Global Times'], ['South China Morning Post'],
	['Major League Baseball', 'MLB'], ['National Basketball Association', 'NBA'], ['National Football League', 'NFL'],
	['National Hockey League', 'NHL'], ['Major League Soccer', 'MLS'], ['WNBA'], ['NCAA'], ['FIFA'], ['UEFA'],
	['International Olympic Committee', 'IOC'], ['Premier League'], ['La Liga'], ['Bundesliga'], ['Serie A'], ['ATP'], ['WTA'],
	['PGA Tour'], ['International Cricket Council', 'ICC'], ['BCCI'], ['Formula One', 'F1'],
	['Manchester United', 'Man United', 'Man Utd'], ['Manchester City', 'Man City'], ['Real Madrid'], ['Atletico Madrid'],
	['FC Barcelona', 'Barca'], ['Bayern Munich', 'Bayern'], ['Borussia Dortmund', 'Dortmund'], ['Paris Saint-Germain', 'PSG'],
	['Inter Milan'], ['AC Milan'], ['Juventus'], ['Tottenham Hotspur', 'Tottenham', 'Spurs'], ['Arsenal'], ['Chelsea FC'],
	['New York Yankees', 'Yankees'], ['Boston Red Sox', 'Red Sox'], ['Los Angeles Dodgers', 'Dodgers'],
	['Apple'], ['Google'], ['Alphabet'], ['Microsoft'], ['Amazon'], ['Meta'], ['Facebook'], ['Twitter'], ['Instagram'], ['YouTube'],
	['TikTok'], ['ByteDance'], ['Tesla'], ['SpaceX'], ['Nvidia'], ['Intel'], ['IBM'], ['Samsung'], ['Sony'], ['Toyota'], ['Huawei'],
	['Alibaba'], ['Tencent'], ['Netflix'], ['Disney'], ['Walmart'], ['Boeing'], ['Airbus'], ['Goldman Sachs'], ['JPMorgan', 'JPMorgan Chase'],
	['Morgan Stanley'], ['Citigroup'], ['BlackRock'], ['OpenAI'], ['Uber'], ['Pfizer'], ['Moderna'], ['AstraZeneca'], ['ExxonMobil', 'Exxon'],
	['Shell'], ['BP'], ['Gazprom'], ['Saudi Aramco', 'Aramco'], ['Reliance Industries'], ['Tata'], ['Volkswagen'], ['BMW'], ['Mercedes-Benz'],
];

/** Head nouns that end an organization's name: "Federal Reserve", "American Theatre Wing", "Bank of Canada". */
export const ORGANIZATION_HEADS = new Set(
	`academy administration agency agencies airlines airways alliance army assembly association associates authority bank bureau
	cabinet capital chamber chorus church club coalition college command commission committee company conference confederation
	congress consortium cooperation corporation corp corps council court department directorate division enterprises exchange faculty
	federation force forces forum foundation front fund gazette group guard guild herald holdings hospital inc industries initiative
	institute institution insurance international journal laboratories laboratory labs league limited llc ltd markets media ministry
	motors movement museum network news observer office orchestra organisation organization panel parliament partners party
	pharmaceuticals police post press programme program reserve review school securities senate service services society studios
	syndicate systems team technologies telegraph television times tribunal tribune trust union university wing awards award
	prize brigade regiment navy observatory bancorp fc cup scholarships grants fellowship fellowships center centre united rovers
	wanderers athletic albion hotspur pictures records films music entertainment productions publishing books energy inn hotel
	hotels resorts yojana abhiyan mission liga ligue commissionerate secretariat collectorate inspectorate`.split(/\s+/),
);

/** Head nouns that end a place's name: "Hudson River", "Tiananmen Square", "Orange County". */
export const PLACE_HEADS = new Set(
	`river rivers mountains mountain island islands lake sea ocean bay valley county province region district street avenue square
	park bridge airport stadium desert peninsula strait canal coast heights hills forest beach plaza boulevard road highway borough
	village canyon falls hill glacier harbour harbor prefecture territory oblast township palace castle arena tower cathedral temple mosque
	gardens gate`.split(/\s+/),
);

/** Words that open a place's name: "Mount Everest", "Lake Tahoe", "Gulf of Mexico". */
export const PLACE_OPENERS = new Set(['mount', 'mt', 'lake', 'port', 'fort', 'cape', 'gulf', 'isle']);

/** Multi-word titles, folded. */
export const TITLE_PHRASES = [
	'vice president', 'prime minister', 'deputy prime minister', 'crown prince', 'foreign minister', 'defence minister',
	'defense minister', 'finance minister', 'interior minister', 'chief minister', 'field marshal', 'chief justice',
	'secretary general', 'secretary of state', 'chief executive', 'supreme leader', 'attorney general', 'home minister',
	'external affairs minister', 'trade minister', 'health minister', 'education minister', 'first lady', 'managing director',
].map(p => p.split(' '));

/** Titles written before a name: "President Xi", "Gen Qamar Javed Bajwa", "Ms. Hitchens". Folded. */
const TITLES = new Set(
	`president president-elect premier chancellor king queen prince princess emperor empress pope sheikh emir sultan senator sen
	representative rep congressman congresswoman governor gov mayor minister secretary secretary-general gen lt col maj capt adm sgt
	dr mr mrs ms mx sir dame lord lady judge justice chair chairman chairwoman chairperson ceo coach ambassador commissioner speaker rev
	reverend bishop archbishop cardinal rabbi imam ayatollah professor prof detective inspector superintendent pm mp lawmaker
	general colonel captain admiral sergeant commander lieutenant councilman councilwoman councillor councilor alderman assemblyman
	assemblywoman cm`.split(/\s+/),
);

export function isTitleWord(folded: string): boolean {
	return TITLES.has(folded);
}

/**
 * Lower-case words that, just before a name, say it is a person's: "spokesperson Geng Shuang",
 * "premier Li Keqiang", "counterpart Wang Yi". compromise's Actor nouns add to these.
 */
const ROLE_WORDS = new Set(
	`president premier minister chief spokesperson spokesman spokeswoman counterpart leader secretary envoy ambassador coach manager
	player pitcher striker midfielder defender goalkeeper quarterback star singer actor actress rapper author writer novelist director
	producer composer economist strategist analyst reporter correspondent editor chairman chairwoman chair founder ceo executive officer
	official senator governor mayor lawmaker candidate nominee rival successor predecessor wife husband son daughter brother sister
	mother father colleague teammate owner investor billionaire president-elect general commander journalist columnist professor
	researcher scientist lawyer attorney judge prosecutor`.split(/\s+/),
);

/** Verbs that, right after a name, show a person speaking. */
export const SPEECH_VERBS = new Set(
	`said says told added asked noted stressed emphasized emphasised argued wrote tweeted explained insisted claimed replied warned
	praised urged recalled admitted acknowledged conceded declared testified`.split(/\s+/),
);

/** Words that run inside a name in lower case: "Bank of Canada", "Belt and Road Initiative", "Leonardo da Vinci". */
export const NAME_CONNECTORS = new Set(['of', 'and', '&', 'the', 'for', 'de', 'del', 'della', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'on', 'in']);

/** Combining forms that make an adjective of the names hyphened to them: "Sino-Kazakh", "Indo-Pacific", "Anglo-American". */
export const COMBINING_FORMS = new Set(['sino', 'indo', 'anglo', 'franco', 'afro', 'euro', 'russo', 'italo', 'austro', 'greco', 'judeo', 'pan', 'trans']);

/** Upper-case abbreviations that are not names of anything a reader would look up. */
const NOT_NAMES = new Set(
	`tv ceo cfo coo cto cm gdp gnp pm am ok ist gmt utc est edt pst pdt cet bst et pt ct mt cst cdt mst mdt aest aedt jst hkt sgt pkt mw gw kw kwh mwh gwh gb mb tb mph kph km kg hp bhp covid covid19 sars hiv aids dna rna ipo etf usd eur gbp
	jpy cny inr vip mvp era rbi nft ai it pr hr id faq phd mba dj cd dvd pc usb faq lol ps pps nb am fm vs etc mp3 suv ev evs ppe icu er
	ad bc bce ce atm pin gps sms ui ux api url html pdf jpg q1 q2 q3 q4 yoy mom diy rip aka fyi tba tbd asap na n/a op ed op-ed
	m&a r&d q&a p&l b2b`.split(/\s+/),
);

export function isNotAName(folded: string): boolean {
	return NOT_NAMES.has(folded);
}

const MONTHS_AND_DAYS = new Set(
	`january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov
	dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun`.split(/\s+/),
);

export function isCalendarWord(folded: string): boolean {
	return MONTHS_AND_DAYS.has(folded);
}

/** Nationality and language words compromise does not know: "Bengali", "Urdu", "Kazakh". */
const MORE_DEMONYMS = new Set(
	`bengali urdu mandarin cantonese english arabic hebrew farsi persian pashto tamil telugu marathi gujarati punjabi kannada malayalam
	swahili hausa yoruba igbo amharic kazakh uzbek kyrgyz tajik turkmen uighur uyghur tibetan kashmiri baloch pashtun sikh hindu muslim
	christian jewish buddhist catholic protestant sunni shia shiite kurdish kurd kurds latino latina hispanic asian western eastern
	northern southern european african arab arabs palestinian palestinians israeli israelis iranian ukrainian ukrainians russian
	russians soviet kazakhs scottish welsh irish british english french german italian spanish dutch swiss swedish norwegian danish
	finnish polish czech greek turkish saudi emirati qatari yemeni syrian iraqi afghan pakistani pakistanis indians chinese japanese
	korean vietnamese thai filipino indonesian malaysian australian canadian mexican brazilian argentine american americans
	republican republicans democrat democrats democratic liberal conservative conservatives socialist communist nazi olympic olympics`.split(/\s+/),
);

/**
 * Common words compromise's lexicon leaves out (it tags unknown words by their endings), that open
 * sentences and headlines often enough to matter.
 */
const MORE_COMMON_WORDS = new Set(
	`world road economic economy companies company ticket tickets role foundation theatre theater stove sun eagle group middle
	partnership scholarships scholarship resources classroom emergency authorization canteen jealousy tens hundreds thousands fame
	league baseball football basketball soccer hockey cricket tennis golf village observer network programs program programme intern
	gulf seeing thinking updated breaking key highlights entertainment everyone nobody somebody anyone someone nothing something
	everything yes no yeah hoo wow oh ah hey okay prices price salaries salary players player fans fan teams team owners owner
	money market markets trade energy oil gas water food health security defence defense police army court state government
	president minister official officials report reports news story stories photo photos video videos file watch read follow
	share click related latest top live update updates more also first last next new old big small high low public private
	national international federal central global local regional general special major minor senior junior chief deputy acting
	former current recent early late best worst great good bad free open joint grant fresh final full half whole part home house
	office city country town capital region area land island coast border line point end start case issue matter problem plan
	policy policies law laws rule rules deal deals talks meeting meetings summit visit visits trip tour plane train ship car cars
	bank banks fund funds tax taxes rate rates bond bonds stock stocks share shares yields yield growth inflation unemployment
	jobs job work workers worker people person man men woman women child children family families friend friends school schools
	students student teacher teachers university college class classes program research science technology data internet
	online digital media social network networks phone phones computer computers software system systems service services
	project projects development industry industries sector sectors business businesses firm firms agency agencies department
	ministry council committee board commission union party parties group groups leader leaders member members head heads
	director directors chair chairs manager managers staff team coach coaches game games season seasons match matches series
	cup title titles award awards prize prizes honor honour highest lowest order golden silver bronze gold music dance voice
	art arts culture history future past present today tonight tomorrow yesterday week weeks month months year years day days
	morning evening night time times hour hours minute minutes second seconds moment moments era age life death war peace
	battle attack attacks crisis disaster storm fire flood earthquake virus pandemic outbreak vaccine vaccines drug drugs
	medicine hospital hospitals doctor doctors nurse nurses patient patients care treatment cure test tests study studies
	analysis opinion editorial comment comments letter letters interview interviews statement statements speech speeches
	breaking exclusive analysis explainer why how what when where who which whose despite although though because since
	while after before during until unless whether however meanwhile moreover furthermore additionally finally overall
	instead otherwise therefore thus hence indeed still yet even just only already again always never often sometimes
	currently recently previously initially eventually ultimately reportedly apparently clearly obviously certainly perhaps
	maybe probably possibly actually basically essentially generally usually typically traditionally historically
	companies applicants grants grant funding financial support visitors visitor yields risks fresh partly`.split(/\s+/),
);

/** compromise's organizations that are more often everyday words or groups of people. */
const NOT_ORGANIZATIONS = new Set(['visa', 'ups', 'ing', 'brexiteers', 'eurosceptics']);

/** Given names from compromise's lexicon: "Janet", "Andrew", "Heather". */
const FIRST_NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName']);
const LAST_NAME_TAGS = new Set(['LastName']);
/** Lexicon tags that mark a word as a name of something rather than a common word. */
const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person', 'Place', 'City', 'Country', 'Region', 'Organization', 'SportsTeam', 'ProperNoun', 'Noun', 'Honorific']);

interface Lexicon {
	known: Map<string, KnownName>;
	/** Folded surface forms that are only a name when written exactly so ("US", not "Us"). */
	exactCase: Map<string, KnownName>;
	firstNames: Set<string>;
	lastNames: Set<string>;
	demonyms: Set<string>;
	common: Set<string>;
	roles: Set<string>;
	/** The longest known name, in words, so lookups know how far to look. */
	longest: number;
}

function buildLexicon(): Lexicon {
	const known = new Map<string, KnownName>();
	const exactCase = new Map<string, KnownName>();
	const firstNames = new Set<string>();
	const lastNames = new Set<string>();
	const demonyms = new Set<string>(MORE_DEMONYMS);
	const common = new Set<string>(MORE_COMMON_WORDS);
	const roles = new Set<string>(ROLE_WORDS);
	let longest = 1;

	const add = (surface: string, entry: KnownName, override: boolean) => {
		const key = foldName(surface);
		if (!key) return;
		longest = Math.max(longest, key.split(' ').length);
		// Abbreviations written in capitals ("US", "UN", "WHO") are names only in capitals.
		const letters = surface.replace(/[^\p{L}]/gu, '');
		if (letters.length <= 5 && letters === letters.toUpperCase()) {
			if (override || !exactCase.has(surface)) exactCase.set(surface.replace(/\./g, ''), entry);
			return;
		}
		if (override || !known.has(key)) known.set(key, entry);
	};

	// compromise's lexicon first, so the lists typed out here win where they disagree.
	for (const [word, tags] of Object.entries(compromiseLexicon())) {
		const tag = Array.isArray(tags) ? tags[0]! : tags;
		const all = Array.isArray(tags) ? tags : [tags];
		if (FIRST_NAME_TAGS.has(tag)) firstNames.add(word);
		else if (LAST_NAME_TAGS.has(tag)) lastNames.add(word);
		else if (tag === 'Person' && !word.includes(' ')) firstNames.add(word);
		else if (tag === 'Demonym') demonyms.add(word);
		else if (tag === 'Actor' && !word.includes(' ')) roles.add(word);
		// compromise keeps names in lower case, so its entries report the name as the text writes it.
		if (all.includes('Country') || all.includes('City') || all.includes('Region')) add(word, {type: 'place'}, false);
		else if (tag === 'Place' && word.length >= 5) add(word, {type: 'place'}, false);
		else if ((tag === 'Organization' || tag === 'SportsTeam') && !NOT_ORGANIZATIONS.has(word)) add(word, {type: 'organization'}, false);
		else if (tag === 'Person' && word.includes(' ')) add(word, {type: 'person'}, false);
		if (!NAME_TAGS.has(tag) && tag !== 'Demonym' && !word.includes(' ')) common.add(word);
	}

	for (const name of PLACE_NAMES.split(',')) {
		const surface = name.trim().replace(/\s+/g, ' ');
		if (surface) add(surface, {type: 'place', canonical: surface}, true);
	}
	for (const group of PLACES) {
		const entry: KnownName = {type: 'place', canonical: group[0]!};
		for (const surface of group) add(surface, entry, true);
	}
	for (const group of ORGANIZATIONS) {
		const entry: KnownName = {type: 'organization', canonical: group[0]!};
		for (const surface of group) add(surface, entry, true);
	}
	for (const word of [...firstNames, ...lastNames]) common.delete(word);
	// Given names that are also everyday words still open a sentence as words ("Will it …").
	for (const word of GIVEN_NAME_WORDS) common.add(word);
	common.add('sun');
	common.add('major');
	return {known, exactCase, firstNames, lastNames, demonyms, common, roles, longest};
}

let lexicon: Lexicon | undefined;
function lex(): Lexicon {
	lexicon ??= buildLexicon();
	return lexicon;
}

/** A known place or organization by its folded key, honouring names that count only in capitals. */
export function lookupName(surface: string, folded: string): KnownName | undefined {
	const {known, exactCase} = lex();
	const exact = exactCase.get(surface.replace(/\./g, ''));
	if (exact) return exact;
	return known.get(folded);
}

export function longestKnownName(): number {
	return lex().longest;
}

/** Given names that are also everyday words: at the start of a sentence they open a name only before a surname. */
const GIVEN_NAME_WORDS = new Set(['will', 'grant', 'mark', 'bill', 'rose', 'hope', 'joy', 'faith', 'may', 'june', 'august', 'art', 'guy', 'pat', 'dawn', 'frank', 'jack', 'ray', 'rich', 'sky', 'summer', 'victor', 'chase', 'hunter', 'penny', 'ruby', 'pearl']);

export function isGivenNameWord(folded: string): boolean {
	return GIVEN_NAME_WORDS.has(folded);
}

export function isFirstName(folded: string): boolean {
	return lex().firstNames.has(folded);
}

export function isLastName(folded: string): boolean {
	return lex().lastNames.has(folded);
}

export function isDemonym(folded: string): boolean {
	const {demonyms} = lex();
	return demonyms.has(folded) || (folded.endsWith('s') && demonyms.has(folded.slice(0, -1)));
}

/** Professions named by their ending: "physicist", "economist", "cardiologist", "statistician", "choreographer". */
const ROLE_ENDING = /^\p{Ll}{3,}(?:ist|ician|grapher)$/u;
/** Verbs and nouns with a profession's ending. */
const NOT_ROLES = new Set(['exist', 'assist', 'resist', 'insist', 'persist', 'consist', 'subsist', 'desist', 'checklist', 'playlist', 'shortlist', 'wishlist', 'blacklist', 'whitelist', 'watchlist', 'photographer']);

export function isRoleWord(folded: string): boolean {
	return lex().roles.has(folded) || (ROLE_ENDING.test(folded) && !NOT_ROLES.has(folded));
}

/**
 * Lower-case nouns that, just before a name, say it is an organization's: "the band No Doubt",
 * "carmaker Tesla", "house builder Taylor Wimpey", "broadcaster Sky".
 */
const ORGANIZATION_CUES = new Set(
	`band company firm startup start-up retailer airline carrier lender insurer broadcaster newspaper magazine tabloid publisher
	label brand chain conglomerate giant manufacturer supplier outfit franchise club regulator watchdog consultancy automaker
	carmaker chipmaker drugmaker housebuilder homebuilder shipbuilder bank maker provider operator platform builder`.split(/\s+/),
);

export function isOrganizationCue(folded: string): boolean {
	return ORGANIZATION_CUES.has(folded);
}

/** Lower-case nouns right after a name that make it an organization's: "its MoPub unit", "the Lancet medical journal". */
const ORGANIZATION_TAILS = new Set(['unit', 'subsidiary', 'division', 'brand', 'app', 'platform', 'journal', 'newspaper', 'magazine', 'tabloid', 'broadcaster']);

export function isOrganizationTail(folded: string): boolean {
	return ORGANIZATION_TAILS.has(folded);
}

/** Surnames that are also everyday words ("Brown", "Young"): after an unknown given name they end a person's name. */
const SURNAME_WORDS = new Set(
	`brown white green black gray grey young king smart wood woods hill hall rice bush little long short rich strong sharp wise bell
	page cook fox hunt bird stone rose lord love day field frank bishop carpenter mason baker hunter archer porter fisher banks cash
	major price golden noble bright moody wolf lamb swift hardy gentle best goodman fields rivers waters brooks`.split(/\s+/),
);

export function isSurnameWord(folded: string): boolean {
	return SURNAME_WORDS.has(folded) || lex().lastNames.has(folded);
}

/** Endings of English common nouns and adjectives, for words the lexicon does not list. */
const COMMON_ENDINGS = /(tion|tions|sion|sions|ment|ments|ness|ity|ities|ship|ships|ance|ances|ence|ences|ism|isms|ology|ical|ally|ously|ive|ives|ful|less|able|ible|ure|ures|ists)$/;

/** Is this (folded) word an ordinary English word rather than part of a name? */
export function isCommonWord(folded: string): boolean {
	const {common, firstNames, lastNames} = lex();
	if (common.has(folded)) return true;
	if (firstNames.has(folded) || lastNames.has(folded)) return false;
	return folded.length > 5 && COMMON_ENDINGS.test(folded);
}
