/** Poppler helpers for document tests: text extraction and grey-scale rendering (PGM) of a PDF's first page. */
import { spawnSync } from 'node:child_process';

export function pdfText(pdf: Uint8Array): string {
  const run = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr.toString()}`);
  return run.stdout.toString('utf8');
}

export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Renders page 1 with `pdftoppm -gray` and parses the binary PGM (P5, maxval 255) it writes. */
export function renderGrey(pdf: Uint8Array, dpi: number): GreyImage {
  const run = spawnSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-'], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr.toString()}`);
  return parsePgm(new Uint8Array(run.stdout));
}

export function parsePgm(bytes: Uint8Array): GreyImage {
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(header);
  if (!match) throw new Error('not a P5 PGM with maxval 255');
  const width = Number(match[1]);
  const height = Number(match[2]);
  const start = match[0].length;
  return { width, height, pixels: bytes.slice(start, start + width * height) };
}

export function encodePgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header, 0);
  out.set(image.pixels, header.length);
  return out;
}

export interface ImageDifference {
  sameSize: boolean;
  /** Share of pixels whose grey level differs by more than `threshold`. */
  differingRatio: number;
  differingPixels: number;
}

/** Pixel-by-pixel comparison; anti-aliasing noise below `threshold` grey levels is ignored. */
export function compareGrey(actual: GreyImage, expected: GreyImage, threshold = 64): ImageDifference {
  if (actual.width !== expected.width || Math.abs(actual.height - expected.height) > 2) {
    return { sameSize: false, differingRatio: 1, differingPixels: actual.width * actual.height };
  }
  const height = Math.min(actual.height, expected.height);
  let differing = Math.abs(actual.height - expected.height) * actual.width;
  for (let i = 0; i < actual.width * height; i++) {
    if (Math.abs((actual.pixels[i] ?? 255) - (expected.pixels[i] ?? 255)) > threshold) differing++;
  }
  return {
    sameSize: true,
    differingRatio: differing / (actual.width * actual.height),
    differingPixels: differing,
  };
}
