/**
 * US keyboard layout, HID Keyboard page (0x07) usage ↔ character, as protocols.md §6.1 extracts it from
 * `arduino-libraries/Keyboard@8d86130:src/KeyboardLayout_en_US.cpp` (cross-checked with Linux usbkbd.c).
 * Keyboard-wedge scanners type their data with exactly these keys.
 */

export const USAGE_ENTER = 0x28;
export const USAGE_KEYPAD_ENTER = 0x58;
export const USAGE_CAPS_LOCK = 0x39;
/** Phantom-state usages (ErrorRollOver, POSTFail, ErrorUndefined): not keys; the report carries no key state. */
export const USAGE_ERROR_ROLL_OVER = 0x01;
export const USAGE_POST_FAIL = 0x02;
export const USAGE_ERROR_UNDEFINED = 0x03;

export const MODIFIER_LEFT_SHIFT = 0x02;
export const MODIFIER_RIGHT_SHIFT = 0x20;
/** Ctrl, Alt, GUI on either side: chords a barcode never needs in US ASCII. */
export const MODIFIERS_NON_SHIFT = 0xdd;

const shiftedDigits = '!@#$%^&*(';
/** usage → [plain, shifted] for the symbol keys 0x2C…0x38 (0x32 is non-US # and absent from the US map). */
const symbolKeys: ReadonlyArray<readonly [number, string, string]> = [
  [0x2c, ' ', ' '],
  [0x2d, '-', '_'],
  [0x2e, '=', '+'],
  [0x2f, '[', '{'],
  [0x30, ']', '}'],
  [0x31, '\\', '|'],
  [0x33, ';', ':'],
  [0x34, "'", '"'],
  [0x35, '`', '~'],
  [0x36, ',', '<'],
  [0x37, '.', '>'],
  [0x38, '/', '?'],
];
/** Keypad (Num Lock on, as scanners assume): 0x54 / · 0x55 * · 0x56 - · 0x57 + · 0x59–0x61 1–9 · 0x62 0 · 0x63 . */
const keypad: ReadonlyArray<readonly [number, string]> = [
  [0x54, '/'],
  [0x55, '*'],
  [0x56, '-'],
  [0x57, '+'],
  [0x59, '1'],
  [0x5a, '2'],
  [0x5b, '3'],
  [0x5c, '4'],
  [0x5d, '5'],
  [0x5e, '6'],
  [0x5f, '7'],
  [0x60, '8'],
  [0x61, '9'],
  [0x62, '0'],
  [0x63, '.'],
];

const plainByUsage = new Map<number, string>();
const shiftedByUsage = new Map<number, string>();
const keyByChar = new Map<string, { usage: number; shift: boolean }>();

for (let i = 0; i < 26; i++) {
  const lower = String.fromCharCode(0x61 + i);
  plainByUsage.set(0x04 + i, lower);
  shiftedByUsage.set(0x04 + i, lower.toUpperCase());
}
for (let i = 0; i < 9; i++) {
  plainByUsage.set(0x1e + i, String(i + 1));
  shiftedByUsage.set(0x1e + i, shiftedDigits[i]!);
}
plainByUsage.set(0x27, '0');
shiftedByUsage.set(0x27, ')');
plainByUsage.set(0x2b, '\t');
shiftedByUsage.set(0x2b, '\t');
for (const [usage, plain, shifted] of symbolKeys) {
  plainByUsage.set(usage, plain);
  shiftedByUsage.set(usage, shifted);
}
for (const [usage, char] of keypad) {
  plainByUsage.set(usage, char);
  shiftedByUsage.set(usage, char);
}
// The reverse map prefers the main keys (iterated first) over keypad duplicates, as scanners do.
for (const [usage, char] of plainByUsage)
  if (!keyByChar.has(char)) keyByChar.set(char, { usage, shift: false });
for (const [usage, char] of shiftedByUsage)
  if (!keyByChar.has(char)) keyByChar.set(char, { usage, shift: true });

/** The character a key types, or undefined for keys that type none (F-keys, arrows, Esc, Backspace …). */
export function charOfUsage(usage: number, shift: boolean, capsLock: boolean): string | undefined {
  const isLetter = usage >= 0x04 && usage <= 0x1d;
  const shifted = isLetter ? shift !== capsLock : shift;
  return (shifted ? shiftedByUsage : plainByUsage).get(usage);
}

/** The key (and whether Shift is held) that types `char` on a US keyboard; undefined outside printable ASCII + Tab. */
export function usageOfChar(char: string): { usage: number; shift: boolean } | undefined {
  return keyByChar.get(char);
}
