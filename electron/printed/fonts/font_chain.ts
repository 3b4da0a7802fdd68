/**
 * A loaded fallback chain of faces and the two questions the renderer asks of it: which code points no face
 * covers (then the document is refused: a resident's name is never printed with a missing-glyph box), and how
 * to cut a string into runs that each one face can draw.
 */
import { existsSync } from 'node:fs';
import type { FontkitFont } from 'fontkit';
import * as fontkit from 'fontkit';
import { err, ok, type Result } from '../../../lib/result.js';
import { withoutCcmp } from './fast_layout.js';
import { withFlatCffSubsets } from './flat_cff_subset.js';
import { type ChineseScript, type FontConfig, FontConfigSchema, type FontFile } from './font_config.js';

export type FontWeight = 'regular' | 'bold';

export interface LoadedFace {
  name: string;
  regular: FontkitFont;
  bold: FontkitFont;
}

export interface UnavailableFont {
  face: string;
  path: string;
  reason: 'file-missing' | 'face-not-in-collection' | 'unreadable';
}

export interface FontChain {
  script: ChineseScript;
  faces: LoadedFace[];
  /** Configured faces that could not be opened; shown to staff, the chain works without them. */
  unavailable: UnavailableFont[];
}

export type FontChainError =
  | { code: 'invalid-font-config'; detail: string }
  | { code: 'no-font-available'; script: ChineseScript; unavailable: UnavailableFont[] };

export type FontChainResult = Result<FontChain, FontChainError>;

/** Fonts are large (a CJK collection is ~20 MB): open each face once per process. */
const faceCache = new Map<string, FontkitFont>();

/** Forgets opened faces (the benchmark's cold start; a font file replaced on disk by maintenance). */
export function clearFontCache(): void {
  faceCache.clear();
}

type OpenResult = Result<FontkitFont, UnavailableFont['reason']>;

function openFace(file: FontFile): OpenResult {
  const key = `${file.path}#${file.postscriptName ?? ''}`;
  const cached = faceCache.get(key);
  if (cached) return ok(cached);
  if (!existsSync(file.path)) return err('file-missing');
  let opened: ReturnType<typeof fontkit.openSync>;
  try {
    opened = fontkit.openSync(file.path, file.postscriptName);
  } catch {
    return err('unreadable');
  }
  if (opened == null) return err('face-not-in-collection');
  // A collection without a postscriptName: take its first face rather than failing.
  const font = 'fonts' in opened ? opened.fonts[0] : opened;
  if (font === undefined) return err('face-not-in-collection');
  withFlatCffSubsets(font);
  withoutCcmp(font);
  faceCache.set(key, font);
  return ok(font);
}

export function loadFontChain(config: FontConfig, script: ChineseScript): FontChainResult {
  const parsed = FontConfigSchema.safeParse(config);
  if (!parsed.success) return err({ code: 'invalid-font-config', detail: parsed.error.message });
  const faces: LoadedFace[] = [];
  const unavailable: UnavailableFont[] = [];
  for (const face of parsed.data[script]) {
    const regular = openFace(face.regular);
    const bold = openFace(face.bold);
    if (!regular.ok) unavailable.push({ face: face.name, path: face.regular.path, reason: regular.error });
    if (!bold.ok) unavailable.push({ face: face.name, path: face.bold.path, reason: bold.error });
    if (regular.ok && bold.ok) faces.push({ name: face.name, regular: regular.value, bold: bold.value });
  }
  if (faces.length === 0) return err({ code: 'no-font-available', script, unavailable });
  return ok({ script, faces, unavailable });
}

/** Line breaks and tabs are layout, not glyphs. */
function needsGlyph(codePoint: number): boolean {
  return codePoint !== 0x0a && codePoint !== 0x0d && codePoint !== 0x09;
}

/** Index of the first face whose `weight` has a glyph for the code point, or -1. */
export function faceIndexFor(chain: FontChain, codePoint: number, weight: FontWeight): number {
  return chain.faces.findIndex((face) => face[weight].hasGlyphForCodePoint(codePoint));
}

/** Every code point of the texts that no face of the chain can draw, unique and ascending. */
export function findMissingCodePoints(
  chain: FontChain,
  texts: readonly { text: string; weight: FontWeight }[],
): number[] {
  const missing = new Set<number>();
  for (const { text, weight } of texts) {
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      if (needsGlyph(codePoint) && faceIndexFor(chain, codePoint, weight) < 0) missing.add(codePoint);
    }
  }
  return [...missing].sort((a, b) => a - b);
}

export interface TextRun {
  face: FontkitFont;
  text: string;
}

/**
 * Cuts a string into runs of one face each. Every character goes to the first face that has it, so a name
 * keeps the primary face's look and only the characters it lacks come from a fallback; spaces stay with the
 * run they are in. Callers check coverage first; an uncovered character here is a bug.
 */
export function splitIntoRuns(chain: FontChain, text: string, weight: FontWeight): TextRun[] {
  const runs: TextRun[] = [];
  let current: { index: number; text: string } | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const neutral = !needsGlyph(codePoint) || codePoint === 0x20;
    const index = neutral && current ? current.index : faceIndexFor(chain, codePoint, weight);
    if (current && index === current.index) {
      current.text += char;
      continue;
    }
    if (index < 0) throw new Error(`${formatCodePoint(codePoint)} reached layout without a glyph`);
    if (current) runs.push({ face: faceAt(chain, current.index, weight), text: current.text });
    current = { index, text: char };
  }
  if (current) runs.push({ face: faceAt(chain, current.index, weight), text: current.text });
  return runs;
}

function faceAt(chain: FontChain, index: number, weight: FontWeight): FontkitFont {
  const face = chain.faces[index];
  if (!face) throw new Error(`font chain has no face ${index}`);
  return face[weight];
}

/** `U+282E2` style, as staff and logs show code points (never the character of a name itself). */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
