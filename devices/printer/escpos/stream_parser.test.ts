import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EscPosStreamParser, parseEscPos } from './stream_parser.js';
import { encodeTicket } from './ticket_encoder.js';

describe('ESC/POS stream parser', () => {
  it('parses an encoded ticket into its commands with nothing unknown', () => {
    const encoded = encodeTicket({
      blocks: [
        { kind: 'text', text: 'Olá', bold: true },
        { kind: 'raster', bitmap: { width: 8, height: 2, data: Uint8Array.of(0xff, 0x81) } },
        { kind: 'qr', data: '1234', moduleSize: 3, errorLevel: 'L' },
      ],
    });
    if (!encoded.ok) throw new Error('encode failed');
    const ops = parseEscPos(encoded.value.bytes).map((c) => c.op);
    expect(ops).not.toContain('unknown');
    expect(ops).toEqual(
      expect.arrayContaining([
        'init',
        'code-table',
        'emphasis',
        'text',
        'line-feed',
        'raster',
        'qr-store',
        'qr-print',
        'cut',
      ]),
    );
  });

  it('waits for the rest of a command split across chunks', () => {
    const parser = new EscPosStreamParser();
    expect(parser.push(Uint8Array.of(0x1d, 0x76, 0x30, 0x00, 0x01, 0x00))).toEqual([]);
    expect(parser.push(Uint8Array.of(0x02, 0x00, 0xc0))).toEqual([]);
    expect(parser.push(Uint8Array.of(0x00))).toEqual([
      { op: 'raster', mode: 0, widthBytes: 1, heightDots: 2, data: Uint8Array.of(0xc0, 0x00) },
    ]);
  });

  it('reports unknown commands and a truncated tail instead of throwing', () => {
    expect(parseEscPos(Uint8Array.of(0x1b, 0x99, 0x41))).toEqual([
      { op: 'unknown', bytes: Uint8Array.of(0x1b, 0x99), reason: 'ESC 0x99' },
      { op: 'text', bytes: Uint8Array.of(0x41) },
    ]);
    expect(parseEscPos(Uint8Array.of(0x1d, 0x28, 0x6b, 0x10))).toEqual([
      { op: 'unknown', bytes: Uint8Array.of(0x1d, 0x28, 0x6b, 0x10), reason: 'truncated' },
    ]);
  });

  it('arbitrary bytes: never throws, and chunking does not change the result', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.nat(400), { maxLength: 6 }),
        (bytes, cuts) => {
          const whole = parseEscPos(bytes);
          const parser = new EscPosStreamParser();
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunked = [];
          let from = 0;
          for (const point of [...points, bytes.length]) {
            chunked.push(...parser.push(bytes.subarray(from, point)));
            from = point;
          }
          if (parser.pendingBytes > 0) {
            chunked.push({
              op: 'unknown' as const,
              bytes: bytes.slice(bytes.length - parser.pendingBytes),
              reason: 'truncated',
            });
          }
          // Text runs may be split differently; compare the bytes they carry and every other command.
          const flatten = (cmds: typeof whole) => {
            const out: unknown[] = [];
            for (const c of cmds) {
              if (c.op === 'text') out.push(...Array.from(c.bytes, (b) => ['t', b]));
              else out.push(c);
            }
            return out;
          };
          expect(flatten(chunked)).toEqual(flatten(whole));
        },
      ),
    );
  });
});
