import type {FileRecord, StoredDocument} from './types.js';

/**
 * What a warm run reads of the store before it looks at its files: the files rows under its folders (by
 * absolute path, each with its inputs row's count of documents) and, for each, the document it holds.
 */
export interface Picture {
	files: Map<string, FileRecord>;
	/** Whether the file at `path` holds a stored document (of this analysis code). */
	holds(path: string): boolean;
	/** That document. */
	documentOf(path: string): StoredDocument | undefined;
}

/** A picture read from the database's rows. */
export function tablesPicture(files: Map<string, FileRecord>, documents: Map<string, StoredDocument>): Picture {
	return {
		files,
		holds: path => {
			const file = files.get(path);
			return file !== undefined && documents.has(file.hash);
		},
		documentOf: path => {
			const file = files.get(path);
			return file && documents.get(file.hash);
		},
	};
}

/** "bl" and a version: a body that does not start so is not read. */
const MAGIC = 0x32306c62;
/** A string's length word: this bit set when its bytes are UTF-8, clear when they are Latin-1 (one byte a character). */
const UTF8 = 0x80000000;
const WIDE = /[^\u0000-\u00ff]/;

/** A file as a listing gives it: where its entry starts, for its document and for copying it into the next listing. */
interface ListedFile extends FileRecord {
	entry: number;
	/** Where its document starts, or -1 when it holds none. */
	held: number;
}

/**
 * A picture packed into one buffer, an entry a file: its length, then its record and its document, numbers as
 * doubles and strings as a length word and their bytes (Latin-1 when they fit, as most paths, hashes and dates
 * do, else UTF-8). Reading it keeps only each file's record; a document is read when it is asked for, so a warm
 * run over 100,000 files holds 100,000 small records rather than every document's headline, source and address.
 */
export class Listing implements Picture {
	readonly files = new Map<string, FileRecord>();
	readonly #body: Buffer;

	/** Throws on a body that is not a listing (the caller reads the tables instead). */
	constructor(body: Uint8Array) {
		this.#body = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
		const reader = new Reader(this.#body, 0);
		if (reader.number() !== MAGIC) throw new Error('not a listing');
		const count = reader.number();
		for (let index = 0; index < count; index++) {
			const entry = reader.at;
			const end = entry + 4 + reader.count();
			const file = reader.record(entry);
			this.files.set(file.path, file);
			reader.at = end;
		}
		if (reader.at !== this.#body.length) throw new Error('a listing with bytes after its end');
	}

	holds(path: string): boolean {
		const file = this.files.get(path) as ListedFile | undefined;
		return file !== undefined && file.held >= 0;
	}

	documentOf(path: string): StoredDocument | undefined {
		const file = this.files.get(path) as ListedFile | undefined;
		if (file === undefined || file.held < 0) return undefined;
		return new Reader(this.#body, file.held).document(file.hash);
	}

	/** The bytes of this file's entry, when the listing holds it as `file` says: to be copied as they are. */
	entryOf(file: FileRecord): Buffer | undefined {
		const entry = (file as ListedFile).entry;
		if (entry === undefined || this.files.get(file.path) !== file) return undefined;
		return this.#body.subarray(entry, entry + 4 + this.#body.readUInt32LE(entry));
	}
}

/**
 * Packs files and their documents into a listing's body. `document` gives a file's document; `entry`, the bytes
 * of a file's entry in an earlier listing, copied rather than packed again (a run that changed ten files of
 * 100,000 packs ten).
 */
export function encodeListing(
	files: Iterable<FileRecord>,
	document: (file: FileRecord) => StoredDocument | undefined,
	entry: (file: FileRecord) => Buffer | undefined = () => undefined,
): Buffer {
	const out = new Packer();
	out.number(MAGIC);
	const counted = out.place(8);
	let count = 0;
	// Entries copied from one place of an earlier listing are copied at once: most of them follow each other there.
	let run: Buffer | undefined;
	let runStart = 0;
	let runEnd = 0;
	const copyRun = () => {
		if (run) out.bytes(run.subarray(runStart, runEnd));
		run = undefined;
	};
	for (const file of files) {
		count++;
		const copied = entry(file);
		if (copied) {
			const start = copied.byteOffset;
			if (run && copied.buffer === run.buffer && start === runEnd) runEnd += copied.length;
			else {
				copyRun();
				run = Buffer.from(copied.buffer);
				runStart = start;
				runEnd = start + copied.length;
			}
			continue;
		}
		copyRun();
		const length = out.place(4);
		out.string(file.path);
		out.number(file.size);
		out.number(file.mtimeUs);
		out.number(file.ino);
		out.string(file.hash);
		out.string(file.suffix ?? '');
		out.number(file.documents ?? -1);
		const held = document(file);
		out.number(held ? held.id : -1);
		if (held) {
			out.string(held.title);
			out.string(held.source);
			out.string(held.author);
			out.string(held.published);
			out.string(held.url);
			const {stats} = held;
			for (const value of [stats.words, stats.sentences, stats.paragraphs, stats.readingMinutes, stats.entities, stats.facts, stats.duplicateParagraphs]) out.count(value);
		}
		out.buffer.writeUInt32LE(out.at - length - 4, length);
	}
	copyRun();
	out.buffer.writeDoubleLE(count, counted);
	return out.done();
}

class Reader {
	readonly #buffer: Buffer;
	at: number;

	constructor(buffer: Buffer, at: number) {
		this.#buffer = buffer;
		this.at = at;
	}

	number(): number {
		const value = this.#buffer.readDoubleLE(this.at);
		this.at += 8;
		return value;
	}

	count(): number {
		const value = this.#buffer.readUInt32LE(this.at);
		this.at += 4;
		return value;
	}

	string(): string {
		const word = this.count();
		const length = word & ~UTF8;
		const start = this.at;
		this.at += length;
		if (this.at > this.#buffer.length) throw new RangeError('a listing cut short');
		if (length === 0) return '';
		return this.#buffer.toString(word & UTF8 ? 'utf8' : 'latin1', start, this.at);
	}

	/**
	 * A file's record; with `entry`, as a listing holds it (where its entry starts), with where its document
	 * starts (or -1, past the -1 that says it holds none).
	 */
	record(entry = -1): FileRecord {
		const path = this.string();
		const size = this.number();
		const mtimeUs = this.number();
		const ino = this.number();
		const hash = this.string();
		const suffix = this.string();
		const documents = this.number();
		const record: FileRecord = documents < 0 ? {path, size, mtimeUs, ino, hash, suffix} : {path, size, mtimeUs, ino, hash, suffix, documents};
		if (entry >= 0) {
			(record as ListedFile).entry = entry;
			(record as ListedFile).held = this.#buffer.readDoubleLE(this.at) < 0 ? -1 : this.at;
		}
		return record;
	}

	document(hash: string): StoredDocument | undefined {
		const id = this.number();
		if (id < 0) return undefined;
		return {
			id,
			hash,
			title: this.string(),
			source: this.string(),
			author: this.string(),
			published: this.string(),
			url: this.string(),
			stats: {words: this.count(), sentences: this.count(), paragraphs: this.count(), readingMinutes: this.count(), entities: this.count(), facts: this.count(), duplicateParagraphs: this.count()},
		};
	}
}

/** A growing buffer of doubles, length-prefixed strings and copied bytes. */
class Packer {
	buffer = Buffer.allocUnsafe(1 << 16);
	at = 0;

	#room(bytes: number): void {
		if (this.at + bytes <= this.buffer.length) return;
		const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
		this.buffer.copy(larger, 0, 0, this.at);
		this.buffer = larger;
	}

	/** Room for `bytes` bytes written later: where they go. */
	place(bytes: number): number {
		this.#room(bytes);
		const at = this.at;
		this.at += bytes;
		return at;
	}

	number(value: number): void {
		this.#room(8);
		this.at = this.buffer.writeDoubleLE(value, this.at);
	}

	/** A whole number from 0 to 2³²−1 (a document's figures), in four bytes. */
	count(value: number): void {
		this.#room(4);
		this.at = this.buffer.writeUInt32LE(value, this.at);
	}

	string(value: string): void {
		// A UTF-16 unit is at most three bytes of UTF-8.
		this.#room(4 + value.length * 3);
		const wide = WIDE.test(value);
		const length = this.buffer.write(value, this.at + 4, wide ? 'utf8' : 'latin1');
		this.buffer.writeUInt32LE(wide ? (length | UTF8) >>> 0 : length, this.at);
		this.at += 4 + length;
	}

	bytes(value: Buffer): void {
		this.#room(value.length);
		this.at += value.copy(this.buffer, this.at);
	}

	done(): Buffer {
		return this.buffer.subarray(0, this.at);
	}
}
