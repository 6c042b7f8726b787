import {buildDocument} from '../corpus/document.js';
import type {Document} from '../corpus/types.js';
import {findEntities} from './entities.js';
import {findFacts} from './facts.js';
import {documentStats} from './stats.js';
import type {DocumentAnalysis, EntityRow} from './types.js';

/** Bump when the analysis changes what it produces, so cached results are not reused. */
export const ANALYSIS_VERSION = 1;

export function analyseDocument(document: Document): DocumentAnalysis {
	const entities = findEntities(document);
	const facts = findFacts(document, entities);
	return {document, entities, facts, stats: documentStats(document, entities, facts)};
}

export function analyseText(path: string, text: string): DocumentAnalysis {
	return analyseDocument(buildDocument(path, text));
}

function entityKey(type: string, name: string): string {
	return `${type}\u0000${name.toLowerCase()}`;
}

/**
 * One row per entity across documents. Documents are analysed alone, so the same entity can carry
 * a short name in one ("Xi") and a full one in another ("Xi Jinping"); rows merge when they share an alias.
 */
export function mergeEntities(analyses: DocumentAnalysis[]): EntityRow[] {
	const rows: EntityRow[] = [];
	const byAlias = new Map<string, EntityRow>();
	for (const {document, entities} of analyses) {
		for (const entity of entities) {
			const keys = [entity.name, ...entity.aliases].map(a => entityKey(entity.type, a));
			let row = byAlias.get(entityKey(entity.type, entity.name)) ?? keys.map(k => byAlias.get(k)).find(Boolean);
			if (!row) {
				row = {name: entity.name, type: entity.type, mentions: 0, documents: {}, aliases: []};
				rows.push(row);
			}
			row.mentions += entity.mentions.length;
			row.documents[document.path] = (row.documents[document.path] ?? 0) + entity.mentions.length;
			if (entity.name.length > row.name.length && entity.aliases.includes(row.name)) row.name = entity.name;
			for (const alias of [entity.name, ...entity.aliases]) if (!row.aliases.includes(alias)) row.aliases.push(alias);
			for (const k of keys) if (!byAlias.has(k)) byAlias.set(k, row);
		}
	}
	return rows.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}
