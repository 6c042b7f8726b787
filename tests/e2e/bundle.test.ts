import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {execFileSync} from 'node:child_process';
import {beforeAll, expect, test} from 'vitest';

const repo = join(import.meta.dirname, '..', '..');

beforeAll(() => {
	if (!existsSync(join(repo, 'dist', 'cli.js'))) execFileSync('node', ['build.mjs'], {cwd: repo, stdio: 'inherit'});
});

/** Every file the entry loads before any code runs: its static imports, followed through the chunks. */
function staticGraph(entry: string): string[] {
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		for (const match of readFileSync(file, 'utf8').matchAll(/^import\s[^'"]*['"](\.[^'"]+)['"]/gm)) visit(resolve(dirname(file), match[1]!));
	};
	visit(entry);
	return [...seen];
}

test('the pipe commands never load Ink or React: the dashboard is only imported on demand', () => {
	const files = staticGraph(join(repo, 'dist', 'cli.js'));
	for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/yoga-layout|react-reconciler|useSyncExternalStore/);
	expect(readFileSync(join(repo, 'dist', 'cli.js'), 'utf8')).toMatch(/import\("\.\/chunks\/dashboard-[A-Z0-9]+\.js"\)/);
});

test('text inputs never load the code for pages, feeds or exports, nor the date parser: those load when such an input or command appears', () => {
	const files = staticGraph(join(repo, 'dist', 'cli.js'));
	// htmlparser2's tokenizer, chrono's parsers and the JSON Lines reader are marked by strings only they hold.
	for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/xmlMode|ENCasualDateParser|casualDateParser|date_publish/);
});
