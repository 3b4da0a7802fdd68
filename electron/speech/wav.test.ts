import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationMs, encodeWav, gainOf, parseWav, withGain } from './wav.js';

const audio = fc.record({
  sampleRate: fc.constantFrom(8000, 16000, 22050, 44100, 48000),
  channels: fc.constantFrom(1, 2),
  samples: fc
    .array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 400 })
    .map((a) => Int16Array.from(a)),
});

describe('16-bit PCM WAV', () => {
  it('round-trips any audio through encode and parse', () => {
    fc.assert(
      fc.property(audio, (pcm) => {
        expect(parseWav(encodeWav(pcm))).toEqual({ ok: true, value: pcm });
      }),
    );
  });

  it("reads espeak-ng's streaming header (sizes 0x7FFFFFFF) as the samples that are there", () => {
    const wav = encodeWav({ sampleRate: 22050, channels: 1, samples: Int16Array.from([1, -2, 3]) });
    const view = new DataView(wav.buffer);
    view.setUint32(4, 0x7fffffff, true);
    view.setUint32(40, 0x7fffffff, true);
    expect(parseWav(wav)).toEqual({
      ok: true,
      value: { sampleRate: 22050, channels: 1, samples: Int16Array.from([1, -2, 3]) },
    });
  });

  it('refuses what it cannot play as values, never throwing on any bytes', () => {
    expect(parseWav(new TextEncoder().encode('not audio at all'))).toMatchObject({
      error: { code: 'not-wav' },
    });
    const eightBit = encodeWav({ sampleRate: 8000, channels: 1, samples: new Int16Array(4) });
    new DataView(eightBit.buffer).setUint16(34, 8, true);
    expect(parseWav(eightBit)).toMatchObject({ error: { code: 'unsupported-format' } });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void parseWav(bytes)));
  });

  it('measures duration from the samples', () => {
    expect(durationMs({ sampleRate: 22050, channels: 1, samples: new Int16Array(22050) })).toBe(1000);
    expect(durationMs({ sampleRate: 8000, channels: 2, samples: new Int16Array(8000) })).toBe(500);
  });

  it('turns each volume step into 3 dB, full volume unchanged, and never wraps a loud sample', () => {
    expect(gainOf(10)).toBe(1);
    expect(20 * Math.log10(gainOf(9))).toBeCloseTo(-3);
    expect(20 * Math.log10(gainOf(1))).toBeCloseTo(-27);
    const loud = { sampleRate: 8000, channels: 1, samples: Int16Array.from([32767, -32768, 1000]) };
    expect([...withGain(loud, 2).samples]).toEqual([32767, -32768, 2000]);
    expect(
      [...withGain(loud, gainOf(4)).samples].map(Math.abs).every((v, i) => v < Math.abs(loud.samples[i]!)),
    ).toBe(true);
  });
});
