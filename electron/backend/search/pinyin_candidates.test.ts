import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueOfSeed } from '../embedded/catalogue_store.js';
import { loadTestCatalogue } from '../seed/seed_catalogue.js';
import { PinyinVocabulary } from './pinyin_candidates.js';

const catalogue = catalogueOfSeed(loadTestCatalogue(1));
const traditional = PinyinVocabulary.fromNames([
  ...catalogue.services.map((s) => s.name['zh-Hant']),
  ...catalogue.departments.map((d) => d.name['zh-Hant']),
]);

describe('pinyin candidates from the catalogue’s words', () => {
  it('a whole word’s pinyin, its initials, the start of its last syllable, a character by its syllable', () => {
    expect(traditional.candidates('shenfenzheng')[0]).toBe('身份證');
    expect(traditional.candidates('sfz')).toContain('身份證');
    expect(traditional.candidates('shenf')).toContain('身份');
    // Any character of the vocabulary one syllable at a time: `shenx` starts no word; the characters read `shen`,
    // then `she`, do.
    expect(traditional.candidates('shenx')).toEqual(['申', '身', '深', '審', '伸', '社', '設', '攝', '舍']);
    expect(traditional.candidates('xuqi')[0]).toBe('續期');
  });

  it('a word by its whole pinyin comes before words it only starts, longer and more frequent first', () => {
    // `shen` is one syllable: its characters, the most frequent first, then the words it starts.
    expect(traditional.candidates('shen').slice(0, 6)).toEqual(['申', '身', '深', '審', '伸', '申請']);
  });

  it('gives at most the limit, no word twice, and nothing for what is not pinyin', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,6}$/), fc.integer({ min: 1, max: 12 }), (typed, limit) => {
        const words = traditional.candidates(typed, limit);
        expect(words.length).toBeLessThanOrEqual(limit);
        expect(new Set(words).size).toBe(words.length);
        // A shorter limit is the start of a longer one: the order does not depend on how many are asked.
        expect(traditional.candidates(typed, 12).slice(0, words.length)).toEqual(words);
      }),
    );
    for (const hostile of ['', 'SHEN'.repeat(10), 'shen fen', '身份', 'a'.repeat(25), 'ü'])
      expect(traditional.candidates(hostile)).toEqual(
        /^[a-z]{1,24}$/i.test(hostile) ? traditional.candidates(hostile.toLowerCase()) : [],
      );
  });

  it('a two-letter start offers its most frequent words first, whatever their order in the vocabulary', () => {
    // `sh` starts thousands of words: the bar shows the most frequent, not the first in pinyin order.
    const words = traditional.candidates('sh');
    expect(words).toHaveLength(12);
    expect(words).toContain('申請');
  });
});
