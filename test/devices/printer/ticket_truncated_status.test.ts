// Fault: DLE EOT replies come back empty, malformed, or not at all.
import { describe, expect, it } from 'vitest';
import { linesTicket, ticketRig } from './rig.js';

describe('ticket printer: truncated status replies', () => {
  it('retries after a zero-length reply and prints', async () => {
    const { sim, printer } = ticketRig();
    sim.statusReplyFaults.push('empty');
    expect(await printer.printTicket(linesTicket(2))).toEqual({ ok: true });
    expect(sim.engine.tickets).toHaveLength(1);
  });

  it('retries after a byte that is not a status byte and prints', async () => {
    const { sim, printer } = ticketRig();
    sim.statusReplyFaults.push('garbage', 'garbage');
    expect(await printer.printTicket(linesTicket(2))).toEqual({ ok: true });
  });

  it('gives up with a typed error, before sending the job, when every reply is truncated', async () => {
    const { sim, printer } = ticketRig();
    sim.statusReplyFaults.push('empty', 'empty', 'empty');
    const outcome = await printer.printTicket(linesTicket(2));
    expect(outcome).toEqual({
      ok: false,
      error: { reason: 'error', detail: 'status-unreadable: empty-reply' },
    });
    expect(printer.status()).toMatchObject({ state: 'error', code: 'status-unreadable' });
    expect(sim.engine.current).toEqual([]);
    expect(sim.engine.tickets).toEqual([]);
  });

  it('times out when the printer never answers, and recovers on the next job', async () => {
    const { sim, printer } = ticketRig();
    sim.statusReplyFaults.push('silent', 'silent', 'silent');
    const started = Date.now();
    expect(await printer.printTicket(linesTicket(2))).toEqual({ ok: false, error: { reason: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await printer.printTicket(linesTicket(2))).toEqual({ ok: true });
  });

  it('a truncated reply mid-job does not confirm a print the printer did not confirm', async () => {
    const { sim, printer } = ticketRig({ paperLines: 3 });
    // The first poll's reply is lost; the retry succeeds, the job runs the roll out, and the fault still wins.
    sim.statusReplyFaults.push('empty');
    const outcome = await printer.printTicket(linesTicket(6));
    expect(outcome).toEqual({ ok: false, error: { reason: 'no-paper' } });
  });
});
