/** Fault: a Bulk-IN frame arrives cut short (lost packet, reader firmware bug). */
import { describe, expect, it } from 'vitest';
import { decodeRdrToPc } from '../../devices/document/ccid/messages.js';
import { LARGE_FILE, readBinary, readerWithCard, selectFile } from './ccid_test_cards.js';

describe('truncated frames', () => {
  it('a header cut to 6 bytes fails the APDU as a transport fault, and the reader keeps working', async () => {
    const { reader, simulator } = readerWithCard();
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    simulator.truncateNextResponse(6);
    expect(await reader.transmit(readBinary(0, 20))).toEqual({
      ok: false,
      error: { code: 'transport', detail: 'malformed CCID frame: truncated-header' },
    });
    const retry = await reader.transmit(readBinary(0, 20));
    expect(retry.ok && retry.value.length).toBe(22);
  });

  it('a frame whose data is shorter than dwLength is rejected, never taken as a short response', async () => {
    const { reader, simulator } = readerWithCard();
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    simulator.truncateNextResponse(10 + 12);
    const result = await reader.transmit(readBinary(0, 20));
    expect(result).toEqual({
      ok: false,
      error: { code: 'transport', detail: 'malformed CCID frame: truncated-data' },
    });
    expect(reader.state).toEqual({ state: 'card-present' });
  });

  it('the codec names what is missing', () => {
    // DataBlock declaring 22 bytes (20 data + 90 00) with only 12 received.
    const frame = Uint8Array.from([0x80, 22, 0, 0, 0, 0, 4, 0, 0, 0, ...new Uint8Array(12)]);
    expect(decodeRdrToPc(frame)).toEqual({
      ok: false,
      error: { code: 'truncated-data', declared: 22, actual: 12, slot: 0, seq: 4 },
    });
  });
});
