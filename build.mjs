// Bundles the command line. The dashboard (Ink and React) is a chunk of its own that only `briefing`
// in a terminal imports, so the pipe commands never load it.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {chmod} from 'node:fs/promises';
import {join} from 'node:path';

// What the analysis is, for the cache (source/analysis/cache.ts): a hash of the code and data that
// produce it, so results cached by one build are never reused by a different one.
function analysisIdentity() {
	const hash = createHash('sha256');
	const {excluded} = JSON.parse(readFileSync('source/analysis/identity.json', 'utf8'));
	for (const dir of ['source/analysis', 'source/corpus']) {
		for (const name of readdirSync(dir, {recursive: true}).sort()) {
			const path = join(dir, name);
			if (dir === 'source/analysis' && excluded.includes(name.split(/[\\/]/)[0])) continue;
			if (statSync(path).isFile()) hash.update(name).update('\0').update(readFileSync(path)).update('\0');
		}
	}
	hash.update(readFileSync('package-lock.json'));
	return `build-${hash.digest('hex').slice(0, 16)}`;
}

// What the briefing code is, for the briefings the store keeps (source/analysis/stories/kept.ts).
function briefingCode() {
	const hash = createHash('sha256');
	const folder = 'source/analysis/stories';
	for (const name of readdirSync(folder).sort()) {
		const path = join(folder, name);
		if (statSync(path).isFile()) hash.update(name).update('\0').update(readFileSync(path)).update('\0');
	}
	return hash.digest('hex').slice(0, 16);
}

// compromise's lexicon, snapshotted now so that start-up does not build compromise's world (about 0.3 s).
const lexiconSnapshot = {
	name: 'compromise-lexicon-snapshot',
	async setup(build) {
		const {default: nlp} = await import('compromise');
		const entries = JSON.stringify(nlp.world().model.one.lexicon);
		build.onLoad({filter: /analysis[\\/]lexicon-source\.ts$/}, () => ({
			contents: `const entries = JSON.parse(${JSON.stringify(entries)});\nexport function compromiseLexicon() { return entries; }\n`,
			loader: 'js',
		}));
	},
};

const result = await build({
	plugins: [lexiconSnapshot],
	metafile: true,
	// worker: the analysis worker thread, loaded by source/analysis/run.ts from beside the bundle.
	// brief-worker: the briefing's worker thread, which the dashboard starts (source/analysis/stories/elsewhere.ts).
	// search-worker: the dashboard's search thread over the store (source/ui/stored-search.ts).
	// survey-worker: finds and stats a warm run's files while the store is read (source/analysis/stamps.ts).
	entryPoints: {cli: 'source/cli.ts', eval: 'source/eval.ts', worker: 'source/analysis/worker.ts', 'brief-worker': 'source/analysis/stories/worker.ts', 'search-worker': 'source/analysis/search-worker.ts', 'survey-worker': 'source/analysis/survey-worker.ts'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	sourcemap: 'linked',
	chunkNames: 'chunks/[name]-[hash]',
	// NODE_ENV: React's production build; its development build checks and warns on every render, at twice the cost.
	define: {'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"', BRIEFING_ANALYSIS_ID: JSON.stringify(analysisIdentity()), BRIEFING_CODE_ID: JSON.stringify(briefingCode())},
	// Some CommonJS dependencies call require(); give the ESM bundle one.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	// libsql: the store's native binding, loaded from node_modules at run time (a .node file cannot be bundled).
	external: ['react-devtools-core', 'libsql'],
	logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);

// Chunks are named by their hash; drop those an earlier build left behind so dist/ holds only this build.
const current = new Set(Object.keys(result.metafile.outputs).map(path => path.replace(/^dist\//, '')));
for (const name of readdirSync('dist/chunks')) {
	if (!current.has(`chunks/${name}`) && !current.has(`chunks/${name.replace(/\.map$/, '')}`)) rmSync(join('dist/chunks', name), {force: true});
}
