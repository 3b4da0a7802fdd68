import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A4PdfPrinterSimulator } from '../simulator/a4_pdf_printer_simulator.js';
import { FakeCups } from '../simulator/fake_cups.js';
import { A4DocumentPrinter } from './a4_document_printer.js';
import { inspectPdf } from './pdf_facts.js';
import { UsbPdfDocumentPrinter } from './usb_pdf_document_printer.js';

function pdfOf(pages: number): Uint8Array {
  const objects = Array.from(
    { length: pages },
    (_, i) => `${i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj`,
  );
  return new TextEncoder().encode(
    `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count ${pages} >> endobj\n${objects.join('\n')}\n%%EOF\n`,
  );
}

function usbRig(sim = new A4PdfPrinterSimulator({ msPerPage: 2 })) {
  const printer = new UsbPdfDocumentPrinter({
    open: async () => sim.open(),
    transferTimeoutMs: 100,
    warmupMs: 5,
    msPerPage: 5,
    pollIntervalMs: 1,
    chunkBytes: 64,
  });
  return { sim, printer };
}

describe('PDF facts', () => {
  it('counts pages and rejects non-PDF and truncated files', () => {
    expect(inspectPdf(pdfOf(3))).toEqual({ ok: true, value: { version: '1.7', pages: 3 } });
    expect(inspectPdf(new TextEncoder().encode('hello'))).toEqual({
      ok: false,
      error: { code: 'not-a-pdf' },
    });
    expect(inspectPdf(pdfOf(2).subarray(0, 60))).toEqual({ ok: false, error: { code: 'truncated' } });
  });
});

describe('UsbPdfDocumentPrinter on a simulated PDF printer', () => {
  it('sends the PDF over bulk OUT and confirms with a clean port status', async () => {
    const { sim, printer } = usbRig();
    expect(await printer.printPdf(pdfOf(2), 'certificado')).toEqual({ ok: true });
    await sim.idle();
    expect(sim.documents).toEqual([{ bytes: pdfOf(2).length, pages: 2, pagesPrinted: 2, complete: true }]);
    expect(printer.status()).toEqual({ state: 'ready' });
  });

  it('refuses when the tray is empty, and fails mid-job when paper runs out', async () => {
    const empty = usbRig(new A4PdfPrinterSimulator({ sheets: 0 }));
    expect(await empty.printer.printPdf(pdfOf(1), 'x')).toEqual({
      ok: false,
      error: { reason: 'no-paper' },
    });
    expect(empty.sim.documents).toEqual([]);

    const { sim, printer } = usbRig(new A4PdfPrinterSimulator({ sheets: 1, msPerPage: 2 }));
    expect(await printer.printPdf(pdfOf(3), 'x')).toEqual({ ok: false, error: { reason: 'no-paper' } });
    expect(sim.softResets).toBe(1);
    sim.sheets = 100;
    await sim.idle();
    // The flushed document does not resume when paper is loaded.
    expect(sim.documents[0]?.pagesPrinted).toBe(1);
  });

  it('fails with cover-open when the cover opens during the job', async () => {
    const { sim, printer } = usbRig(new A4PdfPrinterSimulator({ msPerPage: 5 }));
    setTimeout(() => {
      sim.coverOpen = true;
    }, 8);
    expect(await printer.printPdf(pdfOf(10), 'x')).toEqual({ ok: false, error: { reason: 'cover-open' } });
  });

  it('reports disconnected when unplugged, and works after replug', async () => {
    const { sim, printer } = usbRig();
    sim.unplug();
    expect(await printer.printPdf(pdfOf(1), 'x')).toEqual({ ok: false, error: { reason: 'disconnected' } });
    sim.replug();
    expect(await printer.printPdf(pdfOf(1), 'x')).toEqual({ ok: true });
  });

  it('rejects a file that is not a PDF without sending it', async () => {
    const { sim, printer } = usbRig();
    expect(await printer.printPdf(new TextEncoder().encode('%!PS-Adobe'), 'x')).toEqual({
      ok: false,
      error: { reason: 'error', detail: 'bad-pdf: not-a-pdf' },
    });
    expect(sim.documents).toEqual([]);
  });
});

describe('A4DocumentPrinter route choice', () => {
  it('uses USB when the 1284 CMD lists PDF', async () => {
    const sim = new A4PdfPrinterSimulator();
    const cups = new FakeCups();
    const printer = new A4DocumentPrinter({
      usb: { open: async () => sim.open(), warmupMs: 1, msPerPage: 1, pollIntervalMs: 1 },
      cups: { client: cups, pollIntervalMs: 1 },
    });
    expect(await printer.printPdf(pdfOf(1), 'doc')).toEqual({ ok: true });
    expect(printer.currentRoute).toBe('usb-pdf');
    expect(cups.calls).toEqual([]);
  });

  it('uses CUPS when the printer does not take PDF', async () => {
    const sim = new A4PdfPrinterSimulator({
      deviceId: 'MFG:Brother;MDL:HL-L2350DW;CMD:PJL,PCL,PCLXL,URF;CLS:PRINTER;',
    });
    const cups = new FakeCups();
    const printer = new A4DocumentPrinter({
      usb: { open: async () => sim.open() },
      cups: { client: cups, pollIntervalMs: 1 },
    });
    expect(await printer.printPdf(pdfOf(1), 'doc')).toEqual({ ok: true });
    expect(printer.currentRoute).toBe('cups');
    expect(sim.documents).toEqual([]);
    expect(cups.jobs).toHaveLength(1);
  });

  it('with neither route reachable, says why', async () => {
    const printer = new A4DocumentPrinter({});
    expect(await printer.printPdf(pdfOf(1), 'doc')).toEqual({
      ok: false,
      error: { reason: 'error', detail: 'no-pdf-route' },
    });
  });
});

describe('PDF facts on arbitrary bytes', () => {
  it('never throws and always gives a typed answer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, asPdf) => {
        const input = asPdf ? new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n'), ...bytes]) : bytes;
        const facts = inspectPdf(input);
        if (facts.ok) expect(facts.value.pages === undefined || facts.value.pages > 0).toBe(true);
        else expect(['not-a-pdf', 'truncated']).toContain(facts.error.code);
      }),
    );
  });
});
