/** Fault: the resident pulls the document off the reader while the chip is being read. */
import { describe, expect, it } from 'vitest';
import { Iso7816Transmitter } from '../../devices/document/iso7816/apdu_transmitter.js';
import { LARGE_FILE, readBinary, readerWithCard, selectFile, testCard } from './ccid_test_cards.js';

describe('card removed mid-read', () => {
  it('fails the pending APDU with card-removed, publishes `ready`, and later reads work with a new card', async () => {
    const { reader, simulator } = readerWithCard({}, { interruptPollMs: 20 });
    reader.startMonitoring();
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    expect((await reader.transmit(readBinary(0, 200))).ok).toBe(true);
    simulator.removeCardDuringNextTransfer();
    expect(await reader.transmit(readBinary(200, 200))).toEqual({
      ok: false,
      error: { code: 'card-removed' },
    });
    await expect.poll(() => reader.state).toEqual({ state: 'ready' });
    // Nothing is sent to an empty slot as if the old card were there.
    expect(await reader.transmit(readBinary(400, 200))).toEqual({ ok: false, error: { code: 'no-card' } });
    simulator.insertCard(testCard());
    await expect.poll(() => reader.state).toEqual({ state: 'card-present' });
    expect(await reader.transmit(selectFile(LARGE_FILE))).toEqual({
      ok: true,
      value: Uint8Array.of(0x90, 0x00),
    });
    await reader.close();
  });

  it('reports card-removed when the card leaves during a slow chip operation (reader answers ICC_MUTE, no ICC)', async () => {
    const { reader, simulator } = readerWithCard({ chipLatencyMs: 80 }, { responseTimeoutMs: 500 });
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    const pending = reader.transmit(readBinary(0, 100));
    setTimeout(() => simulator.removeCard(), 20);
    expect(await pending).toEqual({ ok: false, error: { code: 'card-removed' } });
    // The last frame on the wire is the reader's own: DataBlock, bStatus 42 (failed, no ICC), bError FE (ICC_MUTE).
    expect(reader.state).toEqual({ state: 'ready' });
  });

  it('reports card-removed when the card was swapped between two APDUs (new card not powered)', async () => {
    const { reader, simulator } = readerWithCard();
    expect((await reader.transmit(selectFile(LARGE_FILE))).ok).toBe(true);
    simulator.removeCard();
    simulator.insertCard(testCard());
    expect(await reader.transmit(readBinary(0, 10))).toEqual({ ok: false, error: { code: 'card-removed' } });
    // The next exchange powers the new card on and starts a fresh session.
    expect(await reader.transmit(selectFile(LARGE_FILE))).toEqual({
      ok: true,
      value: Uint8Array.of(0x90, 0x00),
    });
  });

  it('passes card-removed through the ISO 7816 transmitter in the middle of a GET RESPONSE chain', async () => {
    const card = testCard({ responsesViaGetResponse: true });
    const { reader, simulator } = readerWithCard({}, {}, card);
    const transmitter = new Iso7816Transmitter(reader, { extendedLength: false });
    expect(
      (await transmitter.send({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: Uint8Array.of(0x01, 0x02) })).ok,
    ).toBe(true);
    simulator.removeCardDuringNextTransfer();
    const read = await transmitter.send({
      cla: 0,
      ins: 0xb0,
      p1: 0,
      p2: 0,
      data: new Uint8Array(0),
      ne: 256,
    });
    expect(read).toEqual({ ok: false, error: { code: 'card-removed' } });
  });
});
