import type {FileRecord, StoredDocument} from './types.js';

/** Whether a file is still as a listed stamp says (size, mtime in microseconds, inode). */
export type SameStamp = (size: number, mtimeUs: number, ino: number) => boolean;

/**
 * What a warm run reads of the store before it looks at its files: the files rows under its folders (by
 * absolute path, each with its inputs row's count of documents) and, for each, the document it holds.
 */
export interface Picture {
	files: ReadonlyMap<string, FileRecord>;
	/** The stored document (of this analysis code) that the file at `path` holds. */
	documentOf(path: string): StoredDocument | undefined;
	/** What its document's name adds to its file's ("" for a file of one document). */
	suffixOf(path: string): string;
	/**
	 * When `path` is listed with a stamp that `same` accepts and holds a stored document: how many documents its
	 * file was recorded to hold when read whole (0 when it was not). Else undefined.
	 */
	stamped(path: string, same: SameStamp): number | undefined;
	/** Take `path` as kept by this run: it is no longer among untaken(). */
	take(path: string): void;
	/** The listed paths that were not taken. */
	untaken(): Iterable<string>;
}

/** A picture read from the database's rows. */
export function tablesPicture(files: Map<string, FileRecord>, documents: Map<string, StoredDocument>): Picture {
	const taken = new Set<string>();
	return {
		files,
		documentOf: path => {
			const file = files.get(path);
			return file && documents.get(file.hash);
		},
		suffixOf: path => files.get(path)?.suffix ?? '',
		stamped: (path, same) => {
			const file = files.get(path);
			return file && documents.has(file.hash) && same(file.size, file.mtimeUs, file.ino) ? (file.documents ?? 0) : undefined;
		},
		take: path => taken.add(path),
		*untaken() {
			for (const path of files.keys()) if (!taken.has(path)) yield path;
		},
	};
}

/** "bl" and a version: a body that does not start so is not read. */
const MAGIC = 0x32306c62;
/** A string's length word: this bit set when its bytes are UTF-8, clear when they are Latin-1 (one byte a character). */
const UTF8 = 0x80000000;
const WIDE = /[^\u0000-\u00ff]/;

/**
 * A picture packed into one buffer, an entry a file: its length, then its record and its document, numbers as
 * doubles and strings as a length word and their bytes (Latin-1 when they fit, as most paths, hashes and dates
 * do, else UTF-8). Reading it keeps only each file's path and where its entry is: a warm run over 100,000 files
 * checks their stamps in the buffer, and builds a file's record or its document only when it is asked for.
 */
export class Listing implements Picture {
	readonly files: ReadonlyMap<string, FileRecord>;
	readonly #body: Buffer;
	/** Each listed path's entry, numbered in the listing's order. */
	readonly #entries = new Map<string, number>();
	/** Where each entry's record starts, past its length and path. */
	readonly #records: Int32Array;
	/** Where each entry starts. */
	readonly #starts: Int32Array;
	/** The records built so far (a record asked for twice is the same object). */
	readonly #built: Array<FileRecord | undefined> = [];
	readonly #taken: Uint8Array;

	/** Throws on a body that is not a listing (the caller reads the tables instead). */
	constructor(body: Uint8Array) {
		this.#body = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
		const reader = new Reader(this.#body, 0);
		if (reader.number() !== MAGIC) throw new Error('not a listing');
		const count = reader.number();
		if (!Number.isInteger(count) || count < 0 || count > this.#body.length) throw new Error('a listing with a wrong count');
		this.#starts = new Int32Array(count);
		this.#records = new Int32Array(count);
		this.#taken = new Uint8Array(count);
		for (let index = 0; index < count; index++) {
			const start = reader.at;
			const end = start + 4 + reader.count();
			this.#entries.set(reader.string(), index);
			this.#starts[index] = start;
			this.#records[index] = reader.at;
			reader.at = end;
		}
		if (reader.at !== this.#body.length) throw new Error('a listing with bytes after its end');
		this.files = new ListedFiles(this.#entries, index => this.#record(index));
	}

	documentOf(path: string): StoredDocument | undefined {
		const index = this.#entries.get(path);
		const held = index === undefined ? -1 : this.#held(index);
		if (held < 0) return undefined;
		const reader = new Reader(this.#body, this.#records[index!]! + 24);
		return new Reader(this.#body, held).document(reader.string());
	}

	suffixOf(path: string): string {
		const index = this.#entries.get(path);
		if (index === undefined) return '';
		const reader = new Reader(this.#body, this.#records[index]! + 24);
		reader.skip();
		return reader.string();
	}

	stamped(path: string, same: SameStamp): number | undefined {
		const index = this.#entries.get(path);
		if (index === undefined) return undefined;
		const at = this.#records[index]!;
		const body = this.#body;
		if (!same(body.readDoubleLE(at), body.readDoubleLE(at + 8), body.readDoubleLE(at + 16))) return undefined;
		const reader = new Reader(body, at + 24);
		reader.skip();
		reader.skip();
		const documents = reader.number();
		return reader.number() < 0 ? undefined : Math.max(documents, 0);
	}

	take(path: string): void {
		const index = this.#entries.get(path);
		if (index !== undefined) this.#taken[index] = 1;
	}

	*untaken(): Iterable<string> {
		for (const [path, index] of this.#entries) if (!this.#taken[index]) yield path;
	}

	/** The bytes of this file's entry, when the listing holds it as `file` says: to be copied as they are. */
	entryOf(file: FileRecord): Buffer | undefined {
		const index = this.#entries.get(file.path);
		if (index === undefined || this.#built[index] !== file) return undefined;
		const start = this.#starts[index]!;
		return this.#body.subarray(start, start + 4 + this.#body.readUInt32LE(start));
	}

	/** Where the index-th entry's document starts, or -1 when it holds none. */
	#held(index: number): number {
		const reader = new Reader(this.#body, this.#records[index]! + 24);
		reader.skip();
		reader.skip();
		reader.at += 8;
		return this.#body.readDoubleLE(reader.at) < 0 ? -1 : reader.at;
	}

	#record(index: number): FileRecord {
		let record = this.#built[index];
		if (record === undefined) {
			const start = this.#starts[index]!;
			record = new Reader(this.#body, start + 4).record();
			this.#built[index] = record;
		}
		return record;
	}
}

/** A listing's files by path, each record built when it is asked for. */
class ListedFiles implements ReadonlyMap<string, FileRecord> {
	readonly #entries: Map<string, number>;
	readonly #record: (index: number) => FileRecord;

	constructor(entries: Map<string, number>, record: (index: number) => FileRecord) {
		this.#entries = entries;
		this.#record = record;
	}

	get size(): number {
		return this.#entries.size;
	}

	get(path: string): FileRecord | undefined {
		const index = this.#entries.get(path);
		return index === undefined ? undefined : this.#record(index);
	}

	has(path: string): boolean {
		return this.#entries.has(path);
	}

	keys(): IterableIterator<string> {
		return this.#entries.keys();
	}

	*values(): IterableIterator<FileRecord> {
		for (const index of this.#entries.values()) yield this.#record(index);
	}

	*entries(): IterableIterator<[string, FileRecord]> {
		for (const [path, index] of this.#entries) yield [path, this.#record(index)];
	}

	[Symbol.iterator](): IterableIterator<[string, FileRecord]> {
		return this.entries();
	}

	forEach(visit: (file: FileRecord, path: string, files: ReadonlyMap<string, FileRecord>) => void): void {
		for (const [path, file] of this.entries()) visit(file, path, this);
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

	/** Past a string, without reading it. */
	skip(): void {
		this.at += 4 + (this.count() & ~UTF8);
	}

	/** A file's record. */
	record(): FileRecord {
		const path = this.string();
		const size = this.number();
		const mtimeUs = this.number();
		const ino = this.number();
		const hash = this.string();
		const suffix = this.string();
		const documents = this.number();
		return documents < 0 ? {path, size, mtimeUs, ino, hash, suffix} : {path, size, mtimeUs, ino, hash, suffix, documents};
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
