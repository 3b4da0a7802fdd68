/**
 * Turns off the OpenType `ccmp` feature when laying out text. In Noto Sans CJK, ccmp is a large set of chained
 * contextual lookups that fontkit evaluates for every word; it was ~85 % of layout time (2.6 ms → 0.3 ms for
 * five typical strings) and changes no glyph of anything we print, because the renderer normalises every
 * string to NFC first (so there are no base + combining sequences left to compose). A test compares glyphs
 * with and without it over every locale string and the rare-character samples.
 */
import type { FontkitFont } from 'fontkit';

const patched = new WeakSet<FontkitFont>();

export function withoutCcmp(font: FontkitFont): FontkitFont {
  if (patched.has(font)) return font;
  const layout = font.layout.bind(font);
  // fontkit writes its default features into the object it is given: pass a fresh one every call.
  font.layout = (text: string, features?: unknown) => layout(text, features ?? { ccmp: false });
  patched.add(font);
  return font;
}
