/** A span of a document's text, as UTF-16 offsets into `Document.text` (end exclusive). */
export interface Span {
	start: number;
	end: number;
}

/** Why a line or paragraph is not part of the story itself. */
export type BoilerplateKind =
	| 'label' // "Breaking News", "Key Highlights"
	| 'byline'
	| 'dateline' // "This story is from October 9, 2019", "Updated: …"
	| 'caption' // photo credits, "File photo of …"
	| 'related' // "Read this story in …", "Watch …", "FOLLOW US …"
	| 'bio'; // "Ms. X is the Editor-In-Chief of …"

export interface Paragraph extends Span {
	index: number;
	text: string;
	boilerplate?: BoilerplateKind;
	/** Index of an earlier paragraph this one repeats nearly verbatim. */
	duplicateOf?: number;
}

export interface Sentence extends Span {
	/** Position of the sentence in the document, from 0. */
	index: number;
	paragraph: number;
	text: string;
	boilerplate?: BoilerplateKind;
}

/**
 * What is known of a document besides its text, wherever it came from. Empty strings when unknown:
 * never guessed.
 */
export interface DocumentMeta {
	/** The headline as printed. */
	title: string;
	/** The outlet or site: a publisher's name, else the host without "www.". */
	source: string;
	/** The names alone, joined with ", ". */
	author: string;
	/** When first published, ISO 8601 ("2022-09-08", or with a time and its offset). */
	published: string;
	url: string;
}

/** A paragraph of a source document that its format already marks as not the story (a caption, a credit). */
export interface ParagraphMark {
	/** Index among the text's paragraphs (blocks separated by blank lines), from 0. */
	paragraph: number;
	boilerplate: BoilerplateKind;
}

/**
 * One document as an input format yields it, before analysis: a file, a page, a feed item, a JSON record.
 * `text` has paragraphs separated by blank lines, the headline first when one is known.
 */
export interface SourceDocument {
	/** What it is called in the output: a path, "feed.rss#3", "export.jsonl#12", an address. */
	name: string;
	text: string;
	meta: DocumentMeta;
	marks?: ParagraphMark[];
}

export interface Document extends DocumentMeta {
	/** The path as given on the command line or found under a given directory; "(stdin)" for stdin; "file#n" for a record. */
	path: string;
	text: string;
	paragraphs: Paragraph[];
	sentences: Sentence[];
	words: number;
}

/** A file as read from disk, before analysis. */
export interface SourceFile {
	path: string;
	text: string;
	/** Decoding problems that did not stop the file from loading (e.g. invalid UTF-8). */
	warnings: string[];
}

/** A path that could not be read, or was read with a problem worth telling. */
export interface ReadProblem {
	path: string;
	reason: string;
	/** True when the file was not loaded at all. */
	skipped: boolean;
}
