import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHidPosReport, encodeHidPosReports } from './hid_pos_report.js';

const hex = (s: string) =>
  Uint8Array.from(
    s
      .replace(/\s+/g, '')
      .match(/../g)!
      .map((b) => Number.parseInt(b, 16)),
  );

/** One 64-byte report: header bytes, data, then zero padding and the last three bytes. */
function report(header: string, data: string, tail: string): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set(hex(header), 0);
  bytes.set(new TextEncoder().encode(data), hex(header).length);
  bytes.set(hex(tail), 61);
  return bytes;
}

describe('HID POS 64-byte report', () => {
  it('decodes a Honeywell QR report: 02 len ]Q1 data … code-id 73, last', () => {
    const bytes = report('02 0B 5D 51 31', 'BOOKING-123', '73 00 00');
    const decoded = decodeHidPosReport(bytes);
    expect(decoded).toEqual({
      ok: true,
      value: {
        aim: { code: 'Q', modifier: '1' },
        aimText: ']Q1',
        data: new TextEncoder().encode('BOOKING-123'),
        codeId: 0x73,
        continued: false,
      },
    });
  });

  it('splits a 60-byte code like the boarding-pass example: 1st 02 38 5D 51 30 … 73 00 01, 2nd length 4', () => {
    const text = 'M1DOE/JOHN            EABC123 MFMLHRBA 0123 123Y012A0001 100';
    expect(text.length).toBe(60);
    const reports = encodeHidPosReports(']Q0', new TextEncoder().encode(text), { codeId: 0x73 });
    expect(reports).toHaveLength(2);
    expect([...reports[0]!.subarray(0, 5)]).toEqual([0x02, 0x38, 0x5d, 0x51, 0x30]);
    expect([...reports[0]!.subarray(61)]).toEqual([0x73, 0x00, 0x01]);
    expect(reports[1]![1]).toBe(4);
    expect(reports[1]![63]).toBe(0);
    expect(new TextDecoder().decode(reports[1]!.subarray(5, 9))).toBe(' 100');
  });

  it("tolerates the ']' one byte later (WebHidBarcodeScanner's offset case)", () => {
    const bytes = report('02 03 00 5D 43 30', 'ABC', '6A 00 00');
    const decoded = decodeHidPosReport(bytes);
    expect(decoded.ok && new TextDecoder().decode(decoded.value.data)).toBe('ABC');
    expect(decoded.ok && decoded.value.aimText).toBe(']C0');
  });

  it('gives typed errors for wrong size, foreign report id, missing AIM id and overlong length', () => {
    expect(decodeHidPosReport(new Uint8Array(63))).toMatchObject({
      ok: false,
      error: { code: 'malformed-report' },
    });
    expect(decodeHidPosReport(report('04 03 5D 51 31', 'ABC', '00 00 00'))).toMatchObject({
      ok: false,
      error: { code: 'unexpected-report-id' },
    });
    expect(decodeHidPosReport(report('02 03 41 42 43', 'ABC', '00 00 00'))).toMatchObject({
      ok: false,
      error: { code: 'missing-symbology-id' },
    });
    expect(decodeHidPosReport(report('02 39 5D 51 31', 'ABC', '00 00 00'))).toMatchObject({
      ok: false,
      error: { code: 'length-out-of-range' },
    });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const decoded = decodeHidPosReport(bytes);
        expect(typeof decoded.ok).toBe('boolean');
        if (!decoded.ok) expect(typeof decoded.error.code).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any bytes through encode → decode, fragment by fragment', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 400 }),
        fc.constantFrom(0 as const, 1 as const),
        (data, aimOffset) => {
          const reports = encodeHidPosReports(']d1', data, { aimOffset });
          const parts: number[] = [];
          reports.forEach((r, i) => {
            const decoded = decodeHidPosReport(r);
            expect(decoded.ok).toBe(true);
            if (!decoded.ok) return;
            expect(decoded.value.continued).toBe(i < reports.length - 1);
            parts.push(...decoded.value.data);
          });
          expect(Uint8Array.from(parts)).toEqual(data);
        },
      ),
    );
  });
});
