import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeRelayCommand,
  decodeRelayStatus,
  encodeRelayCommand,
  encodeRelayStatus,
} from './usb_relay_protocol.js';

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

describe('USBRelay feature reports', () => {
  it('encodes the command buffers libusbrelay sends (report number 0, command, channel, zero padding)', () => {
    expect(hex(encodeRelayCommand({ kind: 'on', channel: 1 }))).toBe('00 ff 01 00 00 00 00 00 00');
    expect(hex(encodeRelayCommand({ kind: 'off', channel: 2 }))).toBe('00 fd 02 00 00 00 00 00 00');
    expect(hex(encodeRelayCommand({ kind: 'all-on' }))).toBe('00 fe 00 00 00 00 00 00 00');
    expect(hex(encodeRelayCommand({ kind: 'all-off' }))).toBe('00 fc 00 00 00 00 00 00 00');
  });

  it('decodes a status report: serial in bytes 0..4, relay bits in byte 7', () => {
    // What a 2-channel board with serial "QWERT" and relay 2 on answers to GET_REPORT(Feature).
    const report = Uint8Array.of(0x51, 0x57, 0x45, 0x52, 0x54, 0x00, 0x00, 0x02);
    expect(decodeRelayStatus(report)).toEqual({
      ok: true,
      value: { serial: 'QWERT', relayMask: 0x02, sensorMask: 0 },
    });
    // The u1f35c firmware's blank-EEPROM serial.
    expect(decodeRelayStatus(Uint8Array.of(0x55, 0x4e, 0x53, 0x45, 0x54, 0, 0, 1))).toMatchObject({
      ok: true,
      value: { serial: 'UNSET', relayMask: 1 },
    });
    expect(decodeRelayStatus(Uint8Array.of(1, 2, 3))).toEqual({
      ok: false,
      error: { code: 'short-report', length: 3 },
    });
  });

  it('round-trips commands and statuses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.boolean(), (channel, on) => {
        const command = on ? ({ kind: 'on', channel } as const) : ({ kind: 'off', channel } as const);
        expect(decodeRelayCommand(encodeRelayCommand(command))).toEqual(command);
      }),
    );
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        (serial, relayMask, sensorMask) => {
          expect(decodeRelayStatus(encodeRelayStatus({ serial, relayMask, sensorMask }))).toEqual({
            ok: true,
            value: { serial, relayMask, sensorMask },
          });
        },
      ),
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 16 }), (bytes) => {
        const status = decodeRelayStatus(bytes);
        expect(typeof status.ok).toBe('boolean');
        const command = decodeRelayCommand(bytes);
        if (command !== undefined) expect(['on', 'off', 'all-on', 'all-off']).toContain(command.kind);
      }),
      { numRuns: 2000 },
    );
  });
});
