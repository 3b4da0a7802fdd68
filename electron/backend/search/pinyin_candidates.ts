import { pinyin } from 'pinyin-pro';
import { hanRuns, simplified } from './search_text.js';

/**
 * The on-screen keyboard's Chinese candidates: what a resident typing pinyin most likely means, taken from the
 * catalogue's own words (service and department names), so the bar offers 身份證 for `shenfenzheng` or `sfz`
 * and 續期 for `xuqi` rather than a dictionary's every homophone. A kiosk's search box only ever needs words its
 * catalogue holds; a character the vocabulary lacks cannot be found by search anyway.
 *
 * The vocabulary is every run of one to four characters inside the names' Han runs, in the script the session
 * reads (Traditional for `zh-Hant`, Simplified for `zh-Hans`), each with its Hanyu Pinyin read in context by
 * pinyin-pro (on the Simplified form, where its dictionary is fullest) and its initials. What was typed matches:
 * 1. a word's whole pinyin (`shenfen` → 身份), longer words and frequent ones first;
 * 2. a word's initials (`sfz` → 身份證), from two letters on;
 * 3. the start of a word's pinyin (`shenf` → 身份), the last syllable still being typed;
 * 4. single characters whose syllable starts what was typed (`shenfen` → 身, 申), so any character of the
 *    vocabulary can be reached one syllable at a time.
 */

interface Word {
  text: string;
  /** Syllables run together, toneless, ü as v: `shenfenzheng`. */
  full: string;
  initials: string;
  /** Its length in characters. */
  chars: number;
  /** How many times it occurs in the names: a rough measure of what residents look for. */
  count: number;
}

const longestWord = 4;

/** Words sorted by a key, for prefix ranges by binary search. */
class SortedWords {
  readonly #words: Word[];
  readonly #key: (word: Word) => string;

  constructor(words: Iterable<Word>, key: (word: Word) => string) {
    this.#key = key;
    this.#words = [...words].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  /** Every word whose key starts with `prefix`, in key order. */
  *withPrefix(prefix: string): Generator<Word> {
    for (let i = this.#first(prefix); i < this.#words.length; i++) {
      const word = this.#words[i]!;
      if (!this.#key(word).startsWith(prefix)) return;
      yield word;
    }
  }

  /** Every word whose key is `key`. */
  withKey(key: string): Word[] {
    const out: Word[] = [];
    for (let i = this.#first(key); i < this.#words.length && this.#key(this.#words[i]!) === key; i++) {
      out.push(this.#words[i]!);
    }
    return out;
  }

  /** Where the words from `key` on begin. */
  #first(key: string): number {
    let low = 0;
    let high = this.#words.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#key(this.#words[mid]!) < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * The first `limit` of the `words` kept, in `order`, ties in the order they came: what sorting them all and taking
 * the first would give, without sorting the thousands of words a two-letter start has.
 */
function firstInOrder(
  words: Iterable<Word>,
  limit: number,
  order: (a: Word, b: Word) => number,
  keep: (word: Word) => boolean,
): Word[] {
  const top: Word[] = [];
  for (const word of words) {
    if (!keep(word)) continue;
    if (top.length === limit && order(word, top[top.length - 1]!) >= 0) continue;
    let i = top.length;
    while (i > 0 && order(word, top[i - 1]!) < 0) i--;
    top.splice(i, 0, word);
    if (top.length > limit) top.pop();
  }
  return top;
}

function syllablesOf(run: string): string[] {
  // The Simplified form reads best; a conversion that changed the length (a rare phrase mapping) reads the run.
  const simple = simplified(run);
  const source = [...simple].length === [...run].length ? simple : run;
  return pinyin(source, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
}

const byLengthThenCount = (a: Word, b: Word) => b.chars - a.chars || b.count - a.count;
const byCount = (a: Word, b: Word) => b.count - a.count || a.chars - b.chars;

export class PinyinVocabulary {
  readonly #byFull: SortedWords;
  readonly #byInitials: SortedWords;

  private constructor(words: Map<string, Word>) {
    this.#byFull = new SortedWords(words.values(), (w) => w.full);
    this.#byInitials = new SortedWords(
      [...words.values()].filter((w) => w.chars > 1),
      (w) => w.initials,
    );
  }

  /** The vocabulary of some names, all in one script. */
  static fromNames(names: Iterable<string>): PinyinVocabulary {
    const words = new Map<string, Word>();
    for (const name of names) {
      for (const run of hanRuns(name)) {
        const chars = [...run];
        const syllables = syllablesOf(run);
        if (syllables.length !== chars.length) continue;
        for (let start = 0; start < chars.length; start++) {
          for (let length = 1; length <= longestWord && start + length <= chars.length; length++) {
            const text = chars.slice(start, start + length).join('');
            const parts = syllables.slice(start, start + length);
            const known = words.get(text);
            if (known) known.count++;
            else
              words.set(text, {
                text,
                full: parts.join(''),
                initials: parts.map((s) => s.charAt(0)).join(''),
                chars: length,
                count: 1,
              });
          }
        }
      }
    }
    return new PinyinVocabulary(words);
  }

  /** The best candidates for what was typed, best first. */
  candidates(typed: string, limit = 12): string[] {
    const input = typed.toLowerCase();
    if (!/^[a-z]{1,24}$/.test(input)) return [];
    const exact = this.#byFull.withKey(input).sort(byLengthThenCount);
    const initials = input.length >= 2 ? this.#byInitials.withKey(input).sort(byCount) : [];
    const started = firstInOrder(this.#byFull.withPrefix(input), limit, byCount, (w) => w.full !== input);
    const firstSyllable: Word[] = [];
    for (let end = Math.min(input.length - 1, 6); end >= 1; end--) {
      const head = input.slice(0, end);
      firstSyllable.push(
        ...this.#byFull
          .withKey(head)
          .filter((w) => w.chars === 1)
          .sort(byCount),
      );
    }
    const out: string[] = [];
    for (const word of [...exact, ...initials, ...started, ...firstSyllable]) {
      if (!out.includes(word.text)) out.push(word.text);
      if (out.length === limit) break;
    }
    return out;
  }
}
