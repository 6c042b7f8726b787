// `npm run eval`: run the extractor over ../shared/eval/articles, write predictions in the scorer's
// format to a temporary folder, and print the scorer's table.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {analyseText} from './analysis/analyse.js';
import type {DocumentAnalysis} from './analysis/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(process.argv[2] ?? process.env.BRIEFING_EVAL_DIR ?? join(root, '..', 'shared', 'eval'));

export function prediction(analysis: DocumentAnalysis) {
	const {document} = analysis;
	return {
		entities: analysis.entities.map(e => ({name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.length})),
		facts: analysis.facts.map(f => ({
			kind: f.kind,
			text: f.text,
			value: f.value,
			unit: f.unit,
			sentence_start: document.sentences[f.sentence]?.text ?? '',
		})),
	};
}

const articles = join(evalDir, 'articles');
if (!existsSync(articles) || !existsSync(join(evalDir, 'score.mjs'))) {
	process.stderr.write(`briefing eval: no evaluation set at ${evalDir} (articles/, gold/ and score.mjs expected; give the folder as an argument)\n`);
	process.exit(2);
}
const out = mkdtempSync(join(tmpdir(), 'briefing-eval-'));
try {
	for (const name of readdirSync(articles).filter(n => n.endsWith('.txt')).sort()) {
		const analysis = analyseText(name, readFileSync(join(articles, name), 'utf8'));
		writeFileSync(join(out, basename(name, '.txt') + '.json'), JSON.stringify(prediction(analysis), null, 1));
	}
	if (process.env.BRIEFING_EVAL_KEEP) {
		const keep = resolve(process.env.BRIEFING_EVAL_KEEP);
		for (const f of readdirSync(out)) writeFileSync(join(keep, f), readFileSync(join(out, f)));
	}
	const scored = spawnSync(process.execPath, [join(evalDir, 'score.mjs'), join(evalDir, 'gold'), out], {stdio: 'inherit'});
	process.exitCode = scored.status ?? 1;
} finally {
	rmSync(out, {recursive: true, force: true});
}
