import { createCipheriv, getCiphers } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustDesParity,
  aesCbcDecrypt,
  aesCbcEncrypt,
  aesCmac,
  desEcbDecrypt,
  desEcbEncrypt,
  hash,
  padIso9797Method2,
  retailMac,
  tripleDesCbcDecrypt,
  tripleDesCbcEncrypt,
  unpadIso9797Method2,
} from './emrtd_crypto.js';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();
const ascii = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('DES known answers', () => {
  it('encrypts the classic FIPS 46 worked example', () => {
    expect(toHex(desEcbEncrypt(hex('133457799BBCDFF1'), hex('0123456789ABCDEF')))).toBe('85E813540F0AB405');
    expect(toHex(desEcbDecrypt(hex('133457799BBCDFF1'), hex('85E813540F0AB405')))).toBe('0123456789ABCDEF');
  });

  it('matches FIPS 81 Appendix B ECB ("Now is the time for all ")', () => {
    const out = desEcbEncrypt(hex('0123456789ABCDEF'), ascii('Now is the time for all '));
    expect(toHex(out)).toBe('3FA40E8A984D48156A271787AB8883F9893D51EC4B563B53');
  });

  it('matches FIPS 81 Appendix C CBC, through 3DES with K1 = K2 = K3 (which is single DES)', () => {
    const key = hex('0123456789ABCDEF'.repeat(3));
    const out = tripleDesCbcEncrypt(key, ascii('Now is the time for all '), hex('1234567890ABCDEF'));
    expect(toHex(out)).toBe('E5C7CDDE872BF27C43E934008C389C0F683788499A7C05F6');
    expect(Buffer.from(tripleDesCbcDecrypt(key, out, hex('1234567890ABCDEF'))).toString('latin1')).toBe(
      'Now is the time for all ',
    );
  });

  it('matches the NIST SP 800-20 variable-plaintext known answer (weak key 01..01)', () => {
    expect(toHex(desEcbEncrypt(hex('0101010101010101'), hex('8000000000000000')))).toBe('95F8A5E5DD31D900');
  });
});

describe('3DES known answers', () => {
  it('matches the NIST SP 800-67 3-key TDEA example (each block ECB = CBC with IV 0)', () => {
    const key = hex('0123456789ABCDEF 23456789ABCDEF01 456789ABCDEF0123');
    const plain = ascii('The qufck brown fox jump');
    const blocks = [0, 8, 16].map((o) => toHex(tripleDesCbcEncrypt(key, plain.subarray(o, o + 8))));
    expect(blocks.join('')).toBe('A826FD8CE53B855FCCE21C8112256FE668D5C05DD9B6B900');
  });

  it('reproduces ICAO 9303-11 D.3 EIFD and MIFD', () => {
    const kEnc = hex('AB94FDECF2674FDFB9B391F85D7F76F2');
    const kMac = hex('7962D9ECE03D1ACD4C76089DCE131543');
    const s = hex('781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B');
    const eIfd = tripleDesCbcEncrypt(kEnc, s);
    expect(toHex(eIfd)).toBe('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2');
    expect(toHex(retailMac(kMac, padIso9797Method2(eIfd)))).toBe('5F1448EEA8AD90A7');
    expect(toHex(tripleDesCbcDecrypt(kEnc, eIfd))).toBe(toHex(s));
  });

  const nodeHas2KeyCbc = getCiphers().includes('des-ede-cbc');
  it.runIf(nodeHas2KeyCbc)('agrees with OpenSSL des-ede-cbc on arbitrary keys and data', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        (key, iv, blocks, data) => {
          const plain = data.subarray(0, blocks * 8);
          const cipher = createCipheriv('des-ede-cbc', key, iv).setAutoPadding(false);
          const expected = Buffer.concat([cipher.update(plain), cipher.final()]);
          expect(toHex(tripleDesCbcEncrypt(key, plain, iv))).toBe(toHex(expected));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('key parity, padding and hashes', () => {
  it('adjusts the ICAO D.1 raw SHA-1 key halves to the published parity-adjusted keys', () => {
    expect(toHex(adjustDesParity(hex('AB94FCEDF2664EDFB9B291F85D7F77F2')))).toBe(
      'AB94FDECF2674FDFB9B391F85D7F76F2',
    );
    expect(toHex(adjustDesParity(hex('7862D9ECE03C1BCD4D77089DCF131442')))).toBe(
      '7962D9ECE03D1ACD4C76089DCE131543',
    );
  });

  it('pads with method 2 and unpads back; malformed padding is reported', () => {
    expect(toHex(padIso9797Method2(hex('0102')))).toBe('0102800000000000');
    expect(toHex(padIso9797Method2(hex('0102030405060708')))).toBe('01020304050607088000000000000000');
    expect(unpadIso9797Method2(hex('0000000000000000'))).toBeUndefined();
    expect(unpadIso9797Method2(hex('0102800000000001'))).toBeUndefined();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (data) => {
        expect(toHex(unpadIso9797Method2(padIso9797Method2(data)) ?? new Uint8Array([0xff]))).toBe(
          toHex(data),
        );
      }),
    );
  });

  it('hashes match FIPS 180 "abc" answers', () => {
    expect(toHex(hash('SHA-1', ascii('abc')))).toBe('A9993E364706816ABA3E25717850C26C9CD0D89D');
    expect(toHex(hash('SHA-256', ascii('abc')))).toBe(
      'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD',
    );
    expect(hash('SHA-224', ascii('abc')).length).toBe(28);
    expect(hash('SHA-384', ascii('abc')).length).toBe(48);
    expect(hash('SHA-512', ascii('abc')).length).toBe(64);
  });

  it('AES-128 matches FIPS 197 C.1 and AES-CMAC matches RFC 4493 example 1', () => {
    const key = hex('000102030405060708090A0B0C0D0E0F');
    const out = aesCbcEncrypt(key, hex('00112233445566778899AABBCCDDEEFF'));
    expect(toHex(out)).toBe('69C4E0D86A7B0430D8CDB78070B4C55A');
    expect(toHex(aesCbcDecrypt(key, out))).toBe('00112233445566778899AABBCCDDEEFF');
    expect(toHex(aesCmac(hex('2B7E151628AED2A6ABF7158809CF4F3C'), new Uint8Array()))).toBe(
      'BB1D6929E95937287FA37D129B756746',
    );
  });
});
