import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeInterrupt, encodeHardwareError, encodeNotifySlotChange } from './interrupt.js';

describe('NotifySlotChange (protocols.md §3.3)', () => {
  it('50 03 = card inserted, 50 02 = removed, 50 01 = present without change', () => {
    expect(decodeInterrupt(Uint8Array.of(0x50, 0x03), 1)).toEqual({
      ok: true,
      value: { type: 'NotifySlotChange', slots: [{ present: true, changed: true }] },
    });
    expect(decodeInterrupt(Uint8Array.of(0x50, 0x02), 1)).toEqual({
      ok: true,
      value: { type: 'NotifySlotChange', slots: [{ present: false, changed: true }] },
    });
    expect(decodeInterrupt(Uint8Array.of(0x50, 0x01), 1)).toEqual({
      ok: true,
      value: { type: 'NotifySlotChange', slots: [{ present: true, changed: false }] },
    });
  });

  it('packs two bits per slot LSB first (libccid interrupt_mask = 0x02 << 2*(slot%4))', () => {
    // Slot 1 changed and present (bits 2,3), slot 4 changed (byte 2, bit 1).
    const decoded = decodeInterrupt(Uint8Array.of(0x50, 0x0c, 0x02), 5);
    expect(decoded.ok && decoded.value.type === 'NotifySlotChange' && decoded.value.slots).toEqual([
      { present: false, changed: false },
      { present: true, changed: true },
      { present: false, changed: false },
      { present: false, changed: false },
      { present: false, changed: true },
    ]);
    expect(encodeNotifySlotChange([{ present: true, changed: true }])).toEqual(Uint8Array.of(0x50, 0x03));
  });

  it('decodes HardwareError 51 bSlot bSeq 01 as overcurrent', () => {
    expect(decodeInterrupt(encodeHardwareError(0, 7, 1))).toEqual({
      ok: true,
      value: { type: 'HardwareError', slot: 0, seq: 7, errorCode: 1, error: 'overcurrent' },
    });
    expect(decodeInterrupt(Uint8Array.of(0x51, 0, 7))).toEqual({
      ok: false,
      error: { code: 'bad-length', messageType: 0x51, length: 3 },
    });
  });

  it('round-trips any slot list and never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ present: fc.boolean(), changed: fc.boolean() }), {
          minLength: 1,
          maxLength: 20,
        }),
        (slots) => {
          expect(decodeInterrupt(encodeNotifySlotChange(slots), slots.length)).toEqual({
            ok: true,
            value: { type: 'NotifySlotChange', slots },
          });
        },
      ),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 16 }), (bytes) => {
        const decoded = decodeInterrupt(bytes);
        if (!decoded.ok)
          expect(['empty', 'unknown-message-type', 'bad-length']).toContain(decoded.error.code);
      }),
    );
  });
});
