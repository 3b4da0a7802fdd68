import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeCcidClassDescriptor,
  findCcidClassDescriptor,
  parseCcidClassDescriptor,
  readCcidClassDescriptor,
  readerOptionsFromDescriptor,
} from './class_descriptor.js';
import { CcidReaderSimulator } from './simulator/ccid_reader_simulator.js';

const hex = (text: string) => Uint8Array.from(text.split(/\s+/).map((byte) => Number.parseInt(byte, 16)));

// A public single-slot T=1 firmware descriptor: auto config/activation/voltage/clock/baud/PPS, extended APDU level,
// dwMaxCCIDMessageLength 271.
const firmwareDescriptor =
  hex(`36 21 10 01 00 07 02 00 00 00 A0 0F 00 00 A0 0F 00 00 00 00 2A 00 00 00 2A 00 00 00
  FE 00 00 00 00 00 00 00 00 00 00 00 FE 00 04 00 0F 01 00 00 FF FF 00 00 00 01`);

describe('CCID class descriptor', () => {
  it('parses a real firmware descriptor', () => {
    const parsed = parseCcidClassDescriptor(firmwareDescriptor);
    expect(parsed.ok && parsed.value).toMatchObject({
      bcdCcid: 0x0110,
      maxSlotIndex: 0,
      voltageSupport: { v5: true, v3: true, v1_8: true },
      protocols: { t0: false, t1: true },
      defaultClockKhz: 4000,
      maxIfsd: 254,
      features: 0x000400fe,
      exchangeLevel: 'extended-apdu',
      maxMessageLength: 271,
      maxBusySlots: 1,
    });
    expect(parsed.ok && readerOptionsFromDescriptor(parsed.value)).toEqual({
      ok: true,
      value: { maxMessageLength: 271, extendedApdu: true },
    });
  });

  it('refuses TPDU-level readers, which need T=1 blocks from the host', () => {
    const tpdu = parseCcidClassDescriptor(
      encodeCcidClassDescriptor({ maxMessageLength: 271, features: 0x000100ba }),
    );
    expect(tpdu.ok && readerOptionsFromDescriptor(tpdu.value)).toEqual({
      ok: false,
      error: { code: 'exchange-level-unsupported', level: 'tpdu' },
    });
  });

  it('finds it inside a configuration descriptor and reads it from the simulated reader', async () => {
    const configuration = Uint8Array.from([
      ...hex('09 02 5D 00 01 01 00 80 32'),
      ...hex('09 04 00 00 03 0B 00 00 00'),
      ...firmwareDescriptor,
      ...hex('07 05 81 03 08 00 18'),
    ]);
    expect(findCcidClassDescriptor(configuration)).toMatchObject({
      ok: true,
      value: { maxMessageLength: 271 },
    });
    expect(findCcidClassDescriptor(hex('09 02 12 00 01 01 00 80 32'))).toEqual({
      ok: false,
      error: { code: 'not-found' },
    });
    const simulator = new CcidReaderSimulator({ maxMessageLength: 1034, extendedApdu: true });
    expect(await readCcidClassDescriptor(simulator)).toMatchObject({
      ok: true,
      value: { maxMessageLength: 1034, exchangeLevel: 'extended-apdu' },
    });
  });

  it('arbitrary bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        const found = findCcidClassDescriptor(bytes);
        if (!found.ok) expect(['wrong-length', 'wrong-type', 'not-found']).toContain(found.error.code);
      }),
      { numRuns: 2000 },
    );
  });
});
