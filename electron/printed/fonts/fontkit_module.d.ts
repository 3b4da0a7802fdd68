/**
 * The slice of fontkit (pdfkit's own font engine, shipped as its dependency) that the document renderer uses.
 * fontkit publishes no type declarations; these describe only what we call.
 */
declare module 'fontkit' {
  export interface FontkitPathCommand {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    args: number[];
  }
  export interface FontkitGlyph {
    id: number;
    advanceWidth: number;
    path: { commands: FontkitPathCommand[] };
  }
  export interface FontkitSubset {
    includeGlyph(glyph: number | FontkitGlyph): number;
    encode(): Uint8Array;
  }
  export interface FontkitFont {
    type: string;
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): FontkitGlyph;
    getGlyph(glyphId: number): FontkitGlyph;
    createSubset(): FontkitSubset;
    layout(text: string, features?: unknown): unknown;
  }
  export interface FontkitCollection {
    type: 'TTC' | 'DFont';
    fonts: FontkitFont[];
  }
  export function openSync(path: string, postscriptName?: string): FontkitFont | FontkitCollection | null;
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont | FontkitCollection | null;
}
