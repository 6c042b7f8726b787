import type {Document} from '../corpus/types.js';
import {
	type Candidate,
	continues,
	findCandidates,
	initials,
	isNameShape,
	knownAt,
	type Token,
	type TokenizedSentence,
	tokenizeSentence,
} from './entities-scan.js';
import {isCalendarWord, isCommonWord, isFirstName, isNotAName, lookupName, ORGANIZATION_HEADS} from './gazetteer.js';
import type {DocumentEntity, EntityType, Mention} from './types.js';

/*
 * Entities of one document, in three passes:
 * 1. entities-scan.ts cuts each prose sentence into name candidates and types the ones a rule is sure of;
 * 2. the sure ones become entities, merged within the document: "Xi" and "President Xi" join
 *    "Xi Jinping", "Security Council" joins "UN Security Council", "(BRI)" joins the name before it;
 * 3. every word not yet part of a mention is matched against the names now known, which counts
 *    sentence-initial and headline uses ("Tokayev praised …", "TRUMP IMPACT") and short forms
 *    ("the Wing" for "American Theatre Wing").
 * No full parse: the whole pass is table lookups over the words, so it keeps up with the corpus reader.
 */

interface Working {
	votes: Record<EntityType, number>;
	canonical?: string;
	/** Surface forms with their counts. */
	surfaces: Map<string, number>;
	/** Folded word sequences this entity is known by. */
	keys: Set<string>;
	extraAliases: Set<string>;
	mentions: Mention[];
	mergedInto?: Working;
	/** Named once as a sports club ("Liverpool forward …"): the town's name is the club's throughout the document. */
	club?: boolean;
}

function root(entity: Working): Working {
	let e = entity;
	while (e.mergedInto) e = e.mergedInto;
	return e;
}

function topType(entity: Working): EntityType {
	const {person, place, organization} = entity.votes;
	if (organization >= person && organization >= place) return organization > 0 ? 'organization' : 'person';
	return place >= person ? 'place' : 'person';
}

/** Folded words of a token range: the key names are compared by. */
function keyOf(tokens: Token[], first: number, last: number): string {
	const words: string[] = [];
	for (let k = first; k < last; k++) words.push(tokens[k]!.folded);
	return words.join(' ');
}

class Roster {
	readonly entities: Working[] = [];
	private readonly byKey = new Map<string, Working>();
	/** Start offsets of the words already inside a mention. */
	readonly covered = new Set<number>();

	find(key: string): Working | undefined {
		const entity = this.byKey.get(key);
		return entity ? root(entity) : undefined;
	}

	create(): Working {
		const entity: Working = {votes: {person: 0, place: 0, organization: 0}, surfaces: new Map(), keys: new Set(), extraAliases: new Set(), mentions: []};
		this.entities.push(entity);
		return entity;
	}

	addKey(entity: Working, key: string) {
		if (!key) return;
		entity.keys.add(key);
		if (!this.byKey.has(key)) this.byKey.set(key, entity);
	}

	mention(entity: Working, tokenized: TokenizedSentence, first: number, last: number, type: EntityType | undefined, weight = 1) {
		const {tokens, sentence} = tokenized;
		const start = tokens[first]!.start;
		const end = tokens[last - 1]!.end;
		for (let k = first; k < last; k++) this.covered.add(tokens[k]!.start);
		const text = sentence.text.slice(start - sentence.start, end - sentence.start);
		entity.mentions.push({sentence: sentence.index, start, end, text});
		entity.surfaces.set(text, (entity.surfaces.get(text) ?? 0) + 1);
		if (type) entity.votes[type] += weight;
		this.addKey(entity, keyOf(tokens, first, last));
	}

	/** `votes: false` when the merged forms were typed by a misreading the merge corrects. */
	merge(from: Working, into: Working, {votes = true} = {}) {
		const a = root(from);
		const b = root(into);
		if (a === b) return;
		a.mergedInto = b;
		if (votes) for (const type of ['person', 'place', 'organization'] as const) b.votes[type] += a.votes[type];
		for (const [surface, n] of a.surfaces) b.surfaces.set(surface, (b.surfaces.get(surface) ?? 0) + n);
		for (const key of a.keys) b.keys.add(key);
		for (const alias of a.extraAliases) b.extraAliases.add(alias);
		b.mentions.push(...a.mentions);
		a.mentions = [];
		b.canonical ??= a.canonical;
	}

	live(): Working[] {
		return this.entities.filter(e => !e.mergedInto);
	}
}

export function findEntities(document: Document): DocumentEntity[] {
	const sentences = document.sentences.map(tokenizeSentence);
	const roster = new Roster();
	const lowerWords = new Set<string>();
	for (const s of sentences) for (const t of s.tokens) if (t.shape === 'lower') lowerWords.add(t.folded);

	// Pass 2a: candidates a rule typed become entities.
	const pending: Array<{candidate: Candidate; tokenized: TokenizedSentence}> = [];
	const definitions: Array<{entity: Working; candidate: Candidate}> = [];
	for (const tokenized of sentences) {
		if (tokenized.mode !== 'prose') continue;
		for (const candidate of findCandidates(tokenized)) {
			if (candidate.title) {
				for (let k = candidate.first; k < candidate.last; k++) roster.covered.add(tokenized.tokens[k]!.start);
				continue;
			}
			if (!candidate.type) {
				pending.push({candidate, tokenized});
				continue;
			}
			const key = keyOf(tokenized.tokens, candidate.first, candidate.last);
			const canonicalKey = candidate.canonical ? foldKey(candidate.canonical) : undefined;
			let entity = (canonicalKey && roster.find(canonicalKey)) || roster.find(key);
			if (!entity) {
				entity = roster.create();
				if (candidate.canonical) entity.canonical = candidate.canonical;
			}
			if (canonicalKey) roster.addKey(entity, canonicalKey);
			roster.mention(entity, tokenized, candidate.first, candidate.last, candidate.type, candidate.canonical ? 3 : 1);
			if (candidate.titled) entity.extraAliases.add(candidate.titled);
			if (candidate.defines) definitions.push({entity, candidate});
			if (candidate.club) entity.club = true;
		}
	}
	for (const entity of roster.entities) {
		if (!entity.club) continue;
		const {person, place, organization} = entity.votes;
		entity.votes = {person: 0, place: 0, organization: person + place + organization};
	}

	// Pass 2b: merge the forms of one entity.
	mergeAbbreviations(roster, definitions);
	mergePersons(roster);
	mergeSurnames(roster);
	mergeOrganizations(roster);

	// Single words nothing vouched for: a known name's part, or a person when the context says so.
	const known = buildAliasIndex(roster);
	for (const {candidate, tokenized} of pending) {
		const {tokens} = tokenized;
		const word = tokens[candidate.first]!;
		const key = keyOf(tokens, candidate.first, candidate.last);
		if (roster.find(key) || roster.covered.has(word.start) || longestAlias(tokens, candidate.first, known, roster, tokenized.mode)) continue;
		if (candidate.afterThe || candidate.tail || word.initial || isCommonWord(word.folded) || lowerWords.has(word.folded) || isNotAName(word.folded)) continue;
		const type: EntityType | undefined = candidate.placeCue ? 'place' : candidate.personCue ? 'person' : undefined;
		if (!type) continue;
		const entity = roster.create();
		roster.addKey(entity, key);
		entity.votes[type] += 1;
	}

	// Pass 3: every word not yet in a mention, against every name now known.
	const index = buildAliasIndex(roster);
	for (const tokenized of sentences) matchKnownNames(roster, tokenized, index, lowerWords);

	return roster
		.live()
		.filter(e => e.mentions.length > 0)
		.map(e => toDocumentEntity(e))
		.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

function foldKey(name: string): string {
	return name
		.replace(/['’]s\b/gu, '')
		.split(/[^\p{L}\p{M}\p{N}&'’.]+/u)
		.filter(Boolean)
		.map(w => w.toLowerCase().replace(/[’‘]/g, "'").replace(/\./g, ''))
		.join(' ');
}

/** "Belt and Road Initiative (BRI)": the abbreviation becomes a name of the entity before it. */
function mergeAbbreviations(roster: Roster, definitions: Array<{entity: Working; candidate: Candidate}>) {
	for (const {entity, candidate} of definitions) {
		const abbreviation = candidate.defines!;
		const letters = abbreviation.replace(/[^\p{L}]/gu, '').toUpperCase();
		if (!isSubsequence(letters, initials(candidate.text)) && !spellsOut(letters, candidate.text)) continue;
		const key = foldKey(abbreviation);
		const existing = roster.find(key);
		const target = root(entity);
		if (existing && existing !== target) roster.merge(existing, target);
		roster.addKey(target, key);
		target.extraAliases.add(abbreviation);
	}
}

/**
 * "TMC" for "Trinamool Congress": an abbreviation may take letters from inside the words, but it starts
 * with the name's first initial and ends with its last word's.
 */
function spellsOut(letters: string, name: string): boolean {
	const first = initials(name);
	if (letters.length < 2 || first.length < 2 || letters[0] !== first[0] || letters[letters.length - 1] !== first[first.length - 1]) return false;
	const body = name.toUpperCase().replace(/[^\p{Lu}]/gu, '');
	let i = 0;
	for (const ch of body) if (ch === letters[i]) i++;
	return i === letters.length;
}

/** "FDA" in "USFDA": the letters in order, ending on the name's last word. */
function isSubsequence(short: string, long: string): boolean {
	if (short.length < 2) return false;
	let i = 0;
	for (const ch of long) if (ch === short[i]) i++;
	return i === short.length && short[short.length - 1] === long[long.length - 1];
}

/** Words of a person's full names, each pointing at the one person it can stand for. */
function personWords(roster: Roster): Map<string, Working | null> {
	const words = new Map<string, Working | null>();
	for (const entity of roster.live()) {
		if (topType(entity) !== 'person') continue;
		for (const key of entity.keys) {
			const parts = key.split(' ');
			if (parts.length < 2) continue;
			// A two-word name's last two words are the whole name: it is no part that could clash with a longer name's
			// ("Sanwo Olu" and "Babajide Sanwo-Olu").
			const tails = parts.length > 2 ? [parts.slice(1).join(' '), parts.slice(-2).join(' ')] : [];
			for (const word of new Set([parts[0]!, parts[parts.length - 1]!, ...tails])) {
				// "May" alone is the month more often than Theresa May.
				if (isCalendarWord(word)) continue;
				const seen = words.get(word);
				if (seen === undefined) words.set(word, entity);
				else if (seen !== null && root(seen) !== root(entity)) words.set(word, null);
			}
		}
	}
	return words;
}

/**
 * "Mayor Rob Ford ... Ford said": the surname of a person named in full is that person, though the gazetteer
 * knows a company or a place by the word, when the full name comes first ("Ford's founder Henry Ford" keeps
 * the carmaker).
 */
function mergeSurnames(roster: Roster) {
	const surnames = new Map<string, Working | null>();
	for (const entity of roster.live()) {
		if (topType(entity) !== 'person') continue;
		for (const key of entity.keys) {
			const parts = key.split(' ');
			if (parts.length < 2) continue;
			const surname = parts[parts.length - 1]!;
			const seen = surnames.get(surname);
			surnames.set(surname, seen === undefined || seen === entity ? entity : null);
		}
	}
	for (const entity of roster.live()) {
		if (topType(entity) === 'person' || entity.keys.size !== 1) continue;
		const [key] = entity.keys;
		const owner = surnames.get(key!);
		if (owner && root(owner) !== root(entity) && firstMention(owner) < firstMention(entity)) roster.merge(entity, owner, {votes: false});
	}
}

function firstMention(entity: Working): number {
	let first = Infinity;
	for (const mention of root(entity).mentions) first = Math.min(first, mention.start);
	return first;
}

/** "President Xi" and "Xi Jinping", "Ms. Hitchens" and "Heather Hitchens": one person. */
function mergePersons(roster: Roster) {
	const words = personWords(roster);
	for (const entity of roster.live()) {
		if (topType(entity) !== 'person') continue;
		const longest = Math.max(...[...entity.keys].map(k => k.split(' ').length));
		if (longest >= 3) continue;
		for (const key of entity.keys) {
			const owner = words.get(key);
			if (owner && root(owner) !== root(entity) && longestKey(owner) > longest) {
				roster.merge(entity, owner);
				break;
			}
		}
	}
}

function longestKey(entity: Working): number {
	return Math.max(...[...root(entity).keys].map(k => k.split(' ').length));
}

/**
 * "Security Council" and "UN Security Council", "American Theatre Wing Andrew Lloyd Webber
 * Initiative" and "Andrew Lloyd Webber Initiative": an organization's name that ends with another's,
 * the words before it being a known place or organization, is the same organization.
 */
function mergeOrganizations(roster: Roster) {
	const organizations = roster.live().filter(e => topType(e) === 'organization');
	const byKey = new Map<string, Working>();
	for (const e of organizations) for (const key of e.keys) byKey.set(key, e);
	for (const e of organizations) {
		for (const key of [...e.keys]) {
			const words = key.split(' ');
			if (words.length < 2) continue;
			// "Apple Inc", "Huawei Technologies": the company without its suffix.
			if (CORPORATE_SUFFIXES.has(words[words.length - 1]!)) {
				const base = words.slice(0, -1).join(' ');
				const other = byKey.get(base);
				if (other && root(other) !== root(e)) roster.merge(other, e);
				roster.addKey(root(e), base);
			}
			// "Harvard University" is "Harvard", "Johns Hopkins University" is "Johns Hopkins", even where a rule took
			// that short form for a person's name.
			const school = words.slice(0, -1);
			if (SCHOOL_HEADS.has(words[words.length - 1]!) && !school.includes('of') && (school.length > 1 || !isCommonWord(school[0]!))) {
				const short = school.join(' ');
				// "Oxford" in a story on Oxford University is the university, not the city.
				const misread = roster.find(short);
				if (misread && root(misread) !== root(e) && (topType(misread) === 'person' || misread.keys.size === 1)) roster.merge(misread, e, {votes: false});
				roster.addKey(root(e), short);
			}
			// "Golden State Warriors" are "the Warriors": a team goes by its plural nickname ("University of Texas" has none).
			const nickname = words[words.length - 1]!;
			if (/[^s]s$/u.test(nickname) && !ORGANIZATION_HEADS.has(nickname) && !words.includes('of') && !lookupName(nickname, nickname)) roster.addKey(root(e), nickname);
			// "Tony Award" and "Tony Awards".
			const plural = byKey.get(key + 's');
			if (plural && root(plural) !== root(e)) roster.merge(e, plural);
			for (let k = 1; k < words.length; k++) {
				const tail = byKey.get(words.slice(k).join(' '));
				if (!tail || root(tail) === root(e)) continue;
				// A lone word as the tail only after a place: "Boston Celtics" and "Celtics".
				if (k === words.length - 1 && !tail.keys.has(words[k]!)) continue;
				const head = words.slice(0, k).join(' ');
				const headKnown = lookupName(head.toUpperCase(), head) ?? lookupName(head, head);
				if ((k < words.length - 1 && roster.find(head)) || headKnown) {
					roster.merge(e, tail);
					break;
				}
			}
		}
	}
	// An abbreviation standing alone ("FDA") for an organization named in full in the document,
	// perhaps after a place ("US Food and Drug Administration").
	const live = roster.live().filter(e => topType(e) === 'organization');
	const byInitials = new Map<string, Working | null>();
	for (const o of live) {
		for (const surface of o.surfaces.keys()) {
			if (!surface.includes(' ')) continue;
			const letters = initials(surface);
			for (const form of new Set([letters, letters.slice(1)])) {
				const seen = byInitials.get(form);
				byInitials.set(form, seen === undefined || seen === o ? o : null);
			}
		}
	}
	for (const e of live) {
		const surface = [...e.surfaces.keys()][0] ?? '';
		if (e.surfaces.size !== 1 || surface.includes(' ') || surface !== surface.toUpperCase()) continue;
		const owner = byInitials.get(surface.replace(/[^\p{L}]/gu, '').toUpperCase());
		if (owner && root(owner) !== root(e)) roster.merge(e, owner);
	}
}

/** Heads a school's name drops in running text. */
const SCHOOL_HEADS = new Set(['university', 'college']);

/** Endings a company's name drops in running text: "Apple Inc." is "Apple". */
const CORPORATE_SUFFIXES = new Set(['inc', 'corp', 'corporation', 'co', 'ltd', 'llc', 'plc', 'group', 'holdings', 'technologies', 'limited', 'ag', 'sa', 'nv']);

interface AliasEntry {
	words: number;
	entity: Working;
	/** Written in capitals only ("US"): never matches "Us" or "us". */
	capitalsOnly: boolean;
	/** A part of a name ("Andrew", "Wing"): not to be taken from a common word opening a sentence. */
	partial: boolean;
}

/** Names known in a document, by their folded words, and how many words a name starting with a word can have. */
interface AliasIndex {
	byKey: Map<string, AliasEntry>;
	longest: Map<string, number>;
}

function buildAliasIndex(roster: Roster): AliasIndex {
	const index: AliasIndex = {byKey: new Map(), longest: new Map()};
	const add = (key: string, entity: Working, capitalsOnly: boolean, partial: boolean) => {
		if (index.byKey.has(key)) return;
		const words = key.split(' ');
		index.byKey.set(key, {words: words.length, entity, capitalsOnly, partial});
		index.longest.set(words[0]!, Math.max(index.longest.get(words[0]!) ?? 0, words.length));
	};
	const live = roster.live();
	for (const entity of live) {
		const capitalised = new Set<string>();
		for (const surface of entity.surfaces.keys()) if (surface.length <= 6 && surface === surface.toUpperCase()) capitalised.add(foldKey(surface));
		for (const key of entity.keys) {
			const short = !key.includes(' ') && key.length <= 3 && !entity.surfaces.has(titleCaseWord(key));
			add(key, entity, capitalised.has(key) || short, false);
		}
	}
	for (const [words, entity] of personWords(roster)) if (entity) add(words, root(entity), false, true);
	// "the Wing", "the Foundation": the head noun of exactly one organization in the document.
	const heads = new Map<string, Working | null>();
	for (const entity of live) {
		if (topType(entity) !== 'organization') continue;
		for (const key of entity.keys) {
			const words = key.split(' ');
			const head = words[words.length - 1]!;
			if (words.length < 2 || !ORGANIZATION_HEADS.has(head)) continue;
			const seen = heads.get(head);
			heads.set(head, seen === undefined || seen === entity ? entity : null);
		}
	}
	for (const [head, entity] of heads) if (entity) add(head, entity, false, true);
	return index;
}

function titleCaseWord(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Count the words not yet in a mention that spell a known name, and read headlines and capitals lines. */
function matchKnownNames(roster: Roster, tokenized: TokenizedSentence, index: AliasIndex, lowerWords: Set<string>) {
	const {tokens, mode} = tokenized;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (roster.covered.has(t.start)) continue;
		const readable = mode === 'capitals' ? t.shape === 'upper' || t.shape === 'cap' : isNameShape(t);
		if (!readable) continue;
		const match = longestAlias(tokens, i, index, roster, mode);
		if (match) {
			const entity = root(match.entry.entity);
			roster.mention(entity, tokenized, i, match.end, undefined);
			i = match.end - 1;
			continue;
		}
		if (mode !== 'title') continue;
		// A headline names places and organizations the gazetteer knows, abbreviations, and people by full name.
		const known = knownAt(tokens, i, tokenized.sentence.text, tokenized.sentence.start);
		if (known) {
			const key = known.canonical ? foldKey(known.canonical) : keyOf(tokens, i, known.end);
			const entity = roster.find(key) ?? roster.create();
			entity.canonical ??= known.canonical;
			roster.addKey(entity, key);
			roster.mention(entity, tokenized, i, known.end, known.type, 3);
			i = known.end - 1;
			continue;
		}
		if (t.shape === 'upper' && t.text.length >= 2 && t.text.length <= 5 && !isNotAName(t.folded) && !lowerWords.has(t.folded)) {
			const entity = roster.find(t.folded) ?? roster.create();
			roster.mention(entity, tokenized, i, i + 1, 'organization');
			continue;
		}
		if (isFirstName(t.folded) && !isCommonWord(t.folded)) {
			let end = i + 1;
			while (end < tokens.length && end - i < 4 && isNameShape(tokens[end]) && continues(tokens, end) && !isCommonWord(tokens[end]!.folded)) end++;
			if (end - i >= 2) {
				const key = tokens.slice(i, end).map(w => w.folded).join(' ');
				const entity = roster.find(key) ?? roster.create();
				roster.mention(entity, tokenized, i, end, 'person');
				i = end - 1;
			}
		}
	}
}

function longestAlias(tokens: Token[], i: number, index: AliasIndex, roster: Roster, mode: TokenizedSentence['mode']): {entry: AliasEntry; end: number} | undefined {
	const t = tokens[i]!;
	const longest = index.longest.get(t.folded);
	if (!longest) return undefined;
	// The words that may belong to one name from here: joined, and not yet in a mention.
	let reach = 1;
	while (reach < longest && i + reach < tokens.length && continues(tokens, i + reach) && !roster.covered.has(tokens[i + reach]!.start)) reach++;
	for (let n = reach; n >= 1; n--) {
		const entry = index.byKey.get(keyOf(tokens, i, i + n));
		if (!entry) continue;
		if (entry.capitalsOnly && (t.shape !== 'upper' || mode === 'capitals')) continue;
		if (entry.partial && n === 1 && t.initial && isCommonWord(t.folded) && !actsAsPerson(tokens, i)) continue;
		// A part of a name must not be the start of a longer, different name: "Andrew Smith" is not Andrew Lloyd Webber.
		const after = tokens[i + n];
		if (entry.partial && mode === 'prose' && isNameShape(after) && continues(tokens, i + n) && !roster.covered.has(after!.start)) continue;
		return {entry, end: i + n};
	}
	return undefined;
}

/** Verbs a person's surname opens a sentence with ("White put Arsenal ahead"), besides any ending in -ed. */
const SUBJECT_VERBS = new Set('put set hit got went came ran made scored said says won lost took gave struck kept left saw told was has had'.split(' '));

/**
 * "White’s low cross", "White put Arsenal ahead", "White and Saka combined": a surname that is also an everyday word
 * opens a sentence as the person's name when a possessive, a verb or another name follows it.
 */
function actsAsPerson(tokens: Token[], i: number): boolean {
	const t = tokens[i]!;
	if (t.possessive) return true;
	const next = tokens[i + 1];
	if (!next || !next.joinsPrevious) return false;
	if (next.shape === 'lower' && (SUBJECT_VERBS.has(next.folded) || /[^e]ed$/u.test(next.folded))) return true;
	return next.folded === 'and' && isNameShape(tokens[i + 2]) && tokens[i + 2]!.joinsPrevious && !isCommonWord(tokens[i + 2]!.folded);
}

function toDocumentEntity(entity: Working): DocumentEntity {
	const type = topType(entity);
	const surfaces = [...entity.surfaces.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
	const words = (s: string) => s.split(/[\s-]+/u).length;
	// Headlines and datelines in capitals ("BEIJING", "TRUMP") are not how a name is written.
	const shouted = (s: string) => s.length > 5 && s === s.toUpperCase();
	const written = surfaces.filter(([s]) => s !== s.toUpperCase());
	const pool = written.length > 0 ? written : surfaces;
	let name: string;
	if (entity.canonical) name = entity.canonical;
	// A person by the fullest form of the name; anything else by its most used full name, not an abbreviation.
	else if (type === 'person') name = [...pool].sort((a, b) => words(b[0]) - words(a[0]) || b[1] - a[1])[0]![0];
	else name = (pool.find(([s]) => words(s) > 1 && s !== s.toUpperCase()) ?? pool[0]!)[0];
	if (shouted(name)) name = name.charAt(0) + name.slice(1).toLowerCase();
	const aliases: string[] = [];
	const push = (alias: string) => {
		if (alias && !aliases.includes(alias)) aliases.push(alias);
	};
	push(name);
	for (const [s] of surfaces) push(s);
	for (const alias of entity.extraAliases) push(alias);
	const mentions = [...entity.mentions].sort((a, b) => a.start - b.start);
	return {name, type, aliases, mentions};
}
