import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {SourceDocument} from '../corpus/types.js';
import type {DocumentAnalysis} from './types.js';

/**
 * What the analysis code is, as a hash of its sources: build.mjs computes it over the files of
 * source/analysis (but those identity.json names: run, search, stories), source/corpus and
 * package-lock.json and writes it into the bundle. Any change there retires every cached result, so no
 * stale result is ever served.
 */
declare const BRIEFING_ANALYSIS_ID: string | undefined;

let identity: string | undefined;

/** The same hash, computed from the sources when running unbundled (the tests). */
function identityFromSources(): string {
	const analysis = dirname(fileURLToPath(import.meta.url));
	const hash = createHash('sha256');
	// How a run is driven, searched and briefed does not change what is stored: those files are left out.
	const {excluded} = JSON.parse(readFileSync(join(analysis, 'identity.json'), 'utf8')) as {excluded: string[]};
	for (const dir of [analysis, join(analysis, '..', 'corpus')]) {
		for (const name of readdirSync(dir, {recursive: true, encoding: 'utf8'}).sort()) {
			if (dir === analysis && excluded.includes(name.split(/[\\/]/)[0]!)) continue;
			const path = join(dir, name);
			if (statSync(path).isFile()) hash.update(name).update('\0').update(readFileSync(path)).update('\0');
		}
	}
	try {
		hash.update(readFileSync(join(analysis, '..', '..', 'package-lock.json')));
	} catch {
		// Installed without a lock file: the sources alone identify the analysis.
	}
	return `source-${hash.digest('hex').slice(0, 16)}`;
}

export function analysisIdentity(): string {
	identity ??= typeof BRIEFING_ANALYSIS_ID === 'string' ? BRIEFING_ANALYSIS_ID : identityFromSources();
	return identity;
}

/** $XDG_CACHE_HOME/briefing, or ~/.cache/briefing as the XDG base directory specification says. */
export function defaultCacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
	const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
	return join(base, 'briefing');
}

/** The cache key of a text alone. */
export function contentHash(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** The cache key of a document: a hash of its text and of what its input said of it (metadata, marked paragraphs). */
export function sourceHash(source: SourceDocument): string {
	const hash = createHash('sha256').update(source.text).update('\0').update(JSON.stringify(source.meta));
	if (source.marks?.length) hash.update('\0').update(JSON.stringify(source.marks));
	return hash.digest('hex');
}

type StoredSpan = {start: number; end: number; text: string | null};

/** Every list of spans whose text is usually a slice of the document's text. */
function spanLists(analysis: DocumentAnalysis): StoredSpan[][] {
	const lists: unknown[] = [analysis.document.paragraphs, analysis.document.sentences, analysis.facts];
	for (const entity of analysis.entities) lists.push(entity.mentions);
	return lists.filter(Array.isArray) as StoredSpan[][];
}

/**
 * An analysis as kept in the store (source/store) and passed back by the worker threads: JSON, without the path (the
 * same text read under another name is the same analysis), without the document's text when it is the
 * source text as read (the cache key is that text's hash, so whoever decodes has it), and without the text
 * of spans (paragraphs, sentences, mentions, figures) that is a slice of the document's text. That halves
 * what a cached run reads and parses, and the sliced strings share the document's memory.
 */
export function encodeAnalysis(analysis: DocumentAnalysis, sourceText?: string): string {
	const document = analysis.document as unknown as {path: string; text: string | null};
	const text = analysis.document.text;
	// Blank the derivable texts in place and put them back after, rather than copy every span.
	const blanked: Array<{span: StoredSpan; text: string}> = [];
	for (const spans of spanLists(analysis)) {
		for (const span of spans) {
			if (typeof span.text === 'string' && span.text === text.slice(span.start, span.end)) {
				blanked.push({span, text: span.text});
				span.text = null;
			}
		}
	}
	const path = document.path;
	document.path = '';
	if (text === sourceText) document.text = null;
	try {
		return JSON.stringify(analysis);
	} finally {
		document.path = path;
		document.text = text;
		for (const {span, text} of blanked) span.text = text;
	}
}

/** The analysis back from `encodeAnalysis` of the same source text; throws on anything that is not one. */
export function decodeAnalysis(encoded: string, path: string, sourceText: string): DocumentAnalysis {
	const analysis = JSON.parse(encoded) as DocumentAnalysis;
	const document = analysis.document as unknown as {path: string; text: string | null} | undefined;
	if (!document || !Array.isArray(analysis.document.paragraphs) || !Array.isArray(analysis.document.sentences) || !Array.isArray(analysis.entities) || !Array.isArray(analysis.facts)) {
		throw new Error('not an analysis');
	}
	document.text ??= sourceText;
	if (typeof document.text !== 'string') throw new Error('not an analysis');
	document.path = path;
	const text = document.text;
	for (const spans of spanLists(analysis)) {
		for (const span of spans) if (span.text === null) span.text = text.slice(span.start, span.end);
	}
	return analysis;
}
