// Fault: the cover is opened (paper change, jam) — before a job, and while it prints.
import { describe, expect, it } from 'vitest';
import { afterMs, linesTicket, ticketRig } from './rig.js';

describe('ticket printer: cover opened', () => {
  it('fails mid-print with cover-open and flushes the rest of the job', async () => {
    const { sim, printer, states } = ticketRig({ latencyMsPerLine: 5 });
    afterMs(40, () => sim.openCover());
    const outcome = await printer.printTicket(linesTicket(40));
    expect(outcome).toEqual({ ok: false, error: { reason: 'cover-open' } });
    expect(states).toEqual([{ state: 'busy' }, { state: 'cover-open' }]);
    const printed = sim.engine.current.length;
    expect(printed).toBeGreaterThan(0);
    expect(printed).toBeLessThan(40);
    expect(sim.softResets.length).toBe(1);
    // Closing the cover does not let the abandoned remainder print.
    sim.closeCover();
    await new Promise((r) => setTimeout(r, 30));
    expect(sim.engine.current.length).toBe(printed);
    expect(sim.engine.tickets).toEqual([]);
    expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
  });

  it('refuses to start a job while the cover is open', async () => {
    const { sim, printer } = ticketRig();
    sim.openCover();
    expect(await printer.printTicket(linesTicket(2))).toEqual({
      ok: false,
      error: { reason: 'cover-open' },
    });
    expect(sim.bytesReceived).toBe(4 * 3);
    sim.closeCover();
    expect(await printer.printTicket(linesTicket(2))).toEqual({ ok: true });
  });
});
