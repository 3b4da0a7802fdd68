import MiniSearch from 'minisearch';
import type { Catalogue, Department, Service } from '../contract/catalogue.js';
import type { LocalisedText, SiteKind } from '../contract/common.js';
import { chineseTokens, latinWords, queryTerms } from './search_text.js';

/**
 * Catalogue search as residents type it, in four languages: by any of a service's names, Traditional or
 * Simplified, Portuguese with or without accents, Hanyu Pinyin in full or by initials, the department's name or
 * code, with small typos forgiven in Latin words. Built once from the backend's catalogue, so it keeps working
 * while the backend is unreachable; the kiosk's search screen and `balcao catalogue search` share it.
 *
 * Three MiniSearch indexes, so that a short prefix never walks the others' vocabulary (MiniSearch keeps one radix
 * tree per index, shared by its fields):
 * - `words`: the Portuguese and English words of service names (prefix, and typos from five letters on);
 * - `chinese`: Simplified substrings of the Chinese names, and their pinyin and initials at syllable boundaries
 *   (search_text.ts), searched by prefix;
 * - `departments`: the 36 departments by code and names, a match counting for each of their services.
 * Every term typed must match (AND); a term may match in any index (OR), and the scores add up.
 *
 * A Latin term of up to four letters (the first keystrokes, `de`, `shen`) matches a large part of the catalogue,
 * where an index only costs: it is a filter instead, over the candidates the other terms left (or every service), on
 * word starts and syllable starts kept per service. (By MiniSearch, `she` walked every pinyin term from `she` to
 * `shenfenzheng` and built a result for each of some 3,000 services of the 10× catalogue: 4–20 ms of the main
 * process a keystroke, against well under one by the table.) A text of one short term — the first keystrokes of
 * every search — is answered from that term's services ranked ahead, at build: the first `limit` of them.
 */

/** The longest Latin term answered from the table of starts (`shortTable`) rather than the indexes. */
const shortTermLength = 4;

/** A word's or a syllable string's starts, one letter to `shortTermLength`. */
const startsOf = (word: string) =>
  Array.from({ length: Math.min(word.length, shortTermLength) }, (_, i) => word.slice(0, i + 1));

export interface SearchHit {
  serviceId: string;
  /** The department's code, e.g. `DSI`. */
  department: string;
  name: LocalisedText;
  site: SiteKind;
}

export interface CatalogueSearchOptions {
  /** The session language: its names weigh more. */
  language?: keyof LocalisedText;
  site?: SiteKind;
  limit?: number;
}

export interface CatalogueSearch {
  search(text: string, options?: CatalogueSearchOptions): SearchHit[];
}

const bySpace = (text: string) => text.split(' ');
const indexOptions = {
  tokenize: bySpace,
  processTerm: (term: string) => term || null,
  searchOptions: { tokenize: bySpace, processTerm: (term: string) => term },
};

/** Weights of a match by where it was found: a service's own name counts more than its department's. */
const weight = { words: 3, han: 3, pinyin: 2, department: 1 } as const;

function chineseFields(name: LocalisedText) {
  const tokens = chineseTokens(`${name['zh-Hant']} ${name['zh-Hans']}`);
  const syllableStrings = [...new Set([...tokens.pinyin, ...tokens.initials])];
  return {
    han: [...new Set(tokens.han)].join(' '),
    pinyin: syllableStrings.join(' '),
    starts: new Set(syllableStrings.flatMap(startsOf)),
  };
}

/**
 * The starts (one to four letters) of a service's Latin words and pinyin syllables (and of its department's
 * words), each with what a match there is worth: an exact table, because a MiniSearch answer for `s` would build a
 * result object for most of the catalogue at every first keystroke.
 */
type ShortTable = Map<string, Map<string, number>>;

function addShortKeys(table: ShortTable, id: string, keys: Iterable<string>, gain: number): void {
  for (const key of keys) {
    if (key.length === 0) continue;
    const ids = table.get(key) ?? new Map<string, number>();
    table.set(key, ids);
    ids.set(id, Math.max(ids.get(id) ?? 0, gain));
  }
}

const wordStarts = (words: readonly string[]) => words.flatMap(startsOf);

function buildWordIndex(services: readonly Service[]) {
  const index = new MiniSearch<{ id: string; pt: string; en: string }>({
    fields: ['pt', 'en'],
    ...indexOptions,
  });
  index.addAll(
    services.map((s) => ({
      id: s.id,
      pt: latinWords(s.name.pt).join(' '),
      en: latinWords(s.name.en).join(' '),
    })),
  );
  return index;
}

type ChineseFields = ReturnType<typeof chineseFields>;

function buildChineseIndex(services: readonly Service[], fieldsOf: ReadonlyMap<string, ChineseFields>) {
  const index = new MiniSearch<{ id: string; han: string; pinyin: string }>({
    fields: ['han', 'pinyin'],
    ...indexOptions,
  });
  index.addAll(
    services.map((s) => ({ id: s.id, han: fieldsOf.get(s.id)!.han, pinyin: fieldsOf.get(s.id)!.pinyin })),
  );
  return index;
}

function departmentWords(d: Department): string[] {
  return [d.code.toLowerCase(), ...latinWords(d.code), ...latinWords(d.name.pt), ...latinWords(d.name.en)];
}

function buildDepartmentIndex(departments: readonly Department[]) {
  const index = new MiniSearch<{ id: string; words: string; han: string; pinyin: string }>({
    fields: ['words', 'han', 'pinyin'],
    ...indexOptions,
  });
  index.addAll(
    departments.map((d) => {
      const chinese = chineseFields(d.name);
      return { id: d.code, words: departmentWords(d).join(' '), han: chinese.han, pinyin: chinese.pinyin };
    }),
  );
  return index;
}

/** Small typos in Latin words: one edit from five letters on (shorter terms are `shortTable`'s), two from ten. */
function typoDistance(term: string): number | false {
  if (term.length >= 10) return 2;
  return term.length > shortTermLength ? 1 : false;
}

export const maxQueryLength = 100;

type Scores = Map<string, number>;
type LanguageBoost = { pt: number; en: number; han: number };

function intersect(a: Scores, b: Scores): Scores {
  const out: Scores = new Map();
  for (const [id, score] of a) {
    const more = b.get(id);
    if (more !== undefined) out.set(id, score + more);
  }
  return out;
}

function add(scores: Scores, id: string, score: number): void {
  scores.set(id, (scores.get(id) ?? 0) + score);
}

export function createCatalogueSearch(catalogue: Catalogue): CatalogueSearch {
  const services = new Map(catalogue.services.map((s) => [s.id, s]));
  const chineseOf = new Map(catalogue.services.map((s) => [s.id, chineseFields(s.name)]));
  const position = new Map(catalogue.services.map((s, i) => [s.id, i]));
  const departmentStarts = new Map(
    catalogue.departments.map((d) => [
      d.code,
      [...wordStarts(departmentWords(d)), ...chineseFields(d.name).starts],
    ]),
  );
  const shortTable: ShortTable = new Map();
  for (const s of catalogue.services) {
    addShortKeys(shortTable, s.id, departmentStarts.get(s.department) ?? [], weight.department * 0.5);
    addShortKeys(shortTable, s.id, chineseOf.get(s.id)!.starts, weight.pinyin * 0.5);
    addShortKeys(
      shortTable,
      s.id,
      wordStarts([...latinWords(s.name.pt), ...latinWords(s.name.en)]),
      weight.words * 0.5,
    );
  }
  // Each start's services best first (the most a match there is worth, then catalogue order): what `filterShort`
  // and `best` make of a text that is that one term, ranked once here rather than at each first keystroke.
  /** The catalogue's order of results: a higher score first, ties in catalogue order (negative: `a` first). */
  const order = (a: [string, number], b: [string, number]) =>
    b[1] - a[1] || position.get(a[0])! - position.get(b[0])!;
  const ranked = new Map<string, string[]>();
  for (const [key, gains] of shortTable)
    ranked.set(
      key,
      [...gains].sort(order).map(([id]) => id),
    );
  const servicesOf = new Map<string, string[]>();
  for (const s of catalogue.services)
    servicesOf.set(s.department, [...(servicesOf.get(s.department) ?? []), s.id]);
  const words = buildWordIndex(catalogue.services);
  const chinese = buildChineseIndex(catalogue.services, chineseOf);
  const departments = buildDepartmentIndex(catalogue.departments);

  /** Where a Han run or a Latin term longer than `shortTermLength` matches, and how well. */
  function indexedScores(term: string, han: boolean, boost: LanguageBoost): Scores {
    const scores: Scores = new Map();
    const chineseField = han ? 'han' : 'pinyin';
    const pinyinLike = han || /^[a-z]+$/.test(term);
    if (pinyinLike) {
      for (const r of chinese.search(term, { fields: [chineseField], prefix: true })) {
        add(scores, r.id, r.score * (han ? weight.han * boost.han : weight.pinyin));
      }
    }
    if (!han) {
      const found = words.search(term, {
        prefix: true,
        fuzzy: typoDistance(term),
        boost: { pt: boost.pt, en: boost.en },
      });
      for (const r of found) add(scores, r.id, r.score * weight.words);
    }
    const departmentFields = han ? ['han'] : pinyinLike ? ['words', 'pinyin'] : ['words'];
    for (const d of departments.search(term, { fields: departmentFields, prefix: true })) {
      for (const id of servicesOf.get(d.id) ?? []) add(scores, id, d.score * weight.department);
    }
    return scores;
  }

  /** Keeps the candidates every short term starts a word or syllable of, adding what each is worth there. */
  function filterShort(candidates: Iterable<[string, number]>, terms: readonly string[]): Scores {
    const tables = terms.map((t) => shortTable.get(t) ?? new Map<string, number>());
    const kept: Scores = new Map();
    next: for (const [id, score] of candidates) {
      let total = score;
      for (const table of tables) {
        const gain = table.get(id);
        if (gain === undefined) continue next;
        total += gain;
      }
      kept.set(id, total);
    }
    return kept;
  }

  /** The first `limit` services of one short term's ranking, at `site` if one is given. */
  function firstRanked(term: string, limit: number, site: SiteKind | undefined): string[] {
    const out: string[] = [];
    for (const id of ranked.get(term) ?? []) {
      if (out.length === limit) break;
      if (!site || services.get(id)!.site === site) out.push(id);
    }
    return out;
  }

  /** The best `limit` of the scores (ties in catalogue order), without sorting the whole catalogue. */
  function best(scores: Scores, limit: number, site: SiteKind | undefined): string[] {
    const top: [string, number][] = [];
    const before = (a: [string, number], b: [string, number]) => order(a, b) < 0;
    for (const entry of scores) {
      if (site && services.get(entry[0])!.site !== site) continue;
      if (top.length === limit && !before(entry, top[top.length - 1]!)) continue;
      let i = top.length;
      while (i > 0 && before(entry, top[i - 1]!)) i--;
      top.splice(i, 0, entry);
      if (top.length > limit) top.pop();
    }
    return top.map(([id]) => id);
  }

  return {
    search(text, options = {}) {
      // Nobody types more than this on a kiosk; a longer text is cut rather than searched at length.
      const terms = queryTerms(text.slice(0, maxQueryLength));
      const long = [
        ...terms.han.map((t) => ({ t, han: true })),
        ...terms.latin.filter((t) => t.length > shortTermLength).map((t) => ({ t, han: false })),
      ];
      const short = terms.latin.filter((t) => t.length <= shortTermLength);
      if (long.length === 0 && short.length === 0) return [];
      const language = options.language;
      const boost: LanguageBoost = {
        pt: language === 'pt' ? 1.5 : 1,
        en: language === 'en' ? 1.5 : 1,
        han: language === 'zh-Hant' || language === 'zh-Hans' ? 1.5 : 1,
      };
      const limit = options.limit ?? 20;
      const found = (id: string): SearchHit => {
        const s = services.get(id)!;
        return { serviceId: s.id, department: s.department, name: s.name, site: s.site };
      };
      if (long.length === 0 && short.length === 1)
        return firstRanked(short[0]!, limit, options.site).map(found);
      let combined: Scores | undefined;
      for (const { t, han } of long) {
        const scores = indexedScores(t, han, boost);
        combined = combined === undefined ? scores : intersect(combined, scores);
        if (combined.size === 0) return [];
      }
      // Without a longer term, the first short term's own table is the candidate list.
      const candidates =
        combined ?? [...(shortTable.get(short[0]!) ?? [])].map(([id]): [string, number] => [id, 0]);
      const scored = short.length > 0 ? filterShort(candidates, short) : (combined ?? new Map());
      return best(scored, limit, options.site).map(found);
    },
  };
}
