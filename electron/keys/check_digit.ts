/**
 * The Damm check digit (H. M. Damm, 2004): catches every single-digit error and every transposition of adjacent
 * digits, the two mistakes people make typing a code on a keypad, with no extra symbol (Luhn misses 09↔90).
 */
const table = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

function interim(digits: string): number {
  let state = 0;
  for (const c of digits) state = table[state]![Number(c)]!;
  return state;
}

export function dammCheckDigit(digits: string): string {
  if (!/^\d*$/.test(digits)) throw new RangeError('digits only');
  return String(interim(digits));
}

/** True when the last digit is the Damm check digit of the others. */
export function hasValidDammCheckDigit(digits: string): boolean {
  return /^\d+$/.test(digits) && interim(digits) === 0;
}
