import { describe, expect, it, vi } from 'vitest';
import { catalogueOfSeed } from '../../backend/embedded/catalogue_store.js';
import { createCatalogueSearch } from '../../backend/search/catalogue_search.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import { maxSearchResults } from '../../rpc/flows/book_appointment_contract.js';
import { languages } from '../../rpc/languages.js';
import { CatalogueIndex } from './catalogue_cache.js';

const catalogue = catalogueOfSeed(seedCatalogue());
const limit = maxSearchResults;

describe('catalogue index: kept answers', () => {
  it('answers as the index does, each time: nothing a resident typed is kept for the next one', () => {
    const index = new CatalogueIndex(catalogue);
    index.warm(limit);
    const asked = vi.spyOn(index.search, 'search');
    const options = { language: 'en', site: 'macau', limit } as const;
    const first = index.find('renewal', options);
    expect(first).toEqual(index.search.search('renewal', options));
    asked.mockClear();
    index.find('renewal', options);
    expect(asked).toHaveBeenCalledTimes(1);
    // A first letter in capitals or a second letter is not a kept answer either.
    index.find('re', options);
    index.find('R', options);
    expect(asked).toHaveBeenCalledTimes(3);
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

  it('a first letter kept is the answer the index gives it', () => {
    const index = new CatalogueIndex(catalogue);
    index.warm(limit);
    for (const language of languages) {
      const options = { language, site: 'hengqin', limit } as const;
      expect(index.find('j', options)).toEqual(createCatalogueSearch(catalogue).search('j', options));
    }
  });
});
