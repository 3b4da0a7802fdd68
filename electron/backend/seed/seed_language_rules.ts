import { Converter } from 'opencc-js';
import type { SeedCatalogue, SeedText } from './seed_schema.js';

/**
 * The language rules every catalogue text keeps (STYLE of the seed, checked by its tests):
 * - zh-Hans is the same name as zh-Hant in Simplified characters: OpenCC (Hong Kong → Mainland) finds no
 *   Traditional character left in it, and it differs from zh-Hant wherever a character has a simplified form.
 *   Where Mainland usage is not OpenCC's one-to-one conversion, the seed writes the Mainland form; those
 *   characters are listed in `mainlandForms`, each with the word it comes from.
 * - Portuguese is European Portuguese as the Macau government writes it, with the spelling before the 1990
 *   agreement (Direcção, Acção, Electrónica, actividade), and says "Macau"; English says "Macao".
 */

const toSimplified = Converter({ from: 'hk', to: 'cn' });

/** OpenCC's character → the Mainland character the seed writes instead, with the word that needs it. */
export const mainlandForms: ReadonlyMap<string, { writes: string; as: string }> = new Map([
  ['帐', { writes: '账', as: '帳戶 → 账户 (an account)' }],
  ['覆', { writes: '复', as: '覆核, 覆檢 → 复核, 复检 (a review)' }],
  ['著', { writes: '着', as: '沉著病 → 沉着病' }],
]);

/** Why a text's zh-Hans is not the simplified form of its zh-Hant, or undefined when it is. */
export function simplifiedChineseProblem(text: SeedText): string | undefined {
  const hant = text['zh-Hant'];
  const hans = text['zh-Hans'];
  const leftOver = toSimplified(hans);
  if (leftOver !== hans) return `zh-Hans "${hans}" still has Traditional characters (OpenCC: "${leftOver}")`;
  const expected = [...toSimplified(hant)];
  const written = [...hans];
  if (expected.join('') !== hant && hans === hant) return `zh-Hans "${hans}" is a copy of zh-Hant`;
  const sameName =
    expected.length === written.length &&
    expected.every(
      (character, i) => character === written[i] || mainlandForms.get(character)?.writes === written[i],
    );
  return sameName
    ? undefined
    : `zh-Hans "${hans}" is not "${hant}" in Simplified characters ("${expected.join('')}")`;
}

/**
 * Stems of the post-1990 spellings a Macau government text does not use, each matched at the start of a word
 * (`atual` finds "atualização"; the pre-1990 "actualização" does not match). Whole words end with `$`.
 */
const post1990Stems = [
  'direç',
  'diret',
  'ação$',
  'ações$',
  'ativ',
  'atual',
  'ato$',
  'atos$',
  'eletr',
  'elétr',
  'proteç',
  'protet',
  'inspeç',
  'inspet',
  'correcional',
  'coletiv',
  'projet',
  'objet',
  'arquitet',
  'setor',
  'fatur',
  'ótic',
  'ótim',
  'adoção$',
  'receç',
  'seleç',
  'exceç',
  'respetiv',
  'espetácul',
  'efetiv',
  'exat',
  'infração',
  'infrações',
  'fração',
  'transação',
  'redação',
  'coleção',
  'batism',
];
const post1990Pattern = new RegExp(
  `(?<!\\p{L})(${post1990Stems.map((stem) => (stem.endsWith('$') ? `${stem.slice(0, -1)}(?!\\p{L})` : stem)).join('|')})`,
  'giu',
);

/** The post-1990 spellings in a Portuguese text (empty when it keeps the Macau government's spelling). */
export function post1990Spellings(pt: string): string[] {
  return [...pt.matchAll(post1990Pattern)].map((match) => match[0]);
}

/** Every localised text of a catalogue with where it comes from, for the checks above. */
export function catalogueTexts(catalogue: SeedCatalogue): { where: string; text: SeedText }[] {
  return [
    ...catalogue.departments.map((d) => ({ where: `department ${d.code}`, text: d.name })),
    ...catalogue.services.map((s) => ({ where: `service ${s.id}`, text: s.name })),
    ...catalogue.centres.flatMap((c) => [
      { where: `centre ${c.id}`, text: c.name },
      { where: `centre ${c.id} address`, text: c.address },
    ]),
    ...catalogue.lockerPoints.flatMap((l) => [
      { where: `locker point ${l.id}`, text: l.name },
      { where: `locker point ${l.id} address`, text: l.address },
    ]),
  ];
}
