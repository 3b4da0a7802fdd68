import { describe, expect, it } from 'vitest';
import { maskName } from './name_mask.js';

describe('a name as a screen or a verification answer shows it', () => {
  it('keeps the family name and each given name’s initial', () => {
    expect(maskName({ surname: 'CHAN', givenNames: 'TAI MAN', fullName: 'CHAN TAI MAN' })).toBe(
      'CHAN T** M**',
    );
    expect(maskName({ surname: 'ERIKSSON', givenNames: 'ANNA MARIA', fullName: 'ERIKSSON ANNA MARIA' })).toBe(
      'ERIKSSON A*** M****',
    );
    // Without the MRZ's split, the first word is the family name (Macao's romanised names write it first).
    expect(maskName({ fullName: 'LEI KA WAI' })).toBe('LEI K* W**');
    expect(maskName({ surname: 'DA SILVA', givenNames: 'JOÃO', fullName: 'DA SILVA JOÃO' })).toBe(
      'DA SILVA J***',
    );
  });

  it('keeps a Chinese name’s first and last characters', () => {
    expect(maskName({ fullName: '陳大文' })).toBe('陳*文');
    expect(maskName({ fullName: '陳文' })).toBe('陳*');
    expect(maskName({ fullName: '歐陽小明' })).toBe('歐**明');
    expect(maskName({ fullName: '陳' })).toBe('*');
  });

  it('never shows a whole given name', () => {
    for (const given of ['A', 'AB', 'MARIA JOSÉ', 'KA']) {
      const masked = maskName({ surname: 'X', givenNames: given, fullName: `X ${given}` });
      for (const word of given.split(' ').filter((w) => w.length > 1)) expect(masked).not.toContain(word);
    }
  });
});
