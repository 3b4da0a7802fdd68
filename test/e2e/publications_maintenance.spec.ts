import { dirname, join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { formatMoney } from '../../electron/rpc/money.js';
import { dayMs, macauDate } from '../../lib/macau_time.js';
import { developmentStaffOffice } from '../support/staff_badges.js';
import { sweepDisplays } from './support/display_sweep.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { openSignIn, typeStaffPin } from './support/staff_steps.js';

/**
 * The staff side of government publications (issue 17) in the browser-mode host: a member of staff signs in, opens
 * Publications sales, and the chart, the totals and the tables show what the embedded backend holds for the period
 * (the sample history of MO-DEV-01, summed here with SQL straight from the backend's file, not through the kiosk);
 * another period; then Publications stock, where a refill changes the backend's slot and lands in the audit log
 * with the staff id. Each screen is checked in every display: four languages × portrait and landscape × plain,
 * high contrast, large text and both. With SHOOT=1 it keeps screenshots in test-results/display-settings.
 */
const office = developmentStaffOffice();
let host: KioskHost;
const base = e2eConfig();

test.beforeAll(async () => {
  host = await startKioskHost({
    ...base,
    // The terminal the embedded backend's sample sales history belongs to, offering publications.
    terminal: { id: 'MO-DEV-01' },
    services: [...(base.services as string[]), 'publications'],
    timeLimits: longSessionTimeLimits,
    speech: { output: 'none', prerender: false },
  });
});
test.afterAll(async () => host.stop());

function query<T>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

interface ExpectedDay {
  date: string;
  units: number;
  revenue: number;
  counter: number;
}
/** The period's days as the backend's own tables hold them, every day from `from` to today. */
function expectedDays(days: number): ExpectedDay[] {
  const today = Date.now();
  const dates = Array.from({ length: days }, (_, i) => macauDate(today - (days - 1 - i) * dayMs));
  const machine = new Map(
    query<{ day: string; units: number; revenue: number }>(
      host.backendPath,
      `SELECT day, SUM(units) AS units, SUM(revenue_avos) AS revenue FROM machine_sales
       WHERE terminal_id = 'MO-DEV-01' AND day BETWEEN ? AND ? GROUP BY day`,
      dates[0],
      dates.at(-1),
    ).map((r) => [r.day, r]),
  );
  const counter = new Map(
    query<{ day: string; units: number }>(
      host.backendPath,
      'SELECT day, SUM(units) AS units FROM counter_sales WHERE day BETWEEN ? AND ? GROUP BY day',
      dates[0],
      dates.at(-1),
    ).map((r) => [r.day, r.units]),
  );
  return dates.map((date) => ({
    date,
    units: machine.get(date)?.units ?? 0,
    revenue: machine.get(date)?.revenue ?? 0,
    counter: counter.get(date) ?? 0,
  }));
}

const count = (n: number) => new Intl.NumberFormat('en-MO').format(n);
const percent = (share: number) =>
  new Intl.NumberFormat('en-MO', { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** A look at the year's chart, for a person (SHOOT=1). */
async function shootYear(page: Page): Promise<void> {
  if (!process.env.SHOOT) return;
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.screenshot({ path: 'test-results/display-settings/publications-sales-year-en-portrait.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
}

/** The chart, the totals and the day table show exactly the expected days. */
async function expectFigures(page: Page, days: ExpectedDay[]): Promise<void> {
  const units = days.reduce((n, d) => n + d.units, 0);
  const revenue = days.reduce((n, d) => n + d.revenue, 0);
  const counter = days.reduce((n, d) => n + d.counter, 0);
  expect(units).toBeGreaterThan(0);
  await expect(page.getByTestId('sales-total-units')).toHaveText(count(units));
  await expect(page.getByTestId('sales-total-revenue')).toHaveText(formatMoney(revenue, 'en'));
  await expect(page.getByTestId('sales-total-counterUnits')).toHaveText(count(counter));
  await expect(page.getByTestId('sales-total-share')).toHaveText(percent(units / (units + counter)));
  const bars = page.locator('.sales-chart__bar');
  await expect(bars).toHaveCount(days.length);
  expect(
    await bars.evaluateAll((rects) => rects.map((r) => [r.dataset.date, Number(r.dataset.value)])),
  ).toEqual(days.map((d) => [d.date, d.units]));
  // The tallest bar reaches the top of its scale's first tick above it, and none is drawn past the plot.
  const heights = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
  const tallest = Math.max(...days.map((d) => d.units));
  heights.forEach((h, i) => {
    expect(h).toBeGreaterThanOrEqual(0);
    if (days[i]!.units === tallest) expect(h).toBe(Math.max(...heights));
  });
  await expect(page.getByTestId('sales-chart-share')).toBeVisible();
  await expect(page.getByTestId('sales-summary')).toContainText(count(units));
}

test('staff see the sales the backend holds, change the period, and refill a slot (audited), in every display', async ({
  page,
}) => {
  // 3 screens × 32 display combinations.
  test.setTimeout(600_000);
  await page.goto(host.url);
  await openSignIn(page);
  await host.call('dev.simulate', {
    action: 'scan',
    deviceId: 'scanner',
    text: office.badge('S0002', { name: 'LEONG Ka Wai 梁家偉' }),
  });
  await expect(page.getByTestId('staff-sign-in-pin')).toBeVisible();
  await typeStaffPin(page, '246802');
  await expect(page.getByTestId('maintenance-menu')).toBeVisible();

  await page.getByTestId('maintenance-tool-publication-sales').click();
  await expect(page.getByTestId('maintenance-publication-sales')).toBeVisible();
  await expect(page.getByTestId('sales-period-30d')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sales-totals')).toBeVisible();
  const month = expectedDays(30);
  await expectFigures(page, month);
  // The chart is one image, named by its text summary.
  const svg = page.locator('svg.sales-chart__svg');
  await expect(svg).toHaveAttribute('role', 'img');
  const summaryId = await svg.getAttribute('aria-labelledby');
  await expect(page.locator(`[id="${summaryId}"]`)).toHaveText(
    (await page.getByTestId('sales-summary').textContent()) ?? '',
  );

  // The same figures as a table, on request.
  await page.getByTestId('sales-table-toggle').click();
  await expect(page.getByTestId('sales-table-toggle')).toHaveAttribute('aria-expanded', 'true');
  const rows = page.getByTestId('sales-days-table').locator('tbody tr');
  await expect(rows).toHaveCount(30);
  expect(
    await rows.evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-date'),
        tr.querySelector('[data-field="units"]')?.textContent,
        tr.querySelector('[data-field="revenue"]')?.textContent,
        tr.querySelector('[data-field="counter"]')?.textContent,
      ]),
    ),
  ).toEqual(month.map((d) => [d.date, count(d.units), formatMoney(d.revenue, 'en'), count(d.counter)]));

  // Each publication, as the backend sums it.
  const byPublication = query<{ publication_id: string; units: number; revenue: number }>(
    host.backendPath,
    `SELECT publication_id, SUM(units) AS units, SUM(revenue_avos) AS revenue FROM machine_sales
     WHERE terminal_id = 'MO-DEV-01' AND day BETWEEN ? AND ? GROUP BY publication_id`,
    month[0]!.date,
    month.at(-1)!.date,
  );
  for (const p of byPublication) {
    const row = page.locator(`[data-publication="${p.publication_id}"]`);
    await expect(row.locator('[data-field="units"]')).toHaveText(count(p.units));
    await expect(row.locator('[data-field="revenue"]')).toHaveText(formatMoney(p.revenue, 'en'));
  }
  await expect(page.getByTestId('sales-cli')).toContainText(
    `balcao sales report --from ${month[0]!.date} --to ${month.at(-1)!.date} --terminal MO-DEV-01`,
  );
  await page.locator('.maint__body').evaluate((body) => body.scrollTo(0, 0));
  const tableProblems = await sweepDisplays(page, host, 'publication-sales-30d-table', {
    shotName: (setting, locale, orientation) =>
      setting.name === 'plain' && locale === 'en'
        ? `publications-sales-30d-table-en-${orientation.name}`
        : null,
  });
  expect(tableProblems).toEqual([]);

  // This year, every kiosk's machines: a bar for each day since 1 January.
  await page.getByTestId('sales-period-year').click();
  await expect(page.getByTestId('sales-period-year')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('sales-scope-fleet').click();
  await expect(page.getByTestId('sales-scope-fleet')).toHaveAttribute('aria-pressed', 'true');
  const today = macauDate(Date.now());
  const yearDays = Math.round((Date.parse(today) - Date.parse(`${today.slice(0, 4)}-01-01`)) / dayMs) + 1;
  await expect(page.locator('.sales-chart__bar')).toHaveCount(yearDays);
  const [year] = query<{ units: number }>(
    host.backendPath,
    'SELECT SUM(units) AS units FROM machine_sales WHERE day BETWEEN ? AND ?',
    `${today.slice(0, 4)}-01-01`,
    today,
  );
  await expect(page.getByTestId('sales-total-units')).toHaveText(count(year!.units));
  await expect(page.getByTestId('sales-cli')).not.toContainText('--terminal');
  await shootYear(page);
  await page.getByTestId('sales-scope-terminal').click();
  await expect(page.getByTestId('sales-scope-terminal')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('.maint__body').evaluate((body) => body.scrollTo(0, 0));

  // Another period: a week, drawn with revenue.
  await page.getByTestId('sales-period-7d').click();
  await expect(page.getByTestId('sales-period-7d')).toHaveAttribute('aria-pressed', 'true');
  const week = expectedDays(7);
  await expectFigures(page, week);
  await page.getByTestId('sales-measure-revenue').click();
  await expect(page.getByTestId('sales-figure')).toHaveAttribute('data-measure', 'revenue');
  expect(
    await page.locator('.sales-chart__bar').evaluateAll((rects) => rects.map((r) => Number(r.dataset.value))),
  ).toEqual(week.map((d) => d.revenue));
  await page.locator('.maint__body').evaluate((body) => body.scrollTo(0, 0));
  const problems = await sweepDisplays(page, host, 'publication-sales-7d-revenue', {
    shotName: (setting, locale, orientation) =>
      setting.name === 'plain' || locale === 'zh-Hant'
        ? `publications-sales-${locale}-${orientation.name}-${setting.name}`
        : null,
  });
  expect(problems).toEqual([]);
  await page.getByTestId('maintenance-back').click();

  // Stock: refill slot A2 (4 of 5 in the sample planogram) by one.
  await page.getByTestId('maintenance-tool-publication-stock').click();
  await expect(page.getByTestId('stock-slot-A2')).toHaveAttribute('data-stock', '4');
  await page.getByTestId('stock-slot-A2-refill').click();
  await expect(page.getByTestId('stock-slot-A2-copies')).toHaveText('1');
  await page.getByTestId('stock-slot-A2-confirm').click();
  await expect(page.getByTestId('stock-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('stock-slot-A2')).toHaveAttribute('data-stock', '5');
  expect(
    query<{ stock: number }>(
      host.backendPath,
      "SELECT stock FROM vending_slots WHERE terminal_id = 'MO-DEV-01' AND slot = 'A2'",
    ),
  ).toEqual([{ stock: 5 }]);
  const journal = join(dirname(host.configPath), 'journal.sqlite');
  const audited = query<{ actor: string; content: string }>(
    journal,
    "SELECT actor, content FROM audit_log WHERE kind = 'vending-slot-set' ORDER BY seq",
  );
  expect(audited.map((row) => ({ actor: row.actor, ...JSON.parse(row.content).event }))).toEqual([
    expect.objectContaining({
      actor: 'staff:S0002',
      slot: 'A2',
      action: 'refill',
      publicationId: 'PUB-CIVIL-CODE',
      stockBefore: 4,
      stock: 5,
    }),
  ]);
  // The editor of a count open, over the result: the busiest the screen gets.
  await page.getByTestId('stock-slot-A1-count').click();
  await expect(page.getByTestId('stock-slot-A1-editor')).toBeVisible();
  const stockProblems = await sweepDisplays(page, host, 'publication-stock', {
    shotName: (setting, locale, orientation) =>
      setting.name === 'plain' || locale === 'pt'
        ? `publications-stock-${locale}-${orientation.name}-${setting.name}`
        : null,
  });
  expect(stockProblems).toEqual([]);
  await page.getByTestId('stock-slot-A1-cancel').click();
  await page.getByTestId('maintenance-back').click();
  await expect(page.getByTestId('maintenance-menu')).toBeVisible();
});
