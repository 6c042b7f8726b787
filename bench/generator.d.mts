// Types for generator.mjs (plain JavaScript, so that the benchmark runs without a build step).

export const GENERATOR_VERSION: number;
export const DEFAULT_SEED: number;
export const TARGET_WORDS: number;
export const DEFAULT_SOURCES: string[];

export interface Random {
	next(): number;
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
}

export interface SourceArticle {
	title: string;
	paragraphs: string[][];
	names: string[];
}

export interface CorpusManifest {
	generator: number;
	seed: number;
	count: number;
	/** Words in all the articles. */
	words: number;
}

export function createRandom(seed: number): Random;
export function loadSources(dirs?: string[]): SourceArticle[];
export function generateArticle(random: Random, sources: SourceArticle[]): string;
export function articleName(index: number, count: number): string;
export function generateCorpus(options: {count: number; out: string; seed?: number; sources?: SourceArticle[]}): CorpusManifest;
