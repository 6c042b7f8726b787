import type {Document, Span} from '../corpus/types.js';

export type EntityType = 'person' | 'place' | 'organization';

/** One occurrence of an entity's name in a document. */
export interface Mention extends Span {
	sentence: number;
	/** The surface form, as in the text ("Xi’s" is recorded as "Xi"). */
	text: string;
}

/** A real-world entity as found in one document: its surface forms merged. */
export interface DocumentEntity {
	name: string;
	type: EntityType;
	aliases: string[];
	mentions: Mention[];
}

export type FactKind = 'money' | 'percent' | 'quantity' | 'year' | 'date';

/** One occurrence of a figure in a sentence. */
export interface Fact extends Span {
	sentence: number;
	kind: FactKind;
	/** The figure's surface string, as in the text. */
	text: string;
	/** A number, or an ISO date string for kind "date" ("2016-12-14", "2011-06", "--03-25"). */
	value: number | string;
	/** ISO currency code for money, "%" for percent, the counted noun for quantities, "" otherwise. */
	unit: string;
	/** What the figure measures, when the sentence says ("bilateral trade"). */
	subject: string;
	/** Names of the entities mentioned in the same sentence. */
	entities: string[];
}

export interface DocumentStats {
	words: number;
	sentences: number;
	paragraphs: number;
	readingMinutes: number;
	entities: number;
	facts: number;
	duplicateParagraphs: number;
}

/** Everything the analysis knows about one document. Plain data: it crosses worker threads and the cache. */
export interface DocumentAnalysis {
	document: Document;
	entities: DocumentEntity[];
	facts: Fact[];
	stats: DocumentStats;
}

/** An entity across the whole set of documents. */
export interface EntityRow {
	name: string;
	type: EntityType;
	mentions: number;
	/** Mentions per document path. */
	documents: Record<string, number>;
	aliases: string[];
}

export interface SearchHit {
	document: string;
	sentence: number;
	/** 0 is a perfect match, 1 no match at all (fuse.js scores). */
	score: number;
	text: string;
	/** Matched character ranges within `text`, for highlighting. */
	matches: Span[];
}
