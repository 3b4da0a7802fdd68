import { describe, expect, it } from 'vitest';
import { contactlessPseudoAtr } from '../ccid/atr.js';
import type { ApduChannel, TransmitResult } from './apdu_channel.js';
import { Iso7816Transmitter } from './apdu_transmitter.js';
import { FileSystemCard, type FileSystemCardOptions } from './file_system_card.js';
import { SimulatedCardChannel } from './simulated_card_channel.js';

const hex = (text: string) => Uint8Array.from(text.split(' ').map((byte) => Number.parseInt(byte, 16)));
const content = Uint8Array.from({ length: 700 }, (_, index) => (index * 7) & 0xff);

function card(options: Partial<FileSystemCardOptions> = {}) {
  return new FileSystemCard({
    atr: contactlessPseudoAtr(Uint8Array.of(0x80)),
    files: new Map([[0x0101, content]]),
    ...options,
  });
}

const select = { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: hex('01 01') };

describe('Iso7816Transmitter', () => {
  it('collects a T=0 style response with GET RESPONSE until 9000', async () => {
    const testCard = card({ responsesViaGetResponse: true });
    const transmitter = new Iso7816Transmitter(new SimulatedCardChannel(testCard), { extendedLength: false });
    expect((await transmitter.send(select)).ok).toBe(true);
    const read = await transmitter.send({
      cla: 0,
      ins: 0xb0,
      p1: 0,
      p2: 0,
      data: new Uint8Array(0),
      ne: 200,
    });
    expect(read).toEqual({
      ok: true,
      value: { data: content.subarray(0, 200), sw1: 0x90, sw2: 0, sw: 0x9000 },
    });
    // The card answered 61 C8 and the host fetched it with 00 C0 00 00 C8.
    expect(testCard.received.at(-1)).toEqual(hex('00 C0 00 00 C8'));
  });

  it('reissues the command with the exact Le after 6Cxx', async () => {
    const testCard = card({ strictLe: true });
    const transmitter = new Iso7816Transmitter(new SimulatedCardChannel(testCard), { extendedLength: false });
    await transmitter.send(select);
    // 700 − 690 = 10 bytes left; asking for 0x20 gets 6C 0A, then 00 B0 02 B2 0A.
    const read = await transmitter.send({
      cla: 0,
      ins: 0xb0,
      p1: 0x02,
      p2: 0xb2,
      data: new Uint8Array(0),
      ne: 0x20,
    });
    expect(read).toEqual({ ok: true, value: { data: content.subarray(690), sw1: 0x90, sw2: 0, sw: 0x9000 } });
    expect(testCard.received.slice(-2)).toEqual([hex('00 B0 02 B2 20'), hex('00 B0 02 B2 0A')]);
  });

  it('does the same for raw bytes through the ApduChannel interface', async () => {
    const transmitter = new Iso7816Transmitter(
      new SimulatedCardChannel(card({ responsesViaGetResponse: true })),
      {
        extendedLength: false,
      },
    );
    await transmitter.transmit(hex('00 A4 02 0C 02 01 01'));
    const response = await transmitter.transmit(hex('00 B0 00 00 04'));
    expect(response).toEqual({
      ok: true,
      value: Uint8Array.from([...content.subarray(0, 4), 0x90, 0x00]),
    });
  });

  it('chains a 600-byte UPDATE BINARY with CLA 0x10 in 255-byte pieces', async () => {
    const testCard = card();
    const transmitter = new Iso7816Transmitter(new SimulatedCardChannel(testCard), { extendedLength: false });
    await transmitter.send(select);
    const data = new Uint8Array(600).fill(0x42);
    expect(await transmitter.send({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data })).toEqual({
      ok: true,
      value: { data: new Uint8Array(0), sw1: 0x90, sw2: 0, sw: 0x9000 },
    });
    const pieces = testCard.received.slice(-3);
    expect(pieces.map((piece) => [piece[0], piece[4]])).toEqual([
      [0x10, 255],
      [0x10, 255],
      [0x00, 90],
    ]);
    expect(testCard.fileContent(0x0101)?.subarray(0, 600)).toEqual(data);
  });

  it('stops a chain at the first refused piece', async () => {
    const refusing: ApduChannel = {
      transmit: async (): Promise<TransmitResult> => ({ ok: true, value: hex('68 84') }),
    };
    const calls: Uint8Array[] = [];
    const channel: ApduChannel = {
      transmit: async (command) => {
        calls.push(command);
        return refusing.transmit(command);
      },
    };
    const transmitter = new Iso7816Transmitter(channel, { extendedLength: false });
    const result = await transmitter.send({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data: new Uint8Array(600) });
    expect(result.ok && result.value.sw).toBe(0x6884);
    expect(calls).toHaveLength(1);
  });

  it('reports a card that never stops answering 61xx, and a response without a status word', async () => {
    const endless: ApduChannel = {
      transmit: async () => ({ ok: true, value: new Uint8Array(258).fill(0x61) }),
    };
    const result = await new Iso7816Transmitter(endless, { extendedLength: false }).send({
      cla: 0,
      ins: 0xb0,
      p1: 0,
      p2: 0,
      data: new Uint8Array(0),
      ne: 256,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'response-too-long' } });
    const empty61: ApduChannel = { transmit: async () => ({ ok: true, value: hex('61 00') }) };
    expect(
      await new Iso7816Transmitter(empty61, { extendedLength: false }).transmit(hex('00 B0 00 00 00')),
    ).toMatchObject({
      ok: false,
      error: { code: 'transport', detail: 'GET RESPONSE chain too long (0 bytes received)' },
    });
    const mute: ApduChannel = { transmit: async () => ({ ok: true, value: hex('90') }) };
    expect(
      await new Iso7816Transmitter(mute, { extendedLength: false }).transmit(hex('00 84 00 00 08')),
    ).toMatchObject({
      ok: false,
      error: { code: 'transport' },
    });
  });
});
