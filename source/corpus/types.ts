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

export interface Document {
	/** The path as given on the command line or found under a given directory; "-" for stdin. */
	path: string;
	text: string;
	title: string;
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
