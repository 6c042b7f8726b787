// A deterministic corpus for the benchmark: articles recombined from the sentences of real ones, with
// people's names and figures varied, so that a thousand documents are not a thousand copies of seven.
// The same seed always writes the same files.
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** Bump when the generator writes different articles for the same seed, so old corpora are rebuilt. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 0x5eed;
/** Articles aim at about this many words. */
export const TARGET_WORDS = 500;

const here = fileURLToPath(new URL('.', import.meta.url));
/** The real articles the corpus is built from: the evaluation set beside the repository, and the bundled seeds. */
export const DEFAULT_SOURCES = [join(here, '..', '..', 'shared', 'eval', 'articles'), join(here, '..', 'seeds')];

/** mulberry32: a small, fast, seedable generator; Math.random cannot be seeded. */
export function createRandom(seed) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: items => items[Math.floor(next() * items.length)],
	};
}

const GIVEN_NAMES = [
	'Amara', 'Bilal', 'Carmen', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Luca', 'Mei', 'Nadia',
	'Omar', 'Priya', 'Quentin', 'Rosa', 'Samuel', 'Tariq', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Aiden',
	'Beatriz', 'Chinedu', 'Dalia', 'Emeka', 'Freya', 'Gustavo', 'Hannah', 'Ivan', 'Julia', 'Kenji', 'Leila', 'Mateo', 'Nora',
];
const FAMILY_NAMES = [
	'Abara', 'Bergstrom', 'Castillo', 'Delacroix', 'Eriksen', 'Fontaine', 'Gallagher', 'Haddad', 'Ibarra', 'Jansen', 'Kowalski',
	'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quispe', 'Rahman', 'Sandoval', 'Takahashi', 'Uddin', 'Valdez',
	'Whitfield', 'Xu', 'Yilmaz', 'Zeller', 'Achebe', 'Brennan', 'Chaudhry', 'Duarte', 'Esposito', 'Fischer', 'Guerrero',
	'Holloway', 'Iwasaki', 'Jovanovic', 'Kariuki', 'Lombardi', 'Mensah', 'Novak',
];

/** Words that put a person's name after them ("President Xi Jinping", "Ms. Rowe"). */
const TITLE = String.raw`(?:President|Chair|Chairman|Chairwoman|Minister|Secretary|Governor|Senator|Spokesperson|Spokesman|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Sir|Judge|Coach|CEO)`;
const NAME_WORD = String.raw`(?!${TITLE}\s)[A-Z]\p{Ll}+(?:-[A-Z]?\p{Ll}+)*`;
const TITLED_NAME = new RegExp(String.raw`\b${TITLE}\s+((?:${NAME_WORD}\s+){0,2}${NAME_WORD})`, 'gu');
const SPEAKER_NAME = new RegExp(String.raw`\b(${NAME_WORD}\s+${NAME_WORD}),?\s+(?:said|says|told|added)\b`, 'gu');

/**
 * Sentences end at . ! or ? (and a closing quote) before a capital or an opening quote, but not after an
 * initial or a dotted abbreviation ("U.S. Treasuries"), a title ("Mr. Modi") or a month ("Nov. 8").
 */
const SENTENCE_BREAK = /(?<=[.!?][”"’')]?)(?<!\b(?:\p{Lu}|Mr|Ms|Mrs|Dr|St|Jr|Sr|Gov|Sen|Rep|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)\s+(?=[“"‘(\p{Lu}])/u;

function splitSentences(paragraph) {
	return paragraph.split(SENTENCE_BREAK).map(s => s.trim()).filter(Boolean);
}

function countWords(text) {
	return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? []).length;
}

/** One real article: its headline, paragraphs as sentence lists, and the names of people in it. */
function readArticle(text) {
	const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map(b => b.replace(/\s+/g, ' ').trim()).filter(Boolean);
	const title = blocks[0] ?? '';
	// Short blocks are labels, bylines and captions; the story is in the paragraphs.
	const paragraphs = blocks.slice(1).filter(b => countWords(b) >= 12).map(splitSentences);
	const names = new Set();
	for (const m of text.matchAll(TITLED_NAME)) names.add(m[1]);
	for (const m of text.matchAll(SPEAKER_NAME)) names.add(m[1]);
	return {title, paragraphs, names: [...names].sort((a, b) => b.length - a.length)};
}

/** Read the source articles, in a fixed order, from the given folders (missing folders are skipped). */
export function loadSources(dirs = DEFAULT_SOURCES) {
	const articles = [];
	const seen = new Set();
	for (const dir of dirs) {
		if (!existsSync(dir)) continue;
		for (const name of readdirSync(dir).filter(n => n.endsWith('.txt')).sort()) {
			const text = readFileSync(join(dir, name), 'utf8');
			if (seen.has(text)) continue; // the seeds are also in the evaluation set
			seen.add(text);
			const article = readArticle(text);
			if (article.paragraphs.length > 0) articles.push(article);
		}
	}
	if (articles.length === 0) throw new Error(`no source articles found in ${dirs.join(', ')}`);
	return articles;
}

/** Replace each person named in a source article by an invented one, the surname alone as well. */
function nameMapping(random, article) {
	const replacements = [];
	// Whole words only: "Xi" must not turn "Xinhua" into something else.
	const word = name => new RegExp(String.raw`(?<![\p{L}\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}\p{N}])`, 'gu');
	for (const name of article.names) {
		const given = random.pick(GIVEN_NAMES);
		const family = random.pick(FAMILY_NAMES);
		const words = name.split(/\s+/);
		replacements.push([word(name), words.length > 1 ? `${given} ${family}` : family]);
		if (words.length > 1) replacements.push([word(words.at(-1)), family]);
	}
	return text => {
		for (const [from, to] of replacements) text = text.replace(from, to);
		return text;
	};
}

/** Vary every figure: years stay plausible years, other numbers keep their shape (digits, commas, decimals). */
function varyFigures(random, text) {
	return text.replace(/\d[\d,]*(?:\.\d+)?/g, figure => {
		if (/^(19|20)\d\d$/.test(figure)) return String(random.int(1990, 2029));
		let first = true;
		return figure.replace(/\d/g, () => {
			const digit = first && figure.length > 1 ? random.int(1, 9) : random.int(0, 9);
			first = false;
			return String(digit);
		});
	});
}

/** One article of about TARGET_WORDS words: a headline, then paragraphs of consecutive sentences. */
export function generateArticle(random, sources) {
	const primary = random.pick(sources);
	const renamers = new Map();
	const rename = article => {
		if (!renamers.has(article)) renamers.set(article, nameMapping(random, article));
		return renamers.get(article);
	};
	const lines = [varyFigures(random, rename(primary)(primary.title))];
	const target = TARGET_WORDS + random.int(-40, 40);
	let words = 0;
	const used = new Set();
	while (words < target) {
		// Mostly the primary article, so a document keeps a topic; now and then a sentence from another.
		const source = random.next() < 0.7 ? primary : random.pick(sources);
		const paragraph = random.pick(source.paragraphs);
		const from = random.int(0, paragraph.length - 1);
		// A passage seldom repeats within an article; give up on that after a few tries (small sources).
		const passage = `${sources.indexOf(source)}:${source.paragraphs.indexOf(paragraph)}:${from}`;
		if (used.has(passage) && used.size < 200 && random.next() < 0.95) continue;
		used.add(passage);
		const sentences = paragraph.slice(from, from + random.int(1, 3));
		const text = varyFigures(random, rename(source)(sentences.join(' ')));
		lines.push(text);
		words += countWords(text);
	}
	return lines.join('\n\n') + '\n';
}

/** The file name of the index-th article of a corpus of `count` (sorted order is generation order). */
export function articleName(index, count) {
	return `article-${String(index + 1).padStart(String(count).length, '0')}.txt`;
}

const MANIFEST = '.manifest.json';

/**
 * Write `count` articles to `out` (created, or emptied when it holds another corpus). A folder that already
 * holds the corpus for this count, seed and generator version is left as it is.
 * Returns the article count and their total words.
 */
export function generateCorpus({count, out, seed = DEFAULT_SEED, sources = loadSources()}) {
	const wanted = {generator: GENERATOR_VERSION, seed, count};
	const manifestPath = join(out, MANIFEST);
	if (existsSync(manifestPath)) {
		try {
			const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
			if (manifest.generator === wanted.generator && manifest.seed === seed && manifest.count === count) return manifest;
		} catch {
			// An unreadable manifest: write the corpus again.
		}
	}
	rmSync(out, {recursive: true, force: true});
	mkdirSync(out, {recursive: true});
	const random = createRandom(seed);
	let words = 0;
	for (let index = 0; index < count; index++) {
		const text = generateArticle(random, sources);
		words += countWords(text);
		writeFileSync(join(out, articleName(index, count)), text);
	}
	const manifest = {...wanted, words};
	// Written last: a corpus interrupted half way has no manifest and is written again next time.
	writeFileSync(manifestPath, JSON.stringify(manifest) + '\n');
	return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const args = process.argv.slice(2);
	const value = name => {
		const at = args.indexOf(name);
		return at >= 0 ? args[at + 1] : undefined;
	};
	const count = Number(value('--count') ?? 100);
	const seed = Number(value('--seed') ?? DEFAULT_SEED);
	const out = value('--out') ?? join(here, 'corpus', String(count));
	const manifest = generateCorpus({count, seed, out});
	process.stdout.write(`${manifest.count} articles, ${manifest.words} words in ${out}\n`);
}
