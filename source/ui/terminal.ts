/** Switch to the alternate screen and home the cursor; the shell's screen is kept and comes back on leaving. */
export const ENTER_SCREEN = '\x1b[?1049h\x1b[H\x1b[2J';
/**
 * Blank the alternate screen, show the cursor again and go back to the screen as it was. The blanking
 * matters in tmux: after the window grows while the alternate screen is up, tmux carries its lines into
 * the restored screen.
 */
export const LEAVE_SCREEN = '\x1b[H\x1b[J\x1b[?25h\x1b[?1049l';
/** Clear and home: a resize redraws from a blank screen rather than over the old layout. */
export const CLEAR_SCREEN = '\x1b[2J\x1b[H';

const SIGNAL_STATUS = {SIGTERM: 143, SIGHUP: 129, SIGINT: 130} as const;

interface Streams {
	stdout: NodeJS.WriteStream;
	stdin: NodeJS.ReadStream;
	stderr: NodeJS.WriteStream;
}

/**
 * The terminal for the life of the dashboard: the alternate screen, and everything needed to give the
 * terminal back as it was however the dashboard ends: on quit, on a crash (the error is printed after
 * the screen is restored), or on a signal. While the dashboard is up, anything written to stderr (a
 * file that could not be read, a warning) is held back and told to `onMessage`, because writing it
 * would scribble over the frame; it is printed after leaving.
 */
export class TerminalSession {
	readonly #streams: Streams;
	readonly #onMessage: (text: string) => void;
	#entered = false;
	#left = false;
	#held: string[] = [];
	#originalWrite: NodeJS.WriteStream['write'] | undefined;
	readonly #listeners: Array<[string, (...args: unknown[]) => void]> = [];

	constructor(streams: Streams, onMessage: (text: string) => void) {
		this.#streams = streams;
		this.#onMessage = onMessage;
	}

	enter(): void {
		if (this.#entered) return;
		this.#entered = true;
		const {stdout, stderr} = this.#streams;
		stdout.write(ENTER_SCREEN);
		this.#originalWrite = stderr.write;
		const hold = (chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
			const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
			this.#held.push(text);
			const done = typeof encoding === 'function' ? encoding : callback;
			if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
			// Told later, not now: the write may come from inside a render.
			for (const line of text.split('\n').filter(l => l.trim() !== '')) setImmediate(() => this.#onMessage(line));
			return true;
		};
		stderr.write = hold as NodeJS.WriteStream['write'];
		const crash = (error: unknown) => {
			this.leave();
			this.#streams.stderr.write(`briefing: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exit(2);
		};
		this.#on('uncaughtException', crash);
		this.#on('unhandledRejection', crash);
		for (const [signal, status] of Object.entries(SIGNAL_STATUS)) {
			this.#on(signal, () => {
				this.leave();
				process.exit(status);
			});
		}
		// The last resort: whatever ends the process, the screen comes back.
		this.#on('exit', () => this.leave());
	}

	#on(event: string, listener: (...args: unknown[]) => void): void {
		process.on(event as NodeJS.Signals, listener);
		this.#listeners.push([event, listener]);
	}

	/** Restore the terminal; safe to call more than once. Held stderr output is printed now. */
	leave(): void {
		if (!this.#entered || this.#left) return;
		this.#left = true;
		const {stdout, stdin, stderr} = this.#streams;
		if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
		stdout.write(LEAVE_SCREEN);
		if (this.#originalWrite) stderr.write = this.#originalWrite;
		for (const [event, listener] of this.#listeners) process.off(event as NodeJS.Signals, listener);
		const held = this.#held.join('');
		this.#held = [];
		if (held) stderr.write(held);
	}
}
