import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samplePublications } from '../../backend/seed/data/publications.js';
import { createPublicationSearch } from './publication_search.js';

/** Publication search over the sample catalogue: what residents type, and whatever a hostile keyboard sends. */
const search = createPublicationSearch(samplePublications);
const ids = new Set(samplePublications.map((p) => p.id));

describe('publication search', () => {
  it('finds by pinyin and its initials, Traditional or Simplified, Portuguese without accents, English', () => {
    expect(search.search('jibenfa')).toEqual(['PUB-BASIC-LAW']);
    expect(search.search('JBF')).toEqual(['PUB-BASIC-LAW']);
    expect(search.search('基本法')).toEqual(search.search('基本法'.normalize('NFKC')));
    expect(search.search('統計年鑑')).toEqual(search.search('统计年鉴'));
    expect(search.search('codigo civil')).toEqual(['PUB-CIVIL-CODE']);
    expect(search.search('Código')).toEqual(search.search('codigo'));
    expect(search.search('yearbook')).toContain('PUB-MACAO-YEARBOOK');
    // Every term must match: a word of one title and a word of another find nothing.
    expect(search.search('civil census')).toEqual([]);
  });

  it('never throws, and finds only publications it has, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const found = search.search(text);
        expect(found.every((id) => ids.has(id))).toBe(true);
        expect(new Set(found).size).toBe(found.length);
      }),
      { numRuns: 300 },
    );
  });
});
