import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  citizenPresenterStatusLayout,
  decodeStatusByte,
  interpretStatus,
  type StatusSnapshot,
  splitReplies,
} from './realtime_status.js';

const healthy: StatusSnapshot = { printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paperSensor: 0x12 };

describe('DLE EOT replies', () => {
  it('accepts one byte with the fixed bits (0x12 baseline) and rejects the rest', () => {
    expect(decodeStatusByte(Uint8Array.of(0x12))).toEqual({ ok: true, value: 0x12 });
    expect(decodeStatusByte(Uint8Array.of(0x72))).toEqual({ ok: true, value: 0x72 });
    expect(decodeStatusByte(new Uint8Array(0))).toEqual({ ok: false, error: { code: 'empty-reply' } });
    expect(decodeStatusByte(Uint8Array.of(0x13))).toEqual({
      ok: false,
      error: { code: 'not-a-status-byte', byte: 0x13 },
    });
    expect(decodeStatusByte(Uint8Array.of(0x12, 0x12))).toEqual({
      ok: false,
      error: { code: 'extra-bytes', length: 2 },
    });
  });

  it('interprets python-escpos masks: NOPAPER 0x72, LOWPAPER 0x1E, OFFLINE 0x1A', () => {
    expect(interpretStatus(healthy)).toEqual({
      offline: false,
      coverOpen: false,
      paperOut: false,
      paperLow: false,
      errorCode: undefined,
    });
    expect(interpretStatus({ ...healthy, paperSensor: 0x72 })).toMatchObject({
      paperOut: true,
      paperLow: false,
    });
    expect(interpretStatus({ ...healthy, paperSensor: 0x1e })).toMatchObject({
      paperOut: false,
      paperLow: true,
    });
    expect(interpretStatus({ ...healthy, printer: 0x1a, offlineCause: 0x16 })).toMatchObject({
      offline: true,
      coverOpen: true,
    });
    expect(interpretStatus({ ...healthy, errorCause: 0x1a })).toMatchObject({ errorCode: 'cutter-error' });
    expect(interpretStatus({ ...healthy, errorCause: 0x32 })).toMatchObject({
      errorCode: 'unrecoverable-error',
    });
    expect(interpretStatus({ ...healthy, offlineCause: 0x32 })).toMatchObject({ paperOut: true });
  });

  it('per-model layout: on a Citizen presenter printer n=4 bit 6 is not paper end', () => {
    expect(interpretStatus({ ...healthy, paperSensor: 0x52 }).paperOut).toBe(true);
    expect(interpretStatus({ ...healthy, paperSensor: 0x52 }, citizenPresenterStatusLayout).paperOut).toBe(
      false,
    );
  });

  it('sorts bulk IN into DLE EOT status bytes, GS r replies and process-ID responses', () => {
    const sorted = splitReplies(Uint8Array.of(0x12, 0x37, 0x22, 0x30, 0x30, 0x30, 0x41, 0x00, 0x1e, 0xff));
    expect(sorted).toEqual({
      statusBytes: [0x12, 0x1e],
      transmitStatus: [],
      processIds: [{ id: '000A' }],
      junk: 1,
      pending: new Uint8Array(0),
    });
    // GS r replies have bit 4 clear: 0x03 near end, 0x0C paper end.
    expect(splitReplies(Uint8Array.of(0x03, 0x12, 0x0c)).transmitStatus).toEqual([0x03, 0x0c]);
    const split = splitReplies(Uint8Array.of(0x12, 0x37, 0x22, 0x30));
    expect(split.statusBytes).toEqual([0x12]);
    expect(Array.from(split.pending)).toEqual([0x37, 0x22, 0x30]);
  });

  it('never throws on arbitrary bytes and accounts for every byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(typeof decodeStatusByte(bytes).ok).toBe('boolean');
        const sorted = splitReplies(bytes);
        const counted =
          sorted.statusBytes.length + sorted.transmitStatus.length + 7 * sorted.processIds.length;
        expect(counted + sorted.junk + sorted.pending.length).toBe(bytes.length);
      }),
    );
  });

  it('interprets any snapshot of valid status bytes into one consistent state', () => {
    const statusByte = fc.integer({ min: 0, max: 255 }).map((b) => (b & ~0x93) | 0x12);
    fc.assert(
      fc.property(
        statusByte,
        statusByte,
        statusByte,
        statusByte,
        (printer, offlineCause, errorCause, paperSensor) => {
          const s = interpretStatus({ printer, offlineCause, errorCause, paperSensor });
          expect(s.paperOut && s.paperLow).toBe(false);
        },
      ),
    );
  });
});
