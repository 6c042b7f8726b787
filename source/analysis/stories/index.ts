import type {DocumentAnalysis} from '../types.js';
import {comparedStory, numbered, type ComparisonCache} from './compare.js';
import {buildStory, type GroupingDocument, groupDocuments, groupingDocument, TermDictionary, vectorOf, type Weighted} from './group.js';
import {type LoneStory, type StoredDate, type StoryParts, storyParts} from './parts.js';
import {timelineOf} from './timeline.js';
import type {Briefing, Comparison, Story} from './types.js';

/** The briefing across a set of analysed documents: stories, then their figures compared and the timeline. */
export function brief(analyses: DocumentAnalysis[]): Briefing {
	const briefer = new Briefer();
	for (const analysis of analyses) briefer.add(analysis.document.path, storyParts(analysis), () => analysis);
	return briefer.brief();
}

/** What the briefer holds of a document until the briefing is done: its parts, the words as numbers. */
interface Held {
	name: string;
	hash: string | undefined;
	dates: StoredDate[];
	alone: LoneStory;
	published: string;
	analysis: () => DocumentAnalysis | undefined;
}

/**
 * The briefing of documents given one at a time by their story parts (parts.ts): grouping compares the
 * parts, and only the documents of stories that have several are read whole (`analysis`), a story at a
 * time, for its headline, summary and compared figures. With a content hash for every document of a story
 * and a cache, the story's comparisons are taken from the cache when its documents were compared before.
 */
export class Briefer {
	readonly #dictionary = new TermDictionary();
	#grouping: GroupingDocument[] = [];
	readonly #held: Held[] = [];
	#missing = 0;

	/** Add a document: its name in the briefing, its parts, how to read its analysis (a document of that name), and its content hash if known. */
	add(name: string, parts: StoryParts, analysis: () => DocumentAnalysis | undefined, hash?: string): void {
		this.#grouping.push(
			groupingDocument({terms: parts.terms.map((term, i) => [term, parts.counts[i]!] as [string, number]), figures: parts.figures, day: parts.day ?? undefined}, this.#dictionary),
		);
		this.#held.push({name, hash, dates: parts.dates, alone: parts.alone, published: parts.published, analysis});
	}

	/** False when a document could not be read whole when its story needed it (and was left out). */
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
			// Read whole: a story of several documents (any that can no longer be read is left out).
			const loaded = members.length === 1 ? [] : members.flatMap(i => {
				const analysis = held[i]!.analysis();
				if (!analysis) this.#missing++;
				return analysis ? [{i, analysis}] : [];
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
				loaded.map(l => l.analysis),
				loaded.map(l => vectorOf(vectors[l.i]!, this.#dictionary)),
			);
			for (const {i} of loaded) storyOf[i] = id;
			const ordered = order.map(k => loaded[k]!);
			const hashes = ordered.map(l => held[l.i]!.hash);
			const kept = comparisons && hashes.every(hash => hash !== undefined) ? {cache: comparisons, hashes: hashes as string[]} : undefined;
			// Copied, so that the quotes and figures (texts cut from the documents) do not hold the documents read for them.
			stories.push(structuredClone(story));
			compared.push(...numbered(structuredClone(comparedStory(ordered.map(l => l.analysis), kept)), id, compared.length));
		}
		// Every document's dates, but for those left out of their story.
		const timeline = timelineOf(held.flatMap((h, i) => (storyOf[i] === undefined ? [] : [{document: h.name, story: storyOf[i]!, dates: h.dates}])));
		return {stories, comparisons: compared, timeline};
	}
}
