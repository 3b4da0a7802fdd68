import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KeypadKey, keypadKeys } from './keypad_keys.js';
import {
  bootKeyboardLayout,
  compositeLayout,
  consumerReport,
  defaultKeyboardTable,
  KeypadReportDecoder,
  keyboardReport,
  pressReports,
  usageOf,
} from './keypad_report.js';

const layouts = [compositeLayout, bootKeyboardLayout] as const;
const anyKey = fc.constantFrom(...keypadKeys);

function pressedBy(decoder: KeypadReportDecoder, reports: readonly Uint8Array[]): KeypadKey[] {
  return reports.flatMap((report) => {
    const decoded = decoder.push(report);
    return decoded.ok ? decoded.value.pressed : [];
  });
}

describe('tactile keypad reports', () => {
  it('has a usage for every key in the factory table, and only known keys in it', () => {
    for (const key of keypadKeys)
      for (const layout of layouts) expect(() => usageOf(key, layout)).not.toThrow();
    for (const key of defaultKeyboardTable.values()) expect(keypadKeys).toContain(key);
  });

  it('turns any sequence of presses back into the same keys, on either layout', () => {
    fc.assert(
      fc.property(fc.constantFrom(...layouts), fc.array(anyKey, { maxLength: 40 }), (layout, keys) => {
        const decoder = new KeypadReportDecoder(layout);
        expect(
          pressedBy(
            decoder,
            keys.flatMap((key) => pressReports(key, layout)),
          ),
        ).toEqual(keys);
      }),
    );
  });

  it('counts a held key once, however many reports repeat it, and again after it is released', () => {
    fc.assert(
      fc.property(anyKey, fc.integer({ min: 1, max: 20 }), (key, repeats) => {
        const [down, up] = pressReports(key, compositeLayout) as [Uint8Array, Uint8Array];
        const decoder = new KeypadReportDecoder(compositeLayout);
        const held = Array.from({ length: repeats }, () => down);
        expect(pressedBy(decoder, [...held, up, down, up])).toEqual([key, key]);
      }),
    );
  });

  it('counts the newly pressed key only when keys roll over (next down before the last comes up)', () => {
    const decoder = new KeypadReportDecoder(compositeLayout);
    const up = usageOf('up', compositeLayout).usage;
    const enter = usageOf('enter', compositeLayout).usage;
    const reports = [
      keyboardReport(compositeLayout, [up]),
      keyboardReport(compositeLayout, [up, enter]),
      keyboardReport(compositeLayout, [enter]),
      keyboardReport(compositeLayout, []),
    ];
    expect(pressedBy(decoder, reports)).toEqual(['up', 'enter']);
  });

  it('skips phantom-state reports (ErrorRollOver) without forgetting what is held', () => {
    const decoder = new KeypadReportDecoder(compositeLayout);
    const down = usageOf('down', compositeLayout).usage;
    const reports = [
      keyboardReport(compositeLayout, [down]),
      keyboardReport(compositeLayout, [0x01, 0x01, 0x01, 0x01, 0x01, 0x01]),
      keyboardReport(compositeLayout, [down]),
    ];
    expect(pressedBy(decoder, reports)).toEqual(['down']);
  });

  it('reports keys the table does not know as unmapped and still reads the known ones beside them', () => {
    const decoder = new KeypadReportDecoder(compositeLayout);
    const help = usageOf('help', compositeLayout).usage;
    expect(decoder.push(keyboardReport(compositeLayout, [0x04, help]))).toEqual({
      ok: true,
      value: { pressed: ['help'], unmapped: [0x04] },
    });
    expect(decoder.push(consumerReport(compositeLayout, 0xcd))).toEqual({
      ok: true,
      value: { pressed: [], unmapped: [0xcd] },
    });
  });

  it('refuses reports of the wrong size or id as values, and keeps working after them', () => {
    const decoder = new KeypadReportDecoder(compositeLayout);
    expect(decoder.push(new Uint8Array([]))).toMatchObject({
      ok: false,
      error: { code: 'malformed-report' },
    });
    expect(decoder.push(new Uint8Array([0x01, 0, 0]))).toMatchObject({
      ok: false,
      error: { code: 'malformed-report' },
    });
    expect(decoder.push(new Uint8Array([0x02, 0xe9]))).toMatchObject({
      ok: false,
      error: { code: 'malformed-report' },
    });
    expect(decoder.push(new Uint8Array(9).fill(7))).toEqual({
      ok: false,
      error: { code: 'unexpected-report-id', reportId: 7 },
    });
    expect(pressedBy(decoder, pressReports('enter', compositeLayout))).toEqual(['enter']);
  });

  it('never throws, whatever bytes arrive, and only ever names keypad keys', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...layouts),
        fc.array(fc.uint8Array({ maxLength: 12 }), { maxLength: 30 }),
        (layout, reports) => {
          const decoder = new KeypadReportDecoder(layout);
          for (const key of pressedBy(decoder, reports)) expect(keypadKeys).toContain(key);
        },
      ),
    );
  });

  it('forgets held keys on reset (a key held through an unplug counts again after it)', () => {
    const decoder = new KeypadReportDecoder(compositeLayout);
    const [down] = pressReports('volume-up', compositeLayout) as [Uint8Array];
    expect(pressedBy(decoder, [down])).toEqual(['volume-up']);
    decoder.reset();
    expect(pressedBy(decoder, [down])).toEqual(['volume-up']);
  });
});
