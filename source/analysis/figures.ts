// Vocabulary and number parsing for facts: scale words, currencies, units, months, spelled-out numbers.
// Pure lookup tables and small parsers; the rules that decide what is a fact live in facts.ts.

/** Multipliers written after a figure ("$41 billion", "US$17m", "Rs 500 crore"). */
export const SCALE_WORDS: Record<string, number> = {
	thousand: 1e3,
	million: 1e6,
	billion: 1e9,
	trillion: 1e12,
	lakh: 1e5,
	lakhs: 1e5,
	crore: 1e7,
	crores: 1e7,
};

/** Abbreviated multipliers; only trusted next to a currency ("$17m"), where "m" cannot be metres. */
export const SCALE_ABBREVIATIONS: Record<string, number> = {k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, bln: 1e9, tn: 1e12, cr: 1e7};

/** Currency written before the figure: symbols, symbol with a country prefix, ISO codes, "Rs". */
export const CURRENCY_PREFIXES: Record<string, string> = {
	'us$': 'USD',
	'u.s.$': 'USD',
	'c$': 'CAD',
	'ca$': 'CAD',
	'can$': 'CAD',
	'a$': 'AUD',
	'au$': 'AUD',
	'nz$': 'NZD',
	'hk$': 'HKD',
	's$': 'SGD',
	'nt$': 'TWD',
	'mx$': 'MXN',
	'r$': 'BRL',
	'€': 'EUR',
	'£': 'GBP',
	'¥': 'JPY',
	'₹': 'INR',
	'₩': 'KRW',
	'₽': 'RUB',
	'₺': 'TRY',
	'₦': 'NGN',
	'₱': 'PHP',
	'₪': 'ILS',
	rs: 'INR',
	'rs.': 'INR',
	inr: 'INR',
	usd: 'USD',
	cad: 'CAD',
	aud: 'AUD',
	eur: 'EUR',
	gbp: 'GBP',
	jpy: 'JPY',
	cny: 'CNY',
	rmb: 'CNY',
	chf: 'CHF',
	hkd: 'HKD',
	sgd: 'SGD',
	nzd: 'NZD',
	kzt: 'KZT',
};

/** Currency named after the figure ("5 million euros", "500 crore rupees"). */
export const CURRENCY_WORDS: Record<string, string> = {
	euro: 'EUR',
	euros: 'EUR',
	'pounds sterling': 'GBP',
	sterling: 'GBP',
	yen: 'JPY',
	yuan: 'CNY',
	renminbi: 'CNY',
	rupee: 'INR',
	rupees: 'INR',
	rouble: 'RUB',
	roubles: 'RUB',
	ruble: 'RUB',
	rubles: 'RUB',
	peso: 'MXN',
	pesos: 'MXN',
	franc: 'CHF',
	francs: 'CHF',
	riyal: 'SAR',
	riyals: 'SAR',
	dirham: 'AED',
	dirhams: 'AED',
	dinar: 'IQD',
	dinars: 'IQD',
	shekel: 'ILS',
	shekels: 'ILS',
	naira: 'NGN',
	rand: 'ZAR',
	baht: 'THB',
	ringgit: 'MYR',
	tenge: 'KZT',
	lira: 'TRY',
	zloty: 'PLN',
	hryvnia: 'UAH',
	rupiah: 'IDR',
	taka: 'BDT',
	'swiss francs': 'CHF',
	'u.s. dollars': 'USD',
	'us dollars': 'USD',
	'american dollars': 'USD',
	'canadian dollars': 'CAD',
	'australian dollars': 'AUD',
	'hong kong dollars': 'HKD',
	'singapore dollars': 'SGD',
	'new zealand dollars': 'NZD',
};

/**
 * Units of measurement. A spelled-out number counts as a fact only in front of one of these
 * ("three meters", "six per cent"), where a digit figure may also name any counted noun.
 */
export const MEASUREMENT_UNITS = new Set([
	'meter', 'meters', 'metre', 'metres', 'kilometer', 'kilometers', 'kilometre', 'kilometres', 'km', 'centimeters',
	'centimetres', 'cm', 'millimeters', 'millimetres', 'mm', 'mile', 'miles', 'foot', 'feet', 'ft', 'inch', 'inches',
	'yard', 'yards', 'kilogram', 'kilograms', 'kg', 'kgs', 'gram', 'grams', 'g', 'mg', 'tonne', 'tonnes', 'ton', 'tons',
	'pound', 'pounds', 'lb', 'lbs', 'ounce', 'ounces', 'oz', 'liter', 'liters', 'litre', 'litres', 'l', 'ml', 'gallon',
	'gallons', 'barrel', 'barrels', 'bpd', 'degree', 'degrees', 'hectare', 'hectares', 'ha', 'acre', 'acres', 'watt',
	'watts', 'kilowatt', 'kilowatts', 'kw', 'kwh', 'megawatt', 'megawatts', 'mw', 'gigawatt', 'gigawatts', 'gw',
	'volt', 'volts', 'mph', 'kph', 'knot', 'knots', 'light-years', 'calories', 'bytes', 'gb', 'mb', 'tb',
	'terabytes', 'gigabytes', 'megabytes', 'kmh', 'km/h', 'sq', 'square', 'cubic',
]);

/** Plural nouns that do not end in "s". */
export const IRREGULAR_PLURALS = new Set([
	'people', 'children', 'men', 'women', 'police', 'staff', 'personnel', 'cattle', 'feet', 'teeth', 'mice', 'geese',
	'sheep', 'fish', 'deer', 'crew', 'media', 'data', 'livestock', 'poultry', 'aircraft', 'offspring', 'youth',
	'clergy', 'folk',
]);

export const MONTHS: Record<string, number> = {
	january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7,
	jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
	december: 12, dec: 12,
};

/** A month name as written in text: capitalised, abbreviations with an optional full stop. */
export const MONTH_PATTERN =
	'(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';

const UNITS_WORDS: Record<string, number> = {
	zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
	twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
	twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** One spelled-out number word or hyphenated pair, for building patterns ("twenty-five", "hundred"). */
export const NUMBER_WORD_PATTERN =
	'(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|thousand|million|billion|trillion|half|a\\s+half|and)';

/** The value of spelled-out words such as "twenty-five", "three hundred", "two and a half", "1.5 million"; undefined if not a number. */
export function parseNumberWords(phrase: string): number | undefined {
	const words = phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
	let total = 0;
	let current = 0;
	let seen = false;
	for (let i = 0; i < words.length; i++) {
		const w = words[i]!;
		if (w === 'and') continue;
		if (w === 'a' && words[i + 1] === 'half') continue;
		if (w === 'half') {
			current += 0.5;
			seen = true;
			continue;
		}
		if (/^\d/.test(w)) {
			current += parseFigure(w);
			seen = true;
		} else if (w in UNITS_WORDS) {
			current += UNITS_WORDS[w]!;
			seen = true;
		} else if (w in TENS_WORDS) {
			current += TENS_WORDS[w]!;
			seen = true;
		} else if (w === 'hundred') {
			current = (current || 1) * 100;
			seen = true;
		} else if (w in SCALE_WORDS) {
			total += (current || 1) * SCALE_WORDS[w]!;
			current = 0;
			seen = true;
		} else {
			return undefined;
		}
	}
	return seen ? total + current : undefined;
}

/** "4,000" -> 4000, "0.50" -> 0.5. */
export function parseFigure(digits: string): number {
	return Number(digits.replace(/,/g, ''));
}

/** Multiply without floating-point noise: 2.3 * 1e6 is 2300000, not 2299999.9999999995. */
export function scaled(value: number, scale: number): number {
	return scale === 1 ? value : Number((value * scale).toPrecision(12));
}

/** Two-digit years: "’91" is 1991, "’19" is 2019. News rarely abbreviates years more than a decade ahead. */
export function expandTwoDigitYear(two: number, pivot = 40): number {
	return two < pivot ? 2000 + two : 1900 + two;
}

/** True for a word that looks like a plural noun ("patients", "people", "times"), a rough test. */
export function looksPlural(word: string): boolean {
	const w = word.toLowerCase();
	if (IRREGULAR_PLURALS.has(w)) return true;
	// "crisis", "basis", "tennis" and "nervous", "economics" end in s without being counts.
	return w.length > 2 && /[^su']s$/.test(w) && !/(?:ous|ics|sis|xis|nis|tis)$/.test(w);
}
