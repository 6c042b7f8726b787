import type {Sentence} from '../corpus/types.js';
import type {EntityType} from './types.js';
import {
	foldName,
	isCalendarWord,
	isCommonWord,
	isDemonym,
	isFirstName,
	isGivenNameWord,
	isLastName,
	isNotAName,
	isOrganizationCue,
	isOrganizationTail,
	isSurnameWord,
	isRoleWord,
	isTitleWord,
	longestKnownName,
	lookupName,
	NAME_CONNECTORS,
	COMBINING_FORMS,
	ORGANIZATION_HEADS,
	PLACE_HEADS,
	PLACE_OPENERS,
	SPEECH_VERBS,
	TITLE_PHRASES,
} from './gazetteer.js';

/*
 * The cheap half of entity finding: split sentences into words with their shape, and cut the runs of
 * capitalised words into name candidates, typed where a rule is sure (a title before a person, an
 * organization's head noun, a known place). Single words nothing vouches for stay untyped; the
 * document-wide pass in entities.ts decides them once it knows every full name in the document.
 * These types are private to entity finding.
 */

export type TokenShape = 'cap' | 'upper' | 'lower' | 'number' | 'other';

export interface Token {
	index: number;
	/** Absolute offsets into the document text, without a possessive ending. */
	start: number;
	end: number;
	/** End of the word as written, possessive included. */
	rawEnd: number;
	text: string;
	folded: string;
	shape: TokenShape;
	possessive: boolean;
	/** Joined to the previous word by a hyphen: "China-Kazakhstan", "U.S.-led". */
	hyphenBefore: boolean;
	/** Only blanks (or a hyphen) stand between this word and the previous one, so a name may run on. */
	joinsPrevious: boolean;
	/** The characters between the previous word (possessive included) and this one. */
	gapBefore: string;
	/** Capitalised by position: first word of a sentence, a quotation, a parenthesis or a list item. */
	initial: boolean;
}

/** How a sentence uses capitals: ordinary prose, a Title Case headline, or ALL CAPITALS. */
export type SentenceMode = 'prose' | 'title' | 'capitals';

export interface TokenizedSentence {
	sentence: Sentence;
	tokens: Token[];
	mode: SentenceMode;
}

export interface Candidate {
	sentence: number;
	start: number;
	end: number;
	/** Token index range in the sentence, end exclusive. */
	first: number;
	last: number;
	text: string;
	folded: string;
	type?: EntityType;
	/** The name a known place or organization is reported under. */
	canonical?: string;
	/** The name with its title, for the aliases: "President Xi". */
	titled?: string;
	/** Why an untyped single word might still be a person: a role noun before it, a verb after it, a possessive. */
	personCue?: boolean;
	/** "Cupertino, California": a single word followed by a comma and a known place is a place. */
	placeCue?: boolean;
	/** The word runs on from a capitalised word that was taken as a name of its own: "Nasdaq Composite". */
	tail?: boolean;
	/** Preceded by "the": "the Zhanatas wind farm" names a thing, not a person. */
	afterThe?: boolean;
	/** An abbreviation in parentheses or after "or" right after this name: "Belt and Road Initiative (BRI)". */
	defines?: string;
	/** The title of a show or a song in quotation marks: no entity, and no name is read inside it. */
	title?: boolean;
	/** A sports club named after its town ("Liverpool forward Rhian Brewster", "a 3-2 win at Chelsea"). */
	club?: boolean;
}

const WORD =
	/(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|\p{Lu}+&\p{Lu}+|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|&/gu;

/** Possessives that belong inside a name: "Young People's Chorus", "National People’s Congress". */
const NAME_POSSESSIVES = new Set(['people', 'children', 'women', 'men', 'workers', 'veterans', 'farmers', 'citizens', 'nations', 'writers', 'teachers', 'consumers']);

/** Words a Title Case headline leaves in lower case: articles, conjunctions, prepositions ("Trump Talks of War with Iran"). */
const HEADLINE_LOWER_WORDS = new Set(
	'a an the and but or nor for so yet as at by in of off on per to up via vs with from into onto over than upon amid after about against'.split(' '),
);

/** Particles that stand inside a person's name: "Leonardo da Vinci", "Osama bin Laden". */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'da', 'di', 'du', 'dos', 'das', 'van', 'von', 'der', 'den', 'ten', 'ter', 'la', 'le', 'al', 'el', 'bin', 'ibn']);

/** Place names that are also given names: before a surname they start a person's name ("Jordan Henderson"). */
const PLACES_AS_GIVEN_NAMES = new Set(['jordan', 'chad', 'georgia', 'paris', 'florence', 'austin', 'sydney', 'victoria', 'israel', 'virginia', 'carolina', 'madison', 'dallas', 'phoenix', 'regina', 'adelaide', 'lincoln', 'washington', 'houston', 'orlando', 'savannah', 'aurora', 'china', 'india', 'kenya']);

/** Web and e-mail addresses: their words are not names ("AmericanTheatreWing.org", "joanna@…"). */
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|co|uk|in|info|biz|news|tv|me|ly)\b(?:\/\S*)?/giu;

/** A dot or "@" inside a word: the only way an address can start, and cheap to look for first. */
const MAYBE_ADDRESS = /\w[.@]\w|www\./u;

/** The shape of a word from its letters' case. */
function shapeOf(word: string): TokenShape {
	const c = word.charCodeAt(0);
	if (c >= 48 && c <= 57) return 'number';
	const lowered = word.toLowerCase();
	if (c >= 97 && c <= 122) return lowered === word ? 'lower' : /^\p{Ll}+\p{Lu}/u.test(word) ? 'cap' : 'lower';
	if (c >= 65 && c <= 90) return word.length > 1 && word.toUpperCase() === word ? 'upper' : 'cap';
	// Beyond ASCII: ask Unicode.
	if (/^\p{N}/u.test(word)) return 'number';
	if (/^\p{Lu}/u.test(word)) return word.length > 1 && word.toUpperCase() === word ? 'upper' : 'cap';
	if (/^\p{Ll}/u.test(word)) return /^\p{Ll}+\p{Lu}/u.test(word) ? 'cap' : 'lower';
	return /^\p{L}/u.test(word) ? 'lower' : 'other';
}

function isApostrophe(ch: string | undefined): boolean {
	return ch === "'" || ch === '’';
}

const BLANKS = /^[ \t]+$/u;
/** "Mr. Cha", "Gen. Lee": a short capitalised abbreviation's full stop does not break the name. */
const TITLE_DOT = /^\.[ \t]+$/u;
const SHORT_CAPITALISED = /^\p{Lu}\p{Ll}{0,3}$/u;
/** A quotation, parenthesis, colon or dash before a word makes it open a clause. */
const OPENING = /[“‘(\[:—–]\s*$/u;
const STRAIGHT_OPENING = /(?:^|\s)["']$/u;

/** Contractions are not names: "I’ll", "don't", "We’re". */
const CONTRACTION = /(?:['’](?:ll|re|ve|d|m|t)|n['’]t)$/iu;

export function tokenizeSentence(sentence: Sentence): TokenizedSentence {
	const text = sentence.text;
	const tokens: Token[] = [];
	const addresses: Array<[number, number]> = [];
	if (MAYBE_ADDRESS.test(text)) for (const m of text.matchAll(ADDRESS)) addresses.push([m.index!, m.index! + m[0].length]);
	let lower = 0;
	let upper = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 97 && c <= 122) lower++;
		else if (c >= 65 && c <= 90) upper++;
	}
	let previousRawEnd = 0;
	// List numbers and symbols before the first word leave it sentence-initial: "1) Classroom Resources".
	let wordSeen = false;
	for (const m of text.matchAll(WORD)) {
		let word = m[0];
		const local = m.index!;
		let rawEnd = local + word.length;
		let possessive = false;
		const last = word.charCodeAt(word.length - 1);
		if (last === 115 || last === 83) {
			// "Xi’s" → "Xi"; "Reuters’" → "Reuters".
			if (word.length > 2 && isApostrophe(word[word.length - 2])) {
				word = word.slice(0, -2);
				possessive = true;
			} else if (isApostrophe(text[rawEnd]) && !/\p{L}/u.test(text[rawEnd + 1] ?? '')) {
				possessive = true;
				rawEnd++;
			}
		}
		let shape: TokenShape = (word.includes("'") || word.includes('’')) && CONTRACTION.test(word) ? 'other' : shapeOf(word);
		// A single capital is the pronoun "I" or a list letter, unless it is an initial ("J. K. Rowling").
		if (word.length === 1 && shape === 'cap') shape = 'other';
		if (word.length === 2 && word[1] === '.' && shape === 'upper') shape = 'cap';
		// A currency prefix ("US$17m") is part of the amount, not a mention of the country.
		if (text[rawEnd] === '$') shape = 'other';
		if (addresses.length > 0 && addresses.some(([from, to]) => local >= from && local < to)) shape = 'other';
		const gap = text.slice(previousRawEnd, local);
		const previous = tokens[tokens.length - 1];
		const hyphenBefore = previous !== undefined && (gap === '-' || gap === '‐');
		const joinsPrevious = previous !== undefined && (hyphenBefore || BLANKS.test(gap) || (previous.shape !== 'lower' && TITLE_DOT.test(gap) && SHORT_CAPITALISED.test(previous.text)));
		const opened = gap !== ' ' && (OPENING.test(gap) || STRAIGHT_OPENING.test(gap));
		const initial = previous === undefined || opened || !wordSeen;
		// A Korean given name's second syllable: "Kim Jong-un", "Moon Jae-in".
		if (hyphenBefore && shape === 'lower' && word.length <= 3 && previous.shape === 'cap' && isNameShape(tokens[tokens.length - 2]) && !isCommonWord(word.toLowerCase())) shape = 'cap';
		tokens.push({
			index: tokens.length,
			start: sentence.start + local,
			end: sentence.start + local + word.length,
			rawEnd: sentence.start + rawEnd,
			text: word,
			folded: foldName(word),
			shape,
			possessive,
			hyphenBefore,
			joinsPrevious,
			gapBefore: gap,
			initial,
		});
		previousRawEnd = rawEnd;
		if (shape !== 'number' && shape !== 'other') wordSeen = true;
	}

	let mode: SentenceMode = 'prose';
	if (lower === 0 && upper >= 4) mode = 'capitals';
	else {
		let longLower = 0;
		let capitals = 0;
		for (const t of tokens) {
			if (t.shape === 'lower' && !HEADLINE_LOWER_WORDS.has(t.folded)) longLower++;
			else if (t.shape === 'cap' || t.shape === 'upper') capitals++;
		}
		if (longLower === 0 && capitals >= 2) mode = 'title';
	}
	return {sentence, tokens, mode};
}

export function isNameShape(t: Token | undefined): boolean {
	return t !== undefined && (t.shape === 'cap' || t.shape === 'upper');
}

/** Does token k continue a name from token k-1? Not across punctuation, nor past a possessive. */
export function continues(tokens: Token[], k: number): boolean {
	const t = tokens[k];
	const previous = tokens[k - 1];
	if (!t || !previous || !t.joinsPrevious) return false;
	return !previous.possessive || NAME_POSSESSIVES.has(previous.folded);
}

interface KnownMatch {
	end: number;
	type: EntityType;
	canonical?: string;
}

/** Surface text and folded key of tokens [from, to), written as in the document. */
function span(tokens: Token[], from: number, to: number, text: string, base: number): {surface: string; folded: string} {
	const surface = text.slice(tokens[from]!.start - base, tokens[to - 1]!.end - base);
	return {surface, folded: foldName(surface)};
}

/** The longest known place or organization starting at token i. */
export function knownAt(tokens: Token[], i: number, text: string, base: number): KnownMatch | undefined {
	const limit = Math.min(tokens.length, i + longestKnownName() + 2);
	let end = i + 1;
	while (end < limit && continues(tokens, end) && (isNameShape(tokens[end]) || NAME_CONNECTORS.has(tokens[end]!.folded))) end++;
	for (let j = end; j > i; j--) {
		if (!isNameShape(tokens[j - 1])) continue;
		const {surface, folded} = span(tokens, i, j, text, base);
		const known = lookupName(surface, folded);
		if (known) return {end: j, type: known.type, canonical: known.canonical};
	}
	return undefined;
}

/**
 * Where an organization's name that starts at token i ends: the last head noun ("Initiative",
 * "Council", "Bank") of the run, then any "of …" after it ("Indian Council of Medical Research").
 * "and" joins only one word to the next, as in "Belt and Road Initiative" or "Food and Drug
 * Administration", so "Li Keqiang and National People's Congress" stays two names.
 */
function organizationEnd(tokens: Token[], i: number): number {
	let headEnd = -1;
	let names = 0;
	let namesAfterOf = 0;
	let wordsSinceBreak = 0;
	let afterOf = false;
	const leadingKnown = isNameShape(tokens[i]) && tokens[i]!.shape === 'upper' ? 1 : 0;
	// No organization's name runs longer; the bound keeps a page of capitalised words linear.
	const limit = Math.min(tokens.length, i + MAX_NAME_WORDS);
	for (let k = i; k < limit; k++) {
		const t = tokens[k]!;
		if (k > i && !continues(tokens, k)) break;
		if (isNameShape(t)) {
			if (isTitleWord(t.folded) && k > i && !afterOf) break;
			// After "of", a title ends the name when a person's name follows: "Bank of Canada Governor Mark Carney",
			// "Bank of America Chief Executive Brian Moynihan"; "Department of Justice" keeps its title word.
			if (afterOf && namesAfterOf > 0) {
				const nameStart = titleEnd(tokens, k);
				if (nameStart > 0 && isNameShape(tokens[nameStart]) && continues(tokens, nameStart)) break;
				// "Ministry of Health Nicholas Muraguri": a given name and a surname after the name are a person's.
				const after = tokens[k + 1];
				if (isFirstName(t.folded) && !isCommonWord(t.folded) && after?.shape === 'cap' && continues(tokens, k + 1) && !ORGANIZATION_HEADS.has(after.folded) && !lookupName(after.text, after.folded)) break;
			}
			names++;
			wordsSinceBreak++;
			if (afterOf) {
				headEnd = k + 1;
				namesAfterOf++;
			}
			else if (ORGANIZATION_HEADS.has(t.folded) && (k > i || tokens[k + 1]?.folded === 'of' || tokens[k + 1]?.folded === 'for')) headEnd = k + 1;
			if (t.possessive && !NAME_POSSESSIVES.has(t.folded)) break;
			continue;
		}
		const next = tokens[k + 1];
		if (!isNameShape(next) && !(t.folded === 'of' && next?.folded === 'the')) break;
		if (t.folded === 'of' || t.folded === 'for' || t.folded === 'on') {
			if (headEnd !== k && !afterOf) break;
			// "Council on Foreign Relations", but not "Security Council on Kashmir" or "Academy Awards on Sunday".
			if (t.folded !== 'of' && (lookupName(next!.text, next!.folded) || isCalendarWord(next!.folded))) break;
			afterOf = true;
		} else if (t.folded === 'the') {
			if (!afterOf || tokens[k - 1]?.folded !== 'of') break;
		} else if (t.folded === 'and' || t.folded === '&') {
			if (!afterOf && (wordsSinceBreak - (k - i === wordsSinceBreak ? leadingKnown : 0) !== 1 || !isCommonWord(tokens[k - 1]!.folded))) break;
			// "Department of Homeland Security and U.S. Immigration …" are two names.
			if (next?.folded === 'the' || (afterOf && lookupName(next!.text, next!.folded))) break;
			wordsSinceBreak = 0;
		} else break;
	}
	return names >= 2 ? headEnd : -1;
}

/** Words that open a news site's section label: "Breaking News", "Top News". */
const NEWS_SECTIONS = new Set(['breaking', 'latest', 'top', 'world', 'business', 'sports', 'local', 'national', 'international', 'trending', 'live', 'related', 'more', 'today']);

/** The most words a name is looked for in. */
const MAX_NAME_WORDS = 16;

/** A title at token i ("President", "Prime Minister", "Ms."): the index of the first word after it. */
function titleEnd(tokens: Token[], i: number): number {
	const t = tokens[i]!;
	for (const phrase of TITLE_PHRASES) {
		if (phrase[0] !== t.folded) continue;
		let k = 1;
		while (k < phrase.length && tokens[i + k]?.folded === phrase[k] && continues(tokens, i + k)) k++;
		if (k === phrase.length) return i + k;
	}
	return isTitleWord(t.folded) ? i + 1 : -1;
}

/** The words of a person's name from token i: capitalised words and particles, up to a possessive. */
function personEnd(tokens: Token[], i: number): number {
	let k = i;
	while (k < tokens.length && k - i < MAX_NAME_WORDS) {
		const t = tokens[k]!;
		if (k > i && !continues(tokens, k)) break;
		if (isNameShape(t)) {
			if (k > i && isTitleWord(t.folded)) break;
			k++;
			if (t.possessive) break;
			continue;
		}
		if (NAME_PARTICLES.has(t.folded) && isNameShape(tokens[k + 1]) && continues(tokens, k + 1)) {
			k++;
			continue;
		}
		break;
	}
	return k;
}

/**
 * Name candidates of a prose sentence. Every capitalised word ends up in at most one candidate, so
 * a name inside a longer one ("Canada" in "Bank of Canada") is not counted twice.
 */
export function findCandidates(tokenized: TokenizedSentence): Candidate[] {
	const {sentence, tokens} = tokenized;
	const out: Candidate[] = [];
	const text = sentence.text;
	const base = sentence.start;
	const emit = (from: number, to: number, fields: Partial<Candidate>) => {
		const {surface, folded} = span(tokens, from, to, text, base);
		const candidate: Candidate = {sentence: sentence.index, start: tokens[from]!.start, end: tokens[to - 1]!.end, first: from, last: to, text: surface, folded, ...fields};
		const defines = abbreviationAfter(tokens, to, text, base);
		if (defines) candidate.defines = defines;
		out.push(candidate);
	};

	let i = 0;
	let theOrganization = false;
	const hasParenthesis = text.includes('(');
	while (i < tokens.length) {
		const t = tokens[i]!;
		if (!isNameShape(t)) {
			i++;
			theOrganization = false;
			continue;
		}
		if (isCalendarWord(t.folded)) {
			i++;
			continue;
		}

		// "The" opens the sentence, or, capitalised inside it, the name of a paper or a band: "with The Village Voice".
		if (t.folded === 'the') {
			theOrganization = !t.initial;
			i++;
			continue;
		}

		// Known names and organizations' names come first: the longer one wins.
		const known = knownAt(tokens, i, text, base);
		const orgEnd = organizationEnd(tokens, i);
		const givenNameFirst = known && known.end === i + 1 && known.type === 'place' && PLACES_AS_GIVEN_NAMES.has(t.folded) &&
			isNameShape(tokens[i + 1]) && continues(tokens, i + 1) && !t.possessive && !knownAt(tokens, i + 1, text, base) && !ORGANIZATION_HEADS.has(tokens[i + 1]!.folded);
		// "Breaking News", "Latest News": a news site's section labels, not outlets.
		if (orgEnd === i + 2 && tokens[i + 1]!.folded === 'news' && NEWS_SECTIONS.has(t.folded)) {
			i = orgEnd;
			continue;
		}
		if (orgEnd > 0 && (!known || orgEnd > known.end)) {
			const suffix = knownSuffix(tokens, i, orgEnd, text, base);
			// "4-Year Partial University Scholarships": a number hyphened to the name is part of it.
			const from = t.hyphenBefore && tokens[i - 1]?.shape === 'number' ? i - 1 : i;
			emit(from, orgEnd, {type: 'organization', canonical: suffix});
			i = orgEnd;
			theOrganization = false;
			continue;
		}
		// "Alternative for Germany (AfD)": a name its own abbreviation spells out is an organization's.
		const spelled = hasParenthesis ? spelledOutName(tokens, i, text, base) : -1;
		if (spelled > 0 && (!known || spelled > known.end)) {
			emit(i, spelled, {type: 'organization'});
			i = spelled;
			theOrganization = false;
			continue;
		}
		if (known && !givenNameFirst) {
			if (known.type === 'place' && known.end === i + 1 && clubCue(tokens, i, i + 1, text)) {
				emit(i, i + 1, {type: 'organization', club: true});
				i++;
				theOrganization = false;
				continue;
			}
			emit(i, known.end, {type: known.type, canonical: known.canonical});
			i = known.end;
			theOrganization = false;
			continue;
		}

		// A title before a name: "President Xi", "Gen Qamar Javed Bajwa", "Ms. Hitchens".
		const afterTitle = titleEnd(tokens, i);
		if (afterTitle > 0) {
			const next = tokens[afterTitle];
			const nameAfter = isNameShape(next) && continues(tokens, afterTitle) && (isFirstName(next!.folded) || !isCommonWord(next!.folded));
			if (nameAfter && !isCalendarWord(next!.folded) && !lookupName(next!.text, next!.folded)) {
				const end = personEnd(tokens, afterTitle);
				const titled = text.slice(t.start - base, tokens[end - 1]!.end - base);
				emit(afterTitle, end, {type: 'person', titled});
				i = end;
				continue;
			}
			// A title with no name after it ("the President’s tour") names nobody.
			i = afterTitle;
			continue;
		}

		if (isNotAName(t.folded)) {
			i++;
			continue;
		}
		// "Chinese", "Kazakh": demonyms are not entities, nor adjectives made with a combining form ("Sino-Kazakh", "Indo-Pacific").
		if (COMBINING_FORMS.has(t.folded) && tokens[i + 1]?.hyphenBefore) {
			i++;
			while (tokens[i]?.hyphenBefore) i++;
			continue;
		}
		if (isDemonym(t.folded)) {
			i++;
			continue;
		}
		// A common word capitalised because it opens the sentence: "Trade", "Joint", "Upon"; but "Will Smith", "Grant Shapps".
		if (t.initial && t.shape === 'cap' && isCommonWord(t.folded)) {
			const next = tokens[i + 1];
			const surname = isNameShape(next) && continues(tokens, i + 1) && !isNameShape(tokens[i + 2]) && next!.shape === 'cap' &&
				(isLastName(next!.folded) || (isGivenNameWord(t.folded) && !isCommonWord(next!.folded) && !lookupName(next!.text, next!.folded)));
			if (!surname) {
				i++;
				continue;
			}
		}

		let end = chunkEnd(tokens, i);
		// After a capitalised "The", "of" stays inside the name: "The God of Small Things", "The Lord of the Rings".
		while (theOrganization && tokens[end]?.folded === 'of' && tokens[end]!.shape === 'lower' && continues(tokens, end)) {
			const after = tokens[end + 1]?.folded === 'the' ? end + 2 : end + 1;
			if (!isNameShape(tokens[after]) || !continues(tokens, after)) break;
			end = chunkEnd(tokens, after);
		}
		classifyChunk(tokens, i, end, theOrganization, emit, text, base);
		theOrganization = false;
		i = end;
	}
	return out;
}

/** The known organization that a longer organization's name ends with: "U.S. Federal Reserve" → "Federal Reserve". */
function knownSuffix(tokens: Token[], from: number, to: number, text: string, base: number): string | undefined {
	for (let k = from; k < to - 1; k++) {
		if (!isNameShape(tokens[k])) continue;
		const {surface, folded} = span(tokens, k, to, text, base);
		const known = lookupName(surface, folded);
		if (known?.type === 'organization') {
			if (k === from) return known.canonical;
			// The words before must be a known place or organization themselves: "US Food and Drug Administration".
			const prefix = span(tokens, from, k, text, base);
			if (lookupName(prefix.surface, prefix.folded)) return known.canonical;
		}
	}
	return undefined;
}

/** Consecutive capitalised words (and name particles) from token i, stopping before a title or a known name. */
function chunkEnd(tokens: Token[], i: number): number {
	let k = i + 1;
	while (k < tokens.length && k - i < MAX_NAME_WORDS && continues(tokens, k)) {
		const t = tokens[k]!;
		if (isNameShape(t)) {
			if (isTitleWord(t.folded) && isNameShape(tokens[k + 1])) break;
			// "Theresa May": a month after a given name is a surname, unless a date follows.
			const surname = isFirstName(tokens[k - 1]!.folded) && tokens[k + 1]?.shape !== 'number';
			if ((isCalendarWord(t.folded) && !surname) || isDemonym(t.folded)) break;
			if (tokens[k - 1]!.possessive) break;
			k++;
			continue;
		}
		if (NAME_PARTICLES.has(t.folded) && isNameShape(tokens[k + 1]) && continues(tokens, k + 1)) {
			k++;
			continue;
		}
		break;
	}
	// A possessive ends the name: "Xi's".
	return k;
}

type Emit = (from: number, to: number, fields: Partial<Candidate>) => void;

/** Where a run of capitalised words and connectors from token i ends when an abbreviation in parentheses after it spells its initials, or -1. */
function spelledOutName(tokens: Token[], i: number, text: string, base: number): number {
	let end = i + 1;
	while (end < tokens.length && end - i < MAX_NAME_WORDS && continues(tokens, end) && (isNameShape(tokens[end]) || NAME_CONNECTORS.has(tokens[end]!.folded))) end++;
	while (end > i + 1 && !isNameShape(tokens[end - 1])) end--;
	if (end - i < 3) return -1;
	const abbreviation = abbreviationAfter(tokens, end, text, base);
	if (!abbreviation) return -1;
	const letters = abbreviation.replace(/[^\p{L}]/gu, '').toUpperCase();
	return letters.length >= 2 && letters === initials(span(tokens, i, end, text, base).surface) ? end : -1;
}

/** Players and staff a club's name stands before: "Liverpool forward Rhian Brewster", "Blades boss Chris Wilder". */
const CLUB_ROLES = new Set(['forward', 'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'winger', 'full-back', 'fullback', 'boss', 'manager', 'captain', 'defence', 'defense', 'academy']);
/** Words before a club's name in a match report with a score: "a 3-2 win at Chelsea", "beat Everton". */
const MATCH_WORDS = new Set(['beat', 'beating', 'against', 'v', 'vs', 'at', 'over', 'to', 'with', 'host', 'hosts', 'hosted', 'visit', 'visited']);
const SCORE = /\b\d{1,2}-\d{1,2}\b/u;

/** Is the word at token from a sports club's name by its context? */
function clubCue(tokens: Token[], from: number, to: number, text: string): boolean {
	const next = tokens[to];
	if (next?.shape === 'lower' && next.joinsPrevious && CLUB_ROLES.has(next.folded) && !tokens[to - 1]!.possessive) return true;
	const previous = tokens[from - 1];
	// "on loan from Benfica", "a loan move to Swansea City".
	if (previous?.shape === 'lower' && (previous.folded === 'from' || previous.folded === 'at' || previous.folded === 'to') && tokens[from - 2]?.folded === 'loan') return true;
	if (!previous || previous.shape !== 'lower' || !MATCH_WORDS.has(previous.folded) || !SCORE.test(text)) return false;
	// "win at", "victory over", "defeat to", "draw with": a result's noun before the preposition; "beat" and "against" alone.
	if (previous.folded === 'beat' || previous.folded === 'beating' || previous.folded === 'against' || previous.folded === 'v' || previous.folded === 'vs') return true;
	return RESULT_NOUNS.has(tokens[from - 2]?.folded ?? '');
}
const RESULT_NOUNS = new Set(['win', 'victory', 'defeat', 'loss', 'draw', 'triumph', 'thrashing', 'hammering', 'beat', 'game', 'match', 'clash', 'tie', 'home', 'away']);

/** Plural kinds of place that close or open a list of places: "Migori, Kisumu and Nairobi counties", "the subcounties of Nyando and Muhoroni". */
const PLACE_KINDS_PLURAL = new Set(
	`counties subcounties sub-counties districts regions provinces states cities towns villages municipalities constituencies wards
	neighbourhoods neighborhoods suburbs boroughs prefectures oblasts departments cantons parishes townships areas`.split(/\s+/),
);
const LIST_OPENERS = new Set(['of', 'being', 'including', 'like', 'namely', 'are', 'were', 'include', 'included']);

/** Does the name in tokens [from, to) stand in a list of names that a plural kind of place closes or opens? */
function inPlaceList(tokens: Token[], from: number, to: number): boolean {
	const listWord = (t: Token | undefined) => t !== undefined && (isNameShape(t) || t.folded === 'and' || t.folded === 'or');
	const plain = (t: Token) => /^[\s,]*$/u.test(t.gapBefore);
	let k = to;
	let names = 0;
	while (k < tokens.length && k - to < 20 && listWord(tokens[k]) && plain(tokens[k]!)) {
		if (isNameShape(tokens[k])) names++;
		k++;
	}
	const after = tokens[k];
	if (after && plain(after) && after.shape === 'lower' && PLACE_KINDS_PLURAL.has(after.folded) && (names > 0 || after.joinsPrevious)) return true;
	k = from - 1;
	while (k >= 0 && from - k < 20 && listWord(tokens[k]) && plain(tokens[k + 1]!)) k--;
	const opener = tokens[k];
	if (!opener || !plain(tokens[k + 1]!)) return false;
	if (opener.shape === 'lower' && PLACE_KINDS_PLURAL.has(opener.folded)) return true;
	return LIST_OPENERS.has(opener.folded) && PLACE_KINDS_PLURAL.has(tokens[k - 1]?.folded ?? '');
}

/** Internal capitals make a word a company's or a party's name ("HubSpot", "AfD"), not a person's ("McCarthy", "DeSantis", "LeBron"). */
const INNER_CAPITAL = /^\p{Lu}\p{Ll}+\p{Lu}/u;
const NAME_PREFIX_CAPITAL = /^(?:Mc|Mac|De|Di|Da|Du|Del|La|Le|Lo|Van|Von|St|Fitz|Ben|Al|El)\p{Lu}/u;

/** "J.K. Rowling", "George W. Bush". */
const INITIALS = /^(?:\p{Lu}\.)+$/u;

/** "the city of Wuhan", "the province of Shaanxi": the word after names a place. */
const PLACE_KINDS = new Set(
	`city town village province state region district county island capital port republic kingdom emirate prefecture municipality
	cities towns villages provinces states regions districts counties islands ports municipalities`.split(/\s+/),
);

/** Kinds of place that follow a place's name in lower case: "Tiruppur city", "Noyyal river". */
const PLACE_KINDS_AFTER = new Set(['city', 'town', 'village', 'district', 'municipality', 'province', 'county', 'river', 'lake', 'island', 'valley', 'tehsil', 'taluk']);

/** Verbs that, right after a lone surname, show it is a person acting: "Modi has", "Beyonce became". */
const PERSON_VERBS = new Set(
	`is was has had have will would could can should did does said says told added became becomes won wins lost loses made makes
	scored scores led leads took takes gave gives met meets wants wanted thinks thought believes believed`.split(/\s+/),
);

function classifyChunk(tokens: Token[], from: number, to: number, theOrganization: boolean, emit: Emit, text: string, base: number) {
	const words = tokens.slice(from, to).filter(isNameShape);
	const first = words[0]!;
	const last = words[words.length - 1]!;
	const count = words.filter((w, n) => n === 0 || !w.hyphenBefore).length;

	// "China-Kazakhstan", "U.S.-China": every hyphenated part is a known place.
	if (words.length >= 2 && words.every((w, n) => n === 0 || w.hyphenBefore)) {
		const parts = words.map(w => ({w, known: lookupName(w.text, w.folded)}));
		if (parts.every(p => p.known)) {
			for (const p of parts) emit(p.w.index, p.w.index + 1, {type: p.known!.type, canonical: p.known!.canonical});
			return;
		}
	}

	const previous = tokens[from - 1];
	const next = tokens[to];
	const afterThe = previous?.folded === 'the';

	// "Jackson County Mississippi", "Orange County California": a place ending with a kind of place, then a known place.
	if (count >= 3 && !last.hyphenBefore && lookupName(last.text, last.folded)?.type === 'place' && PLACE_HEADS.has(words[words.length - 2]!.folded)) {
		const known = lookupName(last.text, last.folded)!;
		emit(from, last.index, {type: 'place'});
		emit(last.index, last.index + 1, {type: 'place', canonical: known.canonical});
		return;
	}
	// "Health CS Adan Duale": an abbreviation of an office before a given name and a surname.
	if (first.shape === 'upper' && first.text.length <= 4 && (count === 3 || count === 4) && words.slice(1).every(w => w.shape === 'cap' && !w.hyphenBefore) &&
		isFirstName(words[1]!.folded) && !isCommonWord(words[1]!.folded) && !lookupName(first.text, first.folded)) {
		emit(words[1]!.index, to, {type: 'person', titled: span(tokens, from, to, text, base).surface});
		return;
	}
	if (count <= 2 && !words.every(w => isCommonWord(w.folded) || COMPASS_POINTS.has(w.folded)) && inPlaceList(tokens, from, to)) {
		emit(from, to, {type: 'place'});
		return;
	}
	const personCue = (previous !== undefined && previous.shape === 'lower' && isRoleWord(previous.folded) && !isOrganizationCue(previous.folded)) ||
		(next !== undefined && next.shape === 'lower' && SPEECH_VERBS.has(next.folded)) ||
		(previous?.folded === 'said' && next?.shape !== 'cap');
	// "carmaker Tesla", "its MoPub unit", "according to Factset" (a source named by one unknown word is a firm or an outlet).
	// A given name after the cue opens a company's name only when more words follow: "house builder Taylor Wimpey".
	const organizationCue = !personCue && (
		(previous !== undefined && previous.shape === 'lower' && first.joinsPrevious && isOrganizationCue(previous.folded) && (!isFirstName(first.folded) || count >= 2)) ||
		(!isFirstName(first.folded) && (
			(next !== undefined && next.shape === 'lower' && next.joinsPrevious &&
				(isOrganizationTail(next.folded) || (tokens[to + 1]?.shape === 'lower' && continues(tokens, to + 1) && isOrganizationTail(tokens[to + 1]!.folded)))) ||
			(count === 1 && previous?.folded === 'to' && tokens[from - 2]?.folded === 'according' && !isLastName(first.folded) && !isCommonWord(first.folded)) ||
			(count === 1 && next !== undefined && next.shape === 'lower' && next.joinsPrevious && MARKET_MOVE.test(text.slice(next.start - base, next.start - base + 60))))));

	if (count >= 2 && (PLACE_HEADS.has(last.folded) || PLACE_OPENERS.has(first.folded))) {
		emit(from, to, {type: 'place'});
		return;
	}
	// "West Texas", "South Mumbai", "Eastern Ukraine": a compass point before a place names a region.
	if (count === 2 && COMPASS_POINTS.has(first.folded) && !last.hyphenBefore && lookupName(last.text, last.folded)?.type === 'place') {
		emit(from, to, {type: 'place'});
		return;
	}
	if (organizationCue && count <= 6) {
		emit(from, to, {type: 'organization'});
		return;
	}
	// "Tiruppur city", "Noyyal river", "Songadh municipality": a kind of place written after an unknown name.
	if (count === 1 && next !== undefined && next.shape === 'lower' && next.joinsPrevious && PLACE_KINDS_AFTER.has(next.folded) &&
		!isCommonWord(first.folded) && !isFirstName(first.folded) && !lookupName(first.text, first.folded)) {
		emit(from, to, {type: 'place'});
		return;
	}
	if (theOrganization && !personCue) {
		emit(from, to, {type: 'organization'});
		return;
	}
	if (count === 1 && first.shape === 'cap' && INNER_CAPITAL.test(first.text) && !NAME_PREFIX_CAPITAL.test(first.text)) {
		emit(from, to, {type: 'organization'});
		return;
	}
	// "Chelsea", "Swansea City"; a given name and a surname stay a person's ("beat Roger Federer 6-4").
	if (count <= 3 && !isCommonWord(first.folded) && !(count >= 2 && isFirstName(first.folded)) && clubCue(tokens, from, to, text)) {
		emit(from, to, {type: 'organization', club: true});
		return;
	}
	// "Permira announced it was buying": a name a verb and "it" follow is a company's.
	if (count === 1 && next?.shape === 'lower' && next.joinsPrevious && (SPEECH_VERBS.has(next.folded) || /ed$/u.test(next.folded) || next.folded === 'says') &&
		tokens[to + 1]?.folded === 'it' && tokens[to + 1]!.joinsPrevious && !isFirstName(first.folded)) {
		emit(from, to, {type: 'organization'});
		return;
	}
	if (count === 1) {
		// "NATO", "ICMR"; but "FIRST-TIME" and "NEWS" are everyday words written in capitals.
		const emphasis = words.length > 1 || (first.folded.length >= 4 && !first.text.includes('.') && isCommonWord(first.folded));
		if (first.shape === 'upper' && first.text.replace(/[^\p{L}]/gu, '').length <= 5 && !emphasis) {
			emit(from, to, {type: 'organization'});
			return;
		}
		if (first.shape === 'upper' || first.text.length < 2) return;
		const gapAfter = next?.gapBefore ?? '';
		const verbAfter = next !== undefined && next.shape === 'lower' && next.joinsPrevious && (PERSON_VERBS.has(next.folded) || /[a-z]ed$/u.test(next.folded));
		const who = next?.folded === 'who' && /^,\s*$/u.test(gapAfter);
		const placeCue = (next !== undefined && /^,\s*$/u.test(gapAfter) && lookupName(next.text, next.folded)?.type === 'place') ||
			(previous?.folded === 'of' && PLACE_KINDS.has(tokens[from - 2]?.folded ?? ''));
		const tail = isNameShape(previous) && first.joinsPrevious && !tokens[from - 1]!.possessive;
		// "iPhone", "eBay": a name that opens in lower case is a product's or a company's, never a person's.
		const camelCase = /^\p{Ll}/u.test(first.text);
		emit(from, to, {personCue: !camelCase && (personCue || verbAfter || who || last.possessive), placeCue, tail, afterThe});
		return;
	}
	// "Managing Director Kristalina Georgieva", "Chief Executive Officer Tim Cook": a role written before the name.
	if (count >= 3 && !isFirstName(first.folded)) {
		let role = -1;
		for (let n = 0; n < words.length - 1; n++) if (isRoleWord(words[n]!.folded) || isTitleWord(words[n]!.folded)) role = n;
		const rest = words[role + 1];
		if (role >= 0 && rest && !rest.hyphenBefore && !isCommonWord(rest.folded)) {
			emit(rest.index, to, {type: 'person', titled: span(tokens, from, to, text, base).surface});
			return;
		}
	}
	const anyCommon = words.some(w => isCommonWord(w.folded));
	// "Sporting Lisbon", "Bayern Munich" name clubs; "Greater China" is China.
	const place = count >= 2 && !isFirstName(first.folded) ? lookupName(last.text, last.folded) : undefined;
	if (place?.type === 'place' && !last.hyphenBefore) {
		// "Good Morning America" in quotation marks is the title of a show, not a mention of America.
		if (words.slice(0, -1).every(w => isCommonWord(w.folded))) {
			const title = quotedTitle(tokens, from, to, text, base);
			if (title >= 0) emit(title, to, {title: true});
			else emit(last.index, last.index + 1, {type: 'place', canonical: place.canonical});
		} else emit(from, to, {type: 'organization'});
		return;
	}
	const givenName = isFirstName(first.folded) && count <= 4;
	// "Jaylen Brown": an unknown word before a surname that is also an everyday word is a given name.
	const surname = count === 2 && (isLastName(last.folded) || (isSurnameWord(last.folded) && !isCommonWord(first.folded) && !lookupName(first.text, first.folded)));
	// "the Oak Hill neighborhood", "the Zhanatas Wind Farm": after "the", only a given name makes a person.
	const personLike = givenName || (!afterThe && (personCue || !anyCommon || surname));
	if (personLike && count <= 4 && !/^\p{Ll}/u.test(first.text) && words.every(w => w.shape === 'cap' || INITIALS.test(w.text))) {
		emit(from, to, {type: 'person'});
		return;
	}
	// Three to six capitalised words with everyday words among them: "Little Kids Rock", "Silk Road Economic Belt".
	// A longer run is a Title Case list or table, not one name.
	// Words such as "This", "Is", "You" make it a title of a song or a book: "This Is What the Truth Feels Like".
	// "Case Fatality Rate", "Consumer Confidence Index": everyday words ending in a measure name a figure, not a body.
	const measure = MEASURE_HEADS.has(last.folded) && words.every(w => isCommonWord(w.folded));
	if (count >= 3 && count <= 6 && !first.initial && !measure && !words.some(w => TITLE_FUNCTION_WORDS.has(w.folded))) {
		emit(from, to, {type: 'organization'});
		return;
	}
}

/**
 * Where the title in quotation marks that tokens [from, to) end starts ("Good Morning America", ‘Make Me Like
 * You’), or -1. The title may start before `from` with words skipped as everyday words.
 */
function quotedTitle(tokens: Token[], from: number, to: number, text: string, base: number): number {
	let start = from;
	while (start > 0 && continues(tokens, start) && (isNameShape(tokens[start - 1]) || NAME_CONNECTORS.has(tokens[start - 1]!.folded))) start--;
	const after = text.slice(tokens[to - 1]!.rawEnd - base, tokens[to - 1]!.rawEnd - base + 2);
	return /["“‘']\s*$/u.test(tokens[start]!.gapBefore) && /^[.,!?]?["”’']/u.test(after) ? start : -1;
}

/** "Barratt fell 5.6 per cent": what rises and falls by a percentage is a listed company (or an index). */
const MARKET_MOVE = /^(?:rose|fell|gained|lost|dropped|jumped|climbed|slid|sank|surged|soared|plunged|tumbled|slumped|advanced|declined|slipped|added|shed)\s+(?:(?:by|over|nearly|about|almost|some|more|than)\s+)*\d[\d.,]*\s?(?:%|per\s?cent|percent)/u;

/** Compass points that make a region of the place after them. */
const COMPASS_POINTS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'northeast', 'northwest', 'southeast', 'southwest', 'central', 'upper', 'lower']);

/** Nouns that end the name of a statistic. */
const MEASURE_HEADS = new Set(['rate', 'rates', 'ratio', 'index', 'level', 'score', 'average', 'percentage', 'growth', 'count']);

/** Pronouns and verbs that stand in titles of works, never in an organization's name. */
const TITLE_FUNCTION_WORDS = new Set(
	'i me my you your he him his she her it its we us our they them their this that these those what is are was were am be been do does did feels like'.split(' '),
);

/** An abbreviation defined right after a name: "Belt and Road Initiative (BRI)", "Indian Council of Medical Research or ICMR". */
function abbreviationAfter(tokens: Token[], to: number, text: string, base: number): string | undefined {
	const next = tokens[to];
	if (!next) return undefined;
	const gap = text.slice(tokens[to - 1]!.rawEnd - base, next.start - base);
	if (next.shape === 'upper' && /^\s*\(\s*$/u.test(gap) && /^\s*\)/u.test(text.slice(next.rawEnd - base))) return next.text;
	if (next.folded === 'or' && /^\s+$/u.test(gap)) {
		const after = tokens[to + 1];
		if (after?.shape === 'upper' && after.joinsPrevious) return after.text;
	}
	return undefined;
}

/** Initials of a name's words, for checking an abbreviation against it: "Belt and Road Initiative" → "BRI". */
export function initials(name: string): string {
	return name
		.split(/[\s-]+/u)
		.filter(w => w && !NAME_CONNECTORS.has(w.toLowerCase()))
		.map(w => (/^\p{Lu}+$/u.test(w) && w.length <= 4 ? w : w[0]!))
		.join('')
		.toUpperCase();
}

