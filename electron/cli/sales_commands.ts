import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SalesRequestSchema } from '../backend/contract/publications.js';
import { salesCsv } from '../flows/publications/sales_csv.js';
import { buildSalesReport, type SalesFigures } from '../flows/publications/sales_report.js';
import { decimalPatacas } from '../rpc/money.js';
import { exitStatus } from '../startup/exit_status.js';
import type { CliCommand } from './command.js';
import { openConfiguredBackend } from './configured_backend.js';

/**
 * `balcao sales report --from YYYY-MM-DD --to YYYY-MM-DD [--terminal T] [--json] [--csv FILE]`: the publications
 * vending machines' sales over a period, from the configured backend (sales_report.ts says what each figure is).
 * Text by default (totals, then per publication), the report as JSON with --json, and the detail rows as CSV
 * with --csv (formula-safe: sales_csv.ts).
 */

const usage = 'balcao sales report --from YYYY-MM-DD --to YYYY-MM-DD [--terminal T] [--json] [--csv FILE]';

function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)} %`;
}

function line(label: string, f: SalesFigures): string {
  return [
    label.padEnd(26),
    String(f.units).padStart(7),
    decimalPatacas(f.revenueAvos).padStart(12),
    String(f.refundedUnits).padStart(6),
    String(f.failedDispenses).padStart(6),
    String(f.counterUnits).padStart(8),
    percent(f.share).padStart(8),
  ].join(' ');
}

export const salesCommand: CliCommand = {
  name: 'sales',
  usage,
  summary:
    'sales of the publications vending machines over a period, with the vending share (text, JSON or CSV)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        terminal: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'string' },
        config: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const period = SalesRequestSchema.safeParse({
      from: values.from,
      to: values.to,
      terminalId: values.terminal,
    });
    if (positionals[0] !== 'report' || positionals.length !== 1 || !period.success) {
      io.err(`usage: ${usage}`);
      return exitStatus.usage;
    }
    const opened = openConfiguredBackend(values.config, io);
    if (!opened.ok) return opened.error;
    const { backend } = opened.value;
    try {
      // The report needs the fleet's sums only; the CSV has a row per terminal.
      const sales = await backend.publicationSales({
        ...period.data,
        by: values.csv === undefined ? 'fleet' : 'terminal',
      });
      if (!sales.ok) {
        io.err(`balcao: the backend did not give its sales (${sales.error.kind})`);
        return exitStatus.unavailable;
      }
      const report = buildSalesReport(sales.value, period.data);
      if (values.csv !== undefined) {
        const catalogue = await backend.publications({ terminalId: opened.value.config.terminal.id });
        const titles = new Map(catalogue.ok ? catalogue.value.publications.map((p) => [p.id, p.title]) : []);
        const titleOf = (id: string) => {
          const title = titles.get(id);
          return title?.en ?? title?.pt ?? title?.['zh-Hant'] ?? id;
        };
        writeFileSync(values.csv, salesCsv(sales.value, titleOf));
      }
      if (values.json) {
        io.out(JSON.stringify(report));
        return exitStatus.ok;
      }
      io.out(
        `Sales ${report.from} – ${report.to}${report.terminalId ? ` at ${report.terminalId}` : ''} (MOP)`,
      );
      io.out(
        `${'publication'.padEnd(26)} ${'units'.padStart(7)} ${'revenue'.padStart(12)} ${'refund'.padStart(6)} ${'failed'.padStart(6)} ${'counter'.padStart(8)} ${'share'.padStart(8)}`,
      );
      for (const p of report.publications) io.out(line(p.publicationId, p));
      io.out(line('total', report.total));
      return exitStatus.ok;
    } finally {
      await backend.close();
    }
  },
};
