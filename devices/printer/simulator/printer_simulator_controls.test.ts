import { describe, expect, it } from 'vitest';
import { createSimulatedDocumentPrinter, createSimulatedTicketPrinter } from '../simulated_printers.js';
import { PrinterStatusPoller } from '../status_poller.js';
import { documentPrinterControls, ticketPrinterControls } from './printer_simulator_controls.js';

describe('dev dock controls for the simulated printers', () => {
  it('ticket printer: the poller publishes what the dock does to the sensors and the plug', async () => {
    const { printer, simulator } = createSimulatedTicketPrinter(
      { latencyMsPerLine: 0 },
      { transferTimeoutMs: 50 },
    );
    const controls = ticketPrinterControls('ticket-printer', simulator);
    const poller = new PrinterStatusPoller(printer, 5);
    const seen: string[] = [];
    printer.onStatus((s) => seen.push(s.state));
    poller.start();
    const settle = () => new Promise((r) => setTimeout(r, 30));
    await settle();
    controls.setPaperLow(50);
    await settle();
    controls.openCover();
    await settle();
    controls.closeCover();
    controls.runOutOfPaper();
    await settle();
    controls.unplug();
    expect(controls.plugged).toBe(false);
    await settle();
    controls.replug();
    controls.loadPaper();
    await settle();
    poller.stop();
    expect(seen).toEqual(['ready', 'paper-low', 'cover-open', 'no-paper', 'disconnected', 'ready']);
  });

  it('document printer: sheets and cover drive the port status', async () => {
    const { printer, simulator } = createSimulatedDocumentPrinter({ msPerPage: 1 });
    const controls = documentPrinterControls('a4', simulator);
    expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
    controls.setSheets(0);
    expect(await printer.refreshStatus()).toEqual({ state: 'no-paper' });
    controls.setSheets(10);
    controls.openCover();
    expect(await printer.refreshStatus()).toEqual({ state: 'cover-open' });
    controls.closeCover();
    controls.unplug();
    expect(await printer.refreshStatus()).toEqual({ state: 'disconnected' });
    controls.replug();
    expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
  });
});

describe('the paper control every simulated printer shares', () => {
  it('out, low and loaded mean an empty, a nearly empty and a full roll or tray, on both kinds', async () => {
    const ticket = createSimulatedTicketPrinter({ latencyMsPerLine: 0 }, { transferTimeoutMs: 50 });
    const ticketControls = ticketPrinterControls('ticket-printer', ticket.simulator);
    const a4 = createSimulatedDocumentPrinter({ msPerPage: 1 });
    const a4Controls = documentPrinterControls('a4', a4.simulator);
    const states = async () => [
      (await ticket.printer.refreshStatus()).state,
      (await a4.printer.refreshStatus()).state,
    ];

    for (const controls of [ticketControls, a4Controls]) controls.setPaper('out');
    expect(await states()).toEqual(['no-paper', 'no-paper']);
    ticketControls.setPaper('low');
    a4Controls.setPaper('low');
    expect(await states()).toEqual(['paper-low', 'ready']);
    expect(a4.simulator.sheets).toBeGreaterThan(0);
    for (const controls of [ticketControls, a4Controls]) controls.setPaper('loaded');
    expect(await states()).toEqual(['ready', 'ready']);
  });
});
