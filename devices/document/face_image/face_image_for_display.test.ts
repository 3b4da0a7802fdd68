import { decode as decodePng } from 'fast-png';
import { afterAll, describe, expect, it } from 'vitest';
import {
  expectedPixels,
  FACE_IMAGE_FIXTURES,
  readFaceImageFixture,
} from '../../../test/documents/face_image_fixtures.js';
import type { FaceImage } from '../icao9303/dg2.js';
import { minimalJpeg } from '../icao9303/simulator/minimal_jpeg.js';
import { FaceImageDecoder, resolveDecoderPaths, sharedFaceImageDecoder } from './face_image_decoder.js';
import { detectFaceImageContainer, faceImageForDisplay } from './face_image_for_display.js';
import type { FaceImageResult } from './face_image_result.js';
import { encodeJ2k, wrapInJp2 } from './openjpeg_test_encoder.js';

const face = (bytes: Uint8Array, format: FaceImage['format'] = 'jpeg'): FaceImage => ({
  format,
  bytes,
  width: 0,
  height: 0,
});
const errorCode = (result: FaceImageResult): string | undefined =>
  result.ok ? undefined : result.error.code;

afterAll(() => sharedFaceImageDecoder().close());

describe('faceImageForDisplay: JPEG', () => {
  it('passes the chip JPEG through unchanged, with the decoded size', async () => {
    const jpeg = minimalJpeg(20_000);
    const result = await faceImageForDisplay(face(jpeg));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toMatchObject({ mimeType: 'image/jpeg', width: 240, height: 320 });
    expect(Buffer.from(result.value.bytes).equals(Buffer.from(jpeg))).toBe(true);
    // A copy: the session can wipe the chip's buffer without blanking the screen, and vice versa.
    expect(result.value.bytes.buffer).not.toBe(jpeg.buffer);
  });

  it('accepts a greyscale (one-component) baseline JPEG', async () => {
    const result = await faceImageForDisplay(face(greyJpeg8x8()));
    expect(result.ok && [result.value.mimeType, result.value.width, result.value.height]).toEqual([
      'image/jpeg',
      8,
      8,
    ]);
  });

  it('refuses a corrupt JPEG: valid headers, garbage entropy-coded data', async () => {
    const jpeg = minimalJpeg(0).slice();
    const sos = jpeg.findIndex((byte, index) => byte === 0xff && jpeg[index + 1] === 0xda);
    const scanStart = sos + 2 + ((jpeg[sos + 2]! << 8) | jpeg[sos + 3]!);
    // FF followed by a non-RST, non-zero byte inside the scan is a marker where none may be.
    jpeg.set([0xff, 0xc4, 0xff, 0xc4], scanStart + 10);
    expect(errorCode(await faceImageForDisplay(face(jpeg)))).toBe('corrupt');
  });

  it('refuses a JPEG truncated mid-scan and one truncated in its headers', async () => {
    const jpeg = minimalJpeg(0);
    expect(errorCode(await faceImageForDisplay(face(jpeg.subarray(0, jpeg.length - 200))))).toBe('corrupt');
    expect(errorCode(await faceImageForDisplay(face(jpeg.subarray(0, 40))))).toBe('corrupt');
    // Cut mid-scan but given a new EOI: the end-marker check passes, the full decode does not.
    const resealed = Uint8Array.from([...jpeg.subarray(0, jpeg.length - 200), 0xff, 0xd9]);
    const result = await faceImageForDisplay(face(resealed));
    expect(result).toEqual({
      ok: false,
      error: { code: 'corrupt', detail: expect.stringContaining('JPEG decode failed') },
    });
  });

  it('refuses a JPEG whose frame exceeds the limits before decoding it, and one over the byte limit', async () => {
    const jpeg = minimalJpeg(0).slice();
    const sof = jpeg.findIndex((byte, index) => byte === 0xff && jpeg[index + 1] === 0xc0);
    jpeg.set([0x0f, 0xa0, 0x0b, 0xb8], sof + 5); // 4000 high, 3000 wide
    const tooBig = await faceImageForDisplay(face(jpeg));
    expect(tooBig).toEqual({
      ok: false,
      error: { code: 'too-large', detail: expect.stringContaining('3000×4000') },
    });
    expect(errorCode(await faceImageForDisplay(face(minimalJpeg(1_100_000))))).toBe('too-large');
    expect(errorCode(await faceImageForDisplay(face(minimalJpeg(20_000)), { maxWidth: 200 }))).toBe(
      'too-large',
    );
  });

  it('refuses a lossless (SOF3) JPEG, which Chromium cannot show, as unsupported', async () => {
    const jpeg = minimalJpeg(0).slice();
    const sof = jpeg.findIndex((byte, index) => byte === 0xff && jpeg[index + 1] === 0xc0);
    jpeg[sof + 1] = 0xc3;
    expect(errorCode(await faceImageForDisplay(face(jpeg)))).toBe('unsupported-format');
  });
});

describe('faceImageForDisplay: format detection', () => {
  it('goes by the magic bytes, not the declared format', async () => {
    const j2k = readFaceImageFixture('portrait_grey_96x128.j2k');
    const declaredJpeg = await faceImageForDisplay(face(j2k, 'jpeg'));
    expect(declaredJpeg.ok && declaredJpeg.value.mimeType).toBe('image/png');
    const declaredJpeg2000 = await faceImageForDisplay(face(minimalJpeg(0), 'jpeg2000'));
    expect(declaredJpeg2000.ok && declaredJpeg2000.value.mimeType).toBe('image/jpeg');
  });

  it('names the container of each magic and refuses anything else as unsupported', async () => {
    expect(detectFaceImageContainer(minimalJpeg(0))).toBe('jpeg');
    expect(detectFaceImageContainer(readFaceImageFixture('portrait_rgb_96x128.jp2'))).toBe('jp2');
    expect(detectFaceImageContainer(readFaceImageFixture('portrait_rgb_96x128.j2k'))).toBe('j2k');
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0);
    expect(errorCode(await faceImageForDisplay(face(png)))).toBe('unsupported-format');
    expect(errorCode(await faceImageForDisplay(face(new Uint8Array(0))))).toBe('unsupported-format');
  });
});

describe('faceImageForDisplay: JPEG 2000', () => {
  for (const fixture of FACE_IMAGE_FIXTURES) {
    it(`decodes ${fixture.file} to a PNG with exactly the encoded pixels`, async () => {
      const result = await faceImageForDisplay(face(readFaceImageFixture(fixture.file), 'jpeg2000'));
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const { width, height, componentCount } = fixture.image;
      expect(result.value).toMatchObject({ mimeType: 'image/png', width, height });
      const png = decodePng(result.value.bytes);
      expect([png.width, png.height, png.channels, png.depth]).toEqual([width, height, componentCount, 8]);
      expect(Buffer.from(png.data as Uint8Array).equals(Buffer.from(expectedPixels(fixture.image)))).toBe(
        true,
      );
    });
  }

  it('round-trips an arbitrary pixel pattern through the encoder, as J2K and JP2, losslessly', async () => {
    const image = { width: 37, height: 29, componentCount: 3, bitsPerSample: 8 } as const;
    const samples = Uint8Array.from(
      { length: 37 * 29 * 3 },
      (_, index) => (index * 97 + (index >> 5)) & 0xff,
    );
    const codestream = await encodeJ2k({ ...image, samples });
    for (const bytes of [codestream, wrapInJp2(codestream, image)]) {
      const result = await faceImageForDisplay(face(bytes, 'jpeg2000'));
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(Buffer.from(decodePng(result.value.bytes).data as Uint8Array).equals(Buffer.from(samples))).toBe(
        true,
      );
    }
  });

  it('refuses an oversized JPEG 2000 from its SIZ header, without decoding', async () => {
    const image = { width: 64, height: 48, componentCount: 1, bitsPerSample: 8 } as const;
    const codestream = await encodeJ2k({ ...image, samples: new Uint8Array(64 * 48).fill(99) });
    const result = await faceImageForDisplay(face(codestream), { maxWidth: 50 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'too-large', detail: '64×48 exceeds the face image limits' },
    });
  });

  it('reports a codestream cut short or damaged as corrupt', async () => {
    const rgb = readFaceImageFixture('portrait_rgb_96x128.j2k');
    expect(errorCode(await faceImageForDisplay(face(rgb.subarray(0, 60))))).toBe('corrupt');
    const jp2 = readFaceImageFixture('portrait_rgb_96x128.jp2');
    expect(errorCode(await faceImageForDisplay(face(jp2.subarray(0, jp2.length - 500))))).toBe('corrupt');
    const damaged = rgb.slice();
    damaged.fill(0xff, 200, 400);
    const result = await faceImageForDisplay(face(damaged));
    // OpenJPEG either rejects the packets or decodes them to different pixels; it must not throw or pass them.
    if (result.ok) expect(result.value.mimeType).toBe('image/png');
    else expect(result.error.code).toBe('corrupt');
  });

  it('scales 16-bit samples down to 8 bits', async () => {
    const image = { width: 16, height: 16, componentCount: 1, bitsPerSample: 16 } as const;
    const samples = new Uint8Array(16 * 16 * 2);
    for (let index = 0; index < 256; index += 1) samples.set([0, index], 2 * index); // value = index << 8
    const result = await faceImageForDisplay(face(await encodeJ2k({ ...image, samples })));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const pixels = decodePng(result.value.bytes).data as Uint8Array;
    expect(pixels[0]).toBe(0);
    expect(pixels[255]).toBe(Math.round((255 * 256 * 255) / 65535));
    expect([...pixels].every((value, index) => Math.abs(value - index) <= 1)).toBe(true);
  });

  it('abandons a decode that outlives its deadline, and the next decode gets a fresh worker', async () => {
    const decoder = new FaceImageDecoder();
    const bytes = readFaceImageFixture('portrait_grey_96x128.j2k');
    // A zero deadline expires before the worker can answer: the same path a codestream that spins would take.
    const abandoned = await faceImageForDisplay(face(bytes), { decodeTimeoutMs: 0 }, { decoder });
    expect(abandoned).toEqual({
      ok: false,
      error: { code: 'corrupt', detail: expect.stringContaining('abandoned') },
    });
    const again = await faceImageForDisplay(face(bytes), {}, { decoder });
    expect(again.ok && again.value.width).toBe(96);
    await decoder.close();
  });

  it('gives decoder-unavailable when OpenJPEG cannot be loaded, and still decodes JPEG', async () => {
    const paths = resolveDecoderPaths();
    const decoder = new FaceImageDecoder(() => ({
      ...paths,
      openJpegModulePath: `${paths.openJpegModulePath}.missing`,
    }));
    const result = await faceImageForDisplay(
      face(readFaceImageFixture('portrait_grey_96x128.j2k')),
      {},
      { decoder },
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'decoder-unavailable', detail: expect.stringContaining('Cannot find module') },
    });
    // The JPEG decoder in the same worker is unaffected.
    const jpeg = await faceImageForDisplay(face(minimalJpeg(0)), {}, { decoder });
    expect(jpeg.ok).toBe(true);
    await decoder.close();
  });
});

/** A one-component 8×8 mid-grey baseline JPEG, built marker by marker (jpeg-js only encodes colour). */
function greyJpeg8x8(): Uint8Array {
  const segment = (marker: number, body: readonly number[]): number[] => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  // One Huffman table with a single 1-bit code for symbol 0 (DC difference 0, or end of block).
  const oneCode = (tableClass: number): number[] => [tableClass, 1, ...new Array<number>(15).fill(0), 0x00];
  return Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]),
    ...segment(0xc4, oneCode(0x00)),
    ...segment(0xc4, oneCode(0x10)),
    ...segment(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
    0x3f, // bits "0" (DC diff 0) and "0" (EOB), padded with ones
    0xff,
    0xd9,
  ]);
}
