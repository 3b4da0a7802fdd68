import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languages } from './languages.js';
import { basketTotal, decimalPatacas, formatMoney, lineTotal, MoneyError, sumAvos } from './money.js';

const nbsp = '\u00a0';

describe('money written for people', () => {
  it('writes patacas as each language does', () => {
    expect(formatMoney(123_450, 'en')).toBe('MOP$1,234.50');
    expect(formatMoney(123_450, 'zh-Hant')).toBe('MOP$1,234.50');
    expect(formatMoney(123_450, 'zh-Hans')).toBe('MOP$1,234.50');
    expect(formatMoney(123_450, 'pt')).toBe(`1${nbsp}234,50${nbsp}MOP$`);
    expect(formatMoney(5, 'en')).toBe('MOP$0.05');
    expect(formatMoney(0, 'pt')).toBe(`0,00${nbsp}MOP$`);
    expect(formatMoney(-300, 'en')).toBe('-MOP$3.00');
    expect(formatMoney(-300, 'pt')).toBe(`-3,00${nbsp}MOP$`);
    expect(formatMoney(100_000_000, 'en')).toBe('MOP$1,000,000.00');
  });

  it('writes the plain decimal of reports', () => {
    expect(decimalPatacas(123_450)).toBe('1234.50');
    expect(decimalPatacas(-7)).toBe('-0.07');
  });

  it('refuses fractions of an avo and unsafe sums instead of rounding them', () => {
    expect(() => formatMoney(10.5, 'en')).toThrow(MoneyError);
    expect(() => lineTotal(1.1, 3)).toThrow(MoneyError);
    expect(() => lineTotal(100, -1)).toThrow(MoneyError);
    expect(() => sumAvos([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyError);
  });
});

const line = fc.record({
  unitAvos: fc.integer({ min: 0, max: 5_000_000 }),
  quantity: fc.integer({ min: 0, max: 50 }),
});
const basket = fc.array(line, { maxLength: 40 });

/** Reads a written amount back with BigInt arithmetic: whatever the style, only digits and the sign carry value. */
function readBack(text: string): bigint {
  const digits = text.replace(/\D/g, '');
  return (text.startsWith('-') ? -1n : 1n) * BigInt(digits);
}

describe('money over any basket (property)', () => {
  it('the total is the exact sum of quantity × price, in any order', () => {
    fc.assert(
      fc.property(basket, (lines) => {
        const exact = lines.reduce((sum, l) => sum + BigInt(l.unitAvos) * BigInt(l.quantity), 0n);
        expect(BigInt(basketTotal(lines))).toBe(exact);
        expect(basketTotal([...lines].reverse())).toBe(basketTotal(lines));
      }),
    );
  });

  it('adding line by line and item by item give the same total (no drift from splitting)', () => {
    fc.assert(
      fc.property(basket, (lines) => {
        const itemByItem = lines.flatMap((l) => Array.from({ length: l.quantity }, () => l.unitAvos));
        expect(sumAvos(itemByItem)).toBe(basketTotal(lines));
      }),
    );
  });

  it('the written total reads back as the same number of avos in every language', () => {
    fc.assert(
      fc.property(basket, fc.constantFrom(...languages), (lines, language) => {
        const total = basketTotal(lines);
        expect(readBack(formatMoney(total, language))).toBe(BigInt(total));
        expect(readBack(decimalPatacas(total))).toBe(BigInt(total));
      }),
    );
  });

  it('any amount keeps two decimals and groups every three digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (avos) => {
        expect(formatMoney(avos, 'en')).toMatch(/^-?MOP\$\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(formatMoney(avos, 'pt')).toMatch(/^-?\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0MOP\$$/);
      }),
    );
  });
});
