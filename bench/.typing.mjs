// ../../tmp/s/typing.ts
import { readdirSync, readFileSync } from "node:fs";

// source/corpus/boilerplate.ts
var RULES = [
  ["label", /^(breaking( news)?|key highlights|highlights|advertisement|sponsored|trending|top stories|related( articles| stories| news)?|latest( news)?|exclusive|live updates?|share( this)?( article| story)?)[:.!]?$/iu],
  ["dateline", /^(this (story|article) (is|was) from|updated:?|published:?|posted:?|last updated|first published)\b/iu],
  ["byline", /^[Bb][Yy]\s+\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,4}(\s*[,|/].*)?$/u],
  ["byline", /^[\p{Lu}][\p{L}.'-]+(\s+[\p{Lu}][\p{L}.'-]+){0,3}\s*\/\s*\S+(\s*\/.*)?$/u],
  ["caption", /^((file|representative|representational)\s+)?(photo|image|picture|pic)\b.{0,160}$|\((reuters|ap|afp|getty( images)?|file( photo)?|pti|ani|ians)\)\.?$|^(photo|image|picture)\s*(credit|courtesy)|^credit:/iu],
  ["related", /^(read (this|more|also|the full)|also read|watch\b|follow us|see also|subscribe|sign up|click here|download the|get the latest|more from|recommended|you may also like)/iu]
];
var BIO = /^((mr|ms|mrs|dr|prof)\.?\s+)?\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,4}\s+(is|was)\s+(a|an|the)\s+.{0,60}\b(editor|writer|columnist|correspondent|journalist|author|contributor|reporter|analyst|fellow|professor|director)\b/iu;
function classifyBoilerplate(line, { isLast = false } = {}) {
  const text = line.trim();
  if (text === "" || text.length > 200 || text.includes("\n")) return void 0;
  for (const [kind, rule] of RULES) if (rule.test(text)) return kind;
  if (isLast && BIO.test(text)) return "bio";
  return void 0;
}

// source/corpus/sentences.ts
var ABBREVIATIONS = /* @__PURE__ */ new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "gen",
  "lt",
  "col",
  "maj",
  "capt",
  "cmdr",
  "sgt",
  "adm",
  "gov",
  "sen",
  "rep",
  "rev",
  "pres",
  "supt",
  "insp",
  "hon",
  "jr",
  "sr",
  "st",
  "mt",
  "ft",
  "no",
  "nos",
  "vs",
  "v",
  "etc",
  "al",
  "approx",
  "dept",
  "est",
  "fig",
  "inc",
  "corp",
  "ltd",
  "co",
  "bros",
  "llc",
  "plc",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thur",
  "thurs",
  "fri",
  "sat",
  "sun",
  "ave",
  "blvd",
  "rd",
  "univ",
  "assn",
  "min",
  "max",
  "e.g",
  "i.e",
  "op",
  "cf",
  "ca",
  "pp",
  "vol",
  "ed",
  "eds"
]);
var SENTENCE_OPENERS = /* @__PURE__ */ new Set([
  "the",
  "a",
  "an",
  "it",
  "its",
  "he",
  "she",
  "they",
  "we",
  "i",
  "you",
  "this",
  "that",
  "these",
  "those",
  "there",
  "but",
  "and",
  "in",
  "on",
  "at",
  "for",
  "if",
  "when",
  "while",
  "as",
  "his",
  "her",
  "their",
  "our",
  "my",
  "meanwhile",
  "however",
  "also",
  "after",
  "before",
  "since",
  "so",
  "yet",
  "still",
  "then",
  "now",
  "some",
  "many",
  "most"
]);
var CLOSERS = `"'\u201D\u2019)]\xBB`;
var OPENERS = `"'\u201C\u2018([\xAB`;
function isUpperStart(ch) {
  if (ch === void 0) return false;
  return /[\p{Lu}\p{Lt}\p{N}]/u.test(ch) || OPENERS.includes(ch);
}
function wordBefore(text, end) {
  let i = end;
  while (i > 0 && /[\p{L}\p{N}.\-']/u.test(text[i - 1])) i--;
  return text.slice(i, end).toLowerCase().replace(/^['\-]+/, "");
}
function nextWord(text, from) {
  const m = /^[\s"'“‘(]*([\p{L}]+)/u.exec(text.slice(from, from + 40));
  return m ? m[1].toLowerCase() : "";
}
function isSentenceEndingDot(text, dot, next) {
  const word = wordBefore(text, dot);
  if (word === "") return true;
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{L}$/u.test(word) && word !== "i") return false;
  if (/^(\p{L}\.)+\p{L}$/u.test(word) || /\./.test(word)) {
    return SENTENCE_OPENERS.has(nextWord(text, next));
  }
  return true;
}
var MAX_SENTENCE_LENGTH = 2e3;
function cutLongSpan(text, span, out) {
  let { start } = span;
  while (span.end - start > MAX_SENTENCE_LENGTH) {
    let cut = start + MAX_SENTENCE_LENGTH;
    const space = text.lastIndexOf(" ", cut);
    if (space > start + MAX_SENTENCE_LENGTH / 2) cut = space;
    if (/[\ud800-\udbff]/.test(text[cut - 1])) cut--;
    out.push({ start, end: cut });
    start = cut;
    while (start < span.end && /\s/u.test(text[start])) start++;
  }
  if (span.end > start) out.push({ start, end: span.end });
}
function splitSentences(text) {
  const spans = [];
  let start = 0;
  const push = (end) => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s])) s++;
    while (e > s && /\s/u.test(text[e - 1])) e--;
    if (e > s) cutLongSpan(text, { start: s, end: e }, spans);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      let n = i + 1;
      while (n < text.length && /\s/u.test(text[n])) n++;
      let b = i - 1;
      while (b >= start && /\s/u.test(text[b])) b--;
      const runsOn = b >= start && /[\p{Ll},;:\-–]/u.test(text[b]) && n < text.length && /\p{Ll}/u.test(text[n]);
      if (!runsOn) push(i);
      continue;
    }
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "\u2026") continue;
    let j = i + 1;
    while (j < text.length && (text[j] === "." || text[j] === "!" || text[j] === "?")) j++;
    while (j < text.length && CLOSERS.includes(text[j])) j++;
    if (j < text.length && !/\s/u.test(text[j])) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < text.length && /[ \t\u00a0]/u.test(text[k])) k++;
    if (k < text.length && text[k] !== "\n" && !isUpperStart(text[k])) {
      i = j - 1;
      continue;
    }
    if (ch === "." && j === i + 1 && !isSentenceEndingDot(text, i, k)) continue;
    push(j);
    i = j - 1;
  }
  push(text.length);
  return spans;
}
function countWords(text) {
  const m = text.match(/[\p{L}\p{N}]+(?:[’'.\-]+[\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

// source/corpus/document.ts
var STOPWORDS = new Set(
  "a an the of in on at to for and or but is are was were be been by with as from that this these those it its their his her he she they we our which who whom also such into than then there has have had will would can could should may might not no".split(" ")
);
var MIN_DUPLICATE_WORDS = 8;
var NEAR_DUPLICATE_WINDOW = 40;
function contentWords(text) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => !STOPWORDS.has(w)));
}
function isNearDuplicate(a, b) {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  if (small.size < MIN_DUPLICATE_WORDS) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= 0.6 && small.size / large.size >= 0.5;
}
function normaliseText(raw) {
  return raw.replace(/\r\n?/g, "\n").replace(/[\f\v\u2028\u2029]/g, "\n").replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, "");
}
function findTitle(paragraphs) {
  const lines = paragraphs.filter((p) => !p.boilerplate).map((p) => p.text.split("\n")[0].trim());
  const first = lines[0] ?? "";
  const fold = (line) => line.toLowerCase().replace(/[’‘]/g, "'").replace(/[.:!]$/, "");
  const longer = lines.slice(1, 3).find((line) => line.length > first.length && fold(line).startsWith(fold(first)));
  return longer ?? first;
}
function buildDocument(path, raw) {
  const text = normaliseText(raw);
  const paragraphs = [];
  const blocks = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (let m = blocks.exec(text); m; m = blocks.exec(text)) {
    if (m[0].trim() === "") continue;
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    paragraphs.push({ index: paragraphs.length, start: m.index + lead, end: m.index + lead + body.length, text: body });
  }
  const exact = /* @__PURE__ */ new Map();
  const recent = [];
  for (const paragraph of paragraphs) {
    const kind = classifyBoilerplate(paragraph.text, { isLast: paragraph.index === paragraphs.length - 1 });
    if (kind) {
      paragraph.boilerplate = kind;
      continue;
    }
    const key = paragraph.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const words = contentWords(paragraph.text);
    const earlier = exact.get(key) ?? recent.find((other) => isNearDuplicate(other.words, words))?.index;
    if (earlier !== void 0) paragraph.duplicateOf = earlier;
    else exact.set(key, paragraph.index);
    if (words.size >= MIN_DUPLICATE_WORDS) {
      recent.push({ index: paragraph.index, words });
      if (recent.length > NEAR_DUPLICATE_WINDOW) recent.shift();
    }
  }
  const sentences2 = [];
  for (const paragraph of paragraphs) {
    for (const span of splitSentences(paragraph.text)) {
      const sentence = {
        index: sentences2.length,
        paragraph: paragraph.index,
        start: paragraph.start + span.start,
        end: paragraph.start + span.end,
        text: paragraph.text.slice(span.start, span.end)
      };
      if (paragraph.boilerplate) sentence.boilerplate = paragraph.boilerplate;
      sentences2.push(sentence);
    }
  }
  return { path, text, title: findTitle(paragraphs), paragraphs, sentences: sentences2, words: countWords(text) };
}

// source/analysis/search.ts
import Fuse from "fuse.js";
var DEFAULT_SEARCH_LIMIT = 20;
var THRESHOLD = 0.3;
var FUSE_OPTIONS = {
  keys: ["text"],
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  threshold: THRESHOLD,
  minMatchCharLength: 2
};
var FUSE_MAX_BITS = 32;
var EXACT_BITAP_SCORE = 1e-3;
var SEPARATOR = "\0";
var FUZZY_BUDGET = 2e4;
var FUZZY_HARD_BUDGET = 8 * FUZZY_BUDGET;
var MAX_BLOCK = 4096;
var SAMPLE_CHARS = 1 << 20;
var PAIR_BUCKETS = 4096;
function fieldNorm(text) {
  let tokens = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 9 && code <= 13 || code === 32 || code === 160) inWord = false;
    else if (!inWord) {
      tokens++;
      inWord = true;
    }
  }
  return Math.round(1e3 / Math.pow(Math.max(1, tokens), 0.5)) / 1e3;
}
function allowedErrors(length) {
  let errors = 0;
  while ((errors + 1) / length <= THRESHOLD) errors++;
  return errors;
}
function finalScore(bitapScore, norm) {
  return Math.pow(bitapScore === 0 ? Number.EPSILON : bitapScore, norm);
}
function pairBucket(a, b) {
  return (Math.imul(a, 31) ^ b) & PAIR_BUCKETS - 1;
}
var Bitap = class {
  #ascii = new Int32Array(128);
  #other = /* @__PURE__ */ new Map();
  #goal;
  #errors;
  #states;
  constructor(pattern, errors) {
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      if (code < 128) this.#ascii[code] |= 1 << i;
      else this.#other.set(code, (this.#other.get(code) ?? 0) | 1 << i);
    }
    this.#goal = 1 << pattern.length - 1;
    this.#errors = errors;
    this.#states = new Int32Array(errors + 1);
  }
  /** Errors of the best match within text[start, end), or -1 when it takes more than the most allowed. */
  fewestErrors(text, start, end) {
    const ascii = this.#ascii;
    const other = this.#other;
    const goal = this.#goal;
    const errors = this.#errors;
    const states = this.#states;
    for (let d = 0; d <= errors; d++) states[d] = (1 << d) - 1;
    let fewest = -1;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      const mask = code < 128 ? ascii[code] : other.get(code) ?? 0;
      let before = states[0];
      let after = (before << 1 | 1) & mask;
      states[0] = after;
      for (let d = 1; d <= errors; d++) {
        const previous = states[d];
        const next = (previous << 1 | 1) & mask | before | (before | after) << 1 | 1;
        states[d] = next;
        before = previous;
        after = next;
      }
      const worst = fewest < 0 ? errors : fewest - 1;
      for (let d = 0; d <= worst; d++) {
        if (states[d] & goal) {
          fewest = d;
          break;
        }
      }
      if (fewest === 0) return 0;
    }
    return fewest;
  }
};
var SentenceIndex = class _SentenceIndex {
  #sentences;
  /** Sentence (position in #sentences) at each rank; ranks run by field norm, highest first, then position. */
  #byRank;
  #norms;
  /** Where each rank's lower-cased text starts in #text; one more entry for the end. */
  #starts;
  /** SEPARATOR, then each rank's lower-cased text followed by SEPARATOR. */
  #text;
  #pairs;
  constructor(sentences2) {
    this.#sentences = sentences2;
    const count = sentences2.length;
    const norms = new Float64Array(count);
    const perNorm = /* @__PURE__ */ new Map();
    for (let i = 0; i < count; i++) {
      const norm = fieldNorm(sentences2[i].text);
      norms[i] = norm;
      perNorm.set(norm, (perNorm.get(norm) ?? 0) + 1);
    }
    const nextRank = /* @__PURE__ */ new Map();
    let rank = 0;
    for (const norm of [...perNorm.keys()].sort((a, b) => b - a)) {
      nextRank.set(norm, rank);
      rank += perNorm.get(norm);
    }
    this.#byRank = new Int32Array(count);
    this.#norms = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const at = nextRank.get(norms[i]);
      nextRank.set(norms[i], at + 1);
      this.#byRank[at] = i;
      this.#norms[at] = norms[i];
    }
    const parts = [""];
    for (let r = 0; r < count; r++) parts.push(sentences2[this.#byRank[r]].text);
    parts.push("");
    const joined = parts.join(SEPARATOR);
    let text = joined.toLowerCase();
    if (text.length !== joined.length) {
      for (let r = 1; r <= count; r++) parts[r] = parts[r].toLowerCase();
      text = parts.join(SEPARATOR);
    }
    this.#text = text;
    this.#starts = new Int32Array(count + 1);
    let offset = 1;
    for (let r = 0; r < count; r++) {
      this.#starts[r] = offset;
      offset += parts[r + 1].length + 1;
    }
    this.#starts[count] = offset;
  }
  static fromDocuments(documents) {
    return new _SentenceIndex(documents.flatMap((d) => d.sentences.map((s) => ({ document: d.path, sentence: s.index, text: s.text }))));
  }
  get size() {
    return this.#sentences.length;
  }
  search(query, limit = DEFAULT_SEARCH_LIMIT) {
    if (query.trim() === "" || limit < 1 || this.#sentences.length === 0) return [];
    const pattern = query.toLowerCase();
    const long = pattern.length > FUSE_MAX_BITS;
    const candidates = long ? this.#longPatternCandidates(pattern, limit) : this.#candidates(pattern, limit);
    let take = long ? candidates.length : limit;
    for (; ; ) {
      const chosen = candidates.slice(0, take);
      const hits = this.#fuse(chosen.map((c) => c.sentence), query, limit);
      if (hits.length >= limit || take >= candidates.length) return hits;
      take *= 2;
    }
  }
  /** fuse.js over some sentences, in their original order so that ties break as over all of them. */
  #fuse(sentences2, query, limit) {
    if (sentences2.length === 0) return [];
    const items = sentences2.sort((a, b) => a - b).map((i) => this.#sentences[i]);
    return new Fuse(items, FUSE_OPTIONS).search(query, { limit }).map((result) => ({
      document: result.item.document,
      sentence: result.item.sentence,
      score: result.score ?? 0,
      text: result.item.text,
      matches: (result.matches ?? []).flatMap((m) => m.indices.map(([start, end]) => ({ start, end: end + 1 })))
    }));
  }
  #rankAt(position) {
    let low = 0;
    let high = this.#starts.length - 2;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (this.#starts[mid] <= position) low = mid;
      else high = mid - 1;
    }
    return low;
  }
  /** Calls `hit` with each rank in [from, to) whose text contains `needle`, in rank order, until it returns false. */
  #eachRankContaining(needle, from, to, hit) {
    if (from >= to) return;
    const offset = this.#starts[from];
    const region = this.#text.slice(offset, this.#starts[to] - 1);
    let position = 0;
    for (; ; ) {
      const at = region.indexOf(needle, position);
      if (at < 0) return;
      const rank = this.#rankAt(offset + at);
      if (!hit(rank)) return;
      position = this.#starts[rank + 1] - offset;
    }
  }
  /** The first rank whose norm is below `norm` (ranks are in falling norm). */
  #firstRankBelow(norm) {
    let low = 0;
    let high = this.#norms.length;
    while (low < high) {
      const mid = low + high >> 1;
      if (this.#norms[mid] >= norm) low = mid + 1;
      else high = mid;
    }
    return low;
  }
  /** Sentences that can make the top `limit` for a pattern of up to 32 characters, best predicted score first. */
  #candidates(pattern, limit) {
    const n = pattern.length;
    const found = [];
    const seen = /* @__PURE__ */ new Set();
    const add = (rank, bitapScore) => {
      if (seen.has(rank)) return;
      seen.add(rank);
      found.push({ sentence: this.#byRank[rank], score: finalScore(bitapScore, this.#norms[rank]) });
    };
    const needle = n === 1 ? pattern + pattern : pattern;
    let exact = 0;
    this.#eachRankContaining(needle, 0, this.#byRank.length, (rank) => {
      add(rank, EXACT_BITAP_SCORE);
      return ++exact < limit;
    });
    if (n >= 2) {
      const norm = fieldNorm(pattern);
      const from = this.#firstRankBelow(norm + 1e-9);
      const to = this.#firstRankBelow(norm);
      if (from < to) {
        const whole = SEPARATOR + pattern + SEPARATOR;
        const offset = this.#starts[from] - 1;
        const region = this.#text.slice(offset, this.#starts[to]);
        for (let at = region.indexOf(whole); at >= 0; at = region.indexOf(whole, at + 1)) {
          const rank = this.#rankAt(offset + at + 1);
          seen.delete(rank);
          const index2 = found.findIndex((c) => c.sentence === this.#byRank[rank]);
          if (index2 >= 0) found.splice(index2, 1);
          add(rank, 0);
        }
      }
    }
    found.sort(byScore);
    const errors = allowedErrors(n);
    if (errors > 0) {
      const least = Math.max(EXACT_BITAP_SCORE, 1 / n);
      const bitap = new Bitap(pattern, errors);
      const pieces = this.#rarestPieces(pattern, errors + 1);
      const count = this.#byRank.length;
      const budget = { occurrences: FUZZY_BUDGET };
      let from = 0;
      let block = 256;
      while (from < count) {
        if (outOfBudget(budget, found.length, limit)) break;
        let to = Math.min(count, from + block);
        if (found.length >= limit) {
          const bar = found[limit - 1].score;
          to = Math.min(to, this.#firstRankBelow(Math.log(bar) / Math.log(least) - 1e-12));
          if (to <= from) break;
        }
        for (const [rank, fewest] of this.#fuzzyMatches(bitap, pieces, n, errors, from, to, budget)) {
          if (fewest > 0 && !seen.has(rank)) add(rank, Math.max(EXACT_BITAP_SCORE, fewest / n));
        }
        found.sort(byScore);
        from = to;
        block = Math.min(block * 2, MAX_BLOCK);
      }
    }
    return found;
  }
  /**
   * For a pattern longer than 32 characters: sentences where one of the 32-character pieces fuse.js cuts
   * it into matches. Scores averaged over several pieces are not worth predicting: fuse.js ranks them all.
   */
  #longPatternCandidates(pattern, limit) {
    const chunks = [];
    const whole = pattern.length - pattern.length % FUSE_MAX_BITS;
    for (let i = 0; i < whole; i += FUSE_MAX_BITS) chunks.push(pattern.slice(i, i + FUSE_MAX_BITS));
    if (pattern.length % FUSE_MAX_BITS) chunks.push(pattern.slice(pattern.length - FUSE_MAX_BITS));
    const searches = chunks.map((chunk) => {
      const errors = allowedErrors(chunk.length);
      return { chunk, errors, bitap: new Bitap(chunk, errors), pieces: this.#rarestPieces(chunk, errors + 1) };
    });
    const ranks = /* @__PURE__ */ new Set();
    const budget = { occurrences: FUZZY_BUDGET };
    const count = this.#byRank.length;
    for (let from = 0, block = 256; from < count; from += block, block = Math.min(block * 2, MAX_BLOCK)) {
      if (outOfBudget(budget, ranks.size, limit)) break;
      const to = Math.min(count, from + block);
      for (const { chunk, errors, bitap, pieces } of searches) {
        for (const rank of this.#fuzzyMatches(bitap, pieces, chunk.length, errors, from, to, budget).keys()) ranks.add(rank);
      }
    }
    return [...ranks].map((rank) => ({ sentence: this.#byRank[rank], score: 0 }));
  }
  /**
   * The fewest errors of each rank in [from, to) that has a match, in rank order. A match with at most
   * `errors` errors holds one of the pieces exactly, and lies within `errors` characters of where the
   * piece puts it; so the bitap only runs near the pieces' occurrences, not over whole sentences.
   */
  #fuzzyMatches(bitap, pieces, length, errors, from, to, budget) {
    const windows = /* @__PURE__ */ new Map();
    if (from < to) {
      const offset = this.#starts[from];
      const region = this.#text.slice(offset, this.#starts[to] - 1);
      for (const piece of pieces) {
        let rank = from;
        for (let at = region.indexOf(piece.text); at >= 0; at = region.indexOf(piece.text, at + 1)) {
          budget.occurrences--;
          const position = offset + at;
          if (this.#starts[rank + 1] <= position) rank = this.#starts[rank + 2] > position ? rank + 1 : this.#rankAt(position);
          const start = Math.max(this.#starts[rank], position - piece.offset - errors);
          const end = Math.min(this.#starts[rank + 1] - 1, position - piece.offset + length + 2 * errors);
          const window = windows.get(rank);
          if (!window) windows.set(rank, { start, end });
          else {
            window.start = Math.min(window.start, start);
            window.end = Math.max(window.end, end);
          }
        }
      }
    }
    const fewest = /* @__PURE__ */ new Map();
    for (const rank of [...windows.keys()].sort((a, b) => a - b)) {
      const { start, end } = windows.get(rank);
      const errors2 = bitap.fewestErrors(this.#text, start, end);
      if (errors2 >= 0) fewest.set(rank, errors2);
    }
    return fewest;
  }
  /** How often each pair of characters occurs, in a sample spread over the whole text. */
  #pairCounts() {
    if (this.#pairs) return this.#pairs;
    const counts = new Int32Array(PAIR_BUCKETS);
    const text = this.#text;
    const stretches = 64;
    const stretch = Math.max(2, Math.floor(Math.min(text.length, SAMPLE_CHARS) / stretches));
    const step = Math.max(stretch, Math.floor(text.length / stretches));
    for (let start = 0; start + 1 < text.length; start += step) {
      const end = Math.min(text.length - 1, start + stretch);
      for (let i = start; i < end; i++) counts[pairBucket(text.charCodeAt(i), text.charCodeAt(i + 1))]++;
    }
    this.#pairs = counts;
    return counts;
  }
  /**
   * `count` disjoint pieces of at least two characters, chosen to be rare: a piece occurs at most as often
   * as its rarest pair of characters, and the choice minimises the sum of that over the pieces.
   */
  #rarestPieces(pattern, count) {
    const n = pattern.length;
    const pairs = this.#pairCounts();
    const pairCost = (i) => pairs[pairBucket(pattern.charCodeAt(i), pattern.charCodeAt(i + 1))];
    const best = [];
    for (let j = 0; j <= count; j++) best.push(Array.from({ length: n + 1 }, () => ({ cost: Infinity, from: -1, piece: -1 })));
    for (let i = 0; i <= n; i++) best[0][i] = { cost: 0, from: -1, piece: -1 };
    for (let j = 1; j <= count; j++) {
      for (let end2 = 2; end2 <= n; end2++) {
        const row = best[j];
        if (row[end2 - 1].cost < row[end2].cost) row[end2] = { ...row[end2 - 1], piece: -1 };
        let rarest = Infinity;
        for (let start = end2 - 2; start >= 0; start--) {
          rarest = Math.min(rarest, pairCost(start));
          const cost = best[j - 1][start].cost + rarest;
          if (cost < row[end2].cost) row[end2] = { cost, from: start, piece: end2 };
        }
      }
    }
    const pieces = [];
    let end = n;
    for (let j = count; j > 0 && end > 0; ) {
      const step = best[j][end];
      if (step.piece < 0) {
        end--;
        continue;
      }
      pieces.push({ text: pattern.slice(step.from, step.piece), offset: step.from });
      end = step.from;
      j--;
    }
    return pieces.length === count ? pieces : Array.from({ length: n }, (_, offset) => ({ text: pattern[offset], offset }));
  }
};
function outOfBudget(budget, candidates, limit) {
  const spent = FUZZY_BUDGET - budget.occurrences;
  return spent >= FUZZY_BUDGET && candidates >= limit || spent >= FUZZY_HARD_BUDGET;
}
function byScore(a, b) {
  return a.score - b.score || a.sentence - b.sentence;
}

// ../../tmp/s/typing.ts
var dir = process.argv[2];
var docs = readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => buildDocument(f, readFileSync(dir + "/" + f, "utf8")));
var sentences = docs.flatMap((d) => d.sentences.map((s) => ({ document: d.path, sentence: s.index, text: s.text })));
var t = performance.now();
var index = new SentenceIndex(sentences);
console.log("sentences", sentences.length, "build", (performance.now() - t).toFixed(0));
var all = [];
for (const q of process.argv.slice(3)) {
  const times = [];
  for (let i = 1; i <= q.length; i++) {
    t = performance.now();
    index.search(q.slice(0, i), 20);
    const dt = performance.now() - t;
    all.push(dt);
    times.push(dt.toFixed(0));
  }
  console.log(q.padEnd(22), times.join(" "));
}
all.sort((a, b) => a - b);
console.log("p50", all[Math.floor(all.length / 2)].toFixed(1), "p95", all[Math.floor(all.length * 0.95)].toFixed(1), "max", all.at(-1).toFixed(1));
