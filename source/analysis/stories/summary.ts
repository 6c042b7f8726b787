// What a story is called and what it says: its headline, main entities and a summary quoted word for word.
//
// The documents come ordered earliest first, each with its unit TF-IDF vector (see group.ts). A title or a
// sentence is central when its words weigh much in the story's other documents: what one outlet alone
// says does not state what the articles share.
//
// All of it is computed from each document's StoryText: what a story reads of a document, small enough for
// the store to keep beside its story parts, so that a story of several documents is built without reading
// them whole.
import type {Sentence} from '../../corpus/types.js';
import type {DocumentAnalysis} from '../types.js';
import {storySignature, type StorySignature} from './terms.js';

/** Main entities listed per story. */
const ENTITIES = 5;
/** A summary quotes at most this many sentences; two when the story is a single document. */
const SUMMARY_SENTENCES = 3;
const SINGLE_SUMMARY_SENTENCES = 2;

/** A sentence a summary may quote, with its content words and the keys of the figures it reports. */
export interface QuotableSentence {
	sentence: number;
	text: string;
	terms: string[];
	figures: string[];
}

/** What a story reads of one of its documents: its title, outlet and date, its quotable sentences and its entities. */
export interface StoryText {
	title: string;
	/** The publication date as the document gives it (ISO 8601), or "". */
	published: string;
	source: string;
	/** The title's content words. */
	titleTerms: string[];
	/** The keys of every figure it reports. */
	figures: string[];
	quotables: QuotableSentence[];
	/** Its entities, with the number of their mentions. */
	entities: Array<{name: string; type: string; aliases: string[]; mentions: number}>;
}

/** A document's StoryText, from its analysis (and its signature, when at hand). */
export function storyText(analysis: DocumentAnalysis, signature: StorySignature = storySignature(analysis)): StoryText {
	const {document} = analysis;
	return {
		title: document.title,
		published: document.published,
		source: document.source ?? '',
		titleTerms: [...signature.titleTerms],
		figures: [...signature.figures.keys()],
		quotables: document.sentences
			.filter(sentence => quotable(sentence, document.title))
			.map(sentence => ({sentence: sentence.index, text: sentence.text, terms: signature.sentenceTerms[sentence.index] ?? [], figures: signature.sentenceFigures[sentence.index] ?? []})),
		entities: analysis.entities.map(({name, type, aliases, mentions}) => ({name, type, aliases, mentions: mentions.length})),
	};
}

/**
 * The words' weights summed over all of a story's vectors, so that what a text shares with the *other*
 * documents costs one pass per text, not one per document pair.
 */
function centroidOf(vectors: Array<Map<string, number>>): Map<string, number> {
	const sum = new Map<string, number>();
	for (const vector of vectors) for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
	return sum;
}

/** How much the words of `terms` weigh in the other documents' vectors, per word (so long titles do not win). */
function weightElsewhere(terms: Set<string>, centroid: Map<string, number>, own: Map<string, number>): number {
	if (terms.size === 0) return 0;
	let sum = 0;
	for (const term of terms) sum += (centroid.get(term) ?? 0) - (own.get(term) ?? 0);
	return sum / Math.sqrt(terms.size);
}

/** The title that shares most telling words with the story's other documents. */
export function storyHeadline(docs: StoryText[], vectors: Array<Map<string, number>>): string {
	const centroid = centroidOf(vectors);
	let best = '';
	let bestScore = -1;
	docs.forEach((doc, i) => {
		const title = doc.title.trim();
		if (!title) return;
		const score = weightElsewhere(new Set(doc.titleTerms), centroid, vectors[i]!);
		if (score > bestScore) {
			best = title;
			bestScore = score;
		}
	});
	return best;
}

/**
 * Entities named by most of the story's documents, then most mentioned. One outlet's "Lagarde" and
 * another's "Christine Lagarde" (whose aliases include "Lagarde") are one entity: entities that share a
 * name or alias are merged, and called by the name most documents use.
 */
export function storyEntities(docs: StoryText[]): string[] {
	interface Row {
		documents: Set<number>;
		mentions: number;
		first: number;
		names: Map<string, number>;
		parent: Row | undefined;
	}
	const root = (row: Row): Row => {
		let r = row;
		while (r.parent) r = r.parent;
		return r;
	};
	const rowOfForm = new Map<string, Row>();
	const rows: Row[] = [];
	docs.forEach(({entities}, doc) => {
		for (const entity of entities) {
			const row: Row = {documents: new Set([doc]), mentions: entity.mentions, first: rows.length, names: new Map([[entity.name, 1]]), parent: undefined};
			rows.push(row);
			for (const form of new Set([entity.name, ...entity.aliases].map(f => f.toLowerCase()))) {
				const other = rowOfForm.get(form);
				if (!other) rowOfForm.set(form, row);
				else if (root(other) !== root(row)) root(row).parent = root(other);
			}
		}
	});
	// A person called by one name in one outlet ("Lula") and in full in another ("Luiz Inácio Lula da Silva").
	const personWords = new Map<string, Row>();
	const single: Array<[string, Row]> = [];
	docs.forEach(({entities}) => {
		for (const entity of entities) {
			if (entity.type !== 'person') continue;
			const row = rowOfForm.get(entity.name.toLowerCase());
			if (!row) continue;
			const words = entity.name.toLowerCase().split(/\s+/);
			if (words.length === 1) single.push([words[0]!, row]);
			else for (const word of words) if (!personWords.has(word)) personWords.set(word, row);
		}
	});
	for (const [word, row] of single) {
		const full = personWords.get(word);
		if (full && root(full) !== root(row)) root(row).parent = root(full);
	}
	const merged = new Map<Row, {documents: Set<number>; mentions: number; first: number; names: Map<string, number>}>();
	for (const row of rows) {
		const top = root(row);
		const into = merged.get(top) ?? {documents: new Set<number>(), mentions: 0, first: row.first, names: new Map<string, number>()};
		for (const doc of row.documents) into.documents.add(doc);
		into.mentions += row.mentions;
		into.first = Math.min(into.first, row.first);
		for (const [name, count] of row.names) into.names.set(name, (into.names.get(name) ?? 0) + count);
		merged.set(top, into);
	}
	return [...merged.values()]
		.sort((a, b) => b.documents.size - a.documents.size || b.mentions - a.mentions || a.first - b.first)
		.slice(0, ENTITIES)
		.map(row => [...row.names].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0]);
}

/**
 * A sentence fit to quote: story text (no boilerplate, not the headline), a whole sentence (a capital or a
 * quote first, a full stop, question or exclamation mark last) and long enough to say something.
 */
function quotable(sentence: Sentence, title: string): boolean {
	const text = sentence.text.trim();
	if (sentence.boilerplate || text.length <= 20 || text === title.trim()) return false;
	// Ending on the stop itself, not a closing quote: quoted sentences joined by spaces must still split
	// where they were cut, for a reader or a checker looking each one up in its article.
	if (!/^[\p{Lu}\p{N}“"‘'(]/u.test(text) || !/[.!?]$/u.test(text)) return false;
	return text.split(/\s+/).length >= 6;
}

interface Candidate {
	doc: number;
	sentence: QuotableSentence;
	terms: Set<string>;
	score: number;
}

const overlap = (a: Set<string>, b: Set<string>): number => {
	let shared = 0;
	for (const t of a) if (b.has(t)) shared++;
	return shared / Math.max(1, Math.min(a.size, b.size));
};

/** A sentence of a summary: of which of the story's documents (its place in `docs`), which sentence. */
export interface Quoted {
	doc: number;
	sentence: number;
	text: string;
}

/**
 * Two or three sentences that state what the documents share, word for word: those whose words and figures
 * recur in the other documents, leads favoured, no two saying the same; listed earliest document first.
 */
export function storySummary(docs: StoryText[], vectors: Array<Map<string, number>>): Quoted[] {
	if (docs.length === 1) return docs[0]!.quotables.slice(0, SINGLE_SUMMARY_SENTENCES).map(({sentence, text}) => ({doc: 0, sentence, text}));
	const centroid = centroidOf(vectors);
	// In how many documents each figure stands.
	const figureDocuments = new Map<string, number>();
	for (const {figures} of docs) for (const key of new Set(figures)) figureDocuments.set(key, (figureDocuments.get(key) ?? 0) + 1);
	const candidates: Candidate[] = [];
	docs.forEach(({quotables}, doc) => {
		quotables.forEach((sentence, rank) => {
			const terms = new Set(sentence.terms);
			// Lead sentences state the event; later ones add detail and quotes.
			const lead = 1 / (1 + 0.15 * rank);
			// Figures of the sentence that another document of the story reports too.
			const figures = new Set(sentence.figures.filter(key => (figureDocuments.get(key) ?? 0) > 1)).size;
			const score = (weightElsewhere(terms, centroid, vectors[doc]!) / (docs.length - 1) + 0.1 * Math.min(figures, 3)) * lead;
			candidates.push({doc, sentence, terms, score});
		});
	});
	const chosen: Candidate[] = [];
	for (const candidate of candidates.sort((a, b) => b.score - a.score || a.doc - b.doc || a.sentence.sentence - b.sentence.sentence)) {
		if (chosen.length >= SUMMARY_SENTENCES) break;
		if (chosen.some(c => overlap(c.terms, candidate.terms) > 0.5)) continue;
		chosen.push(candidate);
	}
	return chosen
		.sort((a, b) => a.doc - b.doc || a.sentence.sentence - b.sentence.sentence)
		.map(c => ({doc: c.doc, sentence: c.sentence.sentence, text: c.sentence.text}));
}
