/**
 * Character code tables an ESC/POS printer can be switched to with `ESC t n`, and text encoding into them.
 * Ticket text is Portuguese (and English); Chinese is printed as raster. The tables' upper halves (0x80–0xFF)
 * were generated from the platform code-page definitions; `escPosTable` is the Epson `ESC t` page number
 * (page 2 = PC850 and page 3 = PC860 per the TM-L90 code-table pages; 16 = WPC1252, 19 = PC858 on TM-T88V).
 * Vendors number pages differently: a profile may override the number.
 */

export const codePageNames = ['pc437', 'pc850', 'pc858', 'pc860', 'wpc1252'] as const;
export type CodePageName = (typeof codePageNames)[number];

interface CodePageTable {
  escPosTable: number;
  label: string;
  /** 128 characters for bytes 0x80–0xFF; U+FFFD marks a byte with no character. */
  upperHalf: string;
}

const tables: Record<CodePageName, CodePageTable> = {
  pc437: {
    escPosTable: 0,
    label: 'PC437 (USA, standard Europe)',
    upperHalf:
      '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5' +
      '\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00a2\u00a3\u00a5\u20a7\u0192' +
      '\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u2310\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb' +
      '\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510' +
      '\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567' +
      '\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580' +
      '\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229' +
      '\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219\u00b7\u221a\u207f\u00b2\u25a0\u00a0',
  },
  pc850: {
    escPosTable: 2,
    label: 'PC850 (Multilingual)',
    upperHalf:
      '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5' +
      '\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00a3\u00d8\u00d7\u0192' +
      '\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb' +
      '\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563\u2551\u2557\u255d\u00a2\u00a5\u2510' +
      '\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u00a4' +
      '\u00f0\u00d0\u00ca\u00cb\u00c8\u0131\u00cd\u00ce\u00cf\u2518\u250c\u2588\u2584\u00a6\u00cc\u2580' +
      '\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da\u00db\u00d9\u00fd\u00dd\u00af\u00b4' +
      '\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0',
  },
  pc860: {
    escPosTable: 3,
    label: 'PC860 (Portuguese)',
    upperHalf:
      '\u00c7\u00fc\u00e9\u00e2\u00e3\u00e0\u00c1\u00e7\u00ea\u00ca\u00e8\u00cd\u00d4\u00ec\u00c3\u00c2' +
      '\u00c9\u00c0\u00c8\u00f4\u00f5\u00f2\u00da\u00f9\u00cc\u00d5\u00dc\u00a2\u00a3\u00d9\u20a7\u00d3' +
      '\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00d2\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb' +
      '\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510' +
      '\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567' +
      '\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580' +
      '\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229' +
      '\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219\u00b7\u221a\u207f\u00b2\u25a0\u00a0',
  },
  wpc1252: {
    escPosTable: 16,
    label: 'WPC1252 (Windows Latin-1)',
    upperHalf:
      '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
      '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178' +
      '\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af' +
      '\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf' +
      '\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf' +
      '\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df' +
      '\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef' +
      '\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00fe\u00ff',
  },
  pc858: {
    escPosTable: 19,
    label: 'PC858 (Multilingual with euro sign)',
    upperHalf:
      '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5' +
      '\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00a3\u00d8\u00d7\u0192' +
      '\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb' +
      '\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563\u2551\u2557\u255d\u00a2\u00a5\u2510' +
      '\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u00a4' +
      '\u00f0\u00d0\u00ca\u00cb\u00c8\u20ac\u00cd\u00ce\u00cf\u2518\u250c\u2588\u2584\u00a6\u00cc\u2580' +
      '\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da\u00db\u00d9\u00fd\u00dd\u00af\u00b4' +
      '\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0',
  },
};

export function codePageLabel(name: CodePageName): string {
  return tables[name].label;
}

/** The Epson `ESC t n` page number of a code page. */
export function escPosTableNumber(name: CodePageName): number {
  return tables[name].escPosTable;
}

const encoders = new Map<CodePageName, Map<string, number>>();

function encoderFor(name: CodePageName): Map<string, number> {
  const cached = encoders.get(name);
  if (cached) return cached;
  const map = new Map<string, number>();
  const upper = tables[name].upperHalf;
  for (let i = 0; i < 128; i++) {
    const ch = upper[i]!;
    if (ch !== '\ufffd' && !map.has(ch)) map.set(ch, 0x80 + i);
  }
  encoders.set(name, map);
  return map;
}

/** The printable byte for one character, or undefined when the code page has no such character. */
function encodeChar(ch: string, map: Map<string, number>): number | undefined {
  const code = ch.codePointAt(0) ?? 0;
  // 0x00–0x1F and 0x7F are ESC/POS control bytes: text must never smuggle a command into the stream.
  if (code >= 0x20 && code <= 0x7e) return code;
  return map.get(ch);
}

export interface EncodedText {
  bytes: Uint8Array;
  /** Characters that had to be replaced (by their unaccented letter, or by '?'). */
  replaced: number;
}

/**
 * Encode one line of text (no line breaks: callers split lines) into `name`. A character the page lacks is
 * replaced by its base letter when it has one (NFD without combining marks: "ő" → "o"), else by '?'.
 */
export function encodeText(text: string, name: CodePageName): EncodedText {
  const map = encoderFor(name);
  const out: number[] = [];
  let replaced = 0;
  for (const ch of text.normalize('NFC')) {
    const direct = encodeChar(ch, map);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    replaced++;
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    const fallback = base.length === 1 ? encodeChar(base, map) : undefined;
    out.push(fallback ?? 0x3f);
  }
  return { bytes: Uint8Array.from(out), replaced };
}

/** Decode one printable byte as the printer would render it; control bytes and holes decode to undefined. */
export function decodeByte(byte: number, name: CodePageName): string | undefined {
  if (byte >= 0x20 && byte <= 0x7e) return String.fromCharCode(byte);
  if (byte < 0x80) return undefined;
  const ch = tables[name].upperHalf[byte - 0x80];
  return ch === undefined || ch === '\ufffd' ? undefined : ch;
}

/** The code page whose Epson number is `n`, if we know it. */
export function codePageForTableNumber(n: number): CodePageName | undefined {
  return codePageNames.find((name) => tables[name].escPosTable === n);
}
