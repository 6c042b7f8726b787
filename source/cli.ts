#!/usr/bin/env node
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import meow from 'meow';
import {mergeEntities} from './analysis/merge.js';
import {analysePaths, type RunSummary} from './analysis/run.js';
import {SentenceIndex, DEFAULT_SEARCH_LIMIT} from './analysis/search.js';
import {totalStats} from './analysis/stats.js';
import type {DocumentAnalysis} from './analysis/types.js';
import type {ReadProblem} from './corpus/types.js';
import {entityRecord, factRecords, searchRecord, statsRecord, TOTAL_DOCUMENT, type Command} from './output/records.js';
import {inert} from './output/inert.js';
import {ProgressLine} from './output/progress.js';
import {exitQuietlyOnClosedPipe, RecordWriter} from './output/write.js';

/** Exit codes as fzf uses them. */
export const EXIT = {ok: 0, noResult: 1, usage: 2, interrupted: 130} as const;

const USAGE = `
  Usage
    $ briefing [paths…]                  the dashboard (facts CSV when stdout is not a terminal)
    $ briefing facts    [paths…]         CSV: document,sentence,kind,text,value,unit,subject,entities,context
    $ briefing entities [paths…]         CSV: name,type,mentions,documents,aliases
    $ briefing stats    [paths…]         CSV: document,title,words,sentences,paragraphs,reading_minutes,entities,facts,duplicate_paragraphs
    $ briefing search <query> [paths…]   CSV: document,sentence,score,text

  Paths are files or directories (read recursively for .txt and .md); "-" reads standard input (named "(stdin)" in the output).
  With no path, the two bundled seed articles are read.

  Options
    --json            a JSON array of objects instead of CSV
    --limit N         search: at most N results (default ${DEFAULT_SEARCH_LIMIT})
    --max-size MB     skip files larger than this (default 16)
    --no-cache        analyse every file again instead of reusing results cached in
                      $XDG_CACHE_HOME/briefing (~/.cache/briefing); or set BRIEFING_NO_CACHE=1
    --help            this help
    --version         the version

  Examples
    $ briefing ~/news                          open the dashboard on a folder
    $ briefing facts ~/news > facts.csv        every figure, with its sentence
    $ briefing entities --json seeds | jq '.[0]'
    $ briefing stats ~/news/*.txt
    $ briefing search "interest rates" --limit 5 ~/news

  Exit status: 0 ok, 1 no result (search with no match, or no file could be read), 2 usage error.
`;

const COMMANDS = new Set<Command>(['facts', 'entities', 'stats', 'search']);

/** The bundled seeds, found beside the installed package rather than the working directory. */
export function seedsDirectory(): string {
	const here = dirname(fileURLToPath(import.meta.url));
	return join(here, '..', 'seeds');
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

const KNOWN_FLAGS = new Set(['--json', '--no-json', '--limit', '--max-size', '--cache', '--no-cache', '--help', '--version', '-h', '-v']);

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
	else process.stderr.write(`briefing: read ${summary.read} of ${summary.total} files; skipped ${summary.skipped} (see above)\n`);
}

async function collect(analyses: AsyncIterable<DocumentAnalysis>): Promise<DocumentAnalysis[]> {
	const all: DocumentAnalysis[] = [];
	for await (const analysis of analyses) all.push(analysis);
	return all;
}

async function main(): Promise<number> {
	const cli = meow(USAGE, {
		importMeta: import.meta,
		// Unknown flags are reported below, in our own words and with the usage.
		allowUnknownFlags: true,
		flags: {
			json: {type: 'boolean', default: false},
			limit: {type: 'number', default: DEFAULT_SEARCH_LIMIT},
			maxSize: {type: 'number', default: 16},
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
	if (paths.length === 0) paths = [seedsDirectory()];

	const summary: RunSummary = {total: 0, read: 0, skipped: 0};
	const dashboard = command === undefined && process.stdout.isTTY && process.stdin.isTTY;
	// A pipe command's long work shows a progress line, on a terminal only (and not over rows shown on it).
	const progress = !dashboard && process.stderr.isTTY && !process.stdout.isTTY ? new ProgressLine(process.stderr) : undefined;
	const analyses = analysePaths(
		paths,
		{
			maxBytes: cli.flags.maxSize * 1024 * 1024,
			onProblem: problem => {
				progress?.clear();
				reportProblem(problem);
			},
			onProgress: progress && ((done, total) => progress.update(done, total)),
			label: displayPath,
			cache: cli.flags.cache ? undefined : false,
		},
		summary,
	);

	if (dashboard) {
		const {runDashboard} = await import('./ui/dashboard.js');
		return runDashboard(analyses, {summary, onProblem: reportProblem});
	}

	exitQuietlyOnClosedPipe();
	// Ctrl-C during long work: stop at once with the interrupt status, leaving no half-drawn progress line.
	process.once('SIGINT', () => {
		if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
		process.exit(EXIT.interrupted);
	});
	const json = cli.flags.json;
	const finish = async (writer: RecordWriter, code: number = EXIT.ok) => {
		progress?.clear();
		await writer.end();
		reportSummary(summary);
		return summary.read === 0 ? EXIT.noResult : code;
	};

	switch ((command ?? 'facts') as Command) {
		case 'facts': {
			const writer = new RecordWriter('facts', {json});
			for await (const analysis of analyses) for (const record of factRecords(analysis)) await writer.write(record);
			return finish(writer);
		}
		case 'entities': {
			const all = await collect(analyses);
			const writer = new RecordWriter('entities', {json});
			for (const row of mergeEntities(all)) await writer.write(entityRecord(row));
			return finish(writer);
		}
		case 'stats': {
			const writer = new RecordWriter('stats', {json});
			const all: DocumentAnalysis[] = [];
			for await (const analysis of analyses) {
				all.push(analysis);
				await writer.write(statsRecord(analysis.document.path, analysis.document.title, analysis.stats));
			}
			if (all.length > 0) {
				const totals = totalStats(all.map(a => a.stats), mergeEntities(all).length);
				await writer.write(statsRecord(TOTAL_DOCUMENT, '', totals));
			}
			return finish(writer);
		}
		case 'search': {
			const all = await collect(analyses);
			const index = SentenceIndex.fromDocuments(all.map(a => a.document));
			const writer = new RecordWriter('search', {json});
			for (const hit of index.search(query!, cli.flags.limit)) await writer.write(searchRecord(hit));
			const code = await finish(writer);
			return code === EXIT.ok && writer.count === 0 ? EXIT.noResult : code;
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
