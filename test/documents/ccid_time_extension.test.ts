/** Fault: a slow chip (an eMRTD computing a signature) makes the reader ask for more time. */
import { describe, expect, it } from 'vitest';
import { LARGE_FILE, readBinary, readerWithCard, selectFile } from './ccid_test_cards.js';

describe('time extension', () => {
  it('keeps reading Bulk-IN through 5 time extensions and never resends the command', async () => {
    const { reader, simulator, card } = readerWithCard({}, { responseTimeoutMs: 100 });
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    simulator.injectTimeExtensions({ count: 5, multiplier: 1, intervalMs: 40 });
    const framesBefore = simulator.hostFrames.length;
    const read = await reader.transmit(readBinary(0, 50));
    expect(read.ok && read.value.subarray(0, 50)).toEqual(card.fileContent(LARGE_FILE)?.subarray(0, 50));
    expect(simulator.hostFrames.length).toBe(framesBefore + 1);
    // 5 × 40 ms of extensions is longer than one 100 ms read timeout: only the extensions kept the host waiting.
  });

  it('multiplies the read timeout by bError: a 3× extension covers a chip slower than the base timeout', async () => {
    const { reader, simulator } = readerWithCard({}, { responseTimeoutMs: 100 });
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    simulator.chipLatencyMs = 200;
    simulator.injectTimeExtensions({ count: 1, multiplier: 3, intervalMs: 0 });
    const read = await reader.transmit(readBinary(0, 10));
    expect(read.ok).toBe(true);
  });

  it('times out when the same slow chip gets only a 1× extension', async () => {
    const { reader, simulator } = readerWithCard({}, { responseTimeoutMs: 100 });
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    simulator.chipLatencyMs = 200;
    simulator.injectTimeExtensions({ count: 1, multiplier: 1, intervalMs: 0 });
    expect(await reader.transmit(readBinary(0, 10))).toEqual({ ok: false, error: { code: 'timeout' } });
    // The late answer carries the old bSeq: it is dropped and the next command gets its own answer.
    simulator.chipLatencyMs = 0;
    await new Promise((resolve) => setTimeout(resolve, 150));
    const next = await reader.transmit(readBinary(10, 5));
    expect(next.ok && next.value.length).toBe(7);
  });

  it('gives up with `timeout` on a reader that asks for more time forever', async () => {
    const { reader, simulator } = readerWithCard({}, { responseTimeoutMs: 100, maxTimeExtensions: 20 });
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    simulator.injectTimeExtensions({ count: 1000, multiplier: 1, intervalMs: 0 });
    expect(await reader.transmit(readBinary(0, 10))).toEqual({ ok: false, error: { code: 'timeout' } });
  });
});
