import fc from 'fast-check';
import { decode as decodePng } from 'fast-png';
import { decode as decodeJpeg } from 'jpeg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { readFaceImageFixture } from '../../../test/documents/face_image_fixtures.js';
import type { FaceImageFormat } from '../icao9303/dg2.js';
import { minimalJpeg } from '../icao9303/simulator/minimal_jpeg.js';
import { sharedFaceImageDecoder } from './face_image_decoder.js';
import { faceImageForDisplay } from './face_image_for_display.js';
import type { FaceImageResult } from './face_image_result.js';
import { J2K_START, JP2_SIGNATURE } from './jpeg2000_header.js';

afterAll(() => sharedFaceImageDecoder().close());

const CODES = ['unsupported-format', 'corrupt', 'too-large', 'decoder-unavailable'];

/** A typed error, or an image the renderer's own decoder will accept at the size we report. */
function expectDisplayableOrTypedError(result: FaceImageResult): void {
  if (!result.ok) {
    expect(CODES).toContain(result.error.code);
    expect(typeof result.error.detail).toBe('string');
    return;
  }
  const { mimeType, bytes, width, height } = result.value;
  expect(width).toBeGreaterThan(0);
  expect(height).toBeGreaterThan(0);
  const decoded = mimeType === 'image/png' ? decodePng(bytes) : decodeJpeg(bytes, { useTArray: true });
  expect([decoded.width, decoded.height]).toEqual([width, height]);
}

const format = fc.constantFrom<FaceImageFormat>('jpeg', 'jpeg2000');
const run = (bytes: Uint8Array, declared: FaceImageFormat) =>
  faceImageForDisplay({ format: declared, bytes, width: 0, height: 0 }, { decodeTimeoutMs: 3000 });

/** Flips bytes and cuts the tail of a valid image, so the decoders see mostly well-formed input. */
const mutated = (valid: Uint8Array) =>
  fc
    .record({
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      // Half the cases keep the whole file: a JP2 cut short fails its box check before reaching OpenJPEG.
      keep: fc.oneof(fc.constant(valid.length), fc.integer({ min: 1, max: valid.length })),
    })
    .map(({ flips, keep }) => {
      const bytes = valid.slice(0, keep);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      return bytes;
    });

describe('faceImageForDisplay never throws or hangs', () => {
  it('on arbitrary bytes declared as either format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), format, async (bytes, declared) => {
        expectDisplayableOrTypedError(await run(bytes, declared));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('on arbitrary bytes behind each magic (so they reach the JPEG, JP2 and J2K parsers)', async () => {
    const magic = fc.constantFrom([0xff, 0xd8, 0xff], [...JP2_SIGNATURE], [...J2K_START]);
    await fc.assert(
      fc.asyncProperty(magic, fc.uint8Array({ maxLength: 2048 }), format, async (prefix, tail, declared) => {
        expectDisplayableOrTypedError(await run(Uint8Array.from([...prefix, ...tail]), declared));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('on damaged and truncated JPEGs', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(minimalJpeg(0)), format, async (bytes, declared) => {
        expectDisplayableOrTypedError(await run(bytes, declared));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('on damaged and truncated JP2 files and J2K codestreams', async () => {
    const jp2 = readFaceImageFixture('portrait_rgb_96x128.jp2');
    const j2k = readFaceImageFixture('portrait_grey_96x128.j2k');
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(jp2), mutated(j2k)), format, async (bytes, declared) => {
        expectDisplayableOrTypedError(await run(bytes, declared));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
