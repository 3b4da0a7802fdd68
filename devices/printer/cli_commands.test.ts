import { describe, expect, it } from 'vitest';
import { printerDeviceId, printerStatus, printTestPage, printTestTicket } from './cli_commands.js';
import { A4DocumentPrinter } from './document/a4_document_printer.js';
import { EscPosTicketPrinterSimulator } from './simulator/escpos_ticket_printer_simulator.js';
import { FakeCups } from './simulator/fake_cups.js';
import { EscPosTicketPrinter } from './ticket/escpos_ticket_printer.js';

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n');

describe('printer CLI commands', () => {
  it('test-ticket prints and reports confirmation, or the fault in words', async () => {
    const sim = new EscPosTicketPrinterSimulator();
    const printer = new EscPosTicketPrinter({ open: async () => sim.open(), transferTimeoutMs: 100 });
    expect(await printTestTicket(printer)).toBe(
      'Test ticket printed and confirmed by the printer. Printer now: ready.',
    );
    expect(sim.engine.tickets).toHaveLength(1);
    sim.openCover();
    expect(await printTestTicket(printer)).toBe('Test ticket FAILED — cover open: close the printer cover');
  });

  it('status and id describe the printer', async () => {
    const sim = new EscPosTicketPrinterSimulator({ paperLines: 10, nearEndLines: 20 });
    const printer = new EscPosTicketPrinter({ open: async () => sim.open(), transferTimeoutMs: 100 });
    expect(await printerStatus('ticket printer', printer)).toBe(
      'ticket printer: ready, paper low (near end)',
    );
    expect(await printerDeviceId(printer)).toBe(
      'Manufacturer: EPSON\nModel:        TM-T88V\nCommands:     ESC/POS\nClass:        PRINTER\nDescription:  EPSON TM-T88V',
    );
    sim.unplug();
    expect(await printerStatus('ticket printer', printer)).toBe('ticket printer: disconnected');
  });

  it('test-page prints through the document printer', async () => {
    const cups = new FakeCups();
    const printer = new A4DocumentPrinter({ cups: { client: cups, pollIntervalMs: 1 } });
    expect(await printTestPage(printer, pdf)).toBe(
      `Test page printed (${pdf.length} bytes). Printer now: ready.`,
    );
    cups.printerReasons = ['media-empty-error'];
    expect(await printTestPage(printer, pdf)).toBe(
      'Test page FAILED — out of paper: load a new roll or refill the tray',
    );
  });
});
