/**
 * What the dashboard holds of a stored document: its headline and metadata, its figures, its entities and
 * facts. Its text, paragraphs and sentences stay in the store and are read when a pane asks for them (the
 * Article, the sentence beside a mention), the last few kept. A hundred thousand articles then take some
 * hundreds of megabytes rather than several gigabytes.
 */
import type {CorpusItem} from '../analysis/run.js';
import type {DocumentAnalysis, DocumentEntity, DocumentStats, EntityType, Fact, Mention} from '../analysis/types.js';
import type {Document, DocumentMeta, Paragraph, Sentence} from '../corpus/types.js';
import type {Store} from './store.js';

/** Whole analyses kept after reading: a screen of mentions or dates names a few dozen documents at most. */
const RECENT = 96;
/** Documents read from the store at once: a query per table for the lot. */
const BATCH = 500;

/** A document whose text is in the store: the fields a list needs are here, the text is read when asked for. */
export class HeldDocument implements Document {
	readonly path: string;
	/** The content hash the store keeps it under. */
	readonly hash: string;
	readonly title: string;
	readonly source: string;
	readonly author: string;
	readonly published: string;
	readonly url: string;
	readonly words: number;
	readonly #shelf: HeldDocuments;

	constructor(shelf: HeldDocuments, path: string, hash: string, meta: DocumentMeta, words: number) {
		this.#shelf = shelf;
		this.path = path;
		this.hash = hash;
		this.title = meta.title;
		this.source = meta.source;
		this.author = meta.author;
		this.published = meta.published;
		this.url = meta.url;
		this.words = words;
	}

	/** The store it is held from. */
	get store(): Store {
		return this.#shelf.store;
	}

	/** The whole analysis, read from the store (or kept from a recent read); undefined once it is not stored. */
	whole(): DocumentAnalysis | undefined {
		return this.#shelf.whole(this);
	}

	get text(): string {
		return this.#shelf.whole(this)?.document.text ?? '';
	}

	get paragraphs(): Paragraph[] {
		return this.#shelf.whole(this)?.document.paragraphs ?? [];
	}

	get sentences(): Sentence[] {
		return this.#shelf.whole(this)?.document.sentences ?? [];
	}
}

/** The document as a plain object, text and all (for a worker thread, or anything that copies it). */
export function wholeDocument(document: Document): Document {
	const {path, title, source, author, published, url, words, text, paragraphs, sentences} = document;
	return {path, title, source, author, published, url, words, text, paragraphs, sentences};
}

/**
 * An entity as a held document names it. Its mentions are kept packed (sentence, start, end and which of its
 * surface forms, four integers each, in one array for the whole document) and made into objects when asked
 * for: at 100,000 articles, a few million mention objects would weigh more than everything else held.
 */
export class HeldEntity implements DocumentEntity {
	readonly name: string;
	readonly type: EntityType;
	readonly aliases: string[];
	/** How many mentions: what merging across documents counts, without making them. */
	readonly mentionCount: number;
	readonly #packed: Int32Array;
	readonly #first: number;
	readonly #surfaces: readonly string[];

	constructor(name: string, type: EntityType, aliases: string[], packed: Int32Array, first: number, count: number, surfaces: readonly string[]) {
		this.name = name;
		this.type = type;
		this.aliases = aliases;
		this.mentionCount = count;
		this.#packed = packed;
		this.#first = first;
		this.#surfaces = surfaces;
	}

	get mentions(): Mention[] {
		const mentions: Mention[] = [];
		for (let i = this.#first; i < this.#first + this.mentionCount * 4; i += 4) {
			const packed = this.#packed;
			mentions.push({sentence: packed[i]!, start: packed[i + 1]!, end: packed[i + 2]!, text: this.#surfaces[packed[i + 3]!]!});
		}
		return mentions;
	}
}

/** One copy of each string and list that many documents repeat (types, kinds, names, alias lists). */
class Interned {
	readonly #strings = new Map<string, string>();
	readonly #lists = new Map<string, string[]>();

	string(text: string): string {
		const known = this.#strings.get(text);
		if (known !== undefined) return known;
		const copy = Interned.copy(text);
		this.#strings.set(copy, copy);
		return copy;
	}

	/** A string of its own, not a slice of a whole document's text that it would keep in memory. */
	static copy(text: string): string {
		return text.length > 12 ? (' ' + text).slice(1) : text;
	}

	list(items: readonly string[]): string[] {
		const key = items.join('\u0000');
		const known = this.#lists.get(key);
		if (known) return known;
		const copy = items.map(item => this.string(item));
		this.#lists.set(key, copy);
		return copy;
	}
}

/** The documents of one store that the dashboard holds, and the last few read whole. */
export class HeldDocuments {
	readonly store: Store;
	readonly #recent = new Map<HeldDocument, DocumentAnalysis | undefined>();
	readonly #interned = new Interned();

	constructor(store: Store) {
		this.store = store;
	}

	/** A document kept in the store, with its entities and facts as read from there (or from a fresh analysis). */
	hold(path: string, hash: string, meta: DocumentMeta, stats: DocumentStats, parts: {entities: readonly DocumentEntity[]; facts: readonly Fact[]}): DocumentAnalysis {
		const interned = this.#interned;
		const packed = new Int32Array(parts.entities.reduce((sum, entity) => sum + entity.mentions.length * 4, 0));
		let at = 0;
		const entities = parts.entities.map(entity => {
			const surfaces = interned.list([...new Set(entity.mentions.map(mention => mention.text))]);
			const first = at;
			for (const mention of entity.mentions) {
				packed[at++] = mention.sentence;
				packed[at++] = mention.start;
				packed[at++] = mention.end;
				packed[at++] = surfaces.indexOf(mention.text);
			}
			return new HeldEntity(interned.string(entity.name), interned.string(entity.type) as EntityType, interned.list(entity.aliases), packed, first, entity.mentions.length, surfaces);
		});
		const facts = parts.facts.map(fact => ({
			sentence: fact.sentence,
			kind: interned.string(fact.kind) as Fact['kind'],
			text: interned.string(fact.text),
			value: typeof fact.value === 'string' ? interned.string(fact.value) : fact.value,
			unit: interned.string(fact.unit),
			subject: interned.string(fact.subject),
			entities: interned.list(fact.entities),
			start: fact.start,
			end: fact.end,
		}));
		const {copy} = Interned;
		const document = new HeldDocument(
			this,
			copy(path),
			hash,
			{title: copy(meta.title), source: interned.string(meta.source), author: interned.string(meta.author), published: interned.string(meta.published), url: copy(meta.url)},
			stats.words,
		);
		return {document, entities, facts, stats};
	}

	/** A document analysed in this run, once the store has taken it: its text is let go. */
	holdFresh(analysis: DocumentAnalysis, hash: string): DocumentAnalysis {
		return this.hold(analysis.document.path, hash, analysis.document, analysis.stats, analysis);
	}

	/** The whole analysis of a held document, read from the store (or kept from a recent read). */
	whole(document: HeldDocument): DocumentAnalysis | undefined {
		if (this.#recent.has(document)) {
			const analysis = this.#recent.get(document);
			// Most recently used last: the first key is the one to drop.
			this.#recent.delete(document);
			this.#recent.set(document, analysis);
			return analysis;
		}
		const analysis = this.store.document(document.hash, document.path);
		this.#recent.set(document, analysis);
		if (this.#recent.size > RECENT) this.#recent.delete(this.#recent.keys().next().value!);
		return analysis;
	}
}

/**
 * The documents of a run (readCorpus with `fromStore`) as the dashboard holds them: those kept in the store
 * are read from its tables a batch at a time, without their texts; those analysed now lose their texts once
 * stored. When the store cannot take one, it is held whole, as without a store.
 */
export async function* holdDocuments(items: AsyncIterable<CorpusItem>, shelf: HeldDocuments): AsyncGenerator<DocumentAnalysis> {
	let kept: Array<Extract<CorpusItem, {kept: unknown}>['kept']> = [];
	function* release(): Generator<DocumentAnalysis> {
		if (kept.length === 0) return;
		const parts = shelf.store.parts(kept.map(({stored}) => stored.id));
		for (const {stored, name} of kept) yield shelf.hold(name, stored.hash, stored, stored.stats, parts.get(stored.id) ?? {entities: [], facts: []});
		kept = [];
	}
	for await (const item of items) {
		if ('kept' in item) {
			kept.push(item.kept);
			if (kept.length >= BATCH) yield* release();
			continue;
		}
		yield* release();
		yield shelf.store.usable ? shelf.holdFresh(item.analysis, item.hash) : item.analysis;
	}
	yield* release();
}
