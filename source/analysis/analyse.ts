import {buildDocument} from '../corpus/document.js';
import type {Document, SourceDocument} from '../corpus/types.js';
import {findEntities} from './entities.js';
import {findFacts} from './facts.js';
import {documentStats} from './stats.js';
import type {DocumentAnalysis} from './types.js';

export function analyseDocument(document: Document): DocumentAnalysis {
	const entities = findEntities(document);
	const facts = findFacts(document, entities);
	return {document, entities, facts, stats: documentStats(document, entities, facts)};
}

export function analyseText(path: string, text: string): DocumentAnalysis {
	return analyseDocument(buildDocument(path, text));
}

/** The analysis of a document as its input format yielded it, metadata and marked paragraphs included. */
export function analyseSource(source: SourceDocument): DocumentAnalysis {
	return analyseDocument(buildDocument(source.name, source.text, source.meta, source.marks));
}
