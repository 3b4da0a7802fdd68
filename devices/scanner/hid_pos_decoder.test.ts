import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aimIdOf } from './aim_symbology.js';
import { HidPosDecoder } from './hid_pos_decoder.js';
import { encodeHidPosReports } from './hid_pos_report.js';
import { symbologies } from './scan_event.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('HID POS reassembly', () => {
  it('emits one event for a code split across three reports', () => {
    const decoder = new HidPosDecoder();
    const text = 'X'.repeat(130);
    const reports = encodeHidPosReports(']L2', utf8(text));
    expect(reports).toHaveLength(3);
    const events = reports.flatMap((r, i) => decoder.push(r, i));
    expect(events).toEqual([{ ok: true, value: { symbology: 'pdf417', text, bytes: utf8(text) } }]);
  });

  it('strips the CR suffix scanners are often set to add, and keeps UTF-8 text', () => {
    const decoder = new HidPosDecoder();
    const [event] = encodeHidPosReports(']Q1', utf8('澳門\r')).flatMap((r) => decoder.push(r, 0));
    expect(event).toEqual({ ok: true, value: { symbology: 'qr', text: '澳門', bytes: utf8('澳門') } });
  });

  it('falls back to the Honeywell code ID when the AIM id is ]X0', () => {
    const decoder = new HidPosDecoder();
    const [event] = encodeHidPosReports(']X0', utf8('abc'), { codeId: 0x77 }).flatMap((r) =>
      decoder.push(r, 0),
    );
    expect(event?.ok && event.value.symbology).toBe('datamatrix');
  });

  it('accepts a scanner with the AIM id switched off (bytes 2..4 zero) and names the symbology by code ID', () => {
    const decoder = new HidPosDecoder();
    const reports = encodeHidPosReports('', utf8('4006381333931'), { codeId: 0x64 });
    expect([...reports[0]!.subarray(0, 6)]).toEqual([0x02, 13, 0, 0, 0, 0x34]);
    expect(reports.flatMap((r) => decoder.push(r, 0))).toEqual([
      { ok: true, value: { symbology: 'ean13', text: '4006381333931', bytes: utf8('4006381333931') } },
    ]);
  });

  it('reports a symbology change within a code as one garbled error and swallows the rest of it', () => {
    const decoder = new HidPosDecoder();
    const first = encodeHidPosReports(']Q1', utf8('A'.repeat(120)));
    const intruder = encodeHidPosReports(']C0', utf8('B'.repeat(120)));
    const events = [first[0]!, intruder[1]!, first[2]!].flatMap((r) => decoder.push(r, 0));
    expect(events).toEqual([
      { ok: false, error: { code: 'garbled', detail: 'symbology changed within a code' } },
    ]);
    // The next complete code comes through whole.
    expect(encodeHidPosReports(']C0', utf8('NEXT')).flatMap((r) => decoder.push(r, 1))).toEqual([
      { ok: true, value: { symbology: 'code128', text: 'NEXT', bytes: utf8('NEXT') } },
    ]);
  });

  it('ignores input reports with other IDs (trigger/status reports of HID POS devices)', () => {
    const decoder = new HidPosDecoder();
    const status = new Uint8Array(64);
    status[0] = 0x04;
    expect(decoder.push(status, 0)).toEqual([]);
  });

  it('maps every symbology the simulator sends back to itself', () => {
    for (const symbology of symbologies) {
      const decoder = new HidPosDecoder();
      const [event] = encodeHidPosReports(aimIdOf(symbology), utf8('1234')).flatMap((r) =>
        decoder.push(r, 0),
      );
      expect(event?.ok && event.value.symbology).toBe(symbology);
    }
  });

  it('never throws or hangs on arbitrary report sequences, and every event is well formed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.uint8Array({ minLength: 64, maxLength: 64 }).map((r) => {
              r[0] = 2;
              return r;
            }),
            fc.uint8Array({ maxLength: 70 }),
          ),
          { maxLength: 30 },
        ),
        (reports) => {
          const decoder = new HidPosDecoder();
          const events = reports.flatMap((r, i) => decoder.push(r, i));
          events.push(...decoder.tick(1_000_000));
          expect(decoder.pending).toBe(false);
          for (const event of events) {
            if (event.ok) expect(event.value.bytes.length).toBeGreaterThan(0);
            else expect(typeof event.error.code).toBe('string');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
