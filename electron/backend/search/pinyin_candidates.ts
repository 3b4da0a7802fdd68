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

  /** Every word whose key starts with `prefix`. */
  withPrefix(prefix: string): Word[] {
    let low = 0;
    let high = this.#words.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#key(this.#words[mid]!) < prefix) low = mid + 1;
      else high = mid;
    }
    const out: Word[] = [];
    for (let i = low; i < this.#words.length && this.#key(this.#words[i]!).startsWith(prefix); i++) {
      out.push(this.#words[i]!);
    }
    return out;
  }
}

function syllablesOf(run: string): string[] {
  // The Simplified form reads best; a conversion that changed the length (a rare phrase mapping) reads the run.
  const simple = simplified(run);
  const source = [...simple].length === [...run].length ? simple : run;
  return pinyin(source, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
}

const byLengthThenCount = (a: Word, b: Word) => [...b.text].length - [...a.text].length || b.count - a.count;
const byCount = (a: Word, b: Word) => b.count - a.count || [...a.text].length - [...b.text].length;

export class PinyinVocabulary {
  readonly #byFull: SortedWords;
  readonly #byInitials: SortedWords;

  private constructor(words: Map<string, Word>) {
    this.#byFull = new SortedWords(words.values(), (w) => w.full);
    this.#byInitials = new SortedWords(
      [...words.values()].filter((w) => [...w.text].length > 1),
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
    const prefixed = this.#byFull.withPrefix(input);
    const exact = prefixed.filter((w) => w.full === input).sort(byLengthThenCount);
    const initials =
      input.length >= 2
        ? this.#byInitials
            .withPrefix(input)
            .filter((w) => w.initials === input)
            .sort(byCount)
        : [];
    const started = prefixed.filter((w) => w.full !== input).sort(byCount);
    const firstSyllable: Word[] = [];
    for (let end = Math.min(input.length - 1, 6); end >= 1; end--) {
      const head = input.slice(0, end);
      firstSyllable.push(
        ...this.#byFull
          .withPrefix(head)
          .filter((w) => w.full === head && [...w.text].length === 1)
          .sort(byCount),
      );
    }
    const out: string[] = [];
    for (const word of [...exact, ...initials, ...started.slice(0, limit), ...firstSyllable]) {
      if (!out.includes(word.text)) out.push(word.text);
      if (out.length === limit) break;
    }
    return out;
  }
}
