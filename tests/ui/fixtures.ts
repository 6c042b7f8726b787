import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {analyseText} from '../../source/analysis/analyse.js';
import {documentStats} from '../../source/analysis/stats.js';
import type {DocumentAnalysis, DocumentEntity, EntityType, Fact, FactKind} from '../../source/analysis/types.js';
import {buildDocument} from '../../source/corpus/document.js';

export interface EntitySpec {
	name: string;
	type: EntityType;
	/** Surface forms to find in the text (every occurrence becomes a mention); by default the name. */
	forms?: string[];
}

export interface FactSpec {
	text: string;
	kind: FactKind;
	value: number | string;
	unit?: string;
	subject?: string;
}

/**
 * An analysis with entities and facts given by hand, on a document built the real way, so the UI tests
 * do not depend on what the entity and fact rules happen to find.
 */
export function analysisOf(path: string, text: string, {entities = [], facts = []}: {entities?: EntitySpec[]; facts?: FactSpec[]} = {}): DocumentAnalysis {
	const document = buildDocument(path, text);
	const sentenceAt = (offset: number) => document.sentences.find(s => s.start <= offset && offset < s.end)?.index ?? 0;
	const found: DocumentEntity[] = entities.map(spec => {
		const mentions = [];
		for (const form of spec.forms ?? [spec.name]) {
			for (let at = document.text.indexOf(form); at >= 0; at = document.text.indexOf(form, at + form.length)) {
				mentions.push({start: at, end: at + form.length, sentence: sentenceAt(at), text: form});
			}
		}
		return {name: spec.name, type: spec.type, aliases: (spec.forms ?? []).filter(f => f !== spec.name), mentions: mentions.sort((a, b) => a.start - b.start)};
	});
	const figures: Fact[] = facts.map(spec => {
		const start = document.text.indexOf(spec.text);
		if (start < 0) throw new Error(`fixture: "${spec.text}" is not in ${path}`);
		const sentence = sentenceAt(start);
		const names = found.filter(e => e.mentions.some(m => m.sentence === sentence)).map(e => e.name);
		return {start, end: start + spec.text.length, sentence, kind: spec.kind, text: spec.text, value: spec.value, unit: spec.unit ?? '', subject: spec.subject ?? '', entities: names};
	});
	return {document, entities: found, facts: figures, stats: documentStats(document, found, figures)};
}

/** A small set of documents about one subject, with a repeated paragraph and a boilerplate line. */
export function smallSet(): DocumentAnalysis[] {
	const trade = analysisOf(
		'news/trade.txt',
		[
			'Harbour trade grows',
			'',
			'Anna Berg said on Monday that trade through Port Vell grew by 12% last year. The Harbour Board expects more.',
			'',
			'Trade reached $4.5 billion in 2023, according to the Harbour Board. Anna Berg called it a record.',
			'',
			'Anna Berg said on Monday that trade through Port Vell grew by 12% last year. The Harbour Board expects more.',
			'',
			'Read more: harbour news',
		].join('\n'),
		{
			entities: [
				{name: 'Anna Berg', type: 'person'},
				{name: 'Port Vell', type: 'place'},
				{name: 'Harbour Board', type: 'organization'},
			],
			facts: [
				{text: '12%', kind: 'percent', value: 12, unit: '%', subject: 'trade'},
				{text: '$4.5 billion', kind: 'money', value: 4.5e9, unit: 'USD', subject: 'trade'},
				{text: '2023', kind: 'year', value: 2023},
			],
		},
	);
	const ferry = analysisOf(
		'news/ferry.txt',
		['Ferry line opens', '', 'A new ferry links Port Vell with Ostra from 2025. It carries 300 passengers.', '', 'Mayor Ola Nym opened the line.'].join('\n'),
		{
			entities: [
				{name: 'Port Vell', type: 'place'},
				{name: 'Ostra', type: 'place'},
				{name: 'Ola Nym', type: 'person'},
			],
			facts: [
				{text: '2025', kind: 'year', value: 2025},
				{text: '300 passengers', kind: 'quantity', value: 300, unit: 'passengers', subject: 'ferry'},
			],
		},
	);
	return [trade, ferry];
}

/** The bundled seed articles, analysed for real. */
export function seedAnalyses(): DocumentAnalysis[] {
	const directory = join(import.meta.dirname, '..', '..', 'seeds');
	return readdirSync(directory)
		.filter(name => name.endsWith('.txt'))
		.sort()
		.map(name => analyseText(join('seeds', name), readFileSync(join(directory, name), 'utf8')));
}
