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
