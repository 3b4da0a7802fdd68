// encode → USB → simulated printer → parse: what the kiosk prints is what comes out of the printer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EscPosTicketPrinter } from '../ticket/escpos_ticket_printer.js';
import { EscPosTicketPrinterSimulator } from './escpos_ticket_printer_simulator.js';

const latin1Char = fc
  .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
  .map((code) => String.fromCharCode(code));
const portugueseChar = fc.constantFrom(...'ãõçáàâéêíóôúÃÕÇÁÀÂÉÊÍÓÔÚ ºª€'.split(''));
const line = fc.array(fc.oneof(latin1Char, portugueseChar), { maxLength: 60 }).map((cs) => cs.join(''));

function rig() {
  const sim = new EscPosTicketPrinterSimulator();
  const printer = new EscPosTicketPrinter({ open: async () => sim.open(), transferTimeoutMs: 100 });
  return { sim, printer };
}

describe('round trip through the simulated printer', () => {
  it('any Latin-1 Portuguese text printed comes back identical', async () => {
    const { sim, printer } = rig();
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 6 }), async (lines) => {
        const before = sim.engine.tickets.length;
        const outcome = await printer.printTicket({ blocks: [{ kind: 'text', text: lines.join('\n') }] });
        expect(outcome).toEqual({ ok: true });
        const ticket = sim.engine.tickets[before];
        expect(ticket?.items.map((i) => (i.kind === 'text' ? i.text : i.kind))).toEqual(lines);
      }),
      { numRuns: 60 },
    );
    expect(sim.engine.unknownCommands).toEqual([]);
  });

  it('QR payloads and raster sizes come back as sent', async () => {
    const { sim, printer } = rig();
    const payload = fc.string({ minLength: 1, maxLength: 120 });
    const size = fc.record({
      width: fc.integer({ min: 1, max: 576 }),
      height: fc.integer({ min: 1, max: 400 }),
    });
    await fc.assert(
      fc.asyncProperty(payload, size, async (data, { width, height }) => {
        const before = sim.engine.tickets.length;
        const bitmap = { width, height, data: new Uint8Array(Math.ceil(width / 8) * height) };
        const outcome = await printer.printTicket({
          blocks: [
            { kind: 'raster', bitmap },
            { kind: 'qr', data },
          ],
        });
        expect(outcome).toEqual({ ok: true });
        const items = sim.engine.tickets[before]?.items ?? [];
        expect(items[0]).toMatchObject({
          kind: 'raster',
          widthDots: Math.ceil(width / 8) * 8,
          heightDots: height,
        });
        expect(items[1]).toMatchObject({ kind: 'qr', payload: data });
      }),
      { numRuns: 40 },
    );
  });
});
