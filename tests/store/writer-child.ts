// A briefing-like run over a folder, for the store's process tests (bundled by helpers.ts):
//   node writer-child.mjs <store directory> <folder> [batch size] [exit after]
// With "exit after" n, it calls process.exit(130) after putting n documents, as briefing's Ctrl-C handler does.
// Each file: stat it; if the store knows it unchanged, it is not read; otherwise read, analyse and put.
// After each committed batch it prints {"committed": [hashes]}; at the end {"analysed": n, "stats": {...}}.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {contentHash, encodeAnalysis} from '../../source/analysis/cache.js';
import {analyseText} from '../../source/analysis/analyse.js';
import {fileStamp, Store} from '../../source/store/store.js';

const [directory, folder, batch, exitAfter] = process.argv.slice(2);
const batchSize = Number(batch ?? 4);
const store = Store.open({directory: directory!, identity: 'test-identity', batchSize: 10_000, flushMs: 60_000, onMessage: message => process.stderr.write(`store: ${message}\n`)});
const paths = readdirSync(folder!).filter(name => name.endsWith('.txt')).sort().map(name => join(folder!, name));
const hashes: string[] = [];
let analysed = 0;
let queued: string[] = [];
for (const path of paths) {
	const info = statSync(path);
	const stamp = fileStamp(info);
	const record = store.knownFiles([path]).get(path);
	const known = record && record.size === stamp.size && record.mtimeUs === stamp.mtimeUs && record.ino === stamp.ino ? record.hash : undefined;
	if (known !== undefined && store.analysis(known) !== undefined) {
		hashes.push(known);
		continue;
	}
	const text = readFileSync(path, 'utf8');
	const hash = contentHash(text);
	hashes.push(hash);
	const analysis = analyseText(path, text);
	analysed++;
	store.put(hash, analysis, encodeAnalysis(analysis, text), {path, ...stamp, hash});
	queued.push(hash);
	if (exitAfter !== undefined && analysed === Number(exitAfter)) {
		process.stdout.write(JSON.stringify({exiting: queued}) + '\n');
		process.exit(130);
	}
	if (queued.length >= batchSize) {
		store.flush();
		process.stdout.write(JSON.stringify({committed: queued}) + '\n');
		queued = [];
	}
}
store.flush();
if (queued.length > 0) process.stdout.write(JSON.stringify({committed: queued}) + '\n');
const stored = store.documents();
store.close();
process.stdout.write(JSON.stringify({analysed, stats: Object.fromEntries(hashes.map((hash, i) => [paths[i], stored.get(hash)?.stats]))}) + '\n');
