import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {generateCorpus} from '../../bench/generator.mjs';

const root = mkdtempSync(join(tmpdir(), 'briefing-generator-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

function articles(dir: string): Record<string, string> {
	return Object.fromEntries(readdirSync(dir).filter(name => name.endsWith('.txt')).map(name => [name, readFileSync(join(dir, name), 'utf8')]));
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('the benchmark corpus generator', () => {
	it('writes the same articles for the same seed', () => {
		generateCorpus({count: 12, seed: 7, out: join(root, 'a')});
		generateCorpus({count: 12, seed: 7, out: join(root, 'b')});
		const a = articles(join(root, 'a'));
		expect(Object.keys(a)).toHaveLength(12);
		expect(articles(join(root, 'b'))).toEqual(a);
	});

	it('writes other articles for another seed', () => {
		generateCorpus({count: 12, seed: 8, out: join(root, 'c')});
		expect(articles(join(root, 'c'))).not.toEqual(articles(join(root, 'a')));
	});

	it('writes articles of about 500 words, each a headline and paragraphs', () => {
		const manifest = generateCorpus({count: 20, seed: 9, out: join(root, 'd')});
		const texts = Object.values(articles(join(root, 'd')));
		expect(texts).toHaveLength(20);
		for (const text of texts) {
			expect(words(text)).toBeGreaterThan(400);
			expect(words(text)).toBeLessThan(700);
			const [headline, ...paragraphs] = text.trim().split('\n\n');
			expect(headline!.length).toBeGreaterThan(0);
			expect(paragraphs.length).toBeGreaterThan(3);
		}
		expect(manifest.words).toBeGreaterThan(20 * 400);
		// Articles differ from one another: names and figures are varied, passages recombined.
		expect(new Set(texts).size).toBe(20);
	});

	it('leaves a corpus it already wrote alone, and rewrites one of another size', () => {
		const out = join(root, 'e');
		generateCorpus({count: 5, seed: 3, out});
		const written = statSync(join(out, 'article-1.txt')).mtimeMs;
		generateCorpus({count: 5, seed: 3, out});
		expect(statSync(join(out, 'article-1.txt')).mtimeMs).toBe(written);
		generateCorpus({count: 6, seed: 3, out});
		expect(Object.keys(articles(out))).toHaveLength(6);
	});
});
