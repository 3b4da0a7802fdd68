import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import type { Service } from '../contract/catalogue.js';
import { catalogueOfSeed } from '../embedded/catalogue_store.js';
import { seedCatalogue } from '../seed/seed_catalogue.js';
import { createCatalogueSearch } from './catalogue_search.js';
import { chineseTokens, latinWords } from './search_text.js';

/**
 * Finding a service the way a resident types it. The catalogue is asked for its services (no counts assumed);
 * a few strings are fixed where every catalogue has them (the DSI, 身份證).
 */

const catalogue = catalogueOfSeed(seedCatalogue());
const search = createCatalogueSearch(catalogue);
const ids = (text: string, options = {}) => search.search(text, options).map((h) => h.serviceId);
/** A spread of services across departments and sites. */
const sample: Service[] = catalogue.services.filter(
  (_, i) => i % Math.ceil(catalogue.services.length / 30) === 0,
);
const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

describe('catalogue search', () => {
  it('finds a service by its own name in each of the four languages', () => {
    for (const service of sample) {
      for (const language of ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const) {
        expect(ids(service.name[language]), `${service.id} in ${language}`).toContain(service.id);
      }
    }
  });

  it('answers in the contract’s shape: service id, department code, four names, site', () => {
    const [hit] = search.search(catalogue.services[0]!.name.en);
    const service = catalogue.services.find((s) => s.id === hit!.serviceId)!;
    expect(hit).toEqual({
      serviceId: service.id,
      department: service.department,
      name: service.name,
      site: service.site,
    });
  });

  it('treats Traditional and Simplified characters alike, whichever is typed', () => {
    const traditional = ids('身份證');
    expect(traditional.length).toBeGreaterThan(0);
    expect(ids('身份证')).toEqual(traditional);
    for (const id of traditional) {
      const service = catalogue.services.find((s) => s.id === id)!;
      const department = catalogue.departments.find((d) => d.code === service.department)!;
      expect(`${service.name['zh-Hant']}${department.name['zh-Hant']}`).toContain('身份證');
    }
  });

  it('finds Portuguese names typed without accents or capitals', () => {
    const accented = sample.filter((s) => stripAccents(s.name.pt) !== s.name.pt);
    expect(accented.length).toBeGreaterThan(0);
    for (const service of accented) {
      expect(ids(stripAccents(service.name.pt).toLowerCase())).toContain(service.id);
    }
  });

  it('finds Chinese names by Hanyu Pinyin, in full, in syllables, or by initials', () => {
    for (const service of sample) {
      const syllables = pinyin(service.name['zh-Hans'].replace(/[^\p{Script=Han}]/gu, ''), {
        toneType: 'none',
        type: 'array',
        v: true,
      });
      expect(ids(syllables.join('')), `${service.id} full`).toContain(service.id);
      expect(ids(syllables.join(' ')), `${service.id} spaced`).toContain(service.id);
      const initials = syllables.map((s) => s.charAt(0)).join('');
      expect(
        search.search(initials, { limit: 200 }).map((h) => h.serviceId),
        `${service.id} initials`,
      ).toContain(service.id);
    }
    const [first] = search.search('sfz');
    expect(first!.name['zh-Hant']).toContain('身份證');
  });

  it('finds every service of a department by its code or its name', () => {
    const dsi = catalogue.services.filter((s) => s.department === 'DSI').map((s) => s.id);
    expect(dsi.length).toBeGreaterThan(0);
    for (const text of ['DSI', 'dsi', '身份證明局', 'Identificação', 'identificacao']) {
      const found = ids(text, { limit: 1000 });
      for (const id of dsi) expect(found, text).toContain(id);
    }
  });

  it('forgives a small typo in a Latin word', () => {
    for (const service of sample) {
      const word = service.name.en.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w));
      if (!word) continue;
      const typo = word.slice(0, 2) + word.slice(3);
      expect(ids(typo, { limit: 100 }), `${word} → ${typo}`).toContain(service.id);
    }
    expect(ids('zzzzzzzz')).toEqual([]);
  });

  it('needs every word typed: more words, fewer and closer results', () => {
    const service = sample.find((s) => s.name.en.split(' ').length >= 3)!;
    const words = service.name.en.split(' ');
    const narrow = ids(words.join(' '), { limit: 1000 });
    expect(narrow.length).toBeLessThanOrEqual(ids(words[0]!, { limit: 1000 }).length);
    expect(narrow).toContain(service.id);
  });

  it('keeps to one site when asked', () => {
    for (const site of ['macau', 'hengqin'] as const) {
      const hits = search.search('a', { site, limit: 1000 });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.site === site)).toBe(true);
    }
  });

  it('answers nothing to nothing, and survives hostile input', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ,.!?「」')).toEqual([]);
    expect(ids('.*+?^$ {}()|[]\\')).toEqual([]);
    expect(search.search('身份證'.repeat(2000)).length).toBe(0);
    expect(Array.isArray(search.search('a'.repeat(10_000)))).toBe(true);
  });

  it('answers a term of up to four letters by the starts of words and syllables, as the indexes would', () => {
    // What a start of a word or syllable is, from the names themselves: the services a short term must find.
    const department = new Map(catalogue.departments.map((d) => [d.code, d]));
    const startsOf = (service: Service) => {
      const d = department.get(service.department)!;
      const chinese = (name: typeof service.name) => {
        const t = chineseTokens(`${name['zh-Hant']} ${name['zh-Hans']}`);
        return [...t.pinyin, ...t.initials];
      };
      return [
        ...latinWords(service.name.pt),
        ...latinWords(service.name.en),
        ...chinese(service.name),
        d.code.toLowerCase(),
        ...latinWords(d.code),
        ...latinWords(d.name.pt),
        ...latinWords(d.name.en),
        ...chinese(d.name),
      ];
    };
    const words = new Map(catalogue.services.map((s) => [s.id, startsOf(s)]));
    const terms = new Set(['dsi', 'cert', 'lic', 'shen', 'sfz', 'yys', 'xuqi', 'reno', 'zz']);
    for (const service of sample)
      for (const w of startsOf(service)) terms.add(w.slice(0, 3 + (w.length % 2)));
    for (const term of terms) {
      const expected = catalogue.services
        .filter((s) => words.get(s.id)!.some((w) => w.startsWith(term)))
        .map((s) => s.id);
      expect(new Set(ids(term, { limit: catalogue.services.length })), term).toEqual(new Set(expected));
    }
  });

  it('one short term is answered from its ranking kept ahead, as the general path ranks it, at each site', () => {
    // The same term twice goes the general way (two filters, each worth the same): the same services, same order.
    for (const term of ['s', 'sh', 'she', 'shen', 'de', 'cert', 'dsi', 'hq', 'zz'])
      for (const site of [undefined, 'macau', 'hengqin'] as const)
        for (const limit of [1, 20, catalogue.services.length]) {
          const options = { site, limit };
          const answer = ids(term, options);
          expect(answer, `${term} ${site} ${limit}`).toEqual(ids(`${term} ${term}`, options));
          expect(answer.length).toBeLessThanOrEqual(limit);
          if (site)
            for (const id of answer) expect(catalogue.services.find((s) => s.id === id)!.site).toBe(site);
        }
  });
});
