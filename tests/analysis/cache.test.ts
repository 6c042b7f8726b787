import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';
import {decodeAnalysis, encodeAnalysis} from '../../source/analysis/cache.js';
import {analyseText} from '../../source/analysis/analyse.js';
import {analysePaths, readCorpus, type RunOptions, type RunSummary} from '../../source/analysis/run.js';
import type {DocumentAnalysis} from '../../source/analysis/types.js';
import {Store, storePath} from '../../source/store/store.js';
import type {Database, DatabaseConstructor} from '../../source/store/types.js';

let root: string;
let corpus: string;
let cacheHome: string;
const saved = {XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, BRIEFING_NO_CACHE: process.env.BRIEFING_NO_CACHE};

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'briefing-cache-'));
	corpus = join(root, 'corpus');
	generateCorpus({count: 6, seed: 21, out: corpus});
	cacheHome = join(root, 'cache-home');
	process.env.XDG_CACHE_HOME = cacheHome;
	delete process.env.BRIEFING_NO_CACHE;
});

afterEach(() => {
	for (const [name, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	rmSync(root, {recursive: true, force: true});
});

async function run(paths: string[], options: RunOptions = {}) {
	const summary: RunSummary = {total: 0, read: 0, skipped: 0};
	const analyses: DocumentAnalysis[] = [];
	const messages: string[] = [];
	for await (const analysis of analysePaths(paths, {workers: 0, onMessage: message => messages.push(message), ...options}, summary)) analyses.push(analysis);
	return {analyses, summary, messages};
}

const storeDirectory = () => join(cacheHome, 'briefing');

/** How many documents the store under $XDG_CACHE_HOME/briefing holds, and the file paths it records. */
function stored(): {documents: number; files: string[]} {
	const store = Store.open({directory: storeDirectory()});
	try {
		return {documents: store.documents().size, files: [...store.knownFiles().keys()].sort()};
	} finally {
		store.close();
	}
}

function openDatabase(): Database {
	const Driver = createRequire(import.meta.url)('libsql') as DatabaseConstructor;
	return new Driver(storePath(storeDirectory()));
}

const feed = (items: string[]) =>
	`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items
		.map((title, i) => `<item><title>${title}</title><link>https://example.org/${i}</link><description>${title} said costs rose ${i + 2} percent in 2021, to $${i + 3} million.</description></item>`)
		.join('')}</channel></rss>`;

describe('the analysis store', () => {
	it('lives under $XDG_CACHE_HOME/briefing, and nothing is written beside the articles', async () => {
		const before = readdirSync(corpus).sort();
		await run([corpus]);
		expect(existsSync(storePath(storeDirectory()))).toBe(true);
		expect(storePath(storeDirectory()).startsWith(cacheHome)).toBe(true);
		expect(readdirSync(corpus).sort()).toEqual(before);
	});

	it('is read on a second run over the same files, with the same results', async () => {
		const first = await run([corpus]);
		expect(first.summary.cached).toBe(0);
		expect(stored().documents).toBe(6);
		const second = await run([corpus]);
		expect(second.summary.cached).toBe(6);
		expect(second.analyses).toEqual(first.analyses);
	});

	it('gives the same results when analysed by worker threads and read back', async () => {
		const threaded = await run([corpus], {workers: 2});
		expect(threaded.summary.workers).toBe(2);
		const warm = await run([corpus]);
		expect(warm.summary.cached).toBe(6);
		expect(warm.analyses).toEqual(threaded.analyses);
	});

	it('misses for a file whose content changed, and only for it', async () => {
		await run([corpus]);
		const changed = join(corpus, 'article-1.txt');
		writeFileSync(changed, 'A different headline\n\nThe story now says the price rose 12 percent in 2021.\n');
		const {analyses, summary} = await run([corpus]);
		expect(summary.cached).toBe(5);
		expect(analyses[0]!.document.title).toBe('A different headline');
		expect(analyses[0]!.facts.map(f => f.text)).toEqual(expect.arrayContaining(['12 percent', '2021']));
		// The old text's analysis is no longer any file's: it is dropped.
		expect(stored().documents).toBe(6);
	});

	it('picks up new files, and analyses only them', async () => {
		await run([corpus]);
		writeFileSync(join(corpus, 'zz-new.txt'), 'A new headline\n\nThe council spent $4 million on roads in 2020.\n');
		const {analyses, summary} = await run([corpus]);
		expect(analyses).toHaveLength(7);
		expect(summary.cached).toBe(6);
		expect(analyses.at(-1)!.document.title).toBe('A new headline');
		expect(stored().documents).toBe(7);
	});

	it('drops removed files: from the results and from the store', async () => {
		const first = await run([corpus]);
		unlinkSync(join(corpus, 'article-2.txt'));
		const {analyses, summary} = await run([corpus]);
		expect(analyses).toHaveLength(5);
		expect(summary.cached).toBe(5);
		expect(analyses.map(a => a.document.path)).not.toContain(join(corpus, 'article-2.txt'));
		expect(analyses).toEqual(first.analyses.filter(a => a.document.path !== join(corpus, 'article-2.txt')));
		const {documents, files} = stored();
		expect(documents).toBe(5);
		expect(files).not.toContain(join(corpus, 'article-2.txt'));
	});

	it('keeps the other folders\u2019 documents when one folder is run', async () => {
		const other = join(root, 'other');
		generateCorpus({count: 2, seed: 99, out: other});
		await run([other]);
		await run([corpus]);
		expect(stored().documents).toBe(8);
		expect((await run([other])).summary.cached).toBe(2);
	});

	it('keeps every item of a feed, and drops the items a feed no longer has', async () => {
		const path = join(corpus, 'wire.rss');
		writeFileSync(path, feed(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']));
		const first = await run([corpus]);
		expect(first.analyses).toHaveLength(9);
		const second = await run([corpus]);
		expect(second.summary.cached).toBe(9);
		expect(second.analyses).toEqual(first.analyses);
		writeFileSync(path, feed(['Ada Lovelace', 'Grace Hopper']));
		const third = await run([corpus]);
		expect(third.analyses).toHaveLength(8);
		expect(third.summary.cached).toBe(8);
		expect(stored().documents).toBe(8);
	});

	it('rebuilds a corrupt store, with a message, instead of failing', async () => {
		const fresh = await run([corpus]);
		writeFileSync(storePath(storeDirectory()), 'this is not an SQLite database, only some text that is long enough '.repeat(200));
		for (const suffix of ['-wal', '-shm']) rmSync(storePath(storeDirectory()) + suffix, {force: true});
		const damaged = await run([corpus]);
		expect(damaged.messages.join('\n')).toMatch(/not a usable database.*emptied/);
		expect(damaged.summary.cached).toBe(0);
		expect(damaged.analyses).toEqual(fresh.analyses);
		const repaired = await run([corpus]);
		expect(repaired.messages).toEqual([]);
		expect(repaired.summary.cached).toBe(6);
		expect(repaired.analyses).toEqual(fresh.analyses);
	});

	it('rebuilds a store made by another version of briefing, with a message', async () => {
		const fresh = await run([corpus]);
		const db = openDatabase();
		db.exec('PRAGMA user_version = 0');
		db.close();
		const rebuilt = await run([corpus]);
		expect(rebuilt.messages.join('\n')).toMatch(/another version of briefing.*emptied/);
		expect(rebuilt.summary.cached).toBe(0);
		expect(rebuilt.analyses).toEqual(fresh.analyses);
		expect((await run([corpus])).summary.cached).toBe(6);
	});

	it('removes the old folder of one file per analysis, once, with a message', async () => {
		const old = join(storeDirectory(), 'analyses', 'ab');
		mkdirSync(old, {recursive: true});
		writeFileSync(join(old, 'ab12.json'), '{}');
		const first = await run([corpus]);
		expect(first.messages).toHaveLength(1);
		expect(first.messages[0]).toMatch(/removed the old analysis cache/);
		expect(existsSync(join(storeDirectory(), 'analyses'))).toBe(false);
		expect((await run([corpus])).messages).toEqual([]);
	});

	it('gives a stored analysis the name the file goes by now', async () => {
		await run([corpus]);
		const copy = join(root, 'copy');
		mkdirSync(copy);
		cpSync(join(corpus, 'article-2.txt'), join(copy, 'renamed.txt'));
		const {analyses, summary} = await run([copy]);
		expect(summary.cached).toBe(1);
		expect(analyses[0]!.document.path).toBe(join(copy, 'renamed.txt'));
	});

	it('keeps a text while any file holds it: a copy read from the store still counts once the original is gone', async () => {
		await run([corpus]);
		const copy = join(root, 'copy');
		mkdirSync(copy);
		cpSync(join(corpus, 'article-2.txt'), join(copy, 'kept.txt'));
		expect((await run([copy])).summary.cached).toBe(1);
		unlinkSync(join(corpus, 'article-2.txt'));
		await run([corpus]);
		expect(stored().documents).toBe(6);
		expect((await run([copy])).summary.cached).toBe(1);
	});

	it('keeps what a run stopped early had finished, and drops nothing', async () => {
		let seen = 0;
		for await (const _ of analysePaths([corpus], {workers: 0})) if (++seen === 3) break;
		expect(stored().documents).toBe(3);
		const {summary} = await run([corpus]);
		expect(summary.cached).toBe(3);
	});

	it('is neither read nor written when turned off, by option or by BRIEFING_NO_CACHE', async () => {
		await run([corpus], {cache: false});
		expect(existsSync(storeDirectory())).toBe(false);
		process.env.BRIEFING_NO_CACHE = '1';
		const {summary} = await run([corpus]);
		expect(existsSync(storeDirectory())).toBe(false);
		expect(summary.cached).toBe(0);
	});

	it('still analyses, with a message, when the store cannot be written', async () => {
		writeFileSync(join(root, 'a-file'), '');
		process.env.XDG_CACHE_HOME = join(root, 'a-file');
		const {analyses, summary, messages} = await run([corpus]);
		expect(analyses).toHaveLength(6);
		expect(summary.read).toBe(6);
		expect(messages.join('\n')).toMatch(/cannot be used/);
	});

	it('does not hand out results of another analysis version', () => {
		const text = readFileSync(join(corpus, 'article-3.txt'), 'utf8');
		const analysis = analyseText('article-3.txt', text);
		const directory = join(root, 'direct');
		const a = Store.open({directory, identity: 'version-a'});
		a.put('h', analysis, encodeAnalysis(analysis, text));
		a.close();
		const again = Store.open({directory, identity: 'version-a'});
		expect(decodeAnalysis(again.analysis('h')!, 'article-3.txt', text)).toEqual(analysis);
		again.close();
		const b = Store.open({directory, identity: 'version-b'});
		expect(b.analysis('h')).toBeUndefined();
		b.close();
	});

	it('stores an analysis compactly and decodes it to the same thing', () => {
		const text = 'Headline here\r\n\r\nPresident Ada Lovelace said costs rose 4 percent to $2 billion in 2019.\r\n';
		const analysis = analyseText('x.txt', text);
		const encoded = encodeAnalysis(analysis, text);
		// The paragraphs' and sentences' text are slices of the document's, so they are not stored twice.
		expect(encoded.split('costs rose 4 percent').length - 1).toBe(1);
		expect(decodeAnalysis(encoded, 'x.txt', text)).toEqual(analysis);
		// Encoding leaves the analysis as it was.
		expect(analysis).toEqual(analyseText('x.txt', text));
	});
});

/** A run as the pipe commands make it: each document named, and whether it was read or kept from the store. */
async function warmRun(paths: string[]) {
	const items: Array<{name: string; kept: boolean}> = [];
	const problems: string[] = [];
	for await (const item of readCorpus(paths, {workers: 0, fromStore: true, onProblem: problem => problems.push(`${problem.path}: ${problem.reason}`)})) {
		items.push('analysis' in item ? {name: item.analysis.document.path, kept: false} : {name: item.kept.name, kept: true});
	}
	return {items, problems};
}

describe('a warm run from the store', () => {
	it('takes the documents of unchanged files from the store, and reads only files that changed or are new', async () => {
		const names = (await run([corpus])).analyses.map(a => a.document.path);
		const warm = await warmRun([corpus]);
		expect(warm.items).toEqual(names.map(name => ({name, kept: true})));

		const changed = join(corpus, 'article-3.txt');
		writeFileSync(changed, `${readFileSync(changed, 'utf8')}\n\nA late paragraph: costs rose 9 percent.\n`);
		const added = join(corpus, 'article-0.txt');
		writeFileSync(added, 'A new article.\n\nThe minister said exports fell 4 percent in 2023.\n');
		const after = await warmRun([corpus]);
		expect(after.items.map(item => item.name)).toEqual([added, ...names]);
		expect(after.items.filter(item => !item.kept).map(item => item.name)).toEqual([added, changed]);
		// Once read, they are kept too.
		expect((await warmRun([corpus])).items.every(item => item.kept)).toBe(true);
	});

	it('finds a folder\u2019s files in the store however the folder is written', async () => {
		await run([corpus]);
		const roundabout = `${corpus}/../corpus`;
		const warm = await warmRun([`${roundabout}/`]);
		expect(warm.items.length).toBe(6);
		expect(warm.items.every(item => item.kept)).toBe(true);
	});

	it('keeps a feed\u2019s items under the names they had, and reads the feed again once it changes', async () => {
		const path = join(corpus, 'wire.rss');
		writeFileSync(path, feed(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']));
		const names = (await run([path])).analyses.map(a => a.document.path);
		expect(names).toEqual([`${path}#1`, `${path}#2`, `${path}#3`]);
		expect((await warmRun([path])).items).toEqual(names.map(name => ({name, kept: true})));
		writeFileSync(path, feed(['Ada Lovelace', 'Grace Hopper']));
		expect((await warmRun([path])).items).toEqual(names.slice(0, 2).map(name => ({name, kept: false})));
	});

	it('reads again, with its warning, a file that was not read whole', async () => {
		const path = join(corpus, 'cut.rss');
		const whole = feed(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
		writeFileSync(path, whole.slice(0, whole.indexOf('Alan Turing')));
		const first = await warmRun([path]);
		expect(first.problems).toHaveLength(1);
		const again = await warmRun([path]);
		expect(again.items).toEqual(first.items);
		expect(again.items.every(item => !item.kept)).toBe(true);
		expect(again.problems).toEqual(first.problems);
	});
});
