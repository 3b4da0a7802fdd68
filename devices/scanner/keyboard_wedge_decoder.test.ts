import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyboardWedgeDecoder } from './keyboard_wedge_decoder.js';
import { KeyboardWedgeScannerSimulator } from './simulator/keyboard_wedge_scanner_simulator.js';

const hex = (s: string) =>
  Uint8Array.from(
    s
      .replace(/\s+/g, '')
      .match(/../g)!
      .map((b) => Number.parseInt(b, 16)),
  );
const plain = { interKeyGapMs: 250, aimPrefix: false, maxCodeChars: 4096 };

describe('keyboard-wedge boot reports', () => {
  it('decodes "Ab1" + Enter from 8-byte press/release reports (Shift = 0x02)', () => {
    const decoder = new KeyboardWedgeDecoder(plain);
    const reports = [
      '02 00 04 00 00 00 00 00', // Shift + a → 'A'
      '00 00 00 00 00 00 00 00',
      '00 00 05 00 00 00 00 00', // b
      '00 00 00 00 00 00 00 00',
      '00 00 1E 00 00 00 00 00', // 1
      '00 00 00 00 00 00 00 00',
      '00 00 28 00 00 00 00 00', // Enter
      '00 00 00 00 00 00 00 00',
    ].map(hex);
    const events = reports.flatMap((r, i) => decoder.push(r, i));
    expect(events).toEqual([
      { ok: true, value: { symbology: 'unknown', text: 'Ab1', bytes: hex('416231') } },
    ]);
  });

  it('reads the AIM prefix ]C0 typed as keys (Shift+] is }, so ] is unshifted 0x30)', () => {
    const decoder = new KeyboardWedgeDecoder({ ...plain, aimPrefix: true });
    const reports = [
      '00 00 30 00 00 00 00 00', // ]
      '00 00 00 00 00 00 00 00',
      '02 00 06 00 00 00 00 00', // C
      '00 00 00 00 00 00 00 00',
      '00 00 27 00 00 00 00 00', // 0
      '00 00 00 00 00 00 00 00',
      '00 00 1F 00 00 00 00 00', // 2
      '00 00 00 00 00 00 00 00',
      '00 00 58 00 00 00 00 00', // keypad Enter
    ].map(hex);
    const events = reports.flatMap((r, i) => decoder.push(r, i));
    expect(events).toEqual([{ ok: true, value: { symbology: 'code128', text: '2', bytes: hex('32') } }]);
  });

  it('counts a held key once (repeat/rollover) but "aa" with a release in between twice', () => {
    const decoder = new KeyboardWedgeDecoder(plain);
    const reports = [
      '00 00 04 00 00 00 00 00', // a down
      '00 00 04 00 00 00 00 00', // a still down (repeat report)
      '00 00 04 05 00 00 00 00', // b down while a held (rollover)
      '00 00 05 00 00 00 00 00', // a up
      '00 00 00 00 00 00 00 00',
      '00 00 04 00 00 00 00 00', // a again
      '00 00 00 00 00 00 00 00',
      '00 00 28 00 00 00 00 00',
    ].map(hex);
    expect(reports.flatMap((r, i) => decoder.push(r, i))).toEqual([
      { ok: true, value: { symbology: 'unknown', text: 'aba', bytes: hex('616261') } },
    ]);
  });

  it('skips ErrorRollOver reports (01 01 01 01 01 01) without losing or doubling keys', () => {
    const decoder = new KeyboardWedgeDecoder(plain);
    const reports = [
      '00 00 04 00 00 00 00 00',
      '00 00 01 01 01 01 01 01',
      '00 00 04 00 00 00 00 00',
      '00 00 00 00 00 00 00 00',
      '00 00 28 00 00 00 00 00',
    ].map(hex);
    expect(reports.flatMap((r, i) => decoder.push(r, i))).toEqual([
      { ok: true, value: { symbology: 'unknown', text: 'a', bytes: hex('61') } },
    ]);
  });

  it('follows Caps Lock for letters only (scanners set to "Caps Lock on" typing)', () => {
    const decoder = new KeyboardWedgeDecoder(plain);
    const reports = [
      '00 00 39 00 00 00 00 00', // Caps Lock
      '00 00 00 00 00 00 00 00',
      '00 00 04 00 00 00 00 00', // a → 'A'
      '00 00 00 00 00 00 00 00',
      '02 00 05 00 00 00 00 00', // Shift + b → 'b'
      '00 00 00 00 00 00 00 00',
      '00 00 1E 00 00 00 00 00', // 1 stays '1'
      '00 00 28 00 00 00 00 00',
    ].map(hex);
    expect(reports.flatMap((r, i) => decoder.push(r, i))).toEqual([
      { ok: true, value: { symbology: 'unknown', text: 'Ab1', bytes: hex('416231') } },
    ]);
  });

  it('accepts 9-byte reports with the report ID first (hidapi convention)', () => {
    const decoder = new KeyboardWedgeDecoder(plain);
    const reports = ['00 00 00 07 00 00 00 00 00', '00 00 00 28 00 00 00 00 00'].map(hex);
    expect(reports.flatMap((r, i) => decoder.push(r, i))).toEqual([
      { ok: true, value: { symbology: 'unknown', text: 'd', bytes: hex('64') } },
    ]);
  });

  it('turns a code with an F1 key into one unmapped-key error at Enter, then decodes the next code', () => {
    const decoder = new KeyboardWedgeDecoder(plain);
    const reports = [
      '00 00 04 00 00 00 00 00',
      '00 00 3A 00 00 00 00 00', // F1
      '00 00 05 00 00 00 00 00',
      '00 00 28 00 00 00 00 00',
      '00 00 00 00 00 00 00 00',
      '00 00 06 00 00 00 00 00',
      '00 00 28 00 00 00 00 00',
    ].map(hex);
    const events = reports.flatMap((r, i) => decoder.push(r, i));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ ok: false, error: { code: 'unmapped-key' } });
    expect(events[1]).toEqual({ ok: true, value: { symbology: 'unknown', text: 'c', bytes: hex('63') } });
  });

  it('times out a code that never got its Enter as truncated', () => {
    const decoder = new KeyboardWedgeDecoder(plain);
    decoder.push(hex('00 00 04 00 00 00 00 00'), 0);
    expect(decoder.tick(100)).toEqual([]);
    expect(decoder.tick(300)).toEqual([
      { ok: false, error: { code: 'truncated', detail: 'no Enter after the last key' } },
    ]);
    expect(decoder.pending).toBe(false);
  });

  it('never throws on arbitrary reports and ends idle after a tick', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.uint8Array({ minLength: 8, maxLength: 9 }), fc.uint8Array({ maxLength: 12 })), {
          maxLength: 60,
        }),
        fc.boolean(),
        (reports, aimPrefix) => {
          const decoder = new KeyboardWedgeDecoder({ ...plain, aimPrefix });
          const events = reports.flatMap((r, i) => decoder.push(r, i));
          events.push(...decoder.tick(1_000_000));
          expect(decoder.pending).toBe(false);
          for (const event of events) if (event.ok) expect(event.value.text.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('decodes exactly what the simulator types, for any printable ASCII and both keying styles', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
          minLength: 1,
        }),
        fc.constantFrom('press-release' as const, 'rollover' as const),
        (text, keying) => {
          const simulator = new KeyboardWedgeScannerSimulator(undefined, { aimPrefix: true, keying });
          const built = simulator.reportsFor(text, 'qr');
          expect(built.ok).toBe(true);
          if (!built.ok) return;
          const decoder = new KeyboardWedgeDecoder({ ...plain, aimPrefix: true });
          const events = built.value.flatMap((r, i) => decoder.push(r, i));
          expect(events).toEqual([
            { ok: true, value: { symbology: 'qr', text, bytes: new TextEncoder().encode(text) } },
          ]);
        },
      ),
    );
  });
});
