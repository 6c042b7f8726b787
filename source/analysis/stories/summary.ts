// What a story is called and what it says: its headline, main entities and a summary quoted word for word.
//
// The documents come ordered earliest first, each with its unit TF-IDF vector (see group.ts). A title or a
// sentence is central when its words weigh much in the story's other documents: what one outlet alone
// says does not state what the articles share.
import type {Sentence} from '../../corpus/types.js';
import type {DocumentAnalysis} from '../types.js';
import {type StorySignature, figureKey} from './terms.js';
import type {Quote} from './types.js';

/** Main entities listed per story. */
const ENTITIES = 5;
/** A summary quotes at most this many sentences; two when the story is a single document. */
const SUMMARY_SENTENCES = 3;
const SINGLE_SUMMARY_SENTENCES = 2;

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
export function storyHeadline(docs: DocumentAnalysis[], signatures: StorySignature[], vectors: Array<Map<string, number>>): string {
	const centroid = centroidOf(vectors);
	let best = '';
	let bestScore = -1;
	docs.forEach((analysis, i) => {
		const title = analysis.document.title.trim();
		if (!title) return;
		const score = weightElsewhere(signatures[i]!.titleTerms, centroid, vectors[i]!);
		if (score > bestScore) {
			best = title;
			bestScore = score;
		}
	});
	return best;
}

/** Entities named by most of the story's documents, then most mentioned. */
export function storyEntities(docs: DocumentAnalysis[]): string[] {
	const rows = new Map<string, {name: string; documents: number; mentions: number; first: number}>();
	let order = 0;
	for (const analysis of docs) {
		for (const entity of analysis.entities) {
			const key = entity.name.toLowerCase();
			const row = rows.get(key) ?? {name: entity.name, documents: 0, mentions: 0, first: order++};
			row.documents++;
			row.mentions += entity.mentions.length;
			rows.set(key, row);
		}
	}
	return [...rows.values()]
		.sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.first - b.first)
		.slice(0, ENTITIES)
		.map(row => row.name);
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
	sentence: Sentence;
	terms: Set<string>;
	score: number;
}

const overlap = (a: Set<string>, b: Set<string>): number => {
	let shared = 0;
	for (const t of a) if (b.has(t)) shared++;
	return shared / Math.max(1, Math.min(a.size, b.size));
};

/**
 * Two or three sentences that state what the documents share, word for word: those whose words and figures
 * recur in the other documents, leads favoured, no two saying the same; listed earliest document first.
 */
export function storySummary(docs: DocumentAnalysis[], signatures: StorySignature[], vectors: Array<Map<string, number>>): Quote[] {
	const centroid = centroidOf(vectors);
	const figuresOf = docs.map(a => new Set(a.facts.map(f => figureKey(f)?.key).filter((k): k is string => k !== undefined)));
	// In how many documents each figure stands.
	const figureDocuments = new Map<string, number>();
	for (const set of figuresOf) for (const key of set) figureDocuments.set(key, (figureDocuments.get(key) ?? 0) + 1);
	const candidates: Candidate[] = [];
	docs.forEach((analysis, doc) => {
		const {document} = analysis;
		const quotableSentences = document.sentences.filter(s => quotable(s, document.title));
		quotableSentences.forEach((sentence, rank) => {
			const terms = new Set(signatures[doc]!.sentenceTerms[sentence.index] ?? []);
			// Lead sentences state the event; later ones add detail and quotes.
			const lead = 1 / (1 + 0.15 * rank);
			let score = lead;
			if (docs.length > 1) {
				let figures = 0;
				for (const fact of analysis.facts) {
					if (fact.sentence !== sentence.index) continue;
					const key = figureKey(fact)?.key;
					if (key && (figureDocuments.get(key) ?? 0) > (figuresOf[doc]!.has(key) ? 1 : 0)) figures++;
				}
				score = (weightElsewhere(terms, centroid, vectors[doc]!) / (docs.length - 1) + 0.1 * Math.min(figures, 3)) * lead;
			}
			candidates.push({doc, sentence, terms, score});
		});
	});
	const limit = docs.length > 1 ? SUMMARY_SENTENCES : SINGLE_SUMMARY_SENTENCES;
	const chosen: Candidate[] = [];
	for (const candidate of [...candidates].sort((a, b) => b.score - a.score || a.doc - b.doc || a.sentence.index - b.sentence.index)) {
		if (chosen.length >= limit) break;
		if (chosen.some(c => overlap(c.terms, candidate.terms) > 0.5)) continue;
		chosen.push(candidate);
	}
	return chosen
		.sort((a, b) => a.doc - b.doc || a.sentence.index - b.sentence.index)
		.map(c => ({document: docs[c.doc]!.document.path, sentence: c.sentence.index, text: c.sentence.text}));
}
