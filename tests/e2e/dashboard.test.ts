/**
 * The built dashboard in a real terminal: tmux runs a shell, the shell runs `dist/cli.js`, and the test
 * types keys with send-keys and reads the screen with capture-pane. Each run has its own tmux server
 * (a unique -L socket), killed afterwards.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {afterAll, beforeAll, expect, test} from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const socket = `briefing-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const PROMPT = 'e2e$ ';

/** The dashboard's cache goes to a folder of this run's, not the user's ~/.cache. */
const cacheHome = mkdtempSync(join(tmpdir(), 'briefing-e2e-cache-'));

function tmux(...args: string[]): string {
	// The tmux server, and so the shell and the dashboard in it, inherit this environment.
	return execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8', env: {...process.env, XDG_CACHE_HOME: cacheHome}});
}

function screen(session: string, {colours = false} = {}): string {
	return tmux('capture-pane', '-p', ...(colours ? ['-e'] : []), '-t', session);
}

/** Poll the screen until `check` holds (tmux and the dashboard run on their own time). */
async function waitForScreen(session: string, check: (text: string) => boolean, what: string): Promise<string> {
	const deadline = Date.now() + 15_000;
	let text = '';
	while (Date.now() < deadline) {
		text = screen(session);
		if (check(text)) return text;
		await new Promise(resolve => setTimeout(resolve, 25));
	}
	throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
}

/** A shell in a fresh tmux session of the given size, in the repository, with a known prompt. */
async function shell(session: string, columns: number, rows: number): Promise<void> {
	tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), '-c', repo, 'bash --norc --noprofile');
	socketPath ??= tmux('display-message', '-p', '#{socket_path}').trim();
	tmux('send-keys', '-t', session, `PS1='${PROMPT}'; clear`, 'Enter');
	await waitForScreen(session, text => text.startsWith(PROMPT.trimEnd()), 'the prompt');
}

function keys(session: string, ...names: string[]): void {
	tmux('send-keys', '-t', session, ...names);
}

function type(session: string, text: string): void {
	tmux('send-keys', '-t', session, '-l', text);
}

beforeAll(() => {
	if (!existsSync(join(repo, 'dist', 'cli.js'))) execFileSync('node', ['build.mjs'], {cwd: repo, stdio: 'inherit'});
});

let socketPath: string | undefined;

afterAll(() => {
	try {
		tmux('kill-server');
	} catch {
		// The server is gone already.
	}
	// tmux leaves its socket file behind.
	if (socketPath) rmSync(socketPath, {force: true});
	rmSync(cacheHome, {recursive: true, force: true});
});

test('search, open, help, resize and quit in a real terminal', async () => {
	const session = 'seeds';
	await shell(session, 120, 35);
	keys(session, 'node dist/cli.js; echo "exit status $?"', 'Enter');
	const first = await waitForScreen(session, text => text.includes('? help') && text.includes('2 docs'), 'the first frame');
	// It opens on the briefing: every pane, Stories first and focused.
	expect(first).toContain('1 Stories');
	expect(first).toContain('2 Documents');
	expect(first).toContain('6 Facts');
	expect(first).toContain('7 Timeline');
	await waitForScreen(session, text => /Stories +│ \? help/.test(text) && !text.includes('stories: '), 'the stories');
	keys(session, 'Enter');
	// The two seeds report one visit: one story of both, opened on its summary.
	const story = await waitForScreen(session, text => /Esc back/.test(text) && /2 documents · /.test(text), 'an open story');
	expect(story).toContain('Summary');
	keys(session, 'Escape');
	await waitForScreen(session, text => !text.includes('Esc back'), 'the list of stories again');

	keys(session, '/');
	await waitForScreen(session, text => text.includes('Search (typing)'), 'the search box');
	type(session, 'golden eagle');
	const results = await waitForScreen(session, text => /\d+ hits? ·/.test(text), 'search results');
	// Move to the hit about the Order, wherever the ranking puts it.
	const rows = results.split('\n');
	const note = rows.findIndex(line => /\d+ hits? ·/.test(line));
	const order = rows.slice(note + 1).findIndex(line => line.includes('of the Golden Eagle'));
	expect(order).toBeGreaterThanOrEqual(0);
	for (let i = 0; i < order; i++) keys(session, 'Down');
	keys(session, 'Enter');
	await waitForScreen(session, text => text.includes('Article │ ? help'), 'the Article pane');
	const highlighted = screen(session, {colours: true})
		.split('\n')
		.find(line => line.includes('Order of the Golden Eagle'));
	expect(highlighted, 'the sentence is on screen').toBeDefined();
	// The sentence is drawn highlighted (a background colour starts before it).
	expect(highlighted).toMatch(/\x1b\[[0-9;]*4[0-7](;[0-9;]*)?m[^\x1b]*The Order of the Golden Eagle/);

	keys(session, '?');
	const help = await waitForScreen(session, text => text.includes('Help ·'), 'the help screen');
	expect(help).toContain('previous pane');
	expect(help).toContain('write rows to a new CSV');
	keys(session, '?');
	await waitForScreen(session, text => !text.includes('Help ·'), 'help to close');

	tmux('resize-window', '-t', session, '-x', '60', '-y', '20');
	const small = await waitForScreen(session, text => text.split('\n')[0]!.includes('2 Doc') && text.includes('? help'), 'the 60x20 layout');
	const lines = small.replace(/\n$/, '').split('\n');
	expect(lines.length).toBeLessThanOrEqual(20);
	for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(60);
	expect(lines.filter(line => line.includes('? help'))).toHaveLength(1);

	// Growing past the first size: tmux then carries alternate-screen lines into the shell's screen unless they are blanked on leaving.
	tmux('resize-window', '-t', session, '-x', '130', '-y', '40');
	await waitForScreen(session, text => text.includes('5 Entities') && text.includes('6 Facts') && !text.split('\n')[0]!.includes('2 Doc'), 'the wide layout again');

	keys(session, 'q');
	// The shell prints the status, then its prompt: wait for both, or a busy machine catches the screen between them.
	const after = await waitForScreen(session, text => /^exit status \d+/m.test(text) && text.trimEnd().endsWith(PROMPT.trimEnd()), 'the shell after quitting');
	expect(after).toContain('exit status 0');
	expect(after).toContain(`${PROMPT}node dist/cli.js`);
	expect(after).not.toContain('? help');
	expect(after).not.toContain('Documents');
	// Exactly what the shell had: the command line, its output, a fresh prompt.
	expect(after.trimEnd().split('\n')).toEqual([`${PROMPT}node dist/cli.js; echo "exit status $?"`, 'exit status 0', PROMPT.trimEnd()]);
});

test('a document full of escape sequences cannot drive the terminal', async () => {
	const directory = mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
	try {
		const file = join(directory, 'hostile.txt');
		writeFileSync(
			file,
			[
				'Hostile \x1b[2J headline \x1b]0;pwned-title\x07 here',
				'',
				'A link \x1b]8;;https://example.com\x1b\\click\x1b]8;;\x1b\\ and a C1 CSI \u009b31m and bidi \u202eevil\u202c text.',
				'',
				'The last paragraph ends here.',
			].join('\n'),
		);
		const session = 'hostile';
		await shell(session, 120, 35);
		const title = tmux('display-message', '-p', '-t', session, '#{pane_title}');
		keys(session, `node dist/cli.js '${file}'; echo "exit status $?"`, 'Enter');
		const text = await waitForScreen(session, t => t.includes('? help') && t.includes('The last paragraph ends here.'), 'the document');
		expect(text).toContain('␛[2J');
		expect(text).toContain('␛]0;pwned-title');
		// The frame is whole: nothing cleared it, and the title stayed the shell's.
		expect(text).toContain('2 Documents');
		expect(tmux('display-message', '-p', '-t', session, '#{pane_title}')).toBe(title);
		keys(session, 'C-c');
		const after = await waitForScreen(session, t => /^exit status \d+/m.test(t), 'the shell after Ctrl-C');
		expect(after).toContain('exit status 130');
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
});
