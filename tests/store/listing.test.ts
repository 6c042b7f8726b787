import {appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import {readCorpus} from '../../source/analysis/run.js';
import {encodeListing, Listing, tablesPicture, type Picture} from '../../source/store/listing.js';
import {DATABASE_NAME} from '../../source/store/schema.js';
import {Store} from '../../source/store/store.js';
import type {DatabaseConstructor, FileRecord, StoredDocument} from '../../source/store/types.js';

const Database = createRequire(import.meta.url)('libsql') as DatabaseConstructor;

let root: string;
let directory: string;
let corpus: string;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-listing-'));
	directory = join(root, 'cache');
	corpus = join(root, 'corpus');
	generateCorpus({count: 6, seed: 11, out: corpus});
});

afterEach(() => {
	rmSync(root, {recursive: true, force: true});
});

// The analysis code's own identity: the runs below open the store so.
const open = () => Store.open({directory});

function document(id: number, hash: string, title: string): StoredDocument {
	return {id, hash, title, source: 'Le Monde', author: 'Zoë Ångström', published: '2024-03-08T08:30:00+01:00', url: `https://example.org/${id}`, stats: {words: 500 + id, sentences: 20, paragraphs: 6, readingMinutes: 3, entities: 11, facts: 4, duplicateParagraphs: 0}};
}

/** A picture as plain data: each file's record and the document it holds. */
function plain(picture: Picture, paths: Iterable<string> = picture.files.keys()) {
	return [...paths].sort().map(path => {
		const {path: _, size, mtimeUs, ino, hash, suffix, documents} = picture.files.get(path)!;
		// What a warm run asks of it: its count of documents when its stamp is still the file's, and its suffix.
		const stamped = picture.stamped(path, (...stamp) => stamp.join() === [size, mtimeUs, ino].join());
		expect(picture.stamped(path, () => false)).toBeUndefined();
		expect(picture.suffixOf(path)).toBe(suffix ?? '');
		return {path, size, mtimeUs, ino, hash, suffix, documents, document: picture.documentOf(path), stamped};
	});
}

/** What the tables say of the files under `roots`, read the slow way: the listing must say the same. */
function fromTables(roots: string[]) {
	const store = open();
	const files = store.knownFiles(roots);
	const documents = store.documents();
	store.close();
	return [...files.keys()].sort().map(path => {
		const {size, mtimeUs, ino, hash, suffix, documents: count} = files.get(path)!;
		const held = documents.get(hash);
		return {path, size, mtimeUs, ino, hash, suffix, documents: count, document: held, stamped: held ? (count ?? 0) : undefined};
	});
}

/** The listing kept for these roots, as the database names it; undefined when there is none. */
function keptListing(roots: string[]): Listing | undefined {
	const file = keptFile(roots);
	return file === undefined ? undefined : new Listing(readFileSync(file));
}

function keptFile(roots: string[]): string | undefined {
	const db = new Database(join(directory, DATABASE_NAME));
	const row = db.prepare('SELECT file FROM listings WHERE roots = ?').raw().get([...roots].sort().join('\n')) as [string] | undefined;
	db.close();
	return row && join(directory, 'listings', row[0]);
}

/** A warm run as the pipe commands make it: each document's name and stored title, and whether it was kept. */
async function warmRun(paths: string[]) {
	const items: Array<{name: string; title: string; words: number; kept: boolean}> = [];
	for await (const item of readCorpus(paths, {workers: 0, fromStore: true, cacheDirectory: directory})) {
		if ('analysis' in item) items.push({name: item.analysis.document.path, title: item.analysis.document.title, words: item.analysis.stats.words, kept: false});
		else items.push({name: item.kept.name, title: item.kept.stored.title, words: item.kept.stored.stats.words, kept: true});
	}
	return items;
}

describe('a listing', () => {
	it('gives back each file and the document it holds, in any script, with or without a document', () => {
		const files: FileRecord[] = [
			{path: '/news/東京.txt', size: 10, mtimeUs: 1_700_000_000_123_456, ino: 42, hash: 'a'.repeat(64), suffix: '', documents: 1},
			{path: '/news/feed.rss/#2', size: 99, mtimeUs: 5, ino: 7, hash: 'b'.repeat(64), suffix: '#2'},
			{path: '/news/gone.txt', size: 1, mtimeUs: 2, ino: 3, hash: 'c'.repeat(64), suffix: ''},
		];
		const documents = new Map([
			['a'.repeat(64), document(1, 'a'.repeat(64), 'Tokyo 東京 mayor 🚀 "quoted", résumé')],
			['b'.repeat(64), document(2, 'b'.repeat(64), '')],
		]);
		const listing = new Listing(encodeListing(files, file => documents.get(file.hash)));
		expect(plain(listing)).toEqual(
			files
				.map(file => ({...file, documents: file.documents, document: documents.get(file.hash), stamped: documents.has(file.hash) ? (file.documents ?? 0) : undefined}))
				.sort((a, b) => (a.path < b.path ? -1 : 1)),
		);
		// What a run took is not among what it leaves to be checked for removal, as with the tables' picture.
		for (const picture of [listing, tablesPicture(new Map(files.map(file => [file.path, file])), documents)]) {
			picture.take('/news/東京.txt');
			picture.take('/not/listed.txt');
			expect([...picture.untaken()].sort()).toEqual(['/news/feed.rss/#2', '/news/gone.txt']);
		}
		// Copied entries read back as packed ones.
		const again = new Listing(encodeListing(listing.files.values(), () => undefined, file => listing.entryOf(file)));
		expect(plain(again)).toEqual(plain(listing));
	});

	it('refuses a body that is not one, or is cut short', () => {
		const body = encodeListing([{path: '/a.txt', size: 1, mtimeUs: 2, ino: 3, hash: 'h', suffix: ''}], () => document(1, 'h', 'A title'));
		expect(() => new Listing(Buffer.from('not a listing at all, not at all'))).toThrow();
		expect(() => new Listing(body.subarray(0, body.length - 3))).toThrow();
	});
});

describe('the listing a warm run keeps', () => {
	it('is what the tables say, after files are added, changed and removed, and the runs give what an empty store gives', async () => {
		await warmRun([corpus]);
		expect(plain(keptListing([corpus])!)).toEqual(fromTables([corpus]));

		const added = join(corpus, 'article-0.txt');
		writeFileSync(added, 'A new article.\n\nThe minister said exports fell 4 percent in 2023.\n');
		appendFileSync(join(corpus, 'article-3.txt'), '\n\nA late paragraph: costs rose 9 percent.\n');
		unlinkSync(join(corpus, 'article-5.txt'));
		writeFileSync(join(corpus, 'wire.rss'), feed(['Ada Lovelace', 'Grace Hopper']));
		const changed = await warmRun([corpus]);
		expect(changed.filter(item => !item.kept).map(item => item.name)).toEqual([added, join(corpus, 'article-3.txt'), `${join(corpus, 'wire.rss')}#1`, `${join(corpus, 'wire.rss')}#2`]);
		expect(plain(keptListing([corpus])!)).toEqual(fromTables([corpus]));
		// The removed file is forgotten, though the run read none of the files it kept.
		expect(fromTables([corpus]).map(file => file.path)).not.toContain(join(corpus, 'article-5.txt'));
		expect(fromTables([corpus]).map(file => file.path)).toContain(join(corpus, 'article-4.txt'));

		const warm = await warmRun([corpus]);
		expect(warm.every(item => item.kept)).toBe(true);
		rmSync(directory, {recursive: true});
		const cold = await warmRun([corpus]);
		expect(warm.map(({kept, ...item}) => item)).toEqual(cold.map(({kept, ...item}) => item));
	});

	it('is dropped by any change to the files, inputs or documents, whoever makes it', async () => {
		await warmRun([corpus]);
		expect(keptListing([corpus])).toBeDefined();
		const db = new Database(join(directory, DATABASE_NAME));
		db.prepare('UPDATE files SET size = size + 1 WHERE path = ?').run(join(corpus, 'article-2.txt'));
		db.close();
		expect(keptListing([corpus])).toBeUndefined();
		// The file's stamp no longer matches what the store says: it is read again, and the listing kept anew.
		const items = await warmRun([corpus]);
		expect(items.filter(item => !item.kept).map(item => item.name)).toEqual([join(corpus, 'article-2.txt')]);
		expect(plain(keptListing([corpus])!)).toEqual(fromTables([corpus]));
	});

	it('leaves no file of a listing that is no longer named, and does without one that is gone', async () => {
		await warmRun([corpus]);
		const first = keptFile([corpus])!;
		appendFileSync(join(corpus, 'article-3.txt'), '\n\nA late paragraph: costs rose 9 percent.\n');
		await warmRun([corpus]);
		const second = keptFile([corpus])!;
		expect(second).not.toBe(first);
		expect(readdirSync(join(directory, 'listings'))).toEqual([basename(second)]);
		unlinkSync(second);
		const items = await warmRun([corpus]);
		expect(items).toHaveLength(6);
		expect(items.every(item => item.kept)).toBe(true);
		expect(plain(keptListing([corpus])!)).toEqual(fromTables([corpus]));
	});

	it('is read only after the run has given the thread back once (the dashboard draws its first frame meanwhile)', async () => {
		await warmRun([corpus]);
		const store = open();
		const reads: string[] = [];
		const picture = store.picture.bind(store);
		store.picture = roots => {
			reads.push('picture');
			return picture(roots);
		};
		const items = readCorpus([corpus], {workers: 0, store, fromStore: true});
		const first = items.next();
		expect(reads).toEqual([]);
		expect((await first).done).toBe(false);
		expect(reads).toEqual(['picture']);
		await items.return(undefined);
		store.close();
	});

	it('is read from the tables again when another process wrote while a run went on', async () => {
		await warmRun([corpus]);
		const other = join(root, 'other');
		mkdirSync(other);
		writeFileSync(join(other, 'a.txt'), readFileSync(join(corpus, 'article-1.txt'), 'utf8').replace(/\d/g, '7'));
		const store = open();
		const picture = store.picture([corpus]);
		expect(picture).toBeInstanceOf(Listing);
		// Meanwhile another store (process) records a file under the same folder, and this one a file of its own.
		const late = join(corpus, 'late.txt');
		writeFileSync(late, 'Late news.\n\nPrices rose 3 percent.\n');
		for await (const _ of readCorpus([late], {workers: 0, cacheDirectory: directory})) {
			// analysed and kept by the run's own store
		}
		store.recordFile({path: join(corpus, 'article-1.txt'), size: 1, mtimeUs: 1, ino: 1, hash: 'f'.repeat(64), suffix: ''});
		store.keepPicture([corpus], picture);
		store.close();
		const kept = plain(keptListing([corpus])!);
		expect(kept).toEqual(fromTables([corpus]));
		expect(kept.map(file => file.path)).toContain(late);
	});
});

function feed(names: string[]): string {
	const items = names.map((name, index) => `<item><title>${name} speaks</title><link>https://example.org/${index + 1}</link><description>${name} said prices rose ${index + 2} percent in 2023.</description></item>`);
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items.join('')}</channel></rss>`;
}
