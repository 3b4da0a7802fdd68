import { describe, expect, it } from 'vitest';
import type { PrinterState } from '../../device_status.js';
import { EscPosTicketPrinterSimulator } from '../simulator/escpos_ticket_printer_simulator.js';
import { EscPosTicketPrinter } from './escpos_ticket_printer.js';
import { ACCENT_CHECK_LINE } from './test_ticket.js';

function rig(sim = new EscPosTicketPrinterSimulator()) {
  const printer = new EscPosTicketPrinter({ open: async () => sim.open(), transferTimeoutMs: 200 });
  const states: PrinterState[] = [];
  printer.onStatus((s) => states.push(s));
  return { sim, printer, states };
}

function bitmap(width: number, height: number, fill = 0xaa) {
  return { width, height, data: new Uint8Array(Math.ceil(width / 8) * height).fill(fill) };
}

describe('EscPosTicketPrinter on the simulated TM-T88V', () => {
  it('prints a ticket with text, raster and QR, and the printer receives exactly those', async () => {
    const { sim, printer, states } = rig();
    const outcome = await printer.printTicket({
      blocks: [
        { kind: 'text', text: 'Senha A023', align: 'center', bold: true, width: 2, height: 2 },
        { kind: 'text', text: 'Direcção dos Serviços de Identificação' },
        { kind: 'raster', bitmap: bitmap(576, 200) },
        { kind: 'qr', data: 'https://balcao.gov.mo/c/A023', moduleSize: 6, errorLevel: 'Q' },
      ],
      cut: 'full',
    });
    expect(outcome).toEqual({ ok: true });
    expect(sim.engine.tickets).toHaveLength(1);
    const [ticket] = sim.engine.tickets;
    expect(ticket?.cut).toBe('full');
    expect(ticket?.items).toEqual([
      { kind: 'text', text: 'Senha A023', align: 'center', bold: true, width: 2, height: 2 },
      {
        kind: 'text',
        text: 'Direcção dos Serviços de Identificação',
        align: 'left',
        bold: false,
        width: 1,
        height: 1,
      },
      { kind: 'raster', widthDots: 576, heightDots: 200, bands: 2, align: 'center' },
      {
        kind: 'qr',
        payload: 'https://balcao.gov.mo/c/A023',
        moduleSize: 6,
        errorLevel: 'Q',
        model: 2,
        modules: 29,
      },
    ]);
    expect(sim.engine.unknownCommands).toEqual([]);
    expect(states).toEqual([{ state: 'busy' }, { state: 'ready' }]);
  });

  it('printRaster prints the bitmap and cuts', async () => {
    const { sim, printer } = rig();
    expect(await printer.printRaster(bitmap(384, 50))).toEqual({ ok: true });
    expect(sim.engine.tickets[0]?.items).toEqual([
      { kind: 'raster', widthDots: 384, heightDots: 50, bands: 1, align: 'center' },
    ]);
    expect(sim.engine.tickets[0]?.cut).toBe('partial');
  });

  it('prints the self-test ticket with the model from the 1284 device ID, accents intact, and a QR', async () => {
    const { sim, printer } = rig();
    expect(await printer.printTestTicket(new Date('2026-11-27T08:00:00Z'))).toEqual({ ok: true });
    const lines = sim.engine.textLines();
    expect(lines).toContain('Modelo: EPSON TM-T88V');
    expect(lines).toContain(ACCENT_CHECK_LINE);
    const qr = sim.engine.tickets[0]?.items.find((i) => i.kind === 'qr');
    expect(qr).toMatchObject({ kind: 'qr', payload: 'BALCAO-SELFTEST 2026-11-27 08:00:00' });
  });

  it('serialises concurrent jobs: tickets come out whole and in call order', async () => {
    const { sim, printer } = rig(new EscPosTicketPrinterSimulator({ latencyMsPerLine: 1 }));
    const jobs = ['A001', 'A002', 'A003'].map((code) =>
      printer.printTicket({ blocks: [{ kind: 'text', text: `Senha ${code}\nLinha 2\nLinha 3` }] }),
    );
    expect(await Promise.all(jobs)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(sim.engine.tickets.map((t) => t.items.map((i) => (i.kind === 'text' ? i.text : i.kind)))).toEqual([
      ['Senha A001', 'Linha 2', 'Linha 3'],
      ['Senha A002', 'Linha 2', 'Linha 3'],
      ['Senha A003', 'Linha 2', 'Linha 3'],
    ]);
  });

  it('reports paper-low from the near-end sensor and still prints', async () => {
    const { printer } = rig(new EscPosTicketPrinterSimulator({ paperLines: 40, nearEndLines: 39 }));
    expect(await printer.printTicket({ blocks: [{ kind: 'text', text: 'Senha B100' }] })).toEqual({
      ok: true,
    });
    expect(printer.status()).toEqual({ state: 'paper-low' });
  });

  it('refuses a ticket the printer could not print, without touching the printer', async () => {
    const { sim, printer } = rig();
    const outcome = await printer.printRaster(bitmap(640, 10));
    expect(outcome).toEqual({
      ok: false,
      error: { reason: 'error', detail: 'bad-ticket: raster-too-wide' },
    });
    expect(sim.bytesReceived).toBe(0);
  });

  it('refreshStatus publishes the state without printing', async () => {
    const { sim, printer } = rig();
    expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
    sim.openCover();
    expect(await printer.refreshStatus()).toEqual({ state: 'cover-open' });
    expect(sim.engine.tickets).toEqual([]);
  });

  it('fails a job as a timeout, without resending, when the printer stops taking data for no reported reason', async () => {
    const sim = new EscPosTicketPrinterSimulator({ latencyMsPerLine: 10_000, receiveBufferBytes: 64 });
    const printer = new EscPosTicketPrinter({
      open: async () => sim.open(),
      transferTimeoutMs: 50,
      chunkBytes: 64,
    });
    const outcome = await printer.printTicket({
      blocks: [{ kind: 'text', text: 'x'.repeat(40).concat('\n').repeat(20) }],
    });
    expect(outcome).toEqual({ ok: false, error: { reason: 'timeout' } });
    expect(printer.status()).toEqual({ state: 'error', code: 'timeout' });
    expect(sim.softResets).toHaveLength(1);
  });

  it('gives up on a device that never finishes opening', async () => {
    const printer = new EscPosTicketPrinter({
      open: () => new Promise(() => undefined),
      transferTimeoutMs: 30,
    });
    expect(await printer.printTicket({ blocks: [{ kind: 'text', text: 'x' }] })).toEqual({
      ok: false,
      error: { reason: 'timeout' },
    });
  });

  it('on a model without GS ( H, completes with the GS r paper-status marker', async () => {
    const sim = new EscPosTicketPrinterSimulator({
      supportsProcessId: false,
      paperLines: 100,
      nearEndLines: 99,
    });
    const printer = new EscPosTicketPrinter({
      open: async () => sim.open(),
      transferTimeoutMs: 100,
      completion: 'paper-status',
    });
    expect(await printer.printTicket({ blocks: [{ kind: 'text', text: 'Senha C001' }] })).toEqual({
      ok: true,
    });
    expect(sim.engine.tickets).toHaveLength(1);
    expect(printer.status()).toEqual({ state: 'paper-low' });
  });

  it('never claims a print that the printer did not confirm (process ID configured, model lacks it)', async () => {
    const sim = new EscPosTicketPrinterSimulator({ supportsProcessId: false });
    const printer = new EscPosTicketPrinter({
      open: async () => sim.open(),
      transferTimeoutMs: 50,
      jobTimeoutMs: 200,
    });
    expect(await printer.printTicket({ blocks: [{ kind: 'text', text: 'x' }] })).toEqual({
      ok: false,
      error: { reason: 'timeout' },
    });
  });
});
