import {buildDocument} from '../corpus/document.js';
import type {Document} from '../corpus/types.js';
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
