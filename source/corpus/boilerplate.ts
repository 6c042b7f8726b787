import type {BoilerplateKind} from './types.js';

/**
 * Lines a page saved from a news site carries around the story. Each rule names its kind;
 * they apply to short one-line paragraphs only, so a sentence of the story that happens to
 * start with "Watch" is never taken for a link.
 */
const RULES: Array<[BoilerplateKind, RegExp]> = [
	['label', /^(breaking( news)?|key highlights|highlights|advertisement|sponsored|trending|top stories|related( articles| stories| news)?|latest( news)?|exclusive|live updates?|share( this)?( article| story)?)[:.!]?$/iu],
	['dateline', /^(this (story|article) (is|was) from|updated:?|published:?|posted:?|last updated|first published)\b/iu],
	['byline', /^[Bb][Yy]\s+\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,4}(\s*[,|/].*)?$/u],
	['byline', /^[\p{Lu}][\p{L}.'-]+(\s+[\p{Lu}][\p{L}.'-]+){0,3}\s*\/\s*\S+(\s*\/.*)?$/u],
	['caption', /^((file|representative|representational)\s+)?(photo|image|picture|pic)\b.{0,160}$|\((reuters|ap|afp|getty( images)?|file( photo)?|pti|ani|ians)\)\.?$|^(photo|image|picture)\s*(credit|courtesy)|^credit:/iu],
	['related', /^(read (this|more|also|the full)|also read|watch\b|follow us|see also|subscribe|sign up|click here|download the|get the latest|more from|recommended|you may also like)/iu],
];

/** An author's bio line: "Ms. Jane Doe is the Editor-In-Chief of The Gazette." */
const BIO = /^((mr|ms|mrs|dr|prof)\.?\s+)?\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,4}\s+(is|was)\s+(a|an|the)\s+.{0,60}\b(editor|writer|columnist|correspondent|journalist|author|contributor|reporter|analyst|fellow|professor|director)\b/iu;

/** The kind of boilerplate a one-line paragraph is, if any. */
export function classifyBoilerplate(line: string, {isLast = false} = {}): BoilerplateKind | undefined {
	const text = line.trim();
	if (text === '' || text.length > 200 || text.includes('\n')) return undefined;
	for (const [kind, rule] of RULES) if (rule.test(text)) return kind;
	if (isLast && BIO.test(text)) return 'bio';
	return undefined;
}
