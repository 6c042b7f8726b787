import type {DocumentAnalysis, DocumentStats, EntityRow, SearchHit} from '../analysis/types.js';

/** The columns of each pipe command, in their fixed order. JSON objects carry the same fields. */
export const COLUMNS = {
	facts: ['document', 'sentence', 'kind', 'text', 'value', 'unit', 'subject', 'entities', 'context'],
	entities: ['name', 'type', 'mentions', 'documents', 'aliases'],
	stats: ['document', 'title', 'words', 'sentences', 'paragraphs', 'reading_minutes', 'entities', 'facts', 'duplicate_paragraphs'],
	search: ['document', 'sentence', 'score', 'text'],
} as const;

export type Command = keyof typeof COLUMNS;
export type Cell = string | number | string[] | Record<string, number>;
export type OutputRecord = Record<string, Cell>;

/** Sentence numbers are shown from 1, as a reader counts them. */
export function factRecords({document, facts}: DocumentAnalysis): OutputRecord[] {
	return facts.map(fact => ({
		document: document.path,
		sentence: fact.sentence + 1,
		kind: fact.kind,
		text: fact.text,
		value: fact.value,
		unit: fact.unit,
		subject: fact.subject,
		entities: fact.entities,
		context: document.sentences[fact.sentence]?.text ?? '',
	}));
}

export function entityRecord(row: EntityRow): OutputRecord {
	return {name: row.name, type: row.type, mentions: row.mentions, documents: row.documents, aliases: row.aliases};
}

/** The document column of the row that totals the whole set. */
export const TOTAL_DOCUMENT = '(all documents)';

export function statsRecord(document: string, title: string, stats: DocumentStats): OutputRecord {
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
	};
}

export function searchRecord(hit: SearchHit): OutputRecord {
	return {document: hit.document, sentence: hit.sentence + 1, score: Number(hit.score.toFixed(4)), text: hit.text};
}
