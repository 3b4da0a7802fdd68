import { describe, expect, it, vi } from 'vitest';
import { catalogueOfSeed } from '../../backend/embedded/catalogue_store.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import { maxSearchResults } from '../../rpc/flows/book_appointment_contract.js';
import { languages } from '../../rpc/languages.js';
import { CatalogueIndex } from './catalogue_cache.js';

const catalogue = catalogueOfSeed(seedCatalogue());
const limit = maxSearchResults;

describe('catalogue index: kept answers', () => {
  it('answers a search asked before from what it kept, the same as the index answers it', () => {
    const index = new CatalogueIndex(catalogue);
    const asked = vi.spyOn(index.search, 'search');
    const options = { language: 'en', site: 'macau', limit } as const;
    const first = index.find('renewal', options);
    expect(first).toEqual(index.search.search('renewal', options));
    asked.mockClear();
    expect(index.find('renewal', options)).toBe(first);
    expect(asked).not.toHaveBeenCalled();
    // Another language ranks its own names first, another site has other services: each its own answer.
    index.find('renewal', { ...options, language: 'pt' });
    index.find('renewal', { ...options, site: 'hengqin' });
    expect(asked).toHaveBeenCalledTimes(2);
  });

  it('warm asks every first letter ahead, in every language at both sites, and its candidates in both scripts', () => {
    const index = new CatalogueIndex(catalogue);
    index.warm(limit);
    const asked = vi.spyOn(index.search, 'search');
    for (const site of ['macau', 'hengqin'] as const)
      for (const language of languages) index.find('s', { language, site, limit });
    expect(asked).not.toHaveBeenCalled();
    expect(index.candidates('s', 'zh-Hant')).toBe(index.candidates('s', 'zh-Hant'));
    expect(index.candidates('s', 'zh-Hans').length).toBeGreaterThan(0);
  });

  it('keeps a bounded number of answers: typing nonsense for an hour does not grow the main process', () => {
    const index = new CatalogueIndex(catalogue);
    const options = { language: 'en', site: 'macau', limit } as const;
    index.find('licence', options);
    const asked = vi.spyOn(index.search, 'search');
    for (let i = 0; i < 1024; i++) index.find(`zz${i}`, options);
    asked.mockClear();
    // The oldest answer went to make room; asked again, it is searched again (and equal).
    expect(index.find('licence', options).length).toBeGreaterThan(0);
    expect(asked).toHaveBeenCalledTimes(1);
  });
});
