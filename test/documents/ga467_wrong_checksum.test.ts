/** Fault: a frame with a wrong XOR checksum, from the reader (line noise) or from a host copying a bad example. */
import { describe, expect, it } from 'vitest';
import { decodeResponseFrame } from '../../devices/document/ga467/frame.js';
import { Ga467UsbLink } from '../../devices/document/ga467/ga467_link.js';
import { ga467ReaderWithPermit, macaoPermit } from './ga467_test_cards.js';

const commandFrameBytes = (text: string) => hex(text);
const hex = (text: string) => Uint8Array.from(text.split(' ').map((byte) => Number.parseInt(byte, 16)));

describe('GA 467 wrong checksum', () => {
  it('retries once when a response arrives with a bad checksum, and the read succeeds', async () => {
    const { reader, simulator } = ga467ReaderWithPermit();
    simulator.corruptNextChecksums(1);
    const read = await reader.readIdentity();
    expect(read.ok && read.value.text).toMatchObject({ name: macaoPermit.name });
    // find was sent twice (first answer garbled), then select and read.
    expect(simulator.hostFrames.length).toBe(4);
  });

  it('fails with a typed bad-frame error when the answer is garbled twice', async () => {
    const { reader, simulator } = ga467ReaderWithPermit();
    simulator.corruptNextChecksums(2);
    const read = await reader.readIdentity();
    expect(read).toMatchObject({ ok: false, error: { code: 'bad-frame', error: { code: 'bad-checksum' } } });
    expect(reader.state).toEqual({ state: 'ready' });
  });

  it('the SAM answers SW3 10 (checksum error) to the wrong find-card frame seen in public code: 00 03 20 01 21', async () => {
    const { simulator } = ga467ReaderWithPermit();
    const link = new Ga467UsbLink(simulator);
    const answer = await link.exchange(hex('AA AA AA 96 69 00 03 20 01 21'), 300);
    expect(answer.ok && answer.value).toEqual(hex('AA AA AA 96 69 00 04 00 00 10 14'));
    const decoded = answer.ok ? decodeResponseFrame(answer.value) : undefined;
    expect(decoded?.ok && decoded.value.sw3).toBe(0x10);
  });

  it('a corrupted 1295-byte read answer is detected by its checksum, not decoded as text', async () => {
    const { simulator } = ga467ReaderWithPermit();
    const link = new Ga467UsbLink(simulator);
    await link.exchange(commandFrameBytes('AA AA AA 96 69 00 03 20 01 22'), 300);
    await link.exchange(commandFrameBytes('AA AA AA 96 69 00 03 20 02 21'), 300);
    simulator.corruptNextChecksums(1);
    const answer = await link.exchange(commandFrameBytes('AA AA AA 96 69 00 03 30 01 32'), 300);
    expect(answer.ok && answer.value.length).toBe(1295);
    expect(answer.ok && decodeResponseFrame(answer.value)).toMatchObject({
      ok: false,
      error: { code: 'bad-checksum' },
    });
  });
});
