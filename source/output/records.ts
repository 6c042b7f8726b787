import type {Comparison, Story, TimelineEntry} from '../analysis/stories/types.js';
import type {DocumentAnalysis, DocumentStats, EntityRow, Fact, SearchHit} from '../analysis/types.js';
import type {Document, DocumentMeta} from '../corpus/types.js';

/** The columns of each pipe command, in their fixed order. JSON objects carry the same fields. */
export const COLUMNS = {
	facts: ['document', 'sentence', 'kind', 'text', 'value', 'unit', 'subject', 'entities', 'context'],
	entities: ['name', 'type', 'mentions', 'documents', 'aliases'],
	stats: ['document', 'title', 'words', 'sentences', 'paragraphs', 'reading_minutes', 'entities', 'facts', 'duplicate_paragraphs', 'source', 'author', 'published', 'url'],
	search: ['document', 'sentence', 'score', 'text'],
	documents: ['document', 'title', 'source', 'author', 'published', 'url', 'words', 'text'],
	stories: ['story', 'headline', 'documents', 'sources', 'first_published', 'last_published', 'entities', 'summary'],
	compare: ['group', 'story', 'subject', 'kind', 'status', 'document', 'sentence', 'text', 'value', 'unit'],
	timeline: ['date', 'precision', 'document', 'sentence', 'text', 'entities', 'story'],
} as const;

export type Command = keyof typeof COLUMNS;
export type Cell = string | number | string[] | Record<string, number>;
export type OutputRecord = Record<string, Cell>;

/** A figure as the facts command prints it: a Fact without its offsets (the store keeps no more). */
export type PrintedFact = Pick<Fact, 'sentence' | 'kind' | 'text' | 'value' | 'unit' | 'subject' | 'entities'>;

export function factRecords({document, facts}: DocumentAnalysis): OutputRecord[] {
	return figureRecords(document.path, facts, sentence => document.sentences[sentence]?.text ?? '');
}

/** Sentence numbers are shown from 1, as a reader counts them; `context` gives a sentence's text by its index. */
export function figureRecords(document: string, facts: readonly PrintedFact[], context: (sentence: number) => string): OutputRecord[] {
	return facts.map(fact => ({
		document,
		sentence: fact.sentence + 1,
		kind: fact.kind,
		text: fact.text,
		value: fact.value,
		unit: fact.unit,
		subject: fact.subject,
		entities: fact.entities,
		context: context(fact.sentence),
	}));
}

export function entityRecord(row: EntityRow): OutputRecord {
	return {name: row.name, type: row.type, mentions: row.mentions, documents: row.documents, aliases: row.aliases};
}

/** The document column of the row that totals the whole set. */
export const TOTAL_DOCUMENT = '(all documents)';

const NO_META: Omit<DocumentMeta, 'title'> = {source: '', author: '', published: '', url: ''};

export function statsRecord(document: string, title: string, stats: DocumentStats, meta: Omit<DocumentMeta, 'title'> = NO_META): OutputRecord {
	return {
		document,
		title,
		words: stats.words,
		sentences: stats.sentences,
		paragraphs: stats.paragraphs,
		reading_minutes: stats.readingMinutes,
		entities: stats.entities,
		facts: stats.facts,
		duplicate_paragraphs: stats.duplicateParagraphs,
		source: meta.source,
		author: meta.author,
		published: meta.published,
		url: meta.url,
	};
}

export function searchRecord(hit: SearchHit): OutputRecord {
	return {document: hit.document, sentence: hit.sentence + 1, score: Number(hit.score.toFixed(4)), text: hit.text};
}

/**
 * A document as read, clean: its story paragraphs separated by blank lines, without the headline (it has
 * its own column) and without what was marked as boilerplate (captions, bylines, related links).
 */
export function documentRecord(document: Document): OutputRecord {
	const paragraphs = document.paragraphs.filter(p => !p.boilerplate);
	if (paragraphs[0] && paragraphs[0].text === document.title) paragraphs.shift();
	return {
		document: document.path,
		title: document.title,
		source: document.source,
		author: document.author,
		published: document.published,
		url: document.url,
		words: document.words,
		text: paragraphs.map(p => p.text).join('\n\n'),
	};
}

export function storyRecord(story: Story): OutputRecord {
	return {
		story: story.id,
		headline: story.headline,
		documents: story.documents,
		sources: story.sources,
		first_published: story.firstPublished,
		last_published: story.lastPublished,
		entities: story.entities,
		summary: story.summary.map(quote => quote.text).join(' '),
	};
}

/** One row per figure of a comparison. */
export function comparisonRecords(comparison: Comparison): OutputRecord[] {
	return comparison.figures.map(figure => ({
		group: comparison.id,
		story: comparison.story,
		subject: comparison.subject,
		kind: comparison.kind,
		status: comparison.status,
		document: figure.document,
		sentence: figure.sentence + 1,
		text: figure.text,
		value: figure.value,
		unit: figure.unit,
	}));
}

export function timelineRecord(entry: TimelineEntry): OutputRecord {
	return {
		date: entry.date,
		precision: entry.precision,
		document: entry.document,
		sentence: entry.sentence + 1,
		text: entry.text,
		entities: entry.entities,
		story: entry.story,
	};
}
