/**
 * Makes fontkit's CFF subsets small enough for kiosk documents.
 *
 * fontkit keeps every entry of a CFF font's subroutine indexes when it subsets (unused ones become a one-byte
 * `return`). Noto Sans CJK has tens of thousands of local subroutines, so a ticket with ten Chinese characters
 * embedded ~110 KB of empty subroutine index. We instead write each kept glyph's outline as a plain Type 2
 * charstring (no subroutine calls) and emit empty subroutine indexes: a few hundred bytes per CJK glyph, and a
 * typical ticket's font stream falls to a few tens of KB. Hints are dropped, which is invisible at 203–600 dpi.
 */
import type { FontkitFont, FontkitPathCommand, FontkitSubset } from 'fontkit';

/** The fields of fontkit's CFFSubset class that we override or read (it is plain JavaScript inside). */
interface CffSubsetInternals extends FontkitSubset {
  cff: unknown;
  font: FontkitFont;
  glyphs: number[];
  charstrings: Uint8Array[];
  gsubrs: Uint8Array[];
}
type CffSubsetClass = new (font: FontkitFont) => CffSubsetInternals;

const ENDCHAR = 14;
const RMOVETO = 21;
const RLINETO = 5;
const RRCURVETO = 8;

/** Type 2 charstring operand encoding (Adobe TN 5177 §3.2). */
function pushNumber(out: number[], value: number): void {
  if (Number.isInteger(value) && value >= -107 && value <= 107) {
    out.push(value + 139);
  } else if (Number.isInteger(value) && value >= 108 && value <= 1131) {
    const v = value - 108;
    out.push((v >> 8) + 247, v & 0xff);
  } else if (Number.isInteger(value) && value >= -1131 && value <= -108) {
    const v = -value - 108;
    out.push((v >> 8) + 251, v & 0xff);
  } else if (Number.isInteger(value) && value >= -32768 && value <= 32767) {
    out.push(28, (value >> 8) & 0xff, value & 0xff);
  } else {
    const fixed = Math.round(value * 65536) | 0;
    out.push(255, (fixed >>> 24) & 0xff, (fixed >>> 16) & 0xff, (fixed >>> 8) & 0xff, fixed & 0xff);
  }
}

/** Encodes an outline as a subroutine-free Type 2 charstring; the advance comes from the PDF's /W array. */
export function encodeFlatCharstring(commands: readonly FontkitPathCommand[]): Uint8Array {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  const rel = (ax: number, ay: number): void => {
    pushNumber(out, ax - x);
    pushNumber(out, ay - y);
    x = ax;
    y = ay;
  };
  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo':
        rel(args[0] ?? 0, args[1] ?? 0);
        out.push(RMOVETO);
        break;
      case 'lineTo':
        rel(args[0] ?? 0, args[1] ?? 0);
        out.push(RLINETO);
        break;
      case 'bezierCurveTo':
        rel(args[0] ?? 0, args[1] ?? 0);
        rel(args[2] ?? 0, args[3] ?? 0);
        rel(args[4] ?? 0, args[5] ?? 0);
        out.push(RRCURVETO);
        break;
      case 'quadraticCurveTo': {
        // Degree elevation: a quadratic (q) from the current point p0 to p is the cubic p0, p0+2/3(q-p0), p+2/3(q-p).
        const [qx = 0, qy = 0, px = 0, py = 0] = args;
        const c1x = x + (2 / 3) * (qx - x);
        const c1y = y + (2 / 3) * (qy - y);
        rel(c1x, c1y);
        rel(px + (2 / 3) * (qx - px), py + (2 / 3) * (qy - py));
        rel(px, py);
        out.push(RRCURVETO);
        break;
      }
      case 'closePath':
        // Type 2 closes every contour implicitly at the next moveto or endchar.
        break;
      default: {
        const unreachable: never = command;
        throw new Error(`unknown path command ${String(unreachable)}`);
      }
    }
  }
  out.push(ENDCHAR);
  return Uint8Array.from(out);
}

const patched = new WeakSet<FontkitFont>();
/** Outlines never change: encode each glyph once per process (they are glyph shapes, not anyone's data). */
const charstringCache = new WeakMap<FontkitFont, Map<number, Uint8Array>>();

function flatCharstring(font: FontkitFont, glyphId: number): Uint8Array {
  let cache = charstringCache.get(font);
  if (!cache) {
    cache = new Map();
    charstringCache.set(font, cache);
  }
  let charstring = cache.get(glyphId);
  if (!charstring) {
    charstring = encodeFlatCharstring(font.getGlyph(glyphId).path.commands);
    cache.set(glyphId, charstring);
  }
  return charstring;
}

/**
 * Replaces `font.createSubset` so that CFF fonts subset without subroutines. TrueType (glyf) fonts are left as
 * they are: fontkit already subsets those compactly.
 */
export function withFlatCffSubsets(font: FontkitFont): FontkitFont {
  if (patched.has(font)) return font;
  const probe = font.createSubset() as CffSubsetInternals;
  if (probe.cff == null) return font;
  const Base = probe.constructor as CffSubsetClass;
  class FlatCffSubset extends Base {
    subsetCharstrings(): void {
      this.charstrings = this.glyphs.map((gid) => flatCharstring(this.font, gid));
      this.gsubrs = [];
    }
    subsetSubrs(): Uint8Array[] {
      return [];
    }
  }
  font.createSubset = () => new FlatCffSubset(font);
  patched.add(font);
  return font;
}
