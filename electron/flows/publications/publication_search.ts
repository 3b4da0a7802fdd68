import type { Publication } from '../../backend/contract/publications.js';
import { chineseTokens, latinWords, queryTerms } from '../../backend/search/search_text.js';

/**
 * Search over the kiosk's publications as residents type it, with the catalogue search's normalisation
 * (electron/backend/search/search_text.ts): Traditional or Simplified characters (a query matches inside a
 * Chinese title), Hanyu Pinyin in full or by initials (`jbf` finds 基本法), Portuguese with or without accents,
 * English; the publisher's code too. The backend's catalogue search indexes services, not publications, and a
 * kiosk sells a dozen or two titles, so this is a plain scan over prepared tokens, built once per catalogue.
 *
 * Every term typed must match (AND): a Han run as a substring of a Chinese title, a Latin term as the start of a
 * word of a Portuguese or English title, of a title's pinyin or initials at a syllable boundary, or the code.
 */

interface Prepared {
  id: string;
  /** Simplified Han suffixes of the Chinese titles. */
  han: string[];
  /** Folded words, pinyin suffixes and initials suffixes, and the publisher's code. */
  latin: string[];
}

export interface PublicationSearch {
  /** The matching publications' ids, in catalogue order; empty for an empty query. */
  search(text: string): string[];
}

function prepare(publication: Publication): Prepared {
  const chinese = chineseTokens(
    `${publication.title['zh-Hant'] ?? ''} ${publication.title['zh-Hans'] ?? ''}`,
  );
  const words = latinWords(`${publication.title.pt ?? ''} ${publication.title.en ?? ''}`);
  return {
    id: publication.id,
    han: [...new Set(chinese.han)],
    latin: [
      ...new Set([...words, ...chinese.pinyin, ...chinese.initials, publication.publisher.toLowerCase()]),
    ],
  };
}

export function createPublicationSearch(publications: readonly Publication[]): PublicationSearch {
  const prepared = publications.map(prepare);
  return {
    search(text) {
      const terms = queryTerms(text.slice(0, 100));
      if (terms.han.length === 0 && terms.latin.length === 0) return [];
      return prepared
        .filter(
          (p) =>
            terms.han.every((term) => p.han.some((token) => token.startsWith(term))) &&
            terms.latin.every((term) => p.latin.some((token) => token.startsWith(term))),
        )
        .map((p) => p.id);
    },
  };
}
