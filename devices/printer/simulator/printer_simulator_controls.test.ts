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
