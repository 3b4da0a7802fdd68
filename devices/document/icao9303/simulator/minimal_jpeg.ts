/**
 * The simulated chip's face: a real baseline JPEG (encoded with jpeg-js) of a passport-style placeholder — a
 * plain light background with a grey head-and-shoulders silhouette drawn from ellipses — so every decoder, the
 * kiosk's display path included, accepts it. `minimalJpeg(targetSize)` picks the largest portrait (240×320 down
 * to 24×32) whose encoding fits and pads it to exactly `targetSize` bytes with COM segments, because a 9303 face
 * is typically 15–20 KB and the read path (chaining, extended-length reads) is exercised by that size.
 */
import { encode as encodeJpeg } from 'jpeg-js';
import { concatBytes } from '../../../../lib/bytes.js';

/** Sizes tried, largest first; all 3:4 like an ICAO portrait. */
export const PORTRAIT_SIZES = [
  [240, 320],
  [120, 160],
  [48, 64],
  [24, 32],
] as const;
const QUALITY = 80;

interface Ellipse {
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
}

const inside = (e: Ellipse, x: number, y: number): boolean =>
  ((x - e.cx) / e.rx) ** 2 + ((y - e.cy) / e.ry) ** 2 <= 1;

/** RGBA pixels of the placeholder portrait; the geometry is relative, so every size shows the same picture. */
export function portraitPlaceholderRgba(width: number, height: number): Uint8Array {
  const head: Ellipse = { cx: 0.5 * width, cy: 0.4 * height, rx: 0.2 * width, ry: 0.19 * height };
  const neck: Ellipse = { cx: 0.5 * width, cy: 0.64 * height, rx: 0.085 * width, ry: 0.12 * height };
  const shoulders: Ellipse = { cx: 0.5 * width, cy: 1.02 * height, rx: 0.48 * width, ry: 0.3 * height };
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const px = x + 0.5;
      const py = y + 0.5;
      // Light blue-grey background (ICAO asks for a plain, light one); darker grey shoulders; mid-grey head.
      let colour: readonly [number, number, number] = [214, 222, 230];
      if (inside(shoulders, px, py)) colour = [88, 92, 100];
      else if (inside(neck, px, py)) colour = [150, 150, 152];
      if (inside(head, px, py)) colour = [160, 160, 162];
      const at = (y * width + x) * 4;
      rgba[at] = colour[0];
      rgba[at + 1] = colour[1];
      rgba[at + 2] = colour[2];
      rgba[at + 3] = 255;
    }
  }
  return rgba;
}

const encoded = new Map<string, Uint8Array>();
/** The encoded portrait of one size (memoised: chips are built per test and per card placement). */
export function portraitJpeg(width: number, height: number): Uint8Array {
  const key = `${width}x${height}`;
  let jpeg = encoded.get(key);
  if (jpeg === undefined) {
    jpeg = Uint8Array.from(
      encodeJpeg({ width, height, data: portraitPlaceholderRgba(width, height) }, QUALITY).data,
    );
    encoded.set(key, jpeg);
  }
  return jpeg;
}

function comSegment(bodyLength: number): Uint8Array {
  const length = bodyLength + 2;
  // Spaces: a comment must not hold 0xFF, or it could emulate a marker to a lax parser.
  return concatBytes(
    Uint8Array.of(0xff, 0xfe, length >> 8, length & 0xff),
    new Uint8Array(bodyLength).fill(0x20),
  );
}

const MAX_COM_BODY = 0xffff - 2;
const COM_OVERHEAD = 4;

/**
 * A placeholder portrait JPEG of exactly `targetSize` bytes when that is at least the smallest portrait's size
 * (about 600 bytes); otherwise the smallest portrait as it is.
 */
export function minimalJpeg(targetSize = 0): Uint8Array {
  const fitting = PORTRAIT_SIZES.map(([w, h]) => portraitJpeg(w, h)).find(
    (jpeg) => jpeg.length <= targetSize,
  );
  const smallest = PORTRAIT_SIZES[PORTRAIT_SIZES.length - 1]!;
  const base = fitting ?? portraitJpeg(smallest[0], smallest[1]);
  if (targetSize <= base.length) return base.slice();
  // Comment segments go right after SOI. Each takes 4..65537 bytes; a remainder of 1–3 bytes is folded into the
  // previous segment by making that one shorter, so the total is exact.
  const comments: Uint8Array[] = [];
  let missing = targetSize - base.length;
  while (missing > 0) {
    let body = Math.min(MAX_COM_BODY, missing - COM_OVERHEAD);
    const after = missing - (body + COM_OVERHEAD);
    if (after > 0 && after < COM_OVERHEAD) body -= COM_OVERHEAD;
    body = Math.max(0, body);
    comments.push(comSegment(body));
    missing -= body + COM_OVERHEAD;
  }
  return concatBytes(base.subarray(0, 2), ...comments, base.subarray(2));
}
