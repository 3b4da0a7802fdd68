import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { macauDate } from '../../lib/macau_time.js';
import { balcao } from '../../test/support/run_balcao.js';
import { exitStatus } from '../startup/exit_status.js';

/** `balcao sales report`, in-process, on the embedded backend's sample sales history. */

const dir = mkdtempSync(join(tmpdir(), 'balcao-cli-sales-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8'));
const configFile = join(dir, 'balcao.config.json');
writeFileSync(
  configFile,
  JSON.stringify({
    ...shipped,
    journal: { path: join(dir, 'journal.sqlite') },
    backend: { kind: 'embedded', path: join(dir, 'backend.sqlite') },
  }),
);
const day = 86_400_000;
const to = macauDate(Date.now() - day);
const from = macauDate(Date.now() - 30 * day);

describe('balcao sales report', () => {
  it('prints the report as JSON: totals that add up, and a vending share between 0 and 1', async () => {
    const result = await balcao(
      'sales',
      'report',
      '--from',
      from,
      '--to',
      to,
      '--json',
      '--config',
      configFile,
    );
    expect(result.status, result.err).toBe(0);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({ from, to, terminalId: null });
    expect(report.days).toHaveLength(30);
    expect(report.days.reduce((s: number, d: { units: number }) => s + d.units, 0)).toBe(report.total.units);
    expect(report.total.share).toBeGreaterThan(0);
    expect(report.total.share).toBeLessThan(1);
  });

  it('keeps to one terminal, writes the CSV, and prints a table by default', async () => {
    const csv = join(dir, 'sales.csv');
    const result = await balcao(
      'sales',
      'report',
      '--from',
      from,
      '--to',
      to,
      '--terminal',
      'HQ-GSC-01',
      '--csv',
      csv,
      '--config',
      configFile,
    );
    expect(result.status).toBe(0);
    expect(result.out).toContain('total');
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toMatch(
      /^date,terminal,publication,title,units,revenue_mop/,
    );
    const mine = await balcao(
      'sales',
      'report',
      '--from',
      from,
      '--to',
      to,
      '--terminal',
      'MO-DEV-01',
      '--csv',
      csv,
      '--config',
      configFile,
    );
    expect(mine.status).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('MO-DEV-01,PUB-');
  });

  it('refuses a missing or reversed period with a usage status', async () => {
    expect((await balcao('sales', 'report', '--from', to, '--config', configFile)).status).toBe(
      exitStatus.usage,
    );
    expect((await balcao('sales', 'report', '--from', to, '--to', from, '--config', configFile)).status).toBe(
      exitStatus.usage,
    );
    expect((await balcao('sales', 'totals', '--from', from, '--to', to)).status).toBe(exitStatus.usage);
  });
});
