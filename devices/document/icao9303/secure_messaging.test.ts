import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBinary, selectElementaryFile } from './emrtd_commands.js';
import { SecureMessaging, tripleDesSuite } from './secure_messaging.js';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

const KS_ENC = '979EC13B1CBFE9DCD01AB0FED307EAE5';
const KS_MAC = 'F1CB1F1FB5ADF208806B89DC579DC1F8';
const session = () => new SecureMessaging(tripleDesSuite(hex(KS_ENC), hex(KS_MAC)), hex('887022120C06C226'));

describe('secure messaging, ICAO 9303-11 App. D.4 byte for byte', () => {
  it('reproduces every protected command and unwraps every response', () => {
    const sm = session();
    const select = sm.wrap(selectElementaryFile(0x011e));
    expect(select.ok && toHex(select.value)).toBe('0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800');
    expect(toHex(sm.ssc)).toBe('887022120C06C227');

    const selectResponse = sm.unwrap(hex('990290008E08FA855A5D4C50A8ED9000'));
    expect(selectResponse).toEqual({ ok: true, value: { data: new Uint8Array(), sw: 0x9000 } });
    expect(toHex(sm.ssc)).toBe('887022120C06C228');

    const read1 = sm.wrap(readBinary(0, 4));
    expect(read1.ok && toHex(read1.value)).toBe('0CB000000D9701048E08ED6705417E96BA5500');
    const read1Response = sm.unwrap(hex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000'));
    expect(read1Response.ok && toHex(read1Response.value.data)).toBe('60145F01');
    expect(toHex(sm.ssc)).toBe('887022120C06C22A');

    const read2 = sm.wrap(readBinary(4, 0x12));
    expect(read2.ok && toHex(read2.value)).toBe('0CB000040D9701128E082EA28A70F3C7B53500');
    const read2Response = sm.unwrap(
      hex('871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000'),
    );
    expect(read2Response.ok && toHex(read2Response.value.data)).toBe('04303130365F36063034303030305C026175');
    expect(read2Response.ok && read2Response.value.sw).toBe(0x9000);
    expect(toHex(sm.ssc)).toBe('887022120C06C22C');
  });

  it('a response with a wrong MAC ends the session and wipes the keys', () => {
    const sm = session();
    sm.wrap(selectElementaryFile(0x011e));
    const bad = sm.unwrap(hex('990290008E08FA855A5D4C50A8EE9000'));
    expect(bad).toEqual({ ok: false, error: { code: 'sm-mac-mismatch' } });
    expect(sm.ended).toBe(true);
    expect(toHex(sm.ssc)).toBe('0000000000000000');
    expect(sm.wrap(readBinary(0, 4))).toEqual({ ok: false, error: { code: 'sm-session-ended' } });
  });

  it('a response the card did not protect ends the session', () => {
    const sm = session();
    sm.wrap(selectElementaryFile(0x011e));
    expect(sm.unwrap(hex('6988'))).toEqual({
      ok: false,
      error: { code: 'sm-unprotected-response', sw: 0x6988 },
    });
    expect(sm.ended).toBe(true);
  });

  it('property: arbitrary responses give a typed result, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (raw) => {
        const sm = session();
        sm.wrap(readBinary(0, 4));
        const result = sm.unwrap(raw);
        if (!result.ok) expect(sm.ended).toBe(true);
        expect(['sm-mac-mismatch', 'sm-malformed', 'sm-unprotected-response', undefined]).toContain(
          result.ok ? undefined : result.error.code,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('property: TLV-shaped responses with a random MAC are rejected for their MAC', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.uint8Array({ minLength: 2, maxLength: 2 }),
        (mac, sw) => {
          const sm = session();
          sm.wrap(readBinary(0, 4));
          const raw = Uint8Array.from([0x99, 0x02, sw[0]!, sw[1]!, 0x8e, 0x08, ...mac, 0x90, 0x00]);
          expect(sm.unwrap(raw)).toEqual({ ok: false, error: { code: 'sm-mac-mismatch' } });
        },
      ),
    );
  });
});
