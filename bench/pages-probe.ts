// Web pages read per second, measured in process: bundled and run by bench/run.mjs as
//   node pages-probe.js <folder of saved pages, one folder each with source.html>
// It times what `briefing` does with a page (decode its bytes, find the article and its metadata) and
// @mozilla/readability over linkedom on the same pages, three passes each, and prints both as JSON.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {Readability} from '@mozilla/readability';
import {parseHTML} from 'linkedom';
import {decodeMarkup} from '../source/corpus/charset.js';
import {extractPage} from '../source/corpus/page.js';

const folder = process.argv[2]!;
const pages = readdirSync(folder, {withFileTypes: true})
	.filter(entry => entry.isDirectory())
	.map(entry => readFileSync(join(folder, entry.name, 'source.html')));
const bytes = pages.reduce((sum, page) => sum + page.length, 0);

function time(read: (page: Buffer) => unknown): number {
	const passes: number[] = [];
	for (let pass = 0; pass < 3; pass++) {
		const started = performance.now();
		for (const page of pages) {
			try {
				read(page);
			} catch {
				// Readability throws on a few pages; the time it took still counts.
			}
		}
		passes.push(performance.now() - started);
	}
	return passes.sort((a, b) => a - b)[1]!;
}

const ours = time(page => extractPage(decodeMarkup(page).text));
const readability = time(page => new Readability(parseHTML(decodeMarkup(page).text).document as unknown as Document).parse());
process.stdout.write(JSON.stringify({pages: pages.length, bytes, oursMs: ours, readabilityMs: readability}) + '\n');
