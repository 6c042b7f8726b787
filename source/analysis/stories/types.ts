// The briefing across documents: stories (documents about one event), figures compared between the
// outlets of a story, and a timeline of every date the documents state.
import type {FactKind} from '../types.js';

/** A sentence quoted word for word from a document. */
export interface Quote {
	/** The document's path (its name in the output). */
	document: string;
	/** The sentence's index in its document, from 0. */
	sentence: number;
	text: string;
}

/** Documents that report the same event. A document with no other about its event is a story of its own. */
export interface Story {
	/** Stable for the same documents: "s1", "s2"… in the order stories are listed (largest first). */
	id: string;
	/** The most representative title among its documents. */
	headline: string;
	/** Paths of its documents, earliest first when dates are known, else in input order. */
	documents: string[];
	/** Distinct sources (outlets); documents with no source count as one source each. */
	sources: number;
	/** ISO dates of its earliest and latest publication; empty when none of its documents is dated. */
	firstPublished: string;
	lastPublished: string;
	/** Its main entities' names, most central first. */
	entities: string[];
	/** Two or three sentences that state what its documents share, earliest and most central first. */
	summary: Quote[];
}

/** One mention of a figure in a comparison. */
export interface ComparedFigure {
	document: string;
	sentence: number;
	/** The figure as written ("$1.2 billion"). */
	text: string;
	/** In the fact's units: money in units of its currency, percent and percentage points as numbers. */
	value: number | string;
	unit: string;
	/** The period or vintage the figure is for, when the sentence says ("2023", "before the decision"). */
	period: string;
	/** The range the figure states: "about 10" or "more than 10" compare as ranges. */
	low: number;
	high: number;
}

export type ComparisonStatus = 'agree' | 'differ';

/** Figures of one story that measure the same thing (same subject, kind, unit and period) in different documents. */
export interface Comparison {
	/** "g1", "g2"… */
	id: string;
	story: string;
	subject: string;
	kind: FactKind;
	status: ComparisonStatus;
	figures: ComparedFigure[];
}

export type DatePrecision = 'day' | 'month' | 'year';

/** A date a document states, placed on the calendar. */
export interface TimelineEntry {
	/** ISO at its precision: "2022-09-08", "2022-09" or "2022". */
	date: string;
	precision: DatePrecision;
	document: string;
	sentence: number;
	/** The date as written ("on Thursday", "last month", "Sept. 8"). */
	text: string;
	/** Entities named in the sentence. */
	entities: string[];
	/** The story of the document. */
	story: string;
}

/** Everything the briefing says across the documents. */
export interface Briefing {
	stories: Story[];
	comparisons: Comparison[];
	timeline: TimelineEntry[];
}
