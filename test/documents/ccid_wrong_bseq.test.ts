/** Fault: Bulk-IN frames carrying another command's bSeq (stale answers after a timeout, a confused reader). */
import { describe, expect, it } from 'vitest';
import { LARGE_FILE, readBinary, readerWithCard, selectFile } from './ccid_test_cards.js';

describe('wrong bSeq', () => {
  it('drops up to 10 frames with a wrong bSeq and returns the answer to the command sent', async () => {
    const { reader, simulator, card } = readerWithCard();
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    simulator.injectWrongSeqFrames(10);
    const read = await reader.transmit(readBinary(0, 16));
    // The stale frames each carry `90 00` alone; only the real answer has the file's bytes.
    expect(read.ok && read.value.subarray(0, 16)).toEqual(card.fileContent(LARGE_FILE)?.subarray(0, 16));
  });

  it('gives up after more than 10 wrong-bSeq frames (libccid ReadUSB)', async () => {
    const { reader, simulator } = readerWithCard();
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    simulator.injectWrongSeqFrames(11);
    expect(await reader.transmit(readBinary(0, 16))).toEqual({
      ok: false,
      error: { code: 'transport', detail: 'more than 10 frames with a wrong bSeq' },
    });
    // The real answer is still queued with the failed command's bSeq: the next command drops it and succeeds.
    const next = await reader.transmit(readBinary(16, 4));
    expect(next.ok && next.value.length).toBe(6);
  });
});
