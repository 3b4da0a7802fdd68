// Fault recovery: the printer is plugged back in after being unplugged.
import { describe, expect, it } from 'vitest';
import { linesTicket, ticketRig } from './rig.js';

describe('ticket printer: replugged', () => {
  it('reopens the device on the next job and prints', async () => {
    const { sim, printer, states, opens } = ticketRig();
    expect(await printer.printTicket(linesTicket(1, 'Antes'))).toEqual({ ok: true });
    expect(opens()).toBe(1);
    sim.unplug();
    expect(await printer.printTicket(linesTicket(1, 'Durante'))).toEqual({
      ok: false,
      error: { reason: 'disconnected' },
    });
    sim.replug();
    expect(await printer.printTicket(linesTicket(2, 'Depois'))).toEqual({ ok: true });
    // The stale handle failed the middle job; the driver then opened the device afresh after the replug.
    expect(opens()).toBe(2);
    expect(sim.engine.tickets.map((t) => t.items.map((i) => (i.kind === 'text' ? i.text : i.kind)))).toEqual([
      ['Antes 1'],
      ['Depois 1', 'Depois 2'],
    ]);
    expect(states).toEqual([
      { state: 'busy' },
      { state: 'ready' },
      { state: 'disconnected' },
      { state: 'busy' },
      { state: 'ready' },
    ]);
  });

  it('refreshStatus after replug reports ready again', async () => {
    const { sim, printer } = ticketRig();
    sim.unplug();
    expect(await printer.refreshStatus()).toEqual({ state: 'disconnected' });
    sim.replug();
    expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
  });
});
