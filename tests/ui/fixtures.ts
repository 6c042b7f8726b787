import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {analyseText} from '../../source/analysis/analyse.js';
import {documentStats} from '../../source/analysis/stats.js';
import type {DocumentAnalysis, DocumentEntity, EntityType, Fact, FactKind} from '../../source/analysis/types.js';
import type {Briefing} from '../../source/analysis/stories/types.js';
import {buildDocument, NO_META} from '../../source/corpus/document.js';
import type {DocumentMeta} from '../../source/corpus/types.js';

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
export function analysisOf(path: string, text: string, {entities = [], facts = [], meta = {}}: {entities?: EntitySpec[]; facts?: FactSpec[]; meta?: Partial<DocumentMeta>} = {}): DocumentAnalysis {
	const document = buildDocument(path, text, {...NO_META, ...meta});
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

/** The index of the sentence of `analysis` that contains `text`. */
export function sentenceOf(analysis: DocumentAnalysis, text: string): number {
	const sentence = analysis.document.sentences.find(s => s.text.includes(text));
	if (!sentence) throw new Error(`fixture: no sentence of ${analysis.document.path} has "${text}"`);
	return sentence.index;
}

/**
 * Three dated documents from three outlets, in this order: Reuters and AP on a strike (they disagree on
 * how many walked out, agree on the trade stalled), and an older local piece on a ferry.
 */
export function newsSet(): DocumentAnalysis[] {
	const reuters = analysisOf(
		'wire/reuters-strike.txt',
		['Dock workers strike at Port Vell', '', 'About 2,000 dock workers walked out at Port Vell on Monday, March 4. The strike halted trade worth $40 million a day.', '', 'Talks resume on March 8.'].join('\n'),
		{
			entities: [{name: 'Port Vell', type: 'place'}],
			facts: [
				{text: 'About 2,000', kind: 'quantity', value: 2000, unit: 'workers', subject: 'workers on strike'},
				{text: '$40 million', kind: 'money', value: 4e7, unit: 'USD', subject: 'trade'},
			],
			meta: {title: 'Dock workers strike at Port Vell', source: 'Reuters', author: 'Jane Doe', published: '2024-03-05T09:30:00Z', url: 'https://reuters.example/strike'},
		},
	);
	const ap = analysisOf(
		'wire/ap-strike.txt',
		['Port Vell strike halts ships', '', 'Some 3,000 workers joined the strike at Port Vell on March 4, the union said. Trade worth $40 million a day is stalled.'].join('\n'),
		{
			entities: [{name: 'Port Vell', type: 'place'}],
			facts: [
				{text: 'Some 3,000', kind: 'quantity', value: 3000, unit: 'workers', subject: 'workers on strike'},
				{text: '$40 million', kind: 'money', value: 4e7, unit: 'USD', subject: 'trade'},
			],
			meta: {title: 'Port Vell strike halts ships', source: 'AP', author: 'Sam Roe', published: '2024-03-04', url: 'https://ap.example/port-vell'},
		},
	);
	const ferry = analysisOf('local/ferry.txt', ['Ferry line opens', '', 'A new ferry links Port Vell with Ostra from March 1. It carries 300 passengers.'].join('\n'), {
		entities: [{name: 'Ostra', type: 'place'}],
		meta: {title: 'Ferry line opens', source: 'Ostra Daily', published: '2024-02-20'},
	});
	return [reuters, ap, ferry];
}

/** A briefing of `newsSet()` written by hand, so the dashboard tests do not depend on how stories are grouped. The timeline is given out of order on purpose. */
export function newsBriefing(analyses: DocumentAnalysis[]): Briefing {
	const [reuters, ap, ferry] = analyses as [DocumentAnalysis, DocumentAnalysis, DocumentAnalysis];
	const path = (a: DocumentAnalysis) => a.document.path;
	const figure = (a: DocumentAnalysis, text: string, value: number, unit: string) => ({document: path(a), sentence: sentenceOf(a, text), text, value, unit, period: '', low: value, high: value});
	const entry = (a: DocumentAnalysis, date: string, text: string, story: string) => ({date, precision: 'day' as const, document: path(a), sentence: sentenceOf(a, text), text, entities: [], story});
	return {
		stories: [
			{
				id: 's1',
				headline: 'Dock workers strike at Port Vell',
				documents: [path(ap), path(reuters)],
				sources: 2,
				firstPublished: '2024-03-04',
				lastPublished: '2024-03-05',
				entities: ['Port Vell'],
				summary: [{document: path(reuters), sentence: sentenceOf(reuters, 'walked out'), text: 'About 2,000 dock workers walked out at Port Vell on Monday, March 4.'}],
			},
			{
				id: 's2',
				headline: 'Ferry line opens',
				documents: [path(ferry)],
				sources: 1,
				firstPublished: '2024-02-20',
				lastPublished: '2024-02-20',
				entities: ['Ostra'],
				summary: [{document: path(ferry), sentence: sentenceOf(ferry, 'new ferry'), text: 'A new ferry links Port Vell with Ostra from March 1.'}],
			},
		],
		comparisons: [
			{id: 'g1', story: 's1', subject: 'workers on strike', kind: 'quantity', status: 'differ', figures: [figure(reuters, 'About 2,000', 2000, 'workers'), figure(ap, 'Some 3,000', 3000, 'workers')]},
			{id: 'g2', story: 's1', subject: 'trade', kind: 'money', status: 'agree', figures: [figure(reuters, '$40 million', 4e7, 'USD'), figure(ap, '$40 million', 4e7, 'USD')]},
		],
		timeline: [
			entry(reuters, '2024-03-08', 'March 8', 's1'),
			entry(reuters, '2024-03-04', 'March 4', 's1'),
			entry(ferry, '2024-03-01', 'March 1', 's2'),
			entry(ap, '2024-03-04', 'March 4', 's1'),
		],
	};
}
