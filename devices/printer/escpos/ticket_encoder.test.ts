import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEscPos } from './stream_parser.js';
import { encodeTicket, type TicketBlock } from './ticket_encoder.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

describe('ticket encoder', () => {
  it('starts with ESC @ and the PC858 table, ends with feed-and-partial-cut', () => {
    const encoded = encodeTicket({ blocks: [{ kind: 'text', text: 'Olá' }] });
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    const h = hex(encoded.value.bytes);
    expect(h.startsWith('1b 40 1b 74 13')).toBe(true);
    expect(h).toContain('4f 6c a0 0a'); // "Olá" in PC858 (á = 0xA0), then LF
    expect(h.endsWith('1d 56 42 00')).toBe(true);
    expect(encoded.value.replacedChars).toBe(0);
  });

  it('counts characters the code page lacks', () => {
    const encoded = encodeTicket({ blocks: [{ kind: 'text', text: '澳門 Macau' }] });
    expect(encoded).toMatchObject({ ok: true, value: { replacedChars: 2 } });
  });

  it('returns typed errors for content the printer cannot print', () => {
    const bitmap = { width: 640, height: 1, data: new Uint8Array(80) };
    expect(encodeTicket({ blocks: [{ kind: 'raster', bitmap }] })).toEqual({
      ok: false,
      error: { code: 'raster-too-wide', block: 0, width: 640, max: 576 },
    });
    expect(
      encodeTicket({
        blocks: [{ kind: 'raster', bitmap: { width: 8, height: 2, data: new Uint8Array(1) } }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-bitmap' },
    });
    expect(encodeTicket({ blocks: [{ kind: 'qr', data: '' }] })).toEqual({
      ok: false,
      error: { code: 'empty-qr', block: 0 },
    });
    expect(encodeTicket({ blocks: [{ kind: 'qr', data: 'x'.repeat(8000) }] })).toEqual({
      ok: false,
      error: { code: 'qr-too-long', block: 0, bytes: 8000 },
    });
    expect(encodeTicket({ blocks: [{ kind: 'text', text: 'x', width: 9 }] })).toMatchObject({
      ok: false,
      error: { code: 'bad-size' },
    });
    expect(encodeTicket({ blocks: [{ kind: 'feed', lines: 300 }] })).toMatchObject({
      ok: false,
      error: { code: 'bad-size' },
    });
  });

  const block: fc.Arbitrary<TicketBlock> = fc.oneof(
    fc.record({
      kind: fc.constant('text' as const),
      text: fc.string({ maxLength: 40 }),
      width: fc.integer({ min: 0, max: 9 }),
      height: fc.integer({ min: 0, max: 9 }),
    }),
    fc.record({ kind: fc.constant('qr' as const), data: fc.string({ maxLength: 40 }) }),
    fc.record({ kind: fc.constant('feed' as const), lines: fc.integer({ min: -1, max: 300 }) }),
    fc
      .record({
        width: fc.integer({ min: 0, max: 700 }),
        height: fc.integer({ min: 0, max: 30 }),
        extra: fc.integer({ min: -1, max: 1 }),
      })
      .map(({ width, height, extra }) => ({
        kind: 'raster' as const,
        bitmap: { width, height, data: new Uint8Array(Math.max(0, Math.ceil(width / 8) * height + extra)) },
      })),
  );

  it('any ticket: a typed error or bytes that parse back without unknown commands; never a throw', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), (blocks) => {
        const encoded = encodeTicket({ blocks });
        if (!encoded.ok) {
          expect(['empty-qr', 'qr-too-long', 'raster-too-wide', 'bad-bitmap', 'bad-size']).toContain(
            encoded.error.code,
          );
          return;
        }
        const commands = parseEscPos(encoded.value.bytes);
        expect(commands.filter((c) => c.op === 'unknown')).toEqual([]);
        expect(commands.at(-1)).toEqual({ op: 'cut', kind: 'partial', feed: 0 });
      }),
    );
  });
});
