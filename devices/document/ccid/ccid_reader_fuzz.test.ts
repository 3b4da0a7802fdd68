/**
 * The driver against a reader that answers anything at all: every transmit resolves to a typed value, never a throw
 * and never a hang, whatever bytes come back on Bulk-IN and Interrupt-IN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TransferResult, UsbTransport } from '../../transport/usb_transport.js';
import { CcidReader } from './ccid_reader.js';

function scriptedTransport(bulkIn: Uint8Array[], interrupt: Uint8Array[]): UsbTransport {
  const next = (queue: Uint8Array[]): TransferResult<Uint8Array> => {
    const value = queue.shift();
    return value === undefined ? { ok: false, error: { code: 'timeout' } } : { ok: true, value };
  };
  return {
    bulkOut: async () => ({ ok: true, value: undefined }),
    bulkIn: async () => next(bulkIn),
    interruptIn: async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return interrupt.length === 0 ? { ok: false, error: { code: 'disconnected' } } : next(interrupt);
    },
    controlIn: async () => ({ ok: false, error: { code: 'stall' } }),
    controlOut: async () => ({ ok: false, error: { code: 'stall' } }),
    close: async () => undefined,
  };
}

/** Frames that look like CCID answers (right type, plausible length) with random status bytes, seq and payload. */
const plausibleFrame = fc
  .tuple(
    fc.constantFrom(0x80, 0x81, 0x82, 0x83),
    fc.uint8Array({ maxLength: 20 }),
    fc.uint8Array({ minLength: 5, maxLength: 5 }),
  )
  .map(([type, data, header]) => {
    const frame = new Uint8Array(10 + data.length);
    frame.set([type, data.length, 0, 0, 0, 0, header[0]! & 0x03, header[1]!, header[2]!, header[3]!]);
    frame.set(data, 10);
    return frame;
  });

describe('CcidReader fuzz', () => {
  it('arbitrary Bulk-IN and Interrupt-IN bytes give a typed result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 40 }), plausibleFrame), { maxLength: 30 }),
        fc.array(fc.uint8Array({ maxLength: 4 }), { maxLength: 5 }),
        async (bulkIn, interrupt) => {
          const reader = new CcidReader(scriptedTransport(bulkIn, interrupt), {
            responseTimeoutMs: 5,
            maxTimeExtensions: 50,
          });
          reader.startMonitoring();
          const result = await reader.transmit(Uint8Array.of(0x00, 0xa4, 0x04, 0x0c, 0x01, 0xa0));
          if (result.ok) expect(result.value).toBeInstanceOf(Uint8Array);
          else
            expect(['card-removed', 'no-card', 'timeout', 'disconnected', 'transport']).toContain(
              result.error.code,
            );
          expect(['ready', 'card-present', 'disconnected', 'error']).toContain(reader.state.state);
          await reader.close();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('CcidReader against a reader that chains forever', () => {
  it('stops pulling response pieces once the chain is longer than any APDU', async () => {
    let seq = 0;
    let powered = false;
    const transport: UsbTransport = {
      bulkOut: async (data) => {
        seq = data[6]!;
        return { ok: true, value: undefined };
      },
      // IccPowerOn gets an ATR; every XfrBlock gets a 'continues' piece of 250 bytes.
      bulkIn: async () => {
        const isPowerOn = !powered;
        powered = true;
        const data = isPowerOn ? Uint8Array.of(0x3b, 0x81, 0x80, 0x01, 0x80, 0x80) : new Uint8Array(250);
        const frame = new Uint8Array(10 + data.length);
        frame.set([0x80, data.length, 0, 0, 0, 0, seq, 0, 0, isPowerOn ? 0x00 : 0x03]);
        frame.set(data, 10);
        return { ok: true, value: frame };
      },
      interruptIn: async () => ({ ok: false, error: { code: 'timeout' } }),
      controlIn: async () => ({ ok: false, error: { code: 'stall' } }),
      controlOut: async () => ({ ok: false, error: { code: 'stall' } }),
      close: async () => undefined,
    };
    const reader = new CcidReader(transport, { extendedApdu: true });
    expect(await reader.transmit(Uint8Array.of(0x00, 0xb0, 0x00, 0x00, 0x00))).toEqual({
      ok: false,
      error: { code: 'transport', detail: 'response chain longer than any APDU' },
    });
  });
});
