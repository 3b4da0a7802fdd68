import { describe, expect, it, vi } from 'vitest';
import { catalogueOfSeed } from '../../backend/embedded/catalogue_store.js';
import { createCatalogueSearch } from '../../backend/search/catalogue_search.js';
import { PinyinVocabulary } from '../../backend/search/pinyin_candidates.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import { maxSearchResults } from '../../rpc/flows/book_appointment_contract.js';
import { languages } from '../../rpc/languages.js';
import { CatalogueIndex } from './catalogue_cache.js';

const catalogue = catalogueOfSeed(seedCatalogue());
const limit = maxSearchResults;

describe('catalogue index', () => {
  it('answers as the index does, each time: nothing a resident typed is kept for the next one', () => {
    const index = new CatalogueIndex(catalogue);
    index.warm();
    const asked = vi.spyOn(index.search, 'search');
    for (const language of languages) {
      const options = { language, site: 'macau', limit } as const;
      for (const text of ['s', 's', 'renewal', 'renewal', 'R'])
        expect(index.find(text, options)).toEqual(createCatalogueSearch(catalogue).search(text, options));
    }
    expect(asked).toHaveBeenCalledTimes(5 * languages.length);
  });

  it('warm builds the index and both scripts’ words ahead: the first keystroke builds nothing', () => {
    const index = new CatalogueIndex(catalogue);
    index.warm();
    const built = vi.spyOn(PinyinVocabulary, 'fromNames');
    const search = index.search;
    expect(index.candidates('s', 'zh-Hant').length).toBeGreaterThan(0);
    expect(index.candidates('s', 'zh-Hans').length).toBeGreaterThan(0);
    index.find('s', { language: 'zh-Hant', site: 'macau', limit });
    expect(built).not.toHaveBeenCalled();
    expect(index.search).toBe(search);
  });
});
