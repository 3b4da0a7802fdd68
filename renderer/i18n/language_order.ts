import { type Language, languages } from '../../electron/rpc/languages.js';

/**
 * The order the four languages are shown and spoken in before a resident has chosen one: Hengqin residents read
 * Simplified Chinese first; Macau's centres lead with Traditional Chinese.
 */
export function languageOrder(siteKind: 'macau' | 'hengqin' | undefined): Language[] {
  return siteKind === 'hengqin' ? ['zh-Hans', 'zh-Hant', 'pt', 'en'] : [...languages];
}
