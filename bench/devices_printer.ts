/**
 * Ticket printer throughput on the simulated ESC/POS printer with zero latency: the whole driver path (status
 * polls, encoding, chunked bulk OUT, the simulator's parser and print engine, process-ID confirmation) for a
 * typical queue ticket of 10 text lines, a 576-dot × 200-row raster band and a QR code.
 */
import { encodeTicket, type Ticket } from '../devices/printer/escpos/ticket_encoder.js';
import { EscPosTicketPrinterSimulator } from '../devices/printer/simulator/escpos_ticket_printer_simulator.js';
import { EscPosTicketPrinter } from '../devices/printer/ticket/escpos_ticket_printer.js';
import type { BenchResult } from './bench_result.js';

function typicalTicket(n: number): Ticket {
  const raster = { width: 576, height: 200, data: new Uint8Array(72 * 200) };
  for (let i = 0; i < raster.data.length; i++) raster.data[i] = (i * 37 + n) & 0xff;
  const lines = [
    'Governo da RAEM — Centro de Serviços 24 Horas',
    'Direcção dos Serviços de Identificação',
    `Senha: A${String(n % 1000).padStart(3, '0')}`,
    'Serviço: Renovação do BIR',
    'Balcão: 3',
    'Pessoas à sua frente: 4',
    'Emitida: 2026-11-27 08:00',
    'Válida só para hoje',
    'Obrigado pela sua paciência',
    'Thank you for waiting',
  ];
  return {
    blocks: [
      { kind: 'text', text: lines.join('\n') },
      { kind: 'raster', bitmap: raster },
      { kind: 'qr', data: `https://balcao.gov.mo/q/A${n}`, errorLevel: 'M' },
    ],
    cut: 'partial',
  };
}

export async function run(): Promise<BenchResult[]> {
  const sim = new EscPosTicketPrinterSimulator({ latencyMsPerLine: 0 });
  const printer = new EscPosTicketPrinter({ open: async () => sim.open(), transferTimeoutMs: 1000 });

  // Warm up JIT and the connection.
  for (let i = 0; i < 20; i++) await printer.printTicket(typicalTicket(i));

  const tickets = 300;
  const started = process.hrtime.bigint();
  let failures = 0;
  for (let i = 0; i < tickets; i++) {
    const outcome = await printer.printTicket(typicalTicket(i));
    if (!outcome.ok) failures++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const encodeRuns = 300;
  const encodeStarted = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < encodeRuns; i++) {
    const encoded = encodeTicket(typicalTicket(i));
    if (encoded.ok) bytes = encoded.value.bytes.length;
  }
  const encodeUs = Number(process.hrtime.bigint() - encodeStarted) / 1e3 / encodeRuns;

  const printed = sim.engine.tickets.length;
  return [
    {
      name: 'ticket print throughput (simulator, zero latency, confirmed by status)',
      value: tickets / seconds,
      unit: 'per-second',
      details: { tickets, failures, seconds, printedOnSimulator: printed },
    },
    { name: 'ticket ESC/POS encode time', value: encodeUs, unit: 'us', details: { runs: encodeRuns } },
    { name: 'ticket job size', value: bytes, unit: 'bytes' },
  ];
}
