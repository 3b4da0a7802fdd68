import { decode as decodeJpeg } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { BacAccessControl } from '../bac.js';
import { encodeCommandApdu, readBinary, selectApplication, selectElementaryFile } from '../emrtd_commands.js';
import { DirectCardChannel } from './direct_card_channel.js';
import { EmrtdChip } from './emrtd_chip.js';
import { buildEfCom } from './lds_builder.js';
import { minimalJpeg } from './minimal_jpeg.js';

const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();
const input = { documentNumber: 'L898902C<', birthDate: '690806', expiryDate: '940623' };
const files = new Map([[0x011e, buildEfCom([1, 2])]]);

function chip(): EmrtdChip {
  return new EmrtdChip({ mrzInformation: 'L898902C<369080619406236', files });
}

describe('simulated eMRTD chip', () => {
  it('refuses to read before access control, and GET CHALLENGE before the application is selected', () => {
    const card = chip();
    expect(toHex(card.processApdu(encodeCommandApdu({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 })))).toBe(
      '6985',
    );
    expect(toHex(card.processApdu(encodeCommandApdu(selectApplication())))).toBe('9000');
    expect(toHex(card.processApdu(encodeCommandApdu(selectElementaryFile(0x011e))))).toBe('6982');
    expect(toHex(card.processApdu(encodeCommandApdu(readBinary(0, 4))))).toBe('6982');
    expect(
      toHex(card.processApdu(encodeCommandApdu({ ...selectApplication(), data: Uint8Array.of(0xa0, 1) }))),
    ).toBe('6A82');
  });

  it('after BAC, a plain command is an SM error: the chip answers 6988 in plain and drops the session', async () => {
    const card = chip();
    const channel = new DirectCardChannel(card);
    await channel.transmit(encodeCommandApdu(selectApplication()));
    const session = await new BacAccessControl(input).establish(channel);
    expect(session.ok).toBe(true);
    expect(toHex(card.processApdu(encodeCommandApdu(readBinary(0, 4))))).toBe('6988');
    // The session is gone: protected commands are now refused as if never authenticated.
    expect(toHex(card.processApdu(encodeCommandApdu(selectElementaryFile(0x011e))))).toBe('6982');
  });

  it('reset forgets the session keys (card lifted from the reader)', async () => {
    const card = chip();
    const channel = new DirectCardChannel(card);
    await channel.transmit(encodeCommandApdu(selectApplication()));
    const session = await new BacAccessControl(input).establish(channel);
    card.reset();
    if (!session.ok) throw new Error('BAC failed');
    const wrapped = session.value.wrap(selectElementaryFile(0x011e));
    expect(wrapped.ok && toHex(card.processApdu(wrapped.value))).toBe('6982');
  });

  it('the pseudo-ATR carries a valid TCK', () => {
    const atr = chip().atr;
    expect(atr.subarray(1).reduce((acc, byte) => acc ^ byte, 0)).toBe(0);
  });

  it('the minimal JPEG is a decodable portrait and a well-formed marker sequence of the requested size', () => {
    const jpeg = minimalJpeg(20_000);
    expect(jpeg.length).toBe(20_000);
    expect(toHex(jpeg.subarray(0, 2))).toBe('FFD8');
    expect(toHex(jpeg.subarray(-2))).toBe('FFD9');
    // Walk the segments up to SOS: every marker is FF xx with a length that lands on the next marker.
    const markers: number[] = [];
    let offset = 2;
    while (jpeg[offset] === 0xff && jpeg[offset + 1] !== 0xda) {
      markers.push(jpeg[offset + 1]!);
      offset += 2 + ((jpeg[offset + 2]! << 8) | jpeg[offset + 3]!);
    }
    expect(jpeg[offset + 1]).toBe(0xda);
    // JFIF APP0, quantisation tables, baseline frame, Huffman tables (jpeg-js writes one segment of each).
    expect(markers.filter((m) => m !== 0xfe)).toEqual([0xe0, 0xdb, 0xc0, 0xc4]);
    const decoded = decodeJpeg(jpeg, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([240, 320]);
  });
});
