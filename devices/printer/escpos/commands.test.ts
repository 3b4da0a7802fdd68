import { describe, expect, it } from 'vitest';
import {
  align,
  characterSize,
  emphasis,
  feedAndCut,
  initialize,
  processIdRequest,
  qrCode,
  rasterImage,
  realtimeStatusRequest,
  selectCharacterTable,
} from './commands.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const ascii = (s: string) => new TextEncoder().encode(s);

describe('ESC/POS command bytes (protocols.md §5 vectors)', () => {
  it('ESC @, ESC t, ESC a, ESC E, GS !', () => {
    expect(hex(initialize())).toBe('1b 40');
    expect(hex(selectCharacterTable(19))).toBe('1b 74 13');
    expect(hex(align('center'))).toBe('1b 61 01');
    expect(hex(emphasis(true))).toBe('1b 45 01');
    expect(hex(characterSize(2, 3))).toBe('1d 21 12');
    expect(() => characterSize(9, 1)).toThrow(RangeError);
  });

  it('QR with python-escpos defaults for "1234" matches the published bytes', () => {
    expect(hex(qrCode(ascii('1234'), 3, 'L'))).toBe(
      '1d 28 6b 04 00 31 41 32 00 1d 28 6b 03 00 31 43 03 1d 28 6b 03 00 31 45 30 ' +
        '1d 28 6b 07 00 31 50 30 31 32 33 34 1d 28 6b 03 00 31 51 30',
    );
    expect(hex(qrCode(ascii('1234'), 7, 'H'))).toContain('31 43 07 1d 28 6b 03 00 31 45 33');
  });

  it('raster GS v 0: 1×1 black dot and a 1-byte × 2-row image', () => {
    const [dot] = rasterImage({ width: 1, height: 1, data: Uint8Array.of(0x80) }, 128);
    expect(hex(dot!)).toBe('1d 76 30 00 01 00 01 00 80');
    const [bw] = rasterImage({ width: 2, height: 2, data: Uint8Array.of(0xc0, 0x00) }, 128);
    expect(hex(bw!)).toBe('1d 76 30 00 01 00 02 00 c0 00');
  });

  it('splits a tall raster into bands with x in bytes and y in dots', () => {
    const bitmap = { width: 576, height: 300, data: new Uint8Array(72 * 300) };
    const bands = rasterImage(bitmap, 128);
    expect(bands.map((b) => hex(b.subarray(0, 8)))).toEqual([
      '1d 76 30 00 48 00 80 00',
      '1d 76 30 00 48 00 80 00',
      '1d 76 30 00 48 00 2c 00',
    ]);
    expect(bands.reduce((n, b) => n + b.length - 8, 0)).toBe(72 * 300);
  });

  it('cut: feed-to-cutter partial cut (python-escpos cut(feed=False) = 1D 56 42 00)', () => {
    expect(hex(feedAndCut('partial'))).toBe('1d 56 42 00');
    expect(hex(feedAndCut('full', 3))).toBe('1d 56 41 03');
  });

  it('real-time status and process ID', () => {
    expect(hex(realtimeStatusRequest(4))).toBe('10 04 04');
    expect(hex(processIdRequest('0001'))).toBe('1d 28 48 06 00 30 30 30 30 30 31');
    expect(() => processIdRequest('toolong')).toThrow(RangeError);
  });
});
