#!/usr/bin/env node
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import meow from 'meow';
import {mergeEntities, type EntitySource} from './analysis/merge.js';
import {analysePaths, openStore, readCorpus, type CorpusItem, type RunOptions, type RunSummary} from './analysis/run.js';
import {DEFAULT_SEARCH_LIMIT} from './analysis/search.js';
import {SearchScan} from './analysis/search-scan.js';
import {totalStats} from './analysis/stats.js';
import type {DocumentAnalysis, DocumentStats} from './analysis/types.js';
import type {ReadProblem} from './corpus/types.js';
import {comparisonRecords, documentRecord, entityRecord, factRecords, figureRecords, searchRecord, statsRecord, storyRecord, timelineRecord, TOTAL_DOCUMENT, type Command} from './output/records.js';
import {DEFAULT_TIMEOUT_SECONDS} from './corpus/fetch.js';
import {inert} from './output/inert.js';
import {ProgressLine} from './output/progress.js';
import {HeldDocuments, holdDocuments} from './store/held.js';
import {storePath, type Store} from './store/store.js';
import type {StoredEntity} from './store/types.js';
import {exitQuietlyOnClosedPipe, RecordWriter} from './output/write.js';

/** Exit codes as fzf uses them. */
export const EXIT = {ok: 0, noResult: 1, usage: 2, interrupted: 130} as const;

const USAGE = `
  Usage
    $ briefing [paths…]                   the dashboard (facts CSV when stdout is not a terminal)
    $ briefing stories   [paths…]         CSV: story,headline,documents,sources,first_published,last_published,entities,summary
    $ briefing compare   [paths…]         CSV: group,story,subject,kind,status,document,sentence,text,value,unit
    $ briefing timeline  [paths…]         CSV: date,precision,document,sentence,text,entities,story
    $ briefing facts     [paths…]         CSV: document,sentence,kind,text,value,unit,subject,entities,context
    $ briefing entities  [paths…]         CSV: name,type,mentions,documents,aliases
    $ briefing stats     [paths…]         CSV: document,title,words,sentences,paragraphs,reading_minutes,entities,facts,duplicate_paragraphs,source,author,published,url
    $ briefing documents [paths…]         CSV: document,title,source,author,published,url,words,text
    $ briefing search <query> [paths…]    CSV: document,sentence,score,text

  Paths are files, directories (read recursively), http(s) addresses, or "-" for standard input (named "(stdin)").
  Read by content as much as by name: text (.txt, .md), web pages (.html, .htm, .xhtml), RSS and Atom feeds
  (.rss, .atom, .xml: one document per item, named feed#1, feed#2…), JSON Lines exports (.jsonl, .ndjson: one
  document per line, named file#<line>) and JSON (.json); any of them gzipped (.gz).
  With no path, the two bundled seed articles are read.

  Options
    --json            a JSON array of objects instead of CSV
    --jsonl           JSON Lines: one object per line, streamed
    --crlf            CSV lines end in CR LF (RFC 4180) instead of LF
    --limit N         search: at most N results (default ${DEFAULT_SEARCH_LIMIT})
    --max-size MB     skip files and pages larger than this (default 16); JSON Lines are streamed, whatever their size
    --timeout S       addresses: give up on a request after S seconds (default ${DEFAULT_TIMEOUT_SECONDS})
    --follow          feeds: also fetch each item's page when the item carries only a summary
    --no-cache        analyse every document again instead of reusing the analyses kept in
                      ${storePath()}
                      (an SQLite file under $XDG_CACHE_HOME/briefing); or set BRIEFING_NO_CACHE=1
    --help            this help
    --version         the version

  Examples
    $ briefing ~/news                                open the dashboard on a folder
    $ briefing stories ~/news                        the events behind the articles, largest first
    $ briefing compare ~/news                        figures the outlets agree or differ on
    $ briefing timeline ~/news > timeline.csv        every date, relative ones resolved
    $ briefing facts ~/news > facts.csv              every figure, with its sentence
    $ briefing documents saved-pages/ --jsonl | jq .title
    $ briefing stats https://example.org/feed.rss --follow
    $ briefing entities --json export.jsonl.gz | jq '.[0]'
    $ briefing search "interest rates" --limit 5 ~/news

  Exit status: 0 ok, 1 no result (search with no match, or nothing could be read), 2 usage error, 130 interrupted.
`;

const COMMANDS = new Set<Command>(['facts', 'entities', 'stats', 'search', 'documents', 'stories', 'compare', 'timeline']);

let seeds: string | undefined;

/** The bundled seeds, found beside the installed package rather than the working directory. */
export function seedsDirectory(): string {
	seeds ??= join(dirname(fileURLToPath(import.meta.url)), '..', 'seeds');
	return seeds;
}

/** What standard input is called in the output: "-" would start a CSV cell that the formula guard must mark. */
export const STDIN_DOCUMENT = '(stdin)';

function displayPath(path: string): string {
	if (path === '-') return STDIN_DOCUMENT;
	const seeds = seedsDirectory();
	return path.startsWith(seeds) ? join('seeds', relative(seeds, path)) : path;
}

function usageError(message: string): never {
	process.stderr.write(`briefing: ${message}\n${USAGE}`);
	process.exit(EXIT.usage);
}

const KNOWN_FLAGS = new Set(['--json', '--no-json', '--jsonl', '--crlf', '--limit', '--max-size', '--timeout', '--follow', '--cache', '--no-cache', '--help', '--version', '-h', '-v']);

/** The first option that is not ours; everything after "--" is a path. */
function unknownFlags(argv: string[]): string | undefined {
	for (const arg of argv) {
		if (arg === '--') return undefined;
		if (arg === '-' || !arg.startsWith('-')) continue;
		const name = arg.split('=')[0]!;
		if (!KNOWN_FLAGS.has(name) && !/^-?\d/.test(arg.slice(1))) return arg;
	}
	return undefined;
}

function reportProblem(problem: ReadProblem): void {
	// A file name can carry escape sequences too: messages are for people, so they are made inert.
	process.stderr.write(`briefing: ${inert(displayPath(problem.path))}: ${inert(problem.reason)}${problem.skipped ? ' (skipped)' : ''}\n`);
}

function reportSummary(summary: RunSummary): void {
	if (summary.skipped === 0 && summary.total > 0) return;
	if (summary.read === 0) process.stderr.write(`briefing: no document could be read (${summary.total} path${summary.total === 1 ? '' : 's'} given)\n`);
	else process.stderr.write(`briefing: read ${summary.read} of ${summary.total} inputs; skipped ${summary.skipped} (see above)\n`);
}

/** A document kept in the store, as mergeEntities reads documents: its name and its entities' counts. */
function keptEntities(name: string, entities: StoredEntity[] = []): EntitySource {
	return {document: {path: name}, entities: entities.map(entity => ({...entity, mentions: {length: entity.mentions}}))};
}

/** The facts rows of a document kept in the store, with their sentences as context. */
function keptFactRecords(store: Store, name: string, id: number) {
	const kept = store.facts(id);
	return kept ? figureRecords(name, kept.facts, sentence => kept.sentences[sentence] ?? '') : [];
}


async function main(): Promise<number> {
	const cli = meow(USAGE, {
		importMeta: import.meta,
		// Unknown flags are reported below, in our own words and with the usage.
		allowUnknownFlags: true,
		flags: {
			json: {type: 'boolean', default: false},
			jsonl: {type: 'boolean', default: false},
			crlf: {type: 'boolean', default: false},
			limit: {type: 'number', default: DEFAULT_SEARCH_LIMIT},
			maxSize: {type: 'number', default: 16},
			timeout: {type: 'number', default: DEFAULT_TIMEOUT_SECONDS},
			follow: {type: 'boolean', default: false},
			cache: {type: 'boolean', default: true},
		},
	});

	const unknown = unknownFlags(process.argv.slice(2));
	if (unknown) usageError(`unknown option "${unknown}"`);

	let [command, ...paths] = cli.input;
	let query: string | undefined;
	if (command !== undefined && !COMMANDS.has(command as Command)) {
		// A path as the first argument opens the dashboard on it; anything else that looks like a command is a typo.
		if (/^[a-z]+$/.test(command) && !(await import('node:fs')).existsSync(command)) usageError(`unknown command "${command}"`);
		paths = [command, ...paths];
		command = undefined;
	}
	if (command === 'search') {
		query = paths.shift();
		if (query === undefined) usageError('search needs a query');
	}
	if (!Number.isInteger(cli.flags.limit) || cli.flags.limit < 1) usageError('--limit takes a whole number of 1 or more');
	if (!(cli.flags.maxSize > 0)) usageError('--max-size takes a number of megabytes');
	if (!(cli.flags.timeout > 0)) usageError('--timeout takes a number of seconds');
	if (cli.flags.json && cli.flags.jsonl) usageError('--json and --jsonl cannot be used together');
	if (paths.length === 0) paths = [seedsDirectory()];

	const summary: RunSummary = {total: 0, read: 0, skipped: 0};
	const dashboard = command === undefined && process.stdout.isTTY && process.stdin.isTTY;
	// A pipe command's long work shows a progress line, on a terminal only (and not over rows shown on it).
	const progress = !dashboard && process.stderr.isTTY && !process.stdout.isTTY ? new ProgressLine(process.stderr) : undefined;
	const runOptions: RunOptions = {
		maxBytes: cli.flags.maxSize * 1024 * 1024,
		onProblem: problem => {
			progress?.clear();
			reportProblem(problem);
		},
		onProgress: progress && ((done, total, documents) => progress.update(done, total, documents)),
		label: displayPath,
		cache: cli.flags.cache ? undefined : false,
		onMessage: message => {
			progress?.clear();
			process.stderr.write(`briefing: ${inert(message)}\n`);
		},
		timeoutMs: cli.flags.timeout * 1000,
		follow: cli.flags.follow,
		userAgent: `briefing/${cli.pkg.version ?? '0'} (a terminal news briefing)`,
	};
	// The commands that print what the store holds of each document read it from there, for the files that
	// have not changed, instead of reading those files and their analyses again.
	// The dashboard too: it holds each document's figures, entities and facts, and reads texts from the store.
	const fromStore = command === 'facts' || command === 'stats' || command === 'entities' || command === 'search' || command === 'stories' || command === 'compare' || command === 'timeline' || command === undefined;
	const store: Store | undefined = fromStore ? openStore(runOptions) : undefined;
	const analyses = fromStore ? undefined : analysePaths(paths, runOptions, summary);
	const items: AsyncIterable<CorpusItem> = fromStore ? readCorpus(paths, {...runOptions, store, fromStore: true}, summary) : (async function* () {})();

	if (dashboard) {
		const {runDashboard} = await import('./ui/dashboard.js');
		const held = store?.usable ? holdDocuments(items, new HeldDocuments(store)) : analysePaths(paths, {...runOptions, store}, summary);
		return runDashboard(held, {summary, onProblem: reportProblem, store: store?.usable ? store : undefined});
	}

	exitQuietlyOnClosedPipe();
	// Ctrl-C during long work: stop at once with the interrupt status, leaving no half-drawn progress line.
	process.once('SIGINT', () => {
		if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
		process.exit(EXIT.interrupted);
	});
	const output = {format: cli.flags.jsonl ? 'jsonl' : cli.flags.json ? 'json' : 'csv', crlf: cli.flags.crlf} as const;
	const finish = async (writer: RecordWriter, code: number = EXIT.ok) => {
		progress?.clear();
		store?.close();
		await writer.end();
		reportSummary(summary);
		return summary.read === 0 ? EXIT.noResult : code;
	};

	switch ((command ?? 'facts') as Command) {
		case 'facts': {
			const writer = new RecordWriter('facts', output);
			for await (const item of items) {
				const records = 'analysis' in item ? factRecords(item.analysis) : keptFactRecords(store!, item.kept.name, item.kept.stored.id);
				for (const record of records) {
					const waiting = writer.write(record);
					if (waiting) await waiting;
				}
			}
			return finish(writer);
		}
		case 'documents': {
			const writer = new RecordWriter('documents', output);
			for await (const analysis of analyses!) await writer.write(documentRecord(analysis.document));
			return finish(writer);
		}
		case 'entities': {
			// In the run's order, which decides a merged entity's name and the order of its aliases.
			const sources: Array<EntitySource | {kept: string; hash: string}> = [];
			for await (const item of items) sources.push('analysis' in item ? item.analysis : {kept: item.kept.name, hash: item.kept.stored.hash});
			const stored = sources.some(source => 'kept' in source) ? store!.entities(sources.flatMap(source => ('hash' in source ? [source.hash] : []))) : new Map<string, StoredEntity[]>();
			const writer = new RecordWriter('entities', output);
			for (const row of mergeEntities(sources.map(source => ('kept' in source ? keptEntities(source.kept, stored.get(source.hash)) : source)))) await writer.write(entityRecord(row));
			return finish(writer);
		}
		case 'stats': {
			const writer = new RecordWriter('stats', output);
			const stats: DocumentStats[] = [];
			const hashes: string[] = [];
			const analysed: DocumentAnalysis[] = [];
			for await (const item of items) {
				if ('analysis' in item) {
					const {document, stats: figures} = item.analysis;
					await writer.write(statsRecord(document.path, document.title, figures, document));
					stats.push(figures);
					hashes.push(item.hash);
					if (!store?.usable) analysed.push(item.analysis);
				} else {
					const {stored, name} = item.kept;
					const waiting = writer.write(statsRecord(name, stored.title, stored.stats, stored));
					if (waiting) await waiting;
					stats.push(stored.stats);
					hashes.push(stored.hash);
				}
			}
			if (stats.length > 0) {
				// From the store, the count of an unchanged set of documents is one lookup.
				const distinct = store?.usable
					? store.distinctEntities(hashes)
					: mergeEntities(analysed).length;
				await writer.write(statsRecord(TOTAL_DOCUMENT, '', totalStats(stats, distinct)));
			}
			return finish(writer);
		}
		case 'search': {
			const scan = new SearchScan(query!, cli.flags.limit);
			// Kept documents by their row in the store, with their places in the run (a text can be there twice).
			const kept = new Map<number, Array<{name: string; at: number}>>();
			let at = 0;
			for await (const item of items) {
				if ('analysis' in item) scan.add(item.analysis.document.path, item.analysis.document.sentences.map(sentence => sentence.text), at++);
				else {
					const places = kept.get(item.kept.stored.id);
					if (places) places.push({name: item.kept.name, at: at++});
					else kept.set(item.kept.stored.id, [{name: item.kept.name, at: at++}]);
				}
			}
			// Their sentences in one pass over the store, decoded only where the query can match.
			store?.eachSentences([...kept.keys()], (id, encoded) => {
				// Lower-cased once for the document: still a JSON array (escapes are lower-case or case-less).
				const lowered = encoded.toLowerCase();
				if (!scan.mayMatch(lowered)) return;
				const sentences = JSON.parse(encoded) as string[];
				const lower = JSON.parse(lowered) as string[];
				for (const {name, at} of kept.get(id)!) scan.add(name, sentences, at, lower);
			});
			const writer = new RecordWriter('search', output);
			for (const hit of scan.results()) await writer.write(searchRecord(hit));
			const code = await finish(writer);
			return code === EXIT.ok && writer.count === 0 ? EXIT.noResult : code;
		}
		case 'stories':
		case 'compare':
		case 'timeline': {
			// The briefing's code (and the date parser behind the timeline) loads only for these commands.
			const {brief} = await import('./analysis/stories/index.js');
			const {briefFromStore} = await import('./analysis/stories/kept.js');
			const documents: Array<{name: string; hash: string; analysis?: DocumentAnalysis}> = [];
			for await (const item of items) {
				if ('kept' in item) documents.push({name: item.kept.name, hash: item.kept.stored.hash});
				// A document analysed now is read back from the store (if its story has others), not held here, unless no store keeps it.
				else documents.push({name: item.analysis.document.path, hash: item.hash, analysis: store?.usable ? undefined : item.analysis});
			}
			// From the store, in a thread of its own with its heap bounded: the briefing of an unchanged set, or
			// one made from each document's story parts, with the comparisons of its unchanged stories.
			const briefing = store?.usable
				? await (await import('./analysis/stories/elsewhere.js')).briefStored(store, documents, undefined, (stage, done, total) => {
						if (stage === 'parts') progress?.step('reading each document for its story', done, total, 'documents');
						else if (stage === 'grouping') progress?.say(`grouping ${total.toLocaleString('en-US')} documents into stories`);
						else progress?.step('building stories', done, total, 'stories');
					})
				: (await import('./analysis/stories/index.js')).brief(documents.flatMap(({analysis}) => (analysis ? [analysis] : [])));
			const writer = new RecordWriter(command as Command, output);
			if (command === 'stories') for (const story of briefing.stories) await writer.write(storyRecord(story));
			else if (command === 'compare') for (const comparison of briefing.comparisons) for (const record of comparisonRecords(comparison)) await writer.write(record);
			else for (const entry of briefing.timeline) await writer.write(timelineRecord(entry));
			return finish(writer);
		}
	}
}

main().then(
	code => {
		process.exitCode = code;
	},
	error => {
		process.stderr.write(`briefing: ${(error as Error)?.stack ?? String(error)}\n`);
		process.exitCode = EXIT.usage;
	},
);
