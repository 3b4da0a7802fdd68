// Fault: the printer's USB cable is pulled while a ticket prints.
import { describe, expect, it } from 'vitest';
import { afterMs, linesTicket, ticketRig } from './rig.js';

describe('ticket printer: unplugged mid-print', () => {
  it('fails with disconnected, publishes it, and later jobs fail fast instead of hanging', async () => {
    const { sim, printer, states } = ticketRig({ latencyMsPerLine: 5 });
    afterMs(30, () => sim.unplug());
    const outcome = await printer.printTicket(linesTicket(50));
    expect(outcome).toEqual({ ok: false, error: { reason: 'disconnected' } });
    expect(states.at(-1)).toEqual({ state: 'disconnected' });
    expect(sim.engine.tickets).toEqual([]);

    const started = Date.now();
    expect(await printer.printTicket(linesTicket(1))).toEqual({
      ok: false,
      error: { reason: 'disconnected' },
    });
    expect(Date.now() - started).toBeLessThan(100);
    expect(await printer.refreshStatus()).toEqual({ state: 'disconnected' });
  });

  it('a status poll that loses the device reports disconnected', async () => {
    const { sim, printer } = ticketRig();
    expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
    sim.unplug();
    expect(await printer.refreshStatus()).toEqual({ state: 'disconnected' });
  });
});
