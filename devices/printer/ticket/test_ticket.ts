/**
 * The self-test ticket printed from maintenance. Each block checks something staff can see on paper: the
 * accents line checks the code page (a wrong table prints box-drawing characters instead of "ã"), the ramp
 * checks every dot of the print head, the QR checks the 2D symbol engine and is scannable by the kiosk's own
 * scanner.
 */
import type { EscPosProfile, Ticket } from '../escpos/ticket_encoder.js';
import type { MonoBitmap } from '../printer.js';

export interface TestTicketFacts {
  model: string;
  codePage: string;
  now: Date;
  profile: EscPosProfile;
}

/** Portuguese letters a ticket must print right. */
export const ACCENT_CHECK_LINE = 'Ação, informação, pão, cão: ÁÂÃÀÇÉÊÍÓÔÕÚ áâãàçéêíóôõú';

/** A head test pattern: a solid bar over a staircase, one band of 8 dots per step, full width. */
export function headTestPattern(widthDots: number, heightDots = 48): MonoBitmap {
  const bytesPerRow = Math.ceil(widthDots / 8);
  const data = new Uint8Array(bytesPerRow * heightDots);
  for (let y = 0; y < heightDots; y++) {
    for (let x = 0; x < widthDots; x++) {
      const solid = y < 8;
      const stair = Math.floor(x / 8) % 2 === Math.floor(y / 8) % 2;
      if (solid || stair) data[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width: widthDots, height: heightDots, data };
}

export function buildTestTicket(facts: TestTicketFacts): Ticket {
  const stamp = facts.now.toISOString().replace('T', ' ').slice(0, 19);
  return {
    blocks: [
      { kind: 'text', text: 'BALCÃO', align: 'center', bold: true, width: 2, height: 2 },
      { kind: 'text', text: 'Teste de impressão / Print test', align: 'center' },
      { kind: 'feed', lines: 1 },
      { kind: 'text', text: `Modelo: ${facts.model}` },
      { kind: 'text', text: `Página de código: ${facts.codePage}` },
      { kind: 'text', text: `Data: ${stamp} UTC` },
      { kind: 'text', text: ACCENT_CHECK_LINE },
      { kind: 'raster', bitmap: headTestPattern(facts.profile.dotsPerLine) },
      { kind: 'qr', data: `BALCAO-SELFTEST ${stamp}`, errorLevel: 'M' },
      { kind: 'text', text: 'Fim do teste / End of test', align: 'center' },
      { kind: 'feed', lines: 2 },
    ],
    cut: 'partial',
  };
}
