// Bundles the command line. The dashboard (Ink and React) is a chunk of its own that only `briefing`
// in a terminal imports, so the pipe commands never load it.
import {build} from 'esbuild';
import {chmod} from 'node:fs/promises';

await build({
	entryPoints: {cli: 'source/cli.ts', eval: 'source/eval.ts'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	sourcemap: 'linked',
	chunkNames: 'chunks/[name]-[hash]',
	define: {'process.env.DEV': '"false"'},
	// Some CommonJS dependencies call require(); give the ESM bundle one.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	external: ['react-devtools-core'],
	logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);
