import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

/**
 * How catalogue text and what a resident types are brought to one form before they meet:
 *
 * - Chinese is searched in Simplified characters (OpenCC, Hong Kong/Macau Traditional → Mainland Simplified), so
 *   `身份證` and `身份证` are the same query; Chinese has no spaces, so a name is indexed as every suffix of its
 *   Han runs and a query matches as a prefix of one of them: a substring search.
 * - Latin text loses its accents and case (`Certidão` → `certidao`), after NFKC turned full-width letters from a
 *   Chinese keyboard into plain ones.
 * - Each Chinese name is also indexed by Hanyu Pinyin (pinyin-pro, which reads polyphonic characters in context)
 *   as every suffix of its syllables run together (`shenfenzheng…`, `fenzheng…`) and of their initials (`sfz…`),
 *   so `shenfen`, `shen fen zheng` and `sfz` all find 身份證.
 */

const toSimplifiedChinese = OpenCC.Converter({ from: 'hk', to: 'cn' });
const hanRun = /\p{Script=Han}+/gu;
const latinWord = /[\p{L}\p{N}]+/gu;

export function simplified(text: string): string {
  return toSimplifiedChinese(text);
}

export function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function hanRuns(text: string): string[] {
  return text.match(hanRun) ?? [];
}

/** Words of a Latin text, folded; Han characters are left to the Chinese fields. */
export function latinWords(text: string): string[] {
  return (foldLatin(text.normalize('NFKC')).replace(hanRun, ' ').match(latinWord) ?? []).filter(Boolean);
}

/** Every suffix of `parts` joined: `['shen','fen','zheng']` → `shenfenzheng`, `fenzheng`, `zheng`. */
export function joinedSuffixes(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) out.push(parts.slice(i).join(''));
  return out;
}

/** Index tokens of a Chinese text (any script): its Simplified substrings, pinyin and initials. */
export function chineseTokens(text: string): { han: string[]; pinyin: string[]; initials: string[] } {
  const han: string[] = [];
  const full: string[] = [];
  const initials: string[] = [];
  for (const run of hanRuns(simplified(text))) {
    han.push(...joinedSuffixes([...run]));
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
    full.push(...joinedSuffixes(syllables));
    initials.push(...joinedSuffixes(syllables.map((s) => s.charAt(0))));
  }
  return { han, pinyin: full, initials };
}

/** What a resident typed, as the terms the index understands. */
export interface QueryTerms {
  /** Simplified Han runs. */
  han: string[];
  /** Folded Latin words (letters and digits): words, pinyin or initials. */
  latin: string[];
}

export function queryTerms(text: string): QueryTerms {
  const normalised = text.normalize('NFKC');
  return { han: hanRuns(simplified(normalised)), latin: latinWords(normalised) };
}
