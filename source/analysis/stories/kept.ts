// The briefing from the store: a set of documents briefed before is one lookup, and a set that changed is
// briefed again with the comparisons of every story whose documents are unchanged taken from the store.
// Grouping is done again over every document: it weighs words by how many documents use them, so one new
// document can move others, and only a grouping of all of them gives what a run from scratch gives.
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Store} from '../../store/store.js';
import {analysisIdentity} from '../cache.js';
import type {DocumentAnalysis} from '../types.js';
import type {ComparisonCache, KeptComparison} from './compare.js';
import {Briefer} from './index.js';
import {decodeParts, decodeText, encodeParts, encodeText, storyPartsAndText} from './parts.js';
import {storyText, type StoryText} from './summary.js';
import type {Briefing} from './types.js';

/** A hash of this folder's sources, written into the bundle by build.mjs. */
declare const BRIEFING_CODE_ID: string | undefined;

let identity: string | undefined;

/** What the briefing code is: the analysis identity and the sources of the briefing (this folder). */
export function briefingIdentity(): string {
	if (identity) return identity;
	let code = typeof BRIEFING_CODE_ID === 'string' ? BRIEFING_CODE_ID : undefined;
	if (!code) {
		const folder = dirname(fileURLToPath(import.meta.url));
		const hash = createHash('sha256');
		for (const name of readdirSync(folder).sort()) {
			const path = join(folder, name);
			if (statSync(path).isFile()) hash.update(name).update('\0').update(readFileSync(path)).update('\0');
		}
		code = hash.digest('hex').slice(0, 16);
	}
	identity = `${analysisIdentity()}/${code}`;
	return identity;
}

/** A document to brief: its name in the output, its content hash, and its analysis when at hand (else read from the store). */
export interface BriefedDocument {
	name: string;
	hash: string;
	analysis?: DocumentAnalysis;
}

// Non-finite numbers (a figure's open range: "more than 10") survive the round trip through JSON.
const encode = (_key: string, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? {number: String(value)} : value);
const decode = (_key: string, value: unknown) =>
	value !== null && typeof value === 'object' && Object.keys(value).length === 1 && typeof (value as {number?: unknown}).number === 'string' ? Number((value as {number: string}).number) : value;

/** The briefing as the store keeps it. */
export function encodeBriefing(briefing: Briefing | KeptComparison[]): string {
	return JSON.stringify(briefing, encode);
}

export function decodeBriefing<T = Briefing>(json: string): T {
	return JSON.parse(json, decode) as T;
}

/** A hash of the briefing code and these strings (a list of any length: 100,000 documents are 200,000 of them). */
function keyOf(parts: Iterable<string>): string {
	const hash = createHash('sha256').update(briefingIdentity());
	for (const part of parts) hash.update('\0').update(part);
	return hash.digest('hex');
}

/** The comparisons of stories as the store keeps them: by the content hashes of their documents. */
export function storedComparisons(store: Store): ComparisonCache {
	return {
		key: hashes => keyOf(hashes),
		get: key => {
			const json = store.kept('comparisons', key);
			return json === undefined ? undefined : decodeBriefing<KeptComparison[]>(json);
		},
		set: (key, comparisons) => store.keep('comparisons', key, encodeBriefing(comparisons)),
	};
}

/** Where a long briefing stands: its documents' parts read or made, the grouping begun, its stories built. */
export type BriefingStage = 'parts' | 'grouping' | 'stories';
export type BriefingProgress = (stage: BriefingStage, done: number, total: number) => void;

/** Story parts read from (and written to) the store a batch of documents at a time. */
const PARTS_BATCH = 500;

/**
 * The briefing of these documents, in this order: from the store when it holds one for the same names and
 * texts, else briefed from each document's story parts (kept in the store; made from the analysis the
 * first time) with the store's comparisons of unchanged stories, and kept. Only the StoryTexts of the documents
 * of stories that have several are read, and the documents themselves only to compare the figures of a story
 * not compared before. Documents whose analysis is neither given nor stored any more are left out.
 */
export function briefFromStore(store: Store, documents: readonly BriefedDocument[], onProgress?: BriefingProgress): Briefing {
	const key = keyOf(documents.flatMap(({name, hash}) => [name, hash]));
	const kept = store.kept('briefings', key);
	if (kept !== undefined) return decodeBriefing(kept);
	const code = briefingIdentity();
	// A story's texts in one read; a row that is gone or damaged is left out (and made again from the document).
	const readTexts = (hashes: readonly string[]) => {
		const texts = new Map<string, StoryText>();
		for (const [hash, json] of store.storyTexts(hashes, code)) {
			const text = decodeText(json);
			if (text) texts.set(hash, text);
		}
		return texts;
	};
	const briefer = new Briefer(readTexts);
	let complete = true;
	for (let start = 0; start < documents.length; start += PARTS_BATCH) {
		onProgress?.('parts', start, documents.length);
		const batch = documents.slice(start, start + PARTS_BATCH);
		const stored = store.storyParts(
			batch.map(d => d.hash),
			code,
		);
		const made: Array<[string, string, string]> = [];
		for (const {name, hash, analysis} of batch) {
			const found = stored.get(hash);
			// A row that does not read as parts is made again, and replaced.
			let parts = found === undefined ? undefined : decodeParts(found);
			const whole = () => analysis ?? store.document(hash, name);
			// When its story's texts are read (readTexts) without it: made again from the document.
			const text = () => {
				const read = whole();
				return read && storyText(read);
			};
			if (!parts) {
				const read = whole();
				if (!read) {
					complete = false;
					continue;
				}
				const fresh = storyPartsAndText(read);
				const encoded = encodeParts(fresh.parts);
				made.push([hash, encoded, encodeText(fresh.text)]);
				// Read back: its strings are its own, where a sentence or a figure's text cut from the analysis would hold the whole document.
				parts = decodeParts(encoded)!;
			}
			briefer.add(name, parts, {text, analysis: whole}, hash);
		}
		store.keepStoryParts(code, made);
	}
	onProgress?.('grouping', documents.length, documents.length);
	const briefing = briefer.brief(storedComparisons(store), onProgress && ((done, total) => onProgress('stories', done, total)));
	// Kept only whole: a set with a document missing is not the set the key names.
	if (complete && briefer.complete) store.keep('briefings', key, encodeBriefing(briefing));
	return briefing;
}
