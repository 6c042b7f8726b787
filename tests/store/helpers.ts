import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The writer child, bundled under node_modules/ (so that it finds libsql, which stays outside the bundle).
 * Built once per test file.
 */
export async function bundleWriterChild(): Promise<string> {
	const directory = join(root, 'node_modules', '.briefing-tests');
	mkdirSync(directory, {recursive: true});
	const outfile = join(directory, `writer-child-${process.pid}.mjs`);
	await build({
		entryPoints: [join(root, 'tests', 'store', 'writer-child.ts')],
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		external: ['libsql'],
		banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
		logLevel: 'silent',
	});
	return outfile;
}

export interface ChildRun {
	child: ChildProcess;
	lines: Array<Record<string, unknown>>;
	stderr: string;
	/** Resolves with the exit code (or signal) once the child is gone. */
	done: Promise<number | string>;
}

export function startWriter(script: string, storeDirectory: string, folder: string, batchSize = 4, exitAfter?: number): ChildRun {
	const args = [script, storeDirectory, folder, String(batchSize), ...(exitAfter === undefined ? [] : [String(exitAfter)])];
	const child = spawn(process.execPath, args, {stdio: ['ignore', 'pipe', 'pipe']});
	const run: ChildRun = {child, lines: [], stderr: '', done: Promise.resolve(0)};
	let buffered = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
		buffered += chunk;
		let newline: number;
		while ((newline = buffered.indexOf('\n')) >= 0) {
			run.lines.push(JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>);
			buffered = buffered.slice(newline + 1);
		}
	});
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk));
	run.done = new Promise(resolve => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
	return run;
}

/** Wait until `condition` holds, checking every 20 ms, for at most `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}
