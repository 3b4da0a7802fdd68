/** Shared wiring for the ticket printer fault tests: a simulated TM-T88V and the real driver over it. */
import type { PrinterState } from '../../../devices/device_status.js';
import type { Ticket } from '../../../devices/printer/escpos/ticket_encoder.js';
import {
  type EscPosSimulatorOptions,
  EscPosTicketPrinterSimulator,
} from '../../../devices/printer/simulator/escpos_ticket_printer_simulator.js';
import { EscPosTicketPrinter } from '../../../devices/printer/ticket/escpos_ticket_printer.js';

export function ticketRig(options: EscPosSimulatorOptions = {}) {
  const sim = new EscPosTicketPrinterSimulator(options);
  let opens = 0;
  const printer = new EscPosTicketPrinter({
    open: async () => {
      opens++;
      return sim.open();
    },
    transferTimeoutMs: 100,
    jobTimeoutMs: 5000,
    pollIntervalMs: 5,
  });
  const states: PrinterState[] = [];
  printer.onStatus((s) => states.push(s));
  return { sim, printer, states, opens: () => opens };
}

/** A queue ticket of `lines` numbered text lines. */
export function linesTicket(lines: number, prefix = 'Linha'): Ticket {
  return {
    blocks: [
      { kind: 'text', text: Array.from({ length: lines }, (_, i) => `${prefix} ${i + 1}`).join('\n') },
    ],
    cut: 'partial',
  };
}

export const afterMs = (ms: number, action: () => void): void => {
  setTimeout(action, ms);
};
