import type {DocumentAnalysis} from '../types.js';
import {compareAndKeep, keptComparisons, numbered, type ComparisonCache, type Draft} from './compare.js';
import {buildStory, type GroupingDocument, groupDocuments, groupingDocument, TermDictionary, vectorOf, type Weighted} from './group.js';
import {type LoneStory, type StoredDate, type StoryParts, storyPartsAndText} from './parts.js';
import type {StoryText} from './summary.js';
import {timelineOf} from './timeline.js';
import type {Briefing, Comparison, Story} from './types.js';

/** The briefing across a set of analysed documents: stories, then their figures compared and the timeline. */
export function brief(analyses: DocumentAnalysis[]): Briefing {
	const briefer = new Briefer();
	for (const analysis of analyses) {
		const {parts, text} = storyPartsAndText(analysis);
		briefer.add(analysis.document.path, parts, {text: () => text, analysis: () => analysis});
	}
	return briefer.brief();
}

/** How the briefer reads a document when a story of several needs it: its StoryText, and (to compare its figures) its analysis. */
export interface DocumentReader {
	text: () => StoryText | undefined;
	analysis: () => DocumentAnalysis | undefined;
}

/** What the briefer holds of a document until the briefing is done: its parts, the words as numbers. */
interface Held {
	name: string;
	hash: string | undefined;
	dates: StoredDate[];
	alone: LoneStory;
	published: string;
	read: DocumentReader;
}

/**
 * The briefing of documents given one at a time by their story parts (parts.ts): grouping compares the
 * parts, and only the documents of stories that have several are read, a story at a time: their StoryTexts
 * for its headline and summary, and their analyses to compare its figures. With a content hash for every
 * document of a story and a cache, the story's comparisons are taken from the cache when its documents were
 * compared before, and the analyses are not read.
 */
export class Briefer {
	readonly #dictionary = new TermDictionary();
	#grouping: GroupingDocument[] = [];
	readonly #held: Held[] = [];
	readonly #readTexts: ((hashes: readonly string[]) => Map<string, StoryText>) | undefined;
	#missing = 0;

	/** `readTexts`, when given, reads the texts of a story's documents (by content hash) at once; a text it lacks is read one by one. */
	constructor(readTexts?: (hashes: readonly string[]) => Map<string, StoryText>) {
		this.#readTexts = readTexts;
	}

	/** Add a document: its name in the briefing, its parts, how to read it (its analysis as a document of that name), and its content hash if known. */
	add(name: string, parts: StoryParts, read: DocumentReader, hash?: string): void {
		this.#grouping.push(
			groupingDocument({terms: parts.terms.map((term, i) => [term, parts.counts[i]!] as [string, number]), figures: parts.figures, day: parts.day ?? undefined}, this.#dictionary),
		);
		this.#held.push({name, hash, dates: parts.dates, alone: parts.alone, published: parts.published, read});
	}

	/** False when a document could not be read when its story needed it (and was left out of it, or of its comparisons). */
	get complete(): boolean {
		return this.#missing === 0;
	}

	/** The briefing; `onStory` is told each story built (of how many), the grouping done before the first. */
	brief(comparisons?: ComparisonCache, onStory?: (done: number, total: number) => void): Briefing {
		const {groups, weighted} = groupDocuments(this.#grouping, this.#dictionary);
		this.#grouping = [];
		// What stays of the weights: the vectors of documents whose story has others (for its headline and summary).
		const vectors: Array<Weighted | undefined> = weighted;
		for (const members of groups) if (members.length === 1) vectors[members[0]!] = undefined;
		const held = this.#held;
		const stories: Story[] = [];
		const compared: Comparison[] = [];
		const storyOf: string[] = [];
		for (const [done, members] of groups.entries()) {
			onStory?.(done, groups.length);
			const id = `s${stories.length + 1}`;
			// A story of several documents: their texts (any that can no longer be read is left out).
			const hashes = members.map(i => held[i]!.hash);
			const texts = members.length > 1 && this.#readTexts && hashes.every(hash => hash !== undefined) ? this.#readTexts(hashes as string[]) : undefined;
			const loaded = members.length === 1 ? [] : members.flatMap(i => {
				const text = texts?.get(held[i]!.hash!) ?? held[i]!.read.text();
				if (!text) this.#missing++;
				return text ? [{i, text}] : [];
			});
			if (members.length > 1 && loaded.length === 0) continue;
			if (loaded.length < 2) {
				const i = loaded[0]?.i ?? members[0]!;
				const {name, alone, published} = held[i]!;
				stories.push({
					id,
					headline: alone.headline,
					documents: [name],
					sources: 1,
					firstPublished: published,
					lastPublished: published,
					entities: alone.entities,
					summary: alone.summary.map(({sentence, text}) => ({document: name, sentence, text})),
				});
				storyOf[i] = id;
				continue;
			}
			const {story, order} = buildStory(
				id,
				loaded.map(l => ({name: held[l.i]!.name, text: l.text})),
				loaded.map(l => vectorOf(vectors[l.i]!, this.#dictionary)),
			);
			for (const {i} of loaded) storyOf[i] = id;
			const ordered = order.map(k => held[loaded[k]!.i]!);
			stories.push(story);
			compared.push(...numbered(this.#compared(ordered, comparisons), id, compared.length));
		}
		// Every document's dates, but for those left out of their story.
		const timeline = timelineOf(held.flatMap((h, i) => (storyOf[i] === undefined ? [] : [{document: h.name, story: storyOf[i]!, dates: h.dates}])));
		return {stories, comparisons: compared, timeline};
	}

	/**
	 * The figures of a story's documents (in its order) compared: kept from an earlier briefing when all its
	 * documents' hashes are known and the cache holds them, else from the analyses, read whole now.
	 */
	#compared(documents: Held[], cache: ComparisonCache | undefined): Draft[] {
		const hashes = documents.map(document => document.hash);
		const kept = cache && hashes.every(hash => hash !== undefined) ? {cache, hashes: hashes as string[]} : undefined;
		const found = kept && keptComparisons(documents.map(document => document.name), kept);
		if (found) return found;
		const analyses = documents.flatMap(document => {
			const analysis = document.read.analysis();
			if (!analysis) this.#missing++;
			return analysis ? [analysis] : [];
		});
		// Copied, so that the figures (texts cut from the documents) do not hold the documents read for them.
		return structuredClone(compareAndKeep(analyses, analyses.length === documents.length ? kept : undefined));
	}
}
