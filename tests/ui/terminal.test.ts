import {EventEmitter} from 'node:events';
import {afterEach, expect, test, vi} from 'vitest';
import {ENTER_SCREEN, LEAVE_SCREEN, TerminalSession} from '../../source/ui/terminal.js';

function streams() {
	const stdout = Object.assign(new EventEmitter(), {written: '', write(text: string) {
		this.written += text;
		return true;
	}});
	const stderr = Object.assign(new EventEmitter(), {written: '', write(text: string) {
		this.written += text;
		return true;
	}});
	const stdin = Object.assign(new EventEmitter(), {isTTY: true, isRaw: true, setRawMode(mode: boolean) {
		this.isRaw = mode;
	}});
	return {stdout, stderr, stdin};
}

const sessions: TerminalSession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) session.leave();
});

test('the screen is switched on entering and given back, raw mode off, on leaving', () => {
	const s = streams();
	const session = new TerminalSession(s as never, () => {});
	sessions.push(session);
	session.enter();
	expect(s.stdout.written).toBe(ENTER_SCREEN);
	session.leave();
	expect(s.stdout.written).toBe(ENTER_SCREEN + LEAVE_SCREEN);
	expect(s.stdin.isRaw).toBe(false);
	session.leave();
	expect(s.stdout.written).toBe(ENTER_SCREEN + LEAVE_SCREEN);
});

test('stderr is held back while the dashboard is up, told as messages, and printed after leaving', async () => {
	const s = streams();
	const messages: string[] = [];
	const session = new TerminalSession(s as never, text => messages.push(text));
	sessions.push(session);
	session.enter();
	(s.stderr as unknown as NodeJS.WriteStream).write('briefing: a.txt: unreadable (skipped)\n');
	expect(s.stderr.written).toBe('');
	await new Promise(resolve => setImmediate(resolve));
	expect(messages).toEqual(['briefing: a.txt: unreadable (skipped)']);
	session.leave();
	expect(s.stderr.written).toBe('briefing: a.txt: unreadable (skipped)\n');
});

test('whatever ends the process, the screen comes back first', () => {
	const s = streams();
	const session = new TerminalSession(s as never, () => {});
	sessions.push(session);
	const before = process.listenerCount('exit');
	session.enter();
	expect(process.listenerCount('exit')).toBe(before + 1);
	process.emit('exit', 0);
	expect(s.stdout.written.endsWith(LEAVE_SCREEN)).toBe(true);
	expect(process.listenerCount('exit')).toBe(before);
});

test('a crash restores the terminal, then prints the error and exits with status 2', () => {
	const s = streams();
	const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
	try {
		const session = new TerminalSession(s as never, () => {});
		sessions.push(session);
		session.enter();
		(process.emit as (event: string, ...args: unknown[]) => boolean)('uncaughtException', new Error('boom'), 'uncaughtException');
		expect(s.stdout.written.endsWith(LEAVE_SCREEN)).toBe(true);
		expect(s.stderr.written).toMatch(/^briefing: Error: boom/);
		expect(exit).toHaveBeenCalledWith(2);
	} finally {
		exit.mockRestore();
	}
});
