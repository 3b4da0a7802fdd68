import { describe, expect, it } from 'vitest';
import type { ApduChannel, TransmitResult } from '../iso7816/apdu_channel.js';
import { BacAccessControl, bacSessionMaterial, deriveBacKeys } from './bac.js';
import { mrzInformation } from './mrz_information.js';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

const RND_IC = '4608F91988702212';
const RND_IFD = '781723860C06C226';
const K_IFD = '0B795240CB7049B01C19B33E32804F0B';
const CMD_DATA = '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7';
const RESP_DATA = '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449';

/** Plays the chip's side of ICAO 9303-11 App. D.3 and records what the terminal sent. */
function scriptedChip(externalAuthResponse: string): { channel: ApduChannel; sent: string[] } {
  const sent: string[] = [];
  const channel: ApduChannel = {
    async transmit(command): Promise<TransmitResult> {
      sent.push(toHex(command));
      if (toHex(command) === '0084000008') return { ok: true, value: hex(`${RND_IC}9000`) };
      return { ok: true, value: hex(externalAuthResponse) };
    },
  };
  return { channel, sent };
}

const icaoRandom = () => {
  const queue = [hex(RND_IFD), hex(K_IFD)];
  return (length: number) => {
    const next = queue.shift();
    if (next === undefined || next.length !== length) throw new Error('unexpected random request');
    return next;
  };
};

const input = { documentNumber: 'L898902C<', birthDate: '690806', expiryDate: '940623' };

describe('BAC (ICAO 9303-11 App. D)', () => {
  it('derives KEnc and KMAC from MRZ_information (D.1/D.2)', () => {
    expect(mrzInformation(input)).toBe('L898902C<369080619406236');
    const keys = deriveBacKeys('L898902C<369080619406236');
    expect(toHex(keys.kEnc)).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(toHex(keys.kMac)).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });

  it('derives the session keys and SSC (D.3)', () => {
    const m = bacSessionMaterial(
      hex(K_IFD),
      hex('0B4F80323EB3191CB04970CB4052790B'),
      hex(RND_IC),
      hex(RND_IFD),
    );
    expect(toHex(m.ksEnc)).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
    expect(toHex(m.ksMac)).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8');
    expect(toHex(m.ssc)).toBe('887022120C06C226');
  });

  it('sends GET CHALLENGE and the exact EXTERNAL AUTHENTICATE of D.3, and starts SM at the D.3 SSC', async () => {
    const { channel, sent } = scriptedChip(`${RESP_DATA}9000`);
    const result = await new BacAccessControl(input, { random: icaoRandom() }).establish(channel);
    expect(sent).toEqual(['0084000008', `0082000028${CMD_DATA}28`]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(toHex(result.value.ssc)).toBe('887022120C06C226');
  });

  it('rejects a chip answer whose MAC is wrong, before decrypting it', async () => {
    const tampered = `${RESP_DATA.slice(0, -2)}48`;
    const { channel } = scriptedChip(`${tampered}9000`);
    const result = await new BacAccessControl(input, { random: icaoRandom() }).establish(channel);
    expect(result).toEqual({ ok: false, error: { code: 'chip-mac-mismatch' } });
  });

  it('reports access denied when the chip refuses the cryptogram (wrong MRZ)', async () => {
    const { channel } = scriptedChip('6300');
    const wrongMrz = { ...input, birthDate: '690807' };
    const result = await new BacAccessControl(wrongMrz, { random: icaoRandom() }).establish(channel);
    expect(result).toEqual({ ok: false, error: { code: 'access-denied', sw: 0x6300 } });
  });

  it('reports a card removed during GET CHALLENGE as a transport failure', async () => {
    const channel: ApduChannel = { transmit: async () => ({ ok: false, error: { code: 'card-removed' } }) };
    const result = await new BacAccessControl(input).establish(channel);
    expect(result).toEqual({
      ok: false,
      error: { code: 'transport', step: 'get-challenge', failure: { code: 'card-removed' } },
    });
  });
});
