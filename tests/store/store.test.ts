import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import {analyseText} from '../../source/analysis/analyse.js';
import {mergeEntities} from '../../source/analysis/merge.js';
import {contentHash, decodeAnalysis, encodeAnalysis} from '../../source/analysis/cache.js';
import type {DocumentAnalysis} from '../../source/analysis/types.js';
import {DATABASE_NAME, SCHEMA_VERSION, TABLES} from '../../source/store/schema.js';
import {fileStamp, Store} from '../../source/store/store.js';
import type {DatabaseConstructor, FileRecord} from '../../source/store/types.js';
import {bundleWriterChild, startWriter, waitFor} from './helpers.js';

const Database = createRequire(import.meta.url)('libsql') as DatabaseConstructor;
const IDENTITY = 'test-identity';

let root: string;
let directory: string;
let messages: string[];

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-store-'));
	directory = join(root, 'cache');
	messages = [];
});

afterEach(() => {
	rmSync(root, {recursive: true, force: true});
});

const open = (options: Partial<Parameters<typeof Store.open>[0]> = {}) => Store.open({directory, identity: IDENTITY, onMessage: m => messages.push(m), ...options});

interface Analysed {
	path: string;
	text: string;
	hash: string;
	analysis: DocumentAnalysis;
	file: FileRecord;
}

function analyseFolder(folder: string): Analysed[] {
	return readdirSync(folder)
		.filter(name => name.endsWith('.txt'))
		.sort()
		.map(name => {
			const path = join(folder, name);
			const text = readFileSync(path, 'utf8');
			const info = statSync(path);
			const hash = contentHash(text);
			return {path, text, hash, analysis: analyseText(path, text), file: {path, ...fileStamp(info), hash}};
		});
}

/** What a user would notice is wrong with a store: an integrity failure, or counts that disagree. */
function consistency(path: string): {integrity: string; documents: number; sentencesAgree: boolean} {
	const db = new Database(path);
	const [integrity] = db.prepare('PRAGMA integrity_check').raw().get() as [string];
	const [documents] = db.prepare('SELECT count(*) FROM documents').raw().get() as [number];
	const [expected] = db.prepare('SELECT coalesce(sum(sentences), 0) FROM documents').raw().get() as [number];
	const [stored] = db.prepare('SELECT coalesce(sum(json_array_length(sentences)), 0) FROM texts').raw().get() as [number];
	const [texts] = db.prepare('SELECT count(*) FROM texts').raw().get() as [number];
	db.close();
	return {integrity, documents, sentencesAgree: expected === stored && texts === documents};
}

describe('Store', () => {
	it('keeps analyses, stats and files, and gives them back after reopening', () => {
		const corpus = join(root, 'corpus');
		generateCorpus({count: 5, seed: 3, out: corpus});
		const docs = analyseFolder(corpus);
		const store = open();
		expect(store.path).toBe(join(directory, DATABASE_NAME));
		for (const doc of docs) store.put(doc.hash, doc.analysis, encodeAnalysis(doc.analysis, doc.text), doc.file);
		store.close();

		const again = open();
		const stored = again.documents();
		expect(stored.size).toBe(docs.length);
		for (const doc of docs) {
			const {title, source, author, published, url} = doc.analysis.document;
			const row = stored.get(doc.hash)!;
			expect(row).toEqual({id: row.id, hash: doc.hash, title, source, author, published, url, stats: doc.analysis.stats});
			expect(decodeAnalysis(again.analysis(doc.hash)!, doc.path, doc.text)).toEqual(doc.analysis);
			expect(again.knownFiles([doc.path]).get(doc.path)).toEqual({...doc.file, suffix: ''});
			// What a warm run prints without the analysis: the sentences, and the figures with their context.
			const sentences = doc.analysis.document.sentences.map(s => s.text);
			const read: string[][] = [];
			again.eachSentences([row.id], (id, encoded) => read.push(JSON.parse(encoded) as string[]));
			expect(read).toEqual([sentences]);
			expect(again.facts(row.id)).toEqual({sentences, facts: doc.analysis.facts.map(({start, end, ...fact}) => fact)});
		}
		expect(docs.some(doc => doc.analysis.facts.length > 0)).toBe(true);
		let none = 0;
		again.eachSentences([-1], () => none++);
		expect(none).toBe(0);
		expect(again.knownFiles().get(docs[0]!.path)).toEqual({...docs[0]!.file, suffix: ''});
		expect([...again.knownFiles([corpus]).keys()].sort()).toEqual(docs.map(d => d.path).sort());
		expect([...again.knownFiles([`${corpus}/`, docs[0]!.path]).keys()]).toHaveLength(docs.length);
		expect(again.knownFiles([join(root, 'corp')]).size).toBe(0);
		expect(again.knownFiles([docs[1]!.path]).size).toBe(1);
		expect(again.entities([docs[0]!.hash]).get(docs[0]!.hash)?.map(e => e.name)).toEqual(docs[0]!.analysis.entities.map(e => e.name));
		const hashes = docs.map(d => d.hash);
		const merged = (list: Analysed[]) => mergeEntities(list.map(d => d.analysis)).length;
		expect(merged(docs)).toBeGreaterThan(10);
		expect(again.distinctEntities(hashes)).toBe(merged(docs));
		expect(again.distinctEntities(hashes)).toBe(merged(docs));
		// A count goes on when documents are added after the last one counted; another order, or a set
		// without one of them, is counted anew: each as mergeEntities merges them.
		expect(again.distinctEntities(hashes.slice(0, 2))).toBe(merged(docs.slice(0, 2)));
		expect(again.distinctEntities(hashes.slice(0, 4))).toBe(merged(docs.slice(0, 4)));
		expect(again.distinctEntities(hashes.slice().reverse())).toBe(merged(docs.slice().reverse()));
		expect(again.distinctEntities(hashes.slice(1))).toBe(merged(docs.slice(1)));
		// Another analysis code's store is a miss.
		again.close();
		expect(open({identity: 'other'}).analysis(docs[0]!.hash)).toBeUndefined();
		expect(messages).toEqual([]);
	});

	it('creates every table it names', () => {
		open().close();
		const db = new Database(join(directory, DATABASE_NAME));
		const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).raw().all() as Array<[string]>).map(([name]) => name);
		db.close();
		expect(tables).toEqual(expect.arrayContaining([...TABLES]));
	});

	it('remembers which files were read whole, and forgets those that are gone', () => {
		const corpus = join(root, 'corpus');
		generateCorpus({count: 3, seed: 21, out: corpus});
		const docs = analyseFolder(corpus);
		const store = open();
		for (const doc of docs) {
			store.put(doc.hash, doc.analysis, encodeAnalysis(doc.analysis, doc.text), doc.file);
			store.recordInput({path: doc.path, size: doc.file.size, mtimeUs: doc.file.mtimeUs, ino: doc.file.ino, documents: 1});
		}
		store.close();
		const again = open();
		expect(again.knownFiles([corpus]).get(docs[0]!.path)).toEqual({...docs[0]!.file, suffix: '', documents: 1});
		expect(again.knownFiles([join(root, 'elsewhere')]).size).toBe(0);
		again.removeMissing([corpus], new Set(docs.slice(1).map(d => d.path)));
		const left = again.knownFiles();
		expect([...left.keys()].sort()).toEqual(docs.slice(1).map(d => d.path).sort());
		expect([...left.values()].every(file => file.documents === 1)).toBe(true);
		// A file changed since it was read whole is no longer known as read whole.
		const changed = docs[1]!;
		again.recordFile({...changed.file, mtimeUs: changed.file.mtimeUs + 1});
		again.flush();
		expect(again.knownFiles([changed.path]).get(changed.path)?.documents).toBeUndefined();
		again.close();
	});

	it('drops the documents of files that are gone', () => {
		const corpus = join(root, 'corpus');
		generateCorpus({count: 4, seed: 5, out: corpus});
		const docs = analyseFolder(corpus);
		const store = open();
		for (const doc of docs) store.put(doc.hash, doc.analysis, encodeAnalysis(doc.analysis, doc.text), doc.file);
		const gone = docs[1]!;
		rmSync(gone.path);
		const dropped = store.removeMissing([corpus], new Set(docs.filter(d => d !== gone).map(d => d.path)));
		expect(dropped).toBe(1);
		expect(store.analysis(gone.hash)).toBeUndefined();
		expect(store.knownFiles().has(gone.path)).toBe(false);
		expect(store.documents().size).toBe(3);
		store.close();
		expect(consistency(join(directory, DATABASE_NAME))).toEqual({integrity: 'ok', documents: 3, sentencesAgree: true});
	});

	it('keeps the count of distinct entities of a folder through a file that came and went (a bug: any dropped document cleared every count)', () => {
		const corpus = join(root, 'corpus');
		generateCorpus({count: 5, seed: 5, out: corpus});
		const docs = analyseFolder(corpus);
		const store = open();
		for (const doc of docs) store.put(doc.hash, doc.analysis, encodeAnalysis(doc.analysis, doc.text), doc.file);
		const kept = docs.slice(0, 4);
		const came = docs[4]!;
		const count = mergeEntities(kept.map(d => d.analysis)).length;
		// The folder without the file, then with it (the count goes on), then without it again: its document is dropped.
		expect(store.distinctEntities(kept.map(d => d.hash))).toBe(count);
		expect(store.distinctEntities(docs.map(d => d.hash))).toBe(mergeEntities(docs.map(d => d.analysis)).length);
		rmSync(came.path);
		expect(store.removeMissing([corpus], new Set(kept.map(d => d.path)))).toBe(1);
		store.flush();
		// The folder as it was is the count kept, not one made again: with the entities' rows gone, a count made
		// again would find none.
		const db = new Database(join(directory, DATABASE_NAME));
		db.prepare('DELETE FROM entity_names').run();
		db.close();
		expect(store.distinctEntities(kept.map(d => d.hash))).toBe(count);
		store.close();
	});

	it('rebuilds a file of garbage bytes, with a message', () => {
		const path = join(directory, DATABASE_NAME);
		open().close();
		writeFileSync(path, Buffer.from(Array.from({length: 8192}, (_, i) => (i * 7919) % 256)));
		rmSync(`${path}-wal`, {force: true});
		rmSync(`${path}-shm`, {force: true});
		const store = open();
		expect(messages.join('\n')).toMatch(/not a usable database.*emptied/);
		expect(store.usable).toBe(true);
		const corpus = join(root, 'corpus');
		generateCorpus({count: 1, seed: 8, out: corpus});
		const [doc] = analyseFolder(corpus);
		store.put(doc!.hash, doc!.analysis, encodeAnalysis(doc!.analysis, doc!.text));
		store.close();
		expect(open().analysis(doc!.hash)).toBeDefined();
	});

	it('rebuilds a store from an older version, with a message', () => {
		const path = join(directory, DATABASE_NAME);
		open().close();
		const db = new Database(path);
		db.exec(`DROP TABLE facts; CREATE TABLE facts (old TEXT); INSERT INTO facts VALUES ('x'); PRAGMA user_version = ${SCHEMA_VERSION - 1}`);
		db.close();
		const store = open();
		expect(messages.join('\n')).toContain(`another version of briefing (schema ${SCHEMA_VERSION - 1}, this one reads ${SCHEMA_VERSION})`);
		expect(store.documents().size).toBe(0);
		store.close();
		expect(consistency(path).integrity).toBe('ok');
		// Opening again: no message, nothing rebuilt.
		messages = [];
		open().close();
		expect(messages).toEqual([]);
	});

	it('cannot be opened where no directory can be made: tells, keeps nothing, does not throw', () => {
		writeFileSync(join(root, 'a-file'), '');
		const store = Store.open({directory: join(root, 'a-file', 'cache'), identity: IDENTITY, onMessage: m => messages.push(m)});
		expect(store.usable).toBe(false);
		expect(messages.join('\n')).toMatch(/cannot be used/);
		expect(store.analysis('x')).toBeUndefined();
		expect(store.documents().size).toBe(0);
		store.close();
	});
});

describe('Store across processes', () => {
	let script: string;
	beforeAll(async () => {
		script = await bundleWriterChild();
	});
	afterAll(() => rmSync(script, {force: true}));

	it('keeps every batch finished before a kill, stays consistent, and the next run analyses only the rest', async () => {
		const corpus = join(root, 'corpus');
		generateCorpus({count: 60, seed: 17, out: corpus});
		const first = startWriter(script, directory, corpus, 4);
		await waitFor(() => first.lines.length >= 3);
		first.child.kill('SIGKILL');
		expect(await first.done).toBe('SIGKILL');
		const committed = first.lines.flatMap(line => (line.committed as string[] | undefined) ?? []);
		expect(committed.length).toBeGreaterThanOrEqual(12);

		const path = join(directory, DATABASE_NAME);
		const state = consistency(path);
		expect(state).toMatchObject({integrity: 'ok', sentencesAgree: true});
		expect(state.documents).toBeGreaterThanOrEqual(committed.length);
		expect(state.documents).toBeLessThan(60);
		const store = open();
		for (const hash of committed) expect(store.analysis(hash), hash).toBeDefined();
		store.close();

		const second = startWriter(script, directory, corpus, 4);
		expect(await second.done).toBe(0);
		const summary = second.lines.at(-1)!;
		expect(summary.analysed).toBe(60 - state.documents);
		expect(consistency(path)).toEqual({integrity: 'ok', documents: 60, sentencesAgree: true});
	});

	it('keeps what was queued when the process exits (the Ctrl-C path: briefing exits with 130)', async () => {
		const corpus = join(root, 'corpus');
		generateCorpus({count: 8, seed: 29, out: corpus});
		const run = startWriter(script, directory, corpus, 1000, 5);
		expect(await run.done).toBe(130);
		const queued = run.lines.flatMap(line => (line.exiting as string[] | undefined) ?? []);
		expect(queued).toHaveLength(5);
		const store = open();
		for (const hash of queued) expect(store.analysis(hash), hash).toBeDefined();
		expect(store.documents().size).toBe(5);
		store.close();
	});

	it('lets two processes write one store at once: both finish, with the same results', async () => {
		const corpus = join(root, 'corpus');
		generateCorpus({count: 16, seed: 23, out: corpus});
		const one = startWriter(script, directory, corpus, 2);
		const two = startWriter(script, directory, corpus, 3);
		expect(await one.done, one.stderr).toBe(0);
		expect(await two.done, two.stderr).toBe(0);
		expect(one.stderr + two.stderr).toBe('');
		const [a, b] = [one.lines.at(-1)!, two.lines.at(-1)!];
		expect(Object.keys(a.stats as object)).toHaveLength(16);
		expect(a.stats).toEqual(b.stats);
		expect(consistency(join(directory, DATABASE_NAME))).toEqual({integrity: 'ok', documents: 16, sentencesAgree: true});
	});
});
