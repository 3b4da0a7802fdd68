import type { SalesReply } from '../../backend/contract/publications.js';
import { decimalPatacas } from '../../rpc/money.js';
import { vendingShare } from './sales_report.js';

/**
 * The sales report as CSV (RFC 4180, CRLF), one row per day, terminal and publication, with that day's counter
 * units of the publication and the share. Opened in a spreadsheet, a cell that starts with = + - @ (or a tab or
 * carriage return) would be read as a formula (CSV injection, OWASP): such a cell is written with a leading
 * apostrophe, which spreadsheets show as text. Every cell is quoted when it holds a quote, a comma or a line
 * break. Amounts are plain decimals of patacas (`1234.50`), the share a decimal fraction with four places.
 */

export function csvCell(value: string): string {
  const neutral = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutral) ? `"${neutral.replaceAll('"', '""')}"` : neutral;
}

export const salesCsvHeader = [
  'date',
  'terminal',
  'publication',
  'title',
  'units',
  'revenue_mop',
  'refunded_units',
  'refunded_mop',
  'failed_dispenses',
  'counter_units',
  'vending_share',
] as const;

export function salesCsv(sales: SalesReply, titleOf: (publicationId: string) => string): string {
  const counter = new Map(sales.counter.map((c) => [`${c.date}/${c.publicationId}`, c.units]));
  const lines = [salesCsvHeader.join(',')];
  for (const row of sales.machine) {
    const counterUnits = counter.get(`${row.date}/${row.publicationId}`) ?? 0;
    const share = vendingShare(row.units, counterUnits);
    lines.push(
      [
        row.date,
        row.terminalId ?? '',
        row.publicationId,
        titleOf(row.publicationId),
        String(row.units),
        decimalPatacas(row.revenueAvos),
        String(row.refundedUnits),
        decimalPatacas(row.refundedAvos),
        String(row.failedDispenses),
        String(counterUnits),
        share === null ? '' : share.toFixed(4),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
