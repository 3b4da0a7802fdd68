import type { Language } from './languages.js';

/**
 * Money in Balcão is integer avos (1 pataca = 100 avos), from the backend's prices to the receipt: sums and
 * products are integer arithmetic checked to stay exact (`Number.isSafeInteger`), so no basket ever drifts by an
 * avo. Patacas appear only when an amount is written for a person, and that writing is done here digit by digit
 * rather than through `Intl.NumberFormat(…, { currency: 'MOP' })`: Node's and Chromium's ICU disagree on the
 * symbol ("MOP" or "MOP$") and Portuguese leaves four-digit amounts ungrouped, where the kiosk must print the same
 * text on screen and on paper in every build:
 *
 * - zh-Hant, zh-Hans, en: `MOP$1,234.50`, `-MOP$3.00`
 * - pt: `1 234,50 MOP$` (no-break spaces, so an amount never wraps), `-3,00 MOP$`
 */

export type Avos = number;

export class MoneyError extends Error {}

function checked(avos: number, what: string): Avos {
  if (!Number.isSafeInteger(avos)) throw new MoneyError(`${what} is not a whole number of avos: ${avos}`);
  return avos;
}

/** `unitAvos × quantity`, exact. */
export function lineTotal(unitAvos: Avos, quantity: number): Avos {
  checked(unitAvos, 'price');
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new MoneyError(`bad quantity ${quantity}`);
  return checked(unitAvos * quantity, 'line total');
}

/** The sum of amounts, exact (an overflow past 2^53 avos is a bug, not a rounding). */
export function sumAvos(amounts: Iterable<Avos>): Avos {
  let total = 0;
  for (const amount of amounts) total = checked(total + checked(amount, 'amount'), 'total');
  return total;
}

export function basketTotal(lines: Iterable<{ unitAvos: Avos; quantity: number }>): Avos {
  const totals: Avos[] = [];
  for (const line of lines) totals.push(lineTotal(line.unitAvos, line.quantity));
  return sumAvos(totals);
}

const noBreakSpace = '\u00a0';

interface MoneyStyle {
  group: string;
  decimal: string;
  symbolFirst: boolean;
}

const styles: Record<Language, MoneyStyle> = {
  'zh-Hant': { group: ',', decimal: '.', symbolFirst: true },
  'zh-Hans': { group: ',', decimal: '.', symbolFirst: true },
  en: { group: ',', decimal: '.', symbolFirst: true },
  pt: { group: noBreakSpace, decimal: ',', symbolFirst: false },
};

function grouped(digits: string, separator: string): string {
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    out = digits.slice(start, end) + (out === '' ? '' : separator + out);
  }
  return out;
}

/** An amount of avos as a person in `language` writes patacas. */
export function formatMoney(avos: Avos, language: Language): string {
  checked(avos, 'amount');
  const style = styles[language];
  const magnitude = Math.abs(avos);
  const patacas = grouped(String(Math.floor(magnitude / 100)), style.group);
  const cents = String(magnitude % 100).padStart(2, '0');
  const number = `${patacas}${style.decimal}${cents}`;
  const sign = avos < 0 ? '-' : '';
  return style.symbolFirst ? `${sign}MOP$${number}` : `${sign}${number}${noBreakSpace}MOP$`;
}

/** Avos as the plain decimal a CSV or a JSON report carries: `1234.50`, `-3.00`. */
export function decimalPatacas(avos: Avos): string {
  checked(avos, 'amount');
  const magnitude = Math.abs(avos);
  return `${avos < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}
