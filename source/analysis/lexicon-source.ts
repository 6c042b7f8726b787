import nlp from 'compromise';

/** A word of compromise's lexicon and its tags ("janet" → "FemaleName"). */
export type LexiconEntries = Record<string, string | string[]>;

/**
 * compromise's lexicon, which the entity rules read for given names, surnames, places and organisations.
 * Building compromise's world costs about 0.3 s at start-up, so the bundle (build.mjs) swaps this module
 * for a snapshot of the same entries taken at build time; tests read it live.
 */
export function compromiseLexicon(): LexiconEntries {
	return (nlp as unknown as {world(): {model: {one: {lexicon: LexiconEntries}}}}).world().model.one.lexicon;
}
