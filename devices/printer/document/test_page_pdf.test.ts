import { describe, expect, it } from 'vitest';
import { A4PdfPrinterSimulator } from '../simulator/a4_pdf_printer_simulator.js';
import { inspectPdf } from './pdf_facts.js';
import { buildTestPagePdf } from './test_page_pdf.js';
import { UsbPdfDocumentPrinter } from './usb_pdf_document_printer.js';

describe('A4 test page', () => {
  it('is a one-page PDF the USB route prints', async () => {
    const pdf = await buildTestPagePdf(new Date('2026-11-27T08:00:00Z'));
    expect(inspectPdf(pdf)).toMatchObject({ ok: true, value: { pages: 1 } });
    const sim = new A4PdfPrinterSimulator();
    const printer = new UsbPdfDocumentPrinter({
      open: async () => sim.open(),
      warmupMs: 1,
      msPerPage: 1,
      pollIntervalMs: 1,
    });
    expect(await printer.printPdf(pdf, 'test-page')).toEqual({ ok: true });
    await sim.idle();
    expect(sim.documents).toEqual([{ bytes: pdf.length, pages: 1, pagesPrinted: 1, complete: true }]);
  });
});
