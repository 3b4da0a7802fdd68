/**
 * ICAO 9303 Part 3 §4.9 check digits: characters valued 0–9, A=10 … Z=35, filler `<` = 0; weights 7,3,1 repeating
 * from the left; the digit is the weighted sum modulo 10.
 */

const WEIGHTS = [7, 3, 1] as const;

/** The value of one MRZ character, or undefined for a character outside `0-9 A-Z <`. */
export function mrzCharacterValue(character: string): number | undefined {
  const code = character.charCodeAt(0);
  if (character.length !== 1) return undefined;
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (character === '<') return 0;
  return undefined;
}

/** The check digit of `text`, or undefined when it holds a character outside the MRZ alphabet. */
export function computeCheckDigit(text: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const value = mrzCharacterValue(text[i]!);
    if (value === undefined) return undefined;
    sum += value * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}

export function isMrzCharacter(character: string): boolean {
  return mrzCharacterValue(character) !== undefined;
}
