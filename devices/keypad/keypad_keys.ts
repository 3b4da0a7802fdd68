/**
 * The keys of a tactile navigation keypad (EN 301 549 §5.1 closed functionality: a resident who cannot see the
 * screen operates the kiosk with these and audio alone). Keypads come as four arrows or as a 0–9 pad with a raised
 * 5; both have Enter, Back, Help and volume. The driver turns every report into these names, so nothing above
 * devices/ ever sees a HID usage.
 */
export const keypadKeys = [
  'up',
  'down',
  'left',
  'right',
  'enter',
  'back',
  'help',
  'volume-up',
  'volume-down',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
] as const;
export type KeypadKey = (typeof keypadKeys)[number];

/** One key going down on the keypad (a held key counts once, however long it is held). */
export interface KeypadPress {
  key: KeypadKey;
}
