import type {Dirent} from 'node:fs';
import {open, readdir, realpath, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {decodeText} from './decode.js';
import type {ReadProblem, SourceFile} from './types.js';

/** Files under a directory that are read as articles: text, pages, feeds and exports, gzipped or not. */
const ARTICLE_FILE = /\.(txt|md|html?|xhtml|rss|atom|xml|jsonl|ndjson|json)(\.gz)?$/i;

/** Larger files are refused unless the user raises the limit (`--max-size`). */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

export interface Discovery {
	/** Article paths in a stable order: arguments in the order given, files under a directory sorted. */
	files: string[];
	problems: ReadProblem[];
}

export function reasonOf(error: unknown): string {
	const code = (error as NodeJS.ErrnoException)?.code;
	if (code === 'ENOENT') return 'no such file or directory';
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code === 'ELOOP') return 'symbolic link loop';
	if (code === 'ENAMETOOLONG') return 'file name too long';
	if (code === 'EISDIR') return 'is a directory';
	return (error as Error)?.message ?? String(error);
}

async function walk(dir: string, visited: Set<string>, out: Discovery): Promise<number> {
	let real: string;
	try {
		real = await realpath(dir);
	} catch (error) {
		out.problems.push({path: dir, reason: reasonOf(error), skipped: true});
		return 0;
	}
	if (visited.has(real)) return 0; // a symlink loop or a second way to the same folder
	visited.add(real);
	let entries: Dirent[];
	try {
		entries = (await readdir(dir, {withFileTypes: true})).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	} catch (error) {
		out.problems.push({path: dir, reason: reasonOf(error), skipped: true});
		return 0;
	}
	let found = 0;
	// join(dir, name) for each entry, normalising the folder once: a name holds no "/" and starts with no ".".
	const prefix = join(dir, '_').slice(0, -1);
	for (const entry of entries) {
		const name = entry.name;
		if (name.startsWith('.')) continue;
		const path = prefix + name;
		// The entry's own type spares a stat per file (a folder of 10,000 articles: half a second);
		// symbolic links and other types are followed with stat.
		let info: {isDirectory(): boolean; isFile(): boolean} = entry;
		if (!entry.isFile() && !entry.isDirectory()) {
			try {
				info = await stat(path);
			} catch (error) {
				if (ARTICLE_FILE.test(name)) out.problems.push({path, reason: reasonOf(error), skipped: true});
				continue;
			}
		}
		if (info.isDirectory()) found += await walk(path, visited, out);
		else if (ARTICLE_FILE.test(name)) {
			if (info.isFile()) {
				out.files.push(path);
				found++;
			} else out.problems.push({path, reason: 'not a regular file', skipped: true});
		}
	}
	return found;
}

/** Expand the command line's paths into article files; "-" stands for standard input. */
export async function discoverFiles(paths: string[]): Promise<Discovery> {
	const out: Discovery = {files: [], problems: []};
	const visited = new Set<string>();
	for (const path of paths) {
		if (path === '-' || /^https?:\/\//i.test(path)) {
			out.files.push(path);
			continue;
		}
		let info;
		try {
			info = await stat(path);
		} catch (error) {
			out.problems.push({path, reason: reasonOf(error), skipped: true});
			continue;
		}
		if (info.isDirectory()) {
			const found = await walk(path, visited, out);
			if (found === 0) out.problems.push({path, reason: 'no articles in this directory (.txt, .md, .html, .rss, .atom, .xml, .jsonl, .json, or .gz of these)', skipped: true});
		} else if (info.isFile() || info.isFIFO()) out.files.push(path);
		else out.problems.push({path, reason: 'not a regular file', skipped: true});
	}
	return out;
}

export async function readAll(path: string, maxBytes: number): Promise<Uint8Array | ReadProblem> {
	const tooLarge = (): ReadProblem => ({
		path,
		reason: `larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit (raise it with --max-size)`,
		skipped: true,
	});
	if (path === '-') {
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of process.stdin) {
			size += (chunk as Buffer).length;
			if (size > maxBytes) return tooLarge();
			chunks.push(chunk as Buffer);
		}
		return Buffer.concat(chunks);
	}
	const handle = await open(path, 'r');
	try {
		const info = await handle.stat();
		if (info.isFile() && info.size > maxBytes) return tooLarge();
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of handle.createReadStream({autoClose: false})) {
			size += (chunk as Buffer).length;
			if (size > maxBytes) return tooLarge();
			chunks.push(chunk as Buffer);
		}
		return Buffer.concat(chunks);
	} finally {
		await handle.close();
	}
}

/** Read and decode one article file. Never writes to, moves or locks it. */
export async function readSource(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<SourceFile | ReadProblem> {
	let bytes;
	try {
		bytes = await readAll(path, maxBytes);
	} catch (error) {
		return {path, reason: reasonOf(error), skipped: true};
	}
	if (!(bytes instanceof Uint8Array)) return bytes;
	const decoded = decodeText(bytes);
	if ('binary' in decoded) return {path, reason: decoded.binary, skipped: true};
	return {path, text: decoded.text, warnings: decoded.warnings};
}

export function isProblem(value: SourceFile | ReadProblem): value is ReadProblem {
	return 'reason' in value;
}
