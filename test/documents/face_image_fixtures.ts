/**
 * JPEG 2000 face fixtures under test/fixtures/face_image/: the simulator's placeholder portrait encoded
 * losslessly by OpenJPEG, so a decode must give back exactly `expectedGreyOrRgb`. Regenerate with
 * `npx tsx test/documents/face_image_fixtures.ts --write` (the bytes are deterministic).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  encodeJ2k,
  fromRgba,
  type RawImage,
  wrapInJp2,
} from '../../devices/document/face_image/openjpeg_test_encoder.js';
import { portraitPlaceholderRgba } from '../../devices/document/icao9303/simulator/minimal_jpeg.js';

export interface FaceImageFixture {
  readonly file: string;
  readonly container: 'jp2' | 'j2k';
  readonly image: Omit<RawImage, 'samples'>;
}

export const FACE_IMAGE_FIXTURES: readonly FaceImageFixture[] = [
  { file: 'portrait_rgb_96x128.jp2', container: 'jp2', image: rgb(96, 128) },
  { file: 'portrait_grey_96x128.j2k', container: 'j2k', image: grey(96, 128, 8) },
  { file: 'portrait_grey_96x128.jp2', container: 'jp2', image: grey(96, 128, 8) },
  { file: 'portrait_rgb_96x128.j2k', container: 'j2k', image: rgb(96, 128) },
  { file: 'portrait_grey16_48x64.j2k', container: 'j2k', image: grey(48, 64, 16) },
];

function rgb(width: number, height: number): Omit<RawImage, 'samples'> {
  return { width, height, componentCount: 3, bitsPerSample: 8 };
}
function grey(width: number, height: number, bitsPerSample: 8 | 16): Omit<RawImage, 'samples'> {
  return { width, height, componentCount: 1, bitsPerSample };
}

/** The 8-bit pixels a display decode must produce (grey or RGB, as the fixture's components). */
export function expectedPixels(image: Omit<RawImage, 'samples'>): Uint8Array {
  return fromRgba(portraitPlaceholderRgba(image.width, image.height), image.componentCount);
}

/** The samples given to the encoder: 16-bit ones are v·257 (0xVVVV), which scale back to v exactly. */
export function sourceSamples(image: Omit<RawImage, 'samples'>): Uint8Array {
  const eight = expectedPixels(image);
  if (image.bitsPerSample === 8) return eight;
  const wide = new Uint8Array(eight.length * 2);
  for (const [index, value] of eight.entries()) wide.set([value, value], 2 * index);
  return wide;
}

export async function encodeFixture(fixture: FaceImageFixture): Promise<Uint8Array> {
  const codestream = await encodeJ2k({ ...fixture.image, samples: sourceSamples(fixture.image) });
  return fixture.container === 'jp2' ? wrapInJp2(codestream, fixture.image) : codestream;
}

const directory = new URL('../fixtures/face_image/', import.meta.url);
export const readFaceImageFixture = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(file, directory)));

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  for (const fixture of FACE_IMAGE_FIXTURES) {
    const bytes = await encodeFixture(fixture);
    writeFileSync(new URL(fixture.file, directory), bytes);
    console.log(`${fixture.file}: ${bytes.length} bytes`);
  }
}
