// Fault: the paper roll runs out — before a job, and in the middle of one.
import { describe, expect, it } from 'vitest';
import { linesTicket, ticketRig } from './rig.js';

describe('ticket printer: paper out', () => {
  it('fails mid-print with no-paper, flushes the rest of the job, and prints nothing more after a refill', async () => {
    const { sim, printer, states } = ticketRig({ paperLines: 5 });
    const outcome = await printer.printTicket(linesTicket(10));
    expect(outcome).toEqual({ ok: false, error: { reason: 'no-paper' } });
    expect(printer.status()).toEqual({ state: 'no-paper' });
    expect(states).toEqual([{ state: 'busy' }, { state: 'no-paper' }]);
    // Five lines made it onto paper, the ticket was never cut.
    expect(sim.engine.current.map((i) => (i.kind === 'text' ? i.text : i.kind))).toEqual([
      'Linha 1',
      'Linha 2',
      'Linha 3',
      'Linha 4',
      'Linha 5',
    ]);
    expect(sim.engine.tickets).toEqual([]);
    // SOFT_RESET flushed the printer's buffer (0x23 accepted first, as CUPS tries it first).
    expect(sim.softResets).toEqual([0x23]);
    sim.loadPaper(1000);
    await new Promise((r) => setTimeout(r, 20));
    expect(sim.engine.tickets).toEqual([]);
    expect(sim.engine.textLines()).not.toContain('Linha 6');
  });

  it('refuses a job without sending it when the roll is already empty', async () => {
    const { sim, printer } = ticketRig({ paperLines: 0 });
    const outcome = await printer.printTicket(linesTicket(2));
    expect(outcome).toEqual({ ok: false, error: { reason: 'no-paper' } });
    // Only the four DLE EOT polls went out.
    expect(sim.bytesReceived).toBe(4 * 3);
  });

  it('detects paper out while a long raster is still streaming in chunks', async () => {
    const { sim, printer } = ticketRig({ paperLines: 10, latencyMsPerLine: 1, receiveBufferBytes: 8192 });
    const tall = { width: 576, height: 600, data: new Uint8Array(72 * 600).fill(0xff) };
    const outcome = await printer.printRaster(tall);
    expect(outcome).toEqual({ ok: false, error: { reason: 'no-paper' } });
    expect(sim.engine.tickets).toEqual([]);
    expect(sim.bytesReceived).toBeLessThan(72 * 600);
  });

  it('prints again once paper is loaded', async () => {
    const { sim, printer } = ticketRig({ paperLines: 0 });
    expect((await printer.printTicket(linesTicket(1))).ok).toBe(false);
    sim.loadPaper(100);
    expect(await printer.printTicket(linesTicket(3, 'Senha'))).toEqual({ ok: true });
    expect(sim.engine.tickets[0]?.items.map((i) => (i.kind === 'text' ? i.text : i.kind))).toEqual([
      'Senha 1',
      'Senha 2',
      'Senha 3',
    ]);
    expect(printer.status()).toEqual({ state: 'ready' });
  });
});
