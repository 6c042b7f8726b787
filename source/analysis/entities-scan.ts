import type {Sentence} from '../corpus/types.js';
import type {EntityType} from './types.js';
import {
	foldName,
	isCalendarWord,
	isCommonWord,
	isDemonym,
	isFirstName,
	isLastName,
	isNotAName,
	isRoleWord,
	isTitleWord,
	longestKnownName,
	lookupName,
	NAME_CONNECTORS,
	NAME_PREFIXES,
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
	/** Why an untyped single word might still be a person: a role noun before it, a speech verb after it. */
	personCue?: boolean;
	/** Preceded by "the": "the Zhanatas wind farm" names a thing, not a person. */
	afterThe?: boolean;
	/** An abbreviation in parentheses or after "or" right after this name: "Belt and Road Initiative (BRI)". */
	defines?: string;
}

const WORD =
	/(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|\p{Lu}+&\p{Lu}+|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|&/gu;

/** Possessives that belong inside a name: "Young People's Chorus", "National People’s Congress". */
const NAME_POSSESSIVES = new Set(['people', 'children', 'women', 'men', 'workers', 'veterans', 'farmers', 'citizens', 'nations', 'writers', 'teachers', 'consumers']);

/** Lower-case words of a headline that do not break Title Case: "Trump Talks of War with Iran". */
const SHORT_HEADLINE_WORDS = new Set(['with', 'from', 'into', 'over', 'than', 'that', 'upon', 'onto', 'amid', 'after', 'about', 'against', 'says', 'vs']);

/** Particles that stand inside a person's name: "Leonardo da Vinci", "Osama bin Laden". */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'el', 'bin', 'ibn']);

/** Place names that are also given names: before a surname they start a person's name ("Jordan Henderson"). */
const PLACES_AS_GIVEN_NAMES = new Set(['jordan', 'chad', 'georgia', 'paris', 'florence', 'austin', 'sydney', 'victoria', 'israel', 'virginia', 'carolina', 'madison', 'dallas', 'phoenix', 'regina', 'adelaide', 'lincoln', 'washington', 'houston', 'orlando', 'savannah', 'aurora', 'china', 'india', 'kenya']);

export function tokenizeSentence(sentence: Sentence): TokenizedSentence {
	const text = sentence.text;
	const tokens: Token[] = [];
	let lower = 0;
	let upper = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 97 && c <= 122) lower++;
		else if (c >= 65 && c <= 90) upper++;
	}
	let previousRawEnd = 0;
	for (const m of text.matchAll(WORD)) {
		let word = m[0];
		const local = m.index!;
		let rawEnd = local + word.length;
		let possessive = false;
		let shape: TokenShape;
		if (/['’]s$/iu.test(word) && word.length > 2) {
			word = word.slice(0, -2);
			possessive = true;
		} else if (/s$/u.test(word) && /['’]/u.test(text[rawEnd] ?? '') && !/\p{L}/u.test(text[rawEnd + 1] ?? '')) {
			possessive = true;
			rawEnd++;
		}
		const first = word[0]!;
		if (/['’](ll|re|ve|d|m|t)$/iu.test(word) || /n['’]t$/iu.test(word)) shape = 'other';
		else if (/\p{N}/u.test(first)) shape = 'number';
		else if (/\p{Lu}/u.test(first)) shape = word.length > 1 && !/\p{Ll}/u.test(word) ? 'upper' : 'cap';
		else if (/^\p{Ll}+\p{Lu}/u.test(word)) shape = 'cap';
		else if (/\p{L}/u.test(first)) shape = 'lower';
		else shape = 'other';
		// A single capital is the pronoun "I" or a list letter, unless it is an initial ("J. K. Rowling").
		if (word.length === 1 && shape === 'cap') shape = 'other';
		if (word.length === 2 && word[1] === '.' && shape === 'upper') shape = 'cap';
		// Parts of web and e-mail addresses: "AmericanTheatreWing.org", "joanna@…".
		const before = text[local - 1] ?? '';
		const after = text[rawEnd] ?? '';
		if (before === '@' || before === '/' || (before === '.' && local > 0 && /\p{L}/u.test(text[local - 2] ?? '')) || after === '@' || ((after === '.' || after === '/') && /\p{L}/u.test(text[rawEnd + 1] ?? ''))) {
			shape = 'other';
		}
		const gap = text.slice(previousRawEnd, local);
		const previous = tokens[tokens.length - 1];
		const hyphenBefore = previous !== undefined && (gap === '-' || gap === '‐');
		const joinsPrevious = previous !== undefined && (hyphenBefore || /^[ \t]+$/u.test(gap) || (previous.shape !== 'lower' && /^\.[ \t]+$/u.test(gap) && /^\p{Lu}\p{Ll}{0,3}$/u.test(previous.text)));
		const opened = /[“‘(\[:—–]\s*$/u.test(gap) || /(^|\s)["']$/u.test(gap);
		const initial = previous === undefined || opened || tokens.every(t => t.shape === 'number' || t.shape === 'other');
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
			initial,
		});
		previousRawEnd = rawEnd;
	}

	let mode: SentenceMode = 'prose';
	if (lower === 0 && upper >= 4) mode = 'capitals';
	else {
		let longLower = 0;
		let capitals = 0;
		for (const t of tokens) {
			if (t.shape === 'lower' && t.text.length >= 4 && !SHORT_HEADLINE_WORDS.has(t.folded)) longLower++;
			else if (t.shape === 'cap' || t.shape === 'upper') capitals++;
		}
		if (longLower === 0 && capitals >= 2) mode = 'title';
	}
	return {sentence, tokens, mode};
}

function isNameShape(t: Token | undefined): boolean {
	return t !== undefined && (t.shape === 'cap' || t.shape === 'upper');
}

/** Does token k continue a name from token k-1? Not across punctuation, nor past a possessive. */
function continues(tokens: Token[], k: number): boolean {
	const t = tokens[k];
	const previous = tokens[k - 1];
	if (!t || !previous || !t.joinsPrevious) return false;
	return !previous.possessive || NAME_POSSESSIVES.has(previous.folded);
}

interface KnownMatch {
	end: number;
	type: EntityType;
	canonical: string;
}

/** Surface text and folded key of tokens [from, to), written as in the document. */
function span(tokens: Token[], from: number, to: number, text: string, base: number): {surface: string; folded: string} {
	const surface = text.slice(tokens[from]!.start - base, tokens[to - 1]!.end - base);
	return {surface, folded: foldName(surface)};
}

/** The longest known place or organization starting at token i. */
function knownAt(tokens: Token[], i: number, text: string, base: number): KnownMatch | undefined {
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
	let wordsSinceBreak = 0;
	let afterOf = false;
	const leadingKnown = isNameShape(tokens[i]) && tokens[i]!.shape === 'upper' ? 1 : 0;
	for (let k = i; k < tokens.length; k++) {
		const t = tokens[k]!;
		if (k > i && !continues(tokens, k)) break;
		if (isNameShape(t)) {
			if (isTitleWord(t.folded) && k > i && !afterOf) break;
			names++;
			wordsSinceBreak++;
			if (afterOf) headEnd = k + 1;
			else if (k > i && ORGANIZATION_HEADS.has(t.folded)) headEnd = k + 1;
			if (t.possessive && !NAME_POSSESSIVES.has(t.folded)) break;
			continue;
		}
		const next = tokens[k + 1];
		if (!isNameShape(next) && !(t.folded === 'of' && next?.folded === 'the')) break;
		if (t.folded === 'of' || t.folded === 'for' || t.folded === 'on') {
			if (headEnd !== k && !afterOf) break;
			afterOf = true;
		} else if (t.folded === 'the') {
			if (!afterOf || tokens[k - 1]?.folded !== 'of') break;
		} else if (t.folded === 'and' || t.folded === '&') {
			if (!afterOf && wordsSinceBreak - (k - i === wordsSinceBreak ? leadingKnown : 0) !== 1) break;
			if (next?.folded === 'the') break;
			wordsSinceBreak = 0;
		} else break;
	}
	return names >= 2 ? headEnd : -1;
}

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
	while (k < tokens.length) {
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

export interface CandidateSink {
	add(candidate: Candidate): void;
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
		if (fields.type === 'organization' || candidate.type === undefined || to - from > 1) candidate.defines = abbreviationAfter(tokens, to, text, base);
		out.push(candidate);
	};

	let i = 0;
	let theOrganization = false;
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

		// Known names and organizations' names come first: the longer one wins.
		const known = knownAt(tokens, i, text, base);
		const orgEnd = organizationEnd(tokens, i);
		const givenNameFirst = known && known.end === i + 1 && known.type === 'place' && PLACES_AS_GIVEN_NAMES.has(t.folded) &&
			isNameShape(tokens[i + 1]) && continues(tokens, i + 1) && !t.possessive && !knownAt(tokens, i + 1, text, base) && !ORGANIZATION_HEADS.has(tokens[i + 1]!.folded);
		if (orgEnd > 0 && (!known || orgEnd > known.end)) {
			const {surface, folded} = span(tokens, i, orgEnd, text, base);
			const suffix = knownSuffix(tokens, i, orgEnd, text, base);
			emit(i, orgEnd, {type: 'organization', canonical: suffix ?? undefined});
			void surface;
			void folded;
			i = orgEnd;
			theOrganization = false;
			continue;
		}
		if (known && !givenNameFirst) {
			// Hyphenated names of two places are two mentions: "China-Kazakhstan" — handled word by word.
			emit(i, known.end, {type: known.type, canonical: known.canonical});
			i = known.end;
			theOrganization = false;
			continue;
		}

		// A title before a name: "President Xi", "Gen Qamar Javed Bajwa", "Ms. Hitchens".
		const afterTitle = titleEnd(tokens, i);
		if (afterTitle > 0) {
			const next = tokens[afterTitle];
			if (isNameShape(next) && continues(tokens, afterTitle) && !isCommonWord(next!.folded) && !isCalendarWord(next!.folded) && !lookupName(next!.text, next!.folded)) {
				const end = personEnd(tokens, afterTitle);
				const titled = text.slice(t.start - base, tokens[end - 1]!.end - base);
				emit(afterTitle, end, {type: 'person', titled});
				i = end;
				continue;
			}
			if (!t.initial || isCommonWord(t.folded) || t.shape === 'upper') {
				i = afterTitle;
				continue;
			}
		}

		if (t.folded === 'the') {
			theOrganization = !t.initial;
			i++;
			continue;
		}
		if (isNotAName(t.folded)) {
			i++;
			continue;
		}
		// "Sino-Kazakh", "Chinese", "Kazakh": demonyms and their prefixes are not entities.
		if (isDemonym(t.folded) || (NAME_PREFIXES.has(t.folded) && tokens[i + 1]?.hyphenBefore)) {
			i++;
			continue;
		}
		// A common word capitalised because it opens the sentence: "Trade", "Joint", "Upon".
		if (t.initial && t.shape === 'cap' && isCommonWord(t.folded)) {
			const next = tokens[i + 1];
			const surname = isNameShape(next) && continues(tokens, i + 1) && isLastName(next!.folded) && !isNameShape(tokens[i + 2]);
			if (!surname) {
				i++;
				continue;
			}
		}

		const end = chunkEnd(tokens, i);
		classifyChunk(tokens, i, end, theOrganization, emit);
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
	while (k < tokens.length && continues(tokens, k)) {
		const t = tokens[k]!;
		if (isNameShape(t)) {
			if (isTitleWord(t.folded) && isNameShape(tokens[k + 1])) break;
			if (isCalendarWord(t.folded) || isDemonym(t.folded)) break;
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

function classifyChunk(tokens: Token[], from: number, to: number, theOrganization: boolean, emit: Emit) {
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
	const personCue = (previous !== undefined && previous.shape === 'lower' && isRoleWord(previous.folded)) ||
		(next !== undefined && next.shape === 'lower' && SPEECH_VERBS.has(next.folded)) ||
		(previous?.folded === 'said' && next?.shape !== 'cap');

	if (count >= 2 && (PLACE_HEADS.has(last.folded) || PLACE_OPENERS.has(first.folded))) {
		emit(from, to, {type: 'place'});
		return;
	}
	if (theOrganization && !personCue) {
		emit(from, to, {type: 'organization'});
		return;
	}
	if (count === 1) {
		if (first.shape === 'upper' && first.text.replace(/[^\p{L}]/gu, '').length <= 5) {
			emit(from, to, {type: 'organization'});
			return;
		}
		if (first.shape === 'upper' || first.text.length < 2) return;
		emit(from, to, {personCue, afterThe});
		return;
	}
	const anyCommon = words.some(w => isCommonWord(w.folded));
	const givenName = isFirstName(first.folded) && count <= 4;
	if ((givenName || personCue || !anyCommon || (count === 2 && isLastName(last.folded))) && count <= 4 && words.every(w => w.shape === 'cap')) {
		emit(from, to, {type: 'person'});
		return;
	}
	if (count >= 3 && !first.initial) {
		emit(from, to, {type: 'organization'});
		return;
	}
}

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

export {isNameShape, continues, knownAt};
