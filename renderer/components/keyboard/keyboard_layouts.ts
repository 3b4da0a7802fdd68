import type { Prompt } from '../../../electron/rpc/guidance_contract.js';

/**
 * The on-screen keyboard's layers. Keys are data, not markup, so every layer is drawn and tested the same way.
 * Letters are shown in capitals (what a keycap shows) and typed in the case the field asks for.
 *
 * - `latin`: QWERTY with the digits row; Portuguese and English.
 * - `accents`: the letters European Portuguese writes with diacritics, one tap each (no long-press a resident must
 *   discover).
 * - `pinyin`: QWERTY whose letters compose Hanyu Pinyin; the candidate bar turns it into characters. `ü` is typed
 *   as `v`, as every pinyin input method does.
 * - `digits`: a 3×4 pad for references, phone-style (1 2 3 on top).
 */
export const keyboardLayers = ['latin', 'accents', 'pinyin', 'digits'] as const;
export type KeyboardLayer = (typeof keyboardLayers)[number];

export const layerRows: Record<KeyboardLayer, readonly (readonly string[])[]> = {
  latin: [[...'1234567890'], [...'QWERTYUIOP'], [...'ASDFGHJKL'], [...'ZXCVBNM', '-']],
  accents: [
    ['Á', 'À', 'Â', 'Ã'],
    ['É', 'Ê', 'Í', 'Ó'],
    ['Ô', 'Õ', 'Ú', 'Ç'],
    ["'", '.', '-', '/'],
  ],
  pinyin: [[...'QWERTYUIOP'], [...'ASDFGHJKL'], [...'ZXCVBNM']],
  digits: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['0']],
};

/** Which layers a field offers, first one shown first. Chinese sessions start on pinyin, others on Latin. */
export function layersFor(mode: 'text' | 'digits', chinese: boolean): KeyboardLayer[] {
  if (mode === 'digits') return ['digits'];
  return chinese ? ['pinyin', 'latin', 'accents', 'digits'] : ['latin', 'accents', 'digits', 'pinyin'];
}

/** What a key types into the field: letters in the field's case; pinyin letters always lower case. */
export function typedText(key: string, layer: KeyboardLayer, letterCase: 'lower' | 'upper'): string {
  if (layer === 'pinyin') return key.toLowerCase();
  return letterCase === 'upper' ? key.toUpperCase() : key.toLowerCase();
}

/** The symbols the layers type, each spoken by name (a speech engine says nothing for "-" on its own). */
const symbolNames: Record<string, string> = { "'": 'apostrophe', '.': 'dot', '-': 'dash', '/': 'slash' };
/** The diacritics of the accents layer, as Unicode's combining marks after NFD. */
const accentNames: Record<string, string> = {
  '\u0301': 'acute',
  '\u0300': 'grave',
  '\u0302': 'circumflex',
  '\u0303': 'tilde',
  '\u0327': 'cedilla',
};

/**
 * How audio guidance says one typed character, as a letter is spelled in the session's language: a letter as its
 * capital ("B": each voice says the letter's name) and a digit by a message of its own (`keyboard.letter.B`,
 * `keyboard.digit.7`: rendered ahead and cached like any fixed prompt, so a key is said at once and what a resident
 * types never goes to the engine as text), an accented letter as its letter and accent ("A with tilde"), a symbol
 * and the space by name; anything else (a Chinese character) as itself.
 */
export function spokenChar(char: string): Prompt {
  if (char === ' ') return { key: 'input:keyboard.space' };
  const upper = char.toUpperCase();
  if (/^[A-Z]$/.test(upper)) return { key: `keyboard.letter.${upper}` };
  if (/^[0-9]$/.test(char)) return { key: `keyboard.digit.${char}` };
  const symbol = symbolNames[char];
  if (symbol) return { key: `keyboard.symbol.${symbol}` };
  const [letter = char, mark = ''] = [...char.normalize('NFD')];
  const accent = accentNames[mark];
  if (accent) return { key: `keyboard.accent.${accent}`, values: { letter: letter.toUpperCase() } };
  return { key: 'keyboard.char', values: { char: char.toUpperCase() } };
}
