import {csvRow} from './csv.js';
import {COLUMNS, type Cell, type Command, type OutputRecord} from './records.js';

/** A closed pipe (`briefing facts | head -1`) is the reader saying it has enough: leave quietly. */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
	stream.on('error', error => {
		if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
		throw error;
	});
}

function csvCell(value: Cell): string | number {
	if (Array.isArray(value)) return value.join('; ');
	if (typeof value === 'object') return Object.keys(value).join('; ');
	return value;
}

/**
 * Writes records as they come, as CSV (header first) or as one JSON array, honouring back-pressure
 * so memory does not grow with the output.
 */
export class RecordWriter {
	readonly #columns: readonly string[];
	readonly #json: boolean;
	readonly #out: NodeJS.WritableStream;
	#count = 0;

	constructor(command: Command, {json = false, out = process.stdout as NodeJS.WritableStream} = {}) {
		this.#columns = COLUMNS[command];
		this.#json = json;
		this.#out = out;
		if (!json) this.#out.write(csvRow([...this.#columns]));
	}

	get count(): number {
		return this.#count;
	}

	async write(record: OutputRecord): Promise<void> {
		let chunk: string;
		if (this.#json) {
			const ordered = Object.fromEntries(this.#columns.map(c => [c, record[c]]));
			chunk = (this.#count === 0 ? '[\n' : ',\n') + JSON.stringify(ordered);
		} else {
			chunk = csvRow(this.#columns.map(c => csvCell(record[c] ?? '')));
		}
		this.#count++;
		if (!this.#out.write(chunk)) await new Promise(resolve => this.#out.once('drain', resolve));
	}

	async end(): Promise<void> {
		if (this.#json) this.#out.write(this.#count === 0 ? '[]\n' : '\n]\n');
		await new Promise<void>(resolve => {
			if (this.#out.write('')) resolve();
			else this.#out.once('drain', () => resolve());
		});
	}
}
