import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFaceImageFixture } from '../../../test/documents/face_image_fixtures.js';
import { minimalJpeg } from '../icao9303/simulator/minimal_jpeg.js';
import { FaceImageDecoder, resolveDecoderPaths } from './face_image_decoder.js';
import { faceImageForDisplay } from './face_image_for_display.js';

/** A stand-in for jpeg-js whose decode misbehaves the way a decoder bug or a hostile image could make it. */
function misbehavingJpegModule(body: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'face-image-decoder-'));
  const path = join(directory, 'misbehaving_jpeg.cjs');
  writeFileSync(path, `module.exports = { decode() { ${body} } };`);
  return path;
}

const decoders: FaceImageDecoder[] = [];
function decoderWithJpegModule(jpegModulePath: string): FaceImageDecoder {
  const decoder = new FaceImageDecoder(() => ({ ...resolveDecoderPaths(), jpegModulePath }));
  decoders.push(decoder);
  return decoder;
}
afterAll(() => Promise.all(decoders.map((decoder) => decoder.close())));

const jpegFace = { format: 'jpeg', bytes: minimalJpeg(0), width: 0, height: 0 } as const;
const jp2Face = {
  format: 'jpeg2000',
  bytes: readFaceImageFixture('portrait_rgb_96x128.jp2'),
  width: 0,
  height: 0,
} as const;

describe('the decoder worker contains a misbehaving decoder', () => {
  it('a decode that never returns is stopped at the deadline, and the next decode runs in a fresh worker', async () => {
    const decoder = decoderWithJpegModule(misbehavingJpegModule('for (;;) {}'));
    const started = performance.now();
    const hung = await faceImageForDisplay(jpegFace, { decodeTimeoutMs: 300 }, { decoder });
    expect(hung).toEqual({
      ok: false,
      error: { code: 'corrupt', detail: 'JPEG decode abandoned: no result within 300 ms' },
    });
    // Well under the 5 s default deadline, even on a loaded test machine.
    expect(performance.now() - started).toBeLessThan(4000);
    // The spinning worker was terminated: OpenJPEG answers from a new one.
    const next = await faceImageForDisplay(jp2Face, {}, { decoder });
    expect(next.ok && next.value.mimeType).toBe('image/png');
  });

  it('a decoder that kills its thread is reported as a corrupt image, not as a crash of the caller', async () => {
    const decoder = decoderWithJpegModule(misbehavingJpegModule('process.exit(3);'));
    const crashed = await faceImageForDisplay(jpegFace, {}, { decoder });
    expect(crashed).toEqual({
      ok: false,
      error: { code: 'corrupt', detail: 'JPEG decoder crashed: decoder worker exited (3)' },
    });
    const next = await faceImageForDisplay(jp2Face, {}, { decoder });
    expect(next.ok).toBe(true);
  });

  it('a decoder that cannot be loaded gives decoder-unavailable', async () => {
    const decoder = decoderWithJpegModule(join(tmpdir(), 'no-such-jpeg-decoder.cjs'));
    const result = await faceImageForDisplay(jpegFace, {}, { decoder });
    expect(result).toEqual({
      ok: false,
      error: { code: 'decoder-unavailable', detail: expect.stringContaining('Cannot find module') },
    });
  });
});

describe('a wipe at the end of a session', () => {
  /** A jpeg-js stand-in that keeps the last image it was given, as a real decoder's buffers do until reused. */
  const retainingJpegModule = () =>
    misbehavingJpegModule(`
      const bytes = arguments[0];
      if (bytes.length === 1) throw new Error('retained ' + (globalThis.lastFace ? globalThis.lastFace.length : 0));
      globalThis.lastFace = bytes;
      return { width: 1, height: 1 };
    `);
  const limits = { maxResolutionInMP: 1, maxMemoryUsageInMB: 64 };
  const probe = Uint8Array.of(0);

  it('ends the worker that held the resident’s face, and the next one holds nothing of it', async () => {
    const decoder = decoderWithJpegModule(retainingJpegModule());
    expect(await decoder.decodeJpeg(new Uint8Array(20_000).fill(7), limits, 5000)).toMatchObject({
      ok: true,
    });
    // Without a wipe, the worker still has the face.
    expect(await decoder.decodeJpeg(probe, limits, 5000)).toEqual({
      ok: false,
      error: { code: 'decode-failed', detail: 'retained 20000' },
    });
    const before = decoder.workerThreadId;
    expect(before).toBeDefined();
    await decoder.wipe();
    expect(decoder.workerThreadId).not.toBe(before);
    expect(await decoder.decodeJpeg(probe, limits, 5000)).toEqual({
      ok: false,
      error: { code: 'decode-failed', detail: 'retained 0' },
    });
  });

  it('keeps a warm worker that was sent no face (an identification left before a document was placed)', async () => {
    const decoder = new FaceImageDecoder();
    decoders.push(decoder);
    expect((await faceImageForDisplay(jpegFace, {}, { decoder })).ok).toBe(true);
    const sawFace = decoder.workerThreadId;
    await decoder.wipe();
    const warm = decoder.workerThreadId;
    expect(warm).toBeDefined();
    expect(warm).not.toBe(sawFace);
    await decoder.wipe();
    await decoder.wipe();
    expect(decoder.workerThreadId).toBe(warm);
    // Once it has seen a face, the next wipe ends it.
    expect((await faceImageForDisplay(jpegFace, {}, { decoder })).ok).toBe(true);
    await decoder.wipe();
    expect(decoder.workerThreadId).not.toBe(warm);
  });

  it('abandons a decode still running for the resident who left, and keeps decoding for the next one', async () => {
    const decoder = decoderWithJpegModule(misbehavingJpegModule('for (;;) {}'));
    const running = decoder.decodeJpeg(Uint8Array.of(1, 2, 3), limits, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await decoder.wipe();
    expect(await running).toEqual({ ok: false, error: { code: 'crashed', detail: 'the session ended' } });
    const real = new FaceImageDecoder();
    decoders.push(real);
    await real.wipe();
    expect((await faceImageForDisplay(jp2Face, {}, { decoder: real })).ok).toBe(true);
  });
});
