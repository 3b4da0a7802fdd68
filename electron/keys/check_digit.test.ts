import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dammCheckDigit, hasValidDammCheckDigit } from './check_digit.js';

describe('Damm check digit', () => {
  it('matches the published example (572 → 4)', () => {
    expect(dammCheckDigit('572')).toBe('4');
    expect(hasValidDammCheckDigit('5724')).toBe(true);
    expect(hasValidDammCheckDigit('5723')).toBe(false);
  });

  it('catches every single-digit error', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{11}$/),
        fc.nat(10),
        fc.integer({ min: 1, max: 9 }),
        (body, at, delta) => {
          const full = body + dammCheckDigit(body);
          const i = at % full.length;
          const wrong = full.slice(0, i) + String((Number(full[i]) + delta) % 10) + full.slice(i + 1);
          expect(hasValidDammCheckDigit(wrong)).toBe(false);
        },
      ),
    );
  });

  it('catches every transposition of two different adjacent digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.nat(10), (body, at) => {
        const full = body + dammCheckDigit(body);
        const i = at % (full.length - 1);
        fc.pre(full[i] !== full[i + 1]);
        const swapped = full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2);
        expect(hasValidDammCheckDigit(swapped)).toBe(false);
      }),
    );
  });
});
