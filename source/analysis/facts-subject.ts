// What a figure measures, read from the words around it without a parser:
//   "bilateral trade reaching a record $41 billion"  -> "bilateral trade"
//   "raised interest rates to 0.75 percent"          -> "interest rates"
//   "grants of more than US$17m"                     -> "grants"
//   "MLB is a $10 billion industry"                  -> "industry"  (the figure modifies a noun)
// The rule: drop qualifiers right before the figure ("more than", "a record"), then a short chain of
// linking words (a preposition or verbs: "is projected to grow"), then take the noun phrase before it.
// Empty when that does not land on a noun phrase.

const QUALIFIERS = new Set([
	'more', 'less', 'fewer', 'than', 'over', 'under', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately',
	'some', 'just', 'only', 'up', 'least', 'most', 'close', 'as', 'much', 'many', 'high', 'low', 'record', 'estimated',
	'another', 'further', 'additional', 'between', 'a', 'an', 'the', 'total', 'range', 'even', 'still', 'already',
	'almost', 'barely', 'exactly', 'precisely', 'well', 'below', 'above', 'nearly', 'upwards', 'excess', 'whopping',
	'mere', 'full', 'whole', 'staggering', 'estimated',
]);

/** Words that join a subject to its figure: prepositions and the verbs news uses for amounts. */
const LINKS = new Set([
	'to', 'of', 'at', 'by', 'from', 'in', 'for', 'with', 'worth', 'on', 'into', 'than', 'is', 'was', 'are', 'were', 'be',
	'been', 'being', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'rose', 'fell',
	'grew', 'hit', 'made', 'makes', 'make', 'reached', 'reach', 'reaches', 'raised', 'raise', 'raises', 'cut', 'cuts',
	'set', 'sets', 'saw', 'sees', 'see', 'gave', 'give', 'gives', 'received', 'receives', 'reported', 'reports', 'paid',
	'pays', 'pay', 'spent', 'spends', 'spend', 'cost', 'costs', 'earned', 'earns', 'earn', 'won', 'lost', 'increased',
	'decreased', 'dropped', 'jumped', 'climbed', 'slipped', 'slid', 'declined', 'surged', 'soared', 'tumbled', 'plunged',
	'expanded', 'shrank', 'contracted', 'totaled', 'totalled', 'topped', 'exceeded', 'amounted', 'stood', 'stands',
	'remained', 'remains', 'held', 'holds', 'estimated', 'projected', 'expected', 'forecast', 'predicted', 'awarded',
	'provided', 'invested', 'valued', 'sold', 'bought', 'borrowed', 'grow', 'fall', 'rise', 'rises', 'falls', 'grows',
	'go', 'went', 'get', 'got', 'take', 'took', 'add', 'added', 'adds', 'crossed', 'crosses', 'passed', 'surpassed',
	'announced', 'approved', 'allocated', 'pledged', 'committed', 'generated', 'collected', 'recorded', 'posted',
	'reaching', 'exceeding', 'totaling', 'totalling', 'falling', 'rising', 'growing', 'hitting', 'topping', 'making',
	'earning', 'paying', 'costing', 'raising', 'cutting', 'worth', 'nearing', 'approaching', 'around', 'up', 'down',
	'seen', 'forecasted', 'put', 'puts', 'estimates', 'lifted', 'lowered', 'boosted', 'trimmed', 'reduced', 'doubled',
	'tripled', 'averaged', 'averages', 'average', 'equal', 'equals', 'equaled', 'represent', 'represents', 'represented',
	'account', 'accounts', 'accounted', 'now', 'currently', 'also', 'just', 'already', 'only', 'officially',
]);

/** Words that end a noun phrase when reading backwards. */
const PHRASE_BREAKS = new Set([
	'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'some', 'any',
	'each', 'every', 'all', 'both', 'no', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'into', 'about',
	'as', 'than', 'over', 'under', 'between', 'after', 'before', 'since', 'during', 'per', 'via', 'among', 'across',
	'and', 'or', 'but', 'while', 'which', 'who', 'whom', 'whose', 'where', 'when', 'whereas', 'although', 'because',
	'if', 'it', 'they', 'he', 'she', 'we', 'i', 'you', 'there', 'them', 'him', 'us', 'me', 'what', 'how', 'so', 'not',
	'then', 'also', 'said', 'says', 'say', 'according', 'including', 'like', 'such', 'other', 'others', 'more', 'less',
	'just', 'only', 'even', 'still', 'yet', 'now', 'up', 'down', 'out', 'off', 'away', 'back',
]);

const PREPOSITIONS = new Set(['of', 'at', 'by', 'from', 'in', 'for', 'with', 'worth', 'on', 'into', 'than']);

const GENERIC_AMOUNTS = new Set(['range', 'total', 'sum', 'average', 'maximum', 'minimum', 'high', 'low', 'peak', 'excess', 'upwards', 'tune', 'figure']);

const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'you', 'there', 'them', 'him', 'us', 'me', 'which', 'who', 'that', 'this']);

const NOUN_ED = new Set(['seed', 'need', 'feed', 'bed', 'red', 'hundred', 'shed', 'speed', 'greed', 'breed', 'deed', 'creed', 'weed', 'reed']);

/** Verbs that cannot be nouns: they end a noun phrase. ("forecast", "cost", "average" can be nouns.) */
const VERBS = new Set([
	'is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may',
	'might', 'can', 'must', 'do', 'does', 'did', 'said', 'says', 'sees', 'saw', 'made', 'makes', 'make', 'gave', 'gives',
	'rose', 'fell', 'grew', 'hit', 'reached', 'reaches', 'raised', 'raises', 'received', 'receives', 'reported', 'paid',
	'pays', 'spent', 'spends', 'earned', 'earns', 'won', 'lost', 'took', 'takes', 'got', 'gets', 'went', 'goes', 'get',
	'grow', 'rise', 'fall', 'go', 'take', 'give', 'see', 'say', 'expects', 'wants', 'needs', 'plans', 'hopes', 'stood',
	'sold', 'bought', 'held', 'hold', 'holds', 'put', 'puts', 'set', 'sets', 'weigh', 'weighs', 'cut', 'cuts',
	'taken', 'given', 'seen', 'written', 'driven', 'known', 'shown', 'grown', 'drawn', 'thrown', 'chosen', 'broken',
	'spoken', 'stolen', 'frozen', 'risen', 'fallen', 'eaten', 'beaten', 'hidden', 'gone', 'done', 'begun', 'become',
	'becomes', 'became', 'remains', 'remain', 'stands', 'seems', 'looks', 'appears',
]);

function isVerbLike(word: string): boolean {
	if (VERBS.has(word)) return true;
	return word.length > 4 && word.endsWith('ed') && !NOUN_ED.has(word);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.&-]*|[^\s\p{L}\p{N}"“”‘]/gu;

function words(text: string): string[] {
	return text.match(WORD) ?? [];
}

/** A word without its possessive or a full stop, keeping abbreviations such as "U.S.". */
function clean(word: string): string {
	const bare = word.replace(/[’']s$/u, '');
	return /^(?:\p{L}\.)+$/u.test(bare) ? bare : bare.replace(/\.$/, '');
}

/**
 * The noun phrase that ends `tokens`, with one prepositional phrase it belongs to: "exports to the
 * region", "price of oil". Empty if none.
 */
function phraseBefore(tokens: string[]): string {
	const {phrase, next} = nounPhraseBefore(tokens, tokens.length - 1);
	if (!phrase) return '';
	let j = next;
	const determiner = tokens[j]?.toLowerCase();
	if (determiner === 'the' || determiner === 'a' || determiner === 'an') j--;
	const preposition = tokens[j]?.toLowerCase() ?? '';
	if (!ATTACHING.has(preposition)) return phrase;
	const head = nounPhraseBefore(tokens, j - 1, 2);
	if (!head.phrase) return phrase;
	const full = [head.phrase, ...tokens.slice(j).map(clean)].join(' ');
	return full.split(' ').length <= 6 ? full : phrase;
}

const ATTACHING = new Set(['of', 'to', 'from', 'for']);

/** Up to `max` words of noun phrase read backwards from tokens[last]; `next` is the index before it. */
function nounPhraseBefore(tokens: string[], last: number, max = 4): {phrase: string; next: number} {
	const phrase: string[] = [];
	let i = last;
	for (; i >= 0 && phrase.length < max; i--) {
		const token = tokens[i]!;
		const lower = token.toLowerCase();
		if (!/^[\p{L}]/u.test(token)) break;
		// Inside a name a capital wins: "Will Smith", "May Day".
		const inName = /^\p{Lu}/u.test(token) && phrase.length > 0 && /^\p{Lu}/u.test(phrase[0]!) && !PHRASE_BREAKS.has(lower);
		if (!inName && (PHRASE_BREAKS.has(lower) || isVerbLike(lower) || lower.endsWith('ly'))) {
			if (phrase.length === 0 && PRONOUNS.has(lower)) return {phrase: '', next: i};
			break;
		}
		phrase.unshift(token);
	}
	return {phrase: phrase.map(clean).join(' '), next: i};
}

/** The noun phrase right after a figure used as a modifier ("a $10 billion industry" -> "industry"). */
function phraseAfter(tokens: string[]): string {
	const phrase: string[] = [];
	for (const token of tokens) {
		if (phrase.length >= 3) break;
		const lower = token.toLowerCase();
		if (!/^\p{Ll}/u.test(token) || PHRASE_BREAKS.has(lower) || isVerbLike(lower) || lower.endsWith('ly')) break;
		phrase.push(token);
	}
	return phrase.map(clean).join(' ');
}

/** The subject of the figure at [start, end) in a sentence, or "" when the words around it do not say. */
export function findSubject(sentence: string, start: number, end: number): string {
	const before = words(sentence.slice(Math.max(0, start - 120), start));
	if (before.length > 0 && start > 120) before.shift(); // a word cut in half by the window
	let i = before.length;
	// Qualifiers right before the figure: "of more than", "a record", "close to".
	let determiner = false;
	while (i > 0) {
		const lower = before[i - 1]!.toLowerCase();
		if (QUALIFIERS.has(lower) || (lower === 'to' && before[i - 2]?.toLowerCase() === 'close') || (lower === 'to' && before[i - 2]?.toLowerCase() === 'up')) {
			if (lower === 'a' || lower === 'an' || lower === 'the') determiner = true;
			i--;
			continue;
		}
		// "a range of between", "a total of": the generic word says nothing about what is measured.
		if (lower === 'of' && GENERIC_AMOUNTS.has(before[i - 2]?.toLowerCase() ?? '')) {
			i -= 2;
			continue;
		}
		if (/[’']s$/u.test(before[i - 1]!) || ['its', 'their', 'his', 'her', 'our'].includes(lower)) determiner = true;
		break;
	}
	if (determiner) {
		const after = phraseAfter(words(sentence.slice(end, end + 60)));
		if (after) return after;
	}
	// Linking words: "is projected to grow", "reaching", "of".
	let links = 0;
	while (i > 0 && links < 5) {
		const lower = before[i - 1]!.toLowerCase();
		if (!LINKS.has(lower) && !(links === 0 && /^[\p{L}]+ing$/u.test(lower)) && !isVerbLike(lower)) break;
		i--;
		links++;
		// A preposition other than "to" sits right after its noun: "a forecast of 2.0 percent".
		if (PREPOSITIONS.has(lower)) break;
	}
	if (links === 0) return '';
	return phraseBefore(before.slice(0, i));
}
