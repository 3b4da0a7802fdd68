import { describe, expect, it } from 'vitest';
import { buildTestPagePdf } from './document/test_page_pdf.js';
import { createSimulatedDocumentPrinter, createSimulatedTicketPrinter } from './simulated_printers.js';

describe('simulated printers for development', () => {
  it('the ticket printer prints, then reports the dev dock pulling the paper', async () => {
    const { printer, simulator } = createSimulatedTicketPrinter({ latencyMsPerLine: 0 });
    expect(await printer.printTestTicket()).toEqual({ ok: true });
    simulator.loadPaper(0);
    expect(await printer.refreshStatus()).toEqual({ state: 'no-paper' });
  });

  it('the document printer prints a test page over the USB PDF route', async () => {
    const { printer, simulator } = createSimulatedDocumentPrinter({ msPerPage: 1 });
    expect(await printer.printPdf(await buildTestPagePdf(), 'test')).toEqual({ ok: true });
    expect(printer.currentRoute).toBe('usb-pdf');
    await simulator.idle();
    expect(simulator.documents[0]?.complete).toBe(true);
  });
});
