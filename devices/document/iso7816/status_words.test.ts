import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeStatusWord, formatStatusWord } from './status_words.js';

describe('status words', () => {
  it('types the words an eMRTD reader meets', () => {
    expect(describeStatusWord(0x9000)).toEqual({ kind: 'success', sw: 0x9000 });
    expect(describeStatusWord(0x6110)).toEqual({ kind: 'more-data', sw: 0x6110, available: 16 });
    expect(describeStatusWord(0x6100)).toEqual({ kind: 'more-data', sw: 0x6100, available: 256 });
    expect(describeStatusWord(0x6c04)).toEqual({ kind: 'wrong-le', sw: 0x6c04, exactLength: 4 });
    expect(describeStatusWord(0x63c2)).toEqual({ kind: 'retries-left', sw: 0x63c2, retries: 2 });
    expect(describeStatusWord(0x6282)).toEqual({
      kind: 'warning',
      sw: 0x6282,
      code: 'end-of-file-before-ne',
    });
    expect(describeStatusWord(0x6982)).toEqual({
      kind: 'error',
      sw: 0x6982,
      code: 'security-status-not-satisfied',
    });
    expect(describeStatusWord(0x6988)).toEqual({
      kind: 'error',
      sw: 0x6988,
      code: 'secure-messaging-objects-incorrect',
    });
    expect(describeStatusWord(0x6a82)).toEqual({ kind: 'error', sw: 0x6a82, code: 'file-not-found' });
    expect(describeStatusWord(0x6a81)).toEqual({ kind: 'error', sw: 0x6a81, code: 'function-not-supported' });
    expect(describeStatusWord(0x6d00)).toEqual({
      kind: 'error',
      sw: 0x6d00,
      code: 'instruction-not-supported',
    });
    expect(describeStatusWord(0x6a99)).toEqual({ kind: 'unknown-error', sw: 0x6a99 });
    expect(describeStatusWord(0x1234)).toEqual({ kind: 'invalid', sw: 0x1234 });
    expect(formatStatusWord(0x6a82)).toBe('6A82');
  });

  it('gives every 16-bit value a meaning without throwing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), (sw) => {
        expect(describeStatusWord(sw).sw).toBe(sw);
      }),
    );
  });
});
