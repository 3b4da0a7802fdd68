/** The GA 467 driver against a reader that answers anything: typed results, never a throw, never a hang. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TransferResult, UsbTransport } from '../../transport/usb_transport.js';
import { encodeResponseFrame } from './frame.js';
import { Ga467UsbLink } from './ga467_link.js';
import { Ga467Reader } from './ga467_reader.js';

function scripted(transfers: Uint8Array[]): UsbTransport {
  return {
    bulkOut: async () => ({ ok: true, value: undefined }),
    bulkIn: async (): Promise<TransferResult<Uint8Array>> => {
      const next = transfers.shift();
      return next === undefined ? { ok: false, error: { code: 'timeout' } } : { ok: true, value: next };
    },
    interruptIn: async () => ({ ok: false, error: { code: 'timeout' } }),
    controlIn: async () => ({ ok: false, error: { code: 'stall' } }),
    controlOut: async () => ({ ok: false, error: { code: 'stall' } }),
    close: async () => undefined,
  };
}

/** Well-formed frames with random SW3 and data: the codec accepts them, the driver must still cope. */
const wellFormed = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 300 }))
  .map(([sw3, data]) => {
    const frame = encodeResponseFrame({ sw1: 0, sw2: 0, sw3, data });
    return frame.ok ? frame.value : new Uint8Array(0);
  });

describe('Ga467Reader fuzz', () => {
  it('arbitrary reader output gives a typed error or a decoded card', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 64 }), wellFormed), { maxLength: 8 }),
        async (transfers) => {
          const reader = new Ga467Reader(new Ga467UsbLink(scripted(transfers)), {
            timeoutMs: 5,
            readTimeoutMs: 5,
          });
          const read = await reader.readIdentity();
          if (!read.ok) {
            expect([
              'no-card',
              'select-failed',
              'sam-status',
              'disconnected',
              'timeout',
              'io',
              'no-frame',
              'bad-frame',
              'malformed-read',
              'bad-text',
            ]).toContain(read.error.code);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
