/**
 * A progress line on a terminal's standard error, for long work only: nothing shows before DELAY_MS
 * (a quick command stays silent), it is redrawn at most every INTERVAL_MS, and it is erased before any
 * other message and when the work is done, so it never stays behind in the scrollback.
 */
const DELAY_MS = 500;
const INTERVAL_MS = 100;

export interface ProgressOptions {
	delayMs?: number;
	intervalMs?: number;
	now?: () => number;
}

export class ProgressLine {
	readonly #stream: NodeJS.WritableStream & {columns?: number};
	readonly #delayMs: number;
	readonly #intervalMs: number;
	readonly #now: () => number;
	readonly #started: number;
	#drawnAt = -Infinity;
	#shown = false;

	constructor(stream: NodeJS.WritableStream & {columns?: number}, {delayMs = DELAY_MS, intervalMs = INTERVAL_MS, now = Date.now}: ProgressOptions = {}) {
		this.#stream = stream;
		this.#delayMs = delayMs;
		this.#intervalMs = intervalMs;
		this.#now = now;
		this.#started = now();
	}

	/**
	 * `done` of `total` inputs read, and the documents analysed so far when an input holds many (a feed, an
	 * export of a million lines), so a single large input shows its progress too.
	 */
	update(done: number, total: number, documents = done): void {
		const count = (n: number) => n.toLocaleString('en-US');
		this.#draw(total, () =>
			documents > done
				? `briefing: analysing ${count(documents)} documents from ${count(done)} of ${count(total)} inputs (${Math.floor((done * 100) / total)}%)`
				: `briefing: analysing ${count(done)} of ${count(total)} files (${Math.floor((done * 100) / total)}%)`,
		);
	}

	/** A later step of the work, `done` of `total` of its `things`: "briefing: grouping stories: 480 of 2,861 stories (16%)". */
	step(what: string, done: number, total: number, things: string): void {
		const count = (n: number) => n.toLocaleString('en-US');
		this.#draw(total, () => `briefing: ${what}: ${count(done)} of ${count(total)} ${things} (${Math.floor((done * 100) / total)}%)`);
	}

	/** A step that has no count: "briefing: grouping 100,000 documents into stories". */
	say(text: string): void {
		this.#draw(1, () => `briefing: ${text}`);
	}

	#draw(total: number, text: () => string): void {
		const now = this.#now();
		if (total === 0 || now - this.#started < this.#delayMs || now - this.#drawnAt < this.#intervalMs) return;
		this.#drawnAt = now;
		// One column short of the width: a line that fills the terminal wraps, and \r would not reach its start.
		// A terminal that does not tell its width (0) is taken as 80 columns.
		const width = Math.max(10, (this.#stream.columns || 80) - 1);
		this.#stream.write(`\r\x1b[2K${text().slice(0, width)}`);
		this.#shown = true;
	}

	/** Erase the line (before another message, or when done). */
	clear(): void {
		if (!this.#shown) return;
		this.#stream.write('\r\x1b[2K');
		this.#shown = false;
	}
}
