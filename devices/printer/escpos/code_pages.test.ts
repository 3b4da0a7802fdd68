import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeByte, encodeText } from './code_pages.js';

describe('code pages', () => {
  it('encodes Portuguese in PC858 and PC860 with the published code points', () => {
    expect(Array.from(encodeText('ãõçÃÕ', 'pc858').bytes)).toEqual([0xc6, 0xe4, 0x87, 0xc7, 0xe5]);
    expect(Array.from(encodeText('ãõçÃÕ', 'pc860').bytes)).toEqual([0x84, 0x94, 0x87, 0x8e, 0x99]);
    expect(Array.from(encodeText('€', 'pc858').bytes)).toEqual([0xd5]);
  });

  it('replaces what a page lacks: base letter first, then ?', () => {
    expect(encodeText('ã', 'pc437')).toEqual({ bytes: Uint8Array.of(0x61), replaced: 1 });
    expect(encodeText('澳門', 'pc858')).toEqual({ bytes: Uint8Array.of(0x3f, 0x3f), replaced: 2 });
  });

  it('never lets text carry a control byte into the command stream', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        for (const b of encodeText(text, 'pc858').bytes) expect(b === 0x7f || b < 0x20).toBe(false);
      }),
    );
  });

  it('decodes every byte it encodes back to the same character (Latin-1 in PC858)', () => {
    for (let code = 0x20; code <= 0xff; code++) {
      if (code >= 0x7f && code < 0xa0) continue;
      const ch = String.fromCharCode(code);
      const { bytes, replaced } = encodeText(ch, 'pc858');
      expect(replaced).toBe(0);
      expect(decodeByte(bytes[0]!, 'pc858')).toBe(ch);
    }
  });
});
