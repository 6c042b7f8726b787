import {spawnSync, type SpawnSyncOptions} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cli = join(root, 'dist', 'cli.js');

export interface CliResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Run the built `briefing` as a user would, with stdout and stderr captured (so never a terminal). */
export function runCli(args: string[], options: SpawnSyncOptions = {}): CliResult {
	const result = spawnSync(process.execPath, [cli, ...args], {
		cwd: root,
		encoding: 'utf8',
		env: {...process.env, BRIEFING_NO_CACHE: '1', ...options.env},
		...options,
	});
	return {status: result.status, stdout: String(result.stdout), stderr: String(result.stderr)};
}
