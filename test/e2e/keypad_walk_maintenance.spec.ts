import { dirname, join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { AuditLog } from '../../electron/journal/audit_log.js';
import { openJournal } from '../../electron/journal/journal_database.js';
import { StaffAlertStore } from '../../electron/journal/staff_alerts.js';
import { TransactionJournal } from '../../electron/journal/transaction_journal.js';
import { recordingLogger } from '../support/recording_logger.js';
import { developmentStaffOffice } from '../support/staff_badges.js';
import { applyDisplaySetting, displaySettings } from './support/display_sweep.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { KeypadWalk } from './support/keypad_walk.js';
import { type KioskHost, startKioskHostOn, writeHostFiles } from './support/kiosk_host.js';
import { leaveHeldJobs, openSignIn } from './support/staff_steps.js';

/**
 * A member of staff who cannot see the screen well maintains the kiosk with the tactile keypad and audio guidance
 * alone (issue 14, docs/accessibility.md): the badge shown to the scanner, the PIN typed on the keypad's digits
 * (never spoken), then every tool of the menu opened by keypad and one real thing done in each — a test ticket
 * printed, a held job reprinted and another voided, a transaction an earlier run left resolved, an alert
 * acknowledged, a terminal fact read, the support bundle written, the logs filtered by event and a line read —
 * then back to service. The spoken prompts' message keys are checked in order at every step; nothing on the screen
 * is tapped after the hidden corner that opens sign-in (five taps: staff sign-in has no keypad way in by design, the
 * corner being hidden from residents and from assistive technology; see the report in docs/accessibility.md).
 */
const office = developmentStaffOffice();
let host: KioskHost;
let collectionId = 0;

/**
 * What an earlier run of the kiosk left in the journal: a collection whose card was dispensed, nobody seeing
 * whether it was taken. Recovery at start hands it to staff (collection_resolver.ts).
 */
function leaveDispensedCollection(journalPath: string): number {
  const opened = openJournal(journalPath);
  if (!opened.ok) throw new Error(opened.error.code);
  const db = opened.value;
  const clock = { now: () => Date.now() - 3_600_000 };
  const audit = new AuditLog(db, clock);
  const alerts = new StaffAlertStore(db, { clock, audit, logger: recordingLogger() });
  const journal = new TransactionJournal(db, { clock, audit, alerts });
  const started = journal.start('collection');
  if (!started.ok) throw new Error(started.error.code);
  const id = started.value.id;
  for (const step of [
    journal.recordSubject(id, 'COL-EARLIER-1'),
    journal.advance(id, 'identified'),
    journal.advance(id, 'reserved'),
    journal.advance(id, 'dispensed'),
  ])
    if (!step.ok) throw new Error(step.error.code);
  db.close();
  return id;
}

test.beforeAll(async () => {
  const { configPath, backendPath } = writeHostFiles(
    e2eConfig({
      timeLimits: longSessionTimeLimits,
    }),
  );
  collectionId = leaveDispensedCollection(join(dirname(configPath), 'journal.sqlite'));
  host = await startKioskHostOn(configPath, backendPath);
});
test.afterAll(async () => host.stop());

const scan = (text: string) => host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text });

/** From the menu, the arrows to a tool's tile and Enter: the tool says its name, what it shows, its keys. */
async function openTool(walk: KeypadWalk, tool: string, announced: string[]): Promise<void> {
  const said = await walk.focusTo(`maintenance-tool-${tool}`);
  expect(said.at(-1)?.[0]).toBe(`maintenance:tool.${tool}`);
  await walk.pressAndHear('enter', announced);
  await expect(walk.page.getByTestId(`maintenance-${tool}`)).toBeVisible();
}

/** Back from a tool: the menu again, said from its title to its keys. */
async function backToMenu(walk: KeypadWalk): Promise<void> {
  const heard = await walk.pressAndHear('back', ['maintenance:title'], 'maintenance.keys.menu');
  expect(heard.at(-1)).toBe('maintenance.keys.menu');
  await expect(walk.page.getByTestId('maintenance-menu')).toBeVisible();
}

/** The last thing heard ends with `keys` (a screen said again once its content changed). */
async function expectLastSaid(walk: KeypadWalk, from: number, keys: string[]): Promise<void> {
  await expect
    .poll(async () => (await walk.heardKeys()).slice(from).slice(-keys.length), { timeout: 30_000 })
    .toEqual(keys);
}

/**
 * The keypad's ring as a sighted helper sees it: on one element, scrolled into view, a solid outline of its own
 * colour; on a log line (a table row, whose outline alone is thin) the row's cells in the focus colour too.
 */
async function expectRingShown(page: Page): Promise<void> {
  const ring = page.locator('[data-keypad-focus]');
  await expect(ring).toHaveCount(1);
  await expect(ring).toBeInViewport();
  const drawn = await ring.evaluate((element) => {
    const style = getComputedStyle(element);
    const cell = element.querySelector('td');
    const focus = getComputedStyle(document.documentElement).getPropertyValue('--focus').trim();
    const probe = document.createElement('span');
    probe.style.color = focus;
    document.body.append(probe);
    const focusColour = getComputedStyle(probe).color;
    probe.remove();
    return {
      outline: style.outlineStyle,
      width: Number.parseFloat(style.outlineWidth),
      colour: style.outlineColor === focusColour,
      cell: cell ? getComputedStyle(cell).backgroundColor === focusColour : null,
    };
  });
  expect(drawn.outline).toBe('solid');
  expect(drawn.width).toBeGreaterThanOrEqual(2);
  expect(drawn.colour).toBe(true);
  expect(drawn.cell ?? true).toBe(true);
}

/** The ring shown in each display setting (plain, high contrast, large text, both), then plain again. */
async function expectRingInEveryDisplay(page: Page): Promise<void> {
  for (const setting of displaySettings) {
    await applyDisplaySetting(page, host, setting);
    await expectRingShown(page);
  }
  await applyDisplaySetting(page, host, displaySettings[0]);
}

/** The test id of the first element matching `selector` (as a sighted helper reads which row to aim for). */
const firstTestId = async (page: Page, selector: string) =>
  (await page.locator(selector).first().getAttribute('data-testid')) ?? '';

test('staff sign in and use every maintenance tool with the keypad and voice alone', async ({ page }) => {
  test.setTimeout(300_000);
  // Before staff come: a resident's tickets held for lack of paper, then paper put back (a refill).
  const [first, second] = (await leaveHeldJobs(page, host, 2)) as [number, number];
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'loaded' });
  // The kiosk is back in service (a corner tapped while the screen changes would count for neither screen).
  await expect(page.getByTestId('attract-screen')).toBeVisible();

  await openSignIn(page);
  await host.call('dev.clearSpokenPrompts', {});
  const walk = new KeypadWalk(page, host);

  // Sign-in: the first key wakes guidance; the badge at the scanner; the PIN on the keypad's digits, each answered
  // with a count, never the digit; Enter.
  await walk.pressAndHear('5', [
    'staff-sign-in:title.badge',
    'staff-sign-in:badge.prompt',
    'staff-sign-in:keys.badge',
  ]);
  let from = await walk.mark();
  await scan(office.badge('S0002', { name: 'LEONG Ka Wai 梁家偉' }));
  await walk.hear(from, [
    'staff-sign-in:title.pin',
    'staff-sign-in:pin.attemptsLeft',
    'staff-sign-in:keys.pin',
  ]);
  const typing = await walk.mark();
  await walk.typeDigits('246802', 'pinPad.progress');
  expect((await walk.heardKeys()).slice(typing)).toEqual(Array.from({ length: 6 }, () => 'pinPad.progress'));
  const menu = await walk.pressAndHear('enter', ['maintenance:title'], 'maintenance.keys.menu');
  expect(menu.slice(menu.lastIndexOf('maintenance:title'))).toEqual([
    'maintenance:title',
    'maintenance:menu.allReady',
    'maintenance:menu.alertsOpen',
    'maintenance:menu.jobsHeld',
    'maintenance:menu.transactionsOpen',
    'maintenance.keys.menu',
  ]);

  // Devices: the ticket printer's test ticket, said with the printer and its state; the outcome is announced.
  await openTool(walk, 'devices', [
    'maintenance:tool.devices',
    'maintenance.devices.summary',
    'maintenance.keys.devices',
  ]);
  const devices = await walk.focusTo('device-ticket-printer-test-ticket');
  expect(devices.at(-1)).toEqual([
    'maintenance:deviceKind.ticket-printer',
    'maintenance:deviceState.ready',
    'maintenance:devices.action.test-ticket',
  ]);
  await expectRingShown(page);
  from = await walk.mark();
  await walk.press('enter');
  await expectLastSaid(walk, from, [
    'maintenance:tool.devices',
    'maintenance.devices.summary',
    'maintenance.devices.done',
    'maintenance.keys.devices',
  ]);
  await expect(page.getByTestId('device-result')).toHaveAttribute('data-outcome', 'done');
  await backToMenu(walk);

  // Print jobs: the first reprinted, the reason chosen from the list the button opens; the second voided.
  await openTool(walk, 'print-jobs', [
    'maintenance:tool.print-jobs',
    'maintenance:menu.jobsHeld',
    'maintenance.keys.list',
  ]);
  expect((await walk.focusTo(`job-${first}-reprint`)).at(-1)).toEqual([
    'maintenance.job',
    'maintenance:jobStatus.needs-attention',
    'maintenance:jobReason.held.resident-session-ended-before-printing',
    'maintenance:jobs.reprint',
  ]);
  await walk.pressAndHear('enter', [
    'maintenance.job',
    'maintenance:jobStatus.needs-attention',
    'maintenance:jobReason.held.resident-session-ended-before-printing',
    'maintenance:jobs.reprint',
    'maintenance.keys.choose',
  ]);
  expect(await walk.focusTo(`job-${first}-reprint-resident-returned`)).toEqual([
    ['maintenance:reason.resident-returned'],
  ]);
  from = await walk.mark();
  await walk.press('enter');
  await expect(page.getByTestId(`job-${first}`)).toHaveAttribute('data-status', 'confirmed', {
    timeout: 20_000,
  });
  await expectLastSaid(walk, from, ['maintenance.listResult.ok', 'maintenance.keys.list']);
  await walk.focusTo(`job-${second}-void`);
  await walk.pressAndHear('enter', ['maintenance.job', 'maintenance:jobs.void', 'maintenance.keys.choose']);
  await walk.focusTo(`job-${second}-void-resident-left`);
  from = await walk.mark();
  await walk.press('enter');
  await expect(page.getByTestId(`job-${second}`)).toHaveAttribute('data-status', 'voided');
  await expectLastSaid(walk, from, ['maintenance.listResult.ok', 'maintenance.keys.list']);
  await backToMenu(walk);

  // Transactions: the collection an earlier run left (its card dispensed, nobody saw it taken), resolved as
  // completed after checking with the resident; Back on the reasons first cancels, and the arrows come back to it.
  await openTool(walk, 'transactions', [
    'maintenance:tool.transactions',
    'maintenance:menu.transactionsOpen',
    'maintenance.keys.list',
  ]);
  const resolveAsCompleted = [
    'maintenance.transaction',
    'maintenance:transactionKind.collection',
    'maintenance:transactionState.dispensed',
    'maintenance:transactions.earlierRun',
    'maintenance.transactionNeedsStaff',
    'maintenance:transactions.confirm',
  ];
  expect((await walk.focusTo(`transaction-${collectionId}-confirm`)).at(-1)).toEqual(resolveAsCompleted);
  await walk.pressAndHear('enter', [...resolveAsCompleted, 'maintenance.keys.choose']);
  await walk.pressAndHear('back', ['maintenance:tool.transactions']);
  await walk.pressAndHear('down', resolveAsCompleted);
  expect(await walk.focused()).toBe(`transaction-${collectionId}-confirm`);
  await walk.pressAndHear('enter', [...resolveAsCompleted, 'maintenance.keys.choose']);
  await walk.focusTo(`transaction-${collectionId}-confirm-resident-received`);
  await expectRingInEveryDisplay(page);
  from = await walk.mark();
  await walk.press('enter');
  await expectLastSaid(walk, from, [
    'maintenance:tool.transactions',
    'maintenance:transactions.empty',
    'maintenance.listResult.ok',
    'maintenance.keys.list',
  ]);
  await backToMenu(walk);

  // Alerts: the first open one acknowledged.
  await openTool(walk, 'alerts', [
    'maintenance:tool.alerts',
    'maintenance:menu.alertsOpen',
    'maintenance.keys.tool',
  ]);
  const acknowledge = await firstTestId(page, '[data-testid^="alert-"][data-testid$="-acknowledge"]');
  await walk.focusTo(acknowledge);
  from = await walk.mark();
  await walk.press('enter');
  await expect(page.getByTestId(acknowledge)).toHaveCount(0);
  await expectLastSaid(walk, from, ['maintenance.listResult.ok', 'maintenance.keys.tool']);
  await backToMenu(walk);

  // Terminal: its facts read one by one (the version, here); this host has no supervisor to restart it.
  await openTool(walk, 'terminal', [
    'maintenance:tool.terminal',
    'maintenance:toolHint.terminal',
    'maintenance:terminal.restartUnavailable',
    'maintenance.keys.terminal',
  ]);
  expect(await walk.focusTo('terminal-version')).toEqual([
    ['maintenance:terminal.terminalId', 'maintenance.value'],
    ['maintenance:terminal.site', 'maintenance.value'],
    ['maintenance:terminal.mode', 'maintenance.value'],
    ['maintenance:terminal.version', 'maintenance.value'],
  ]);
  await backToMenu(walk);

  // Support bundle: written to the kiosk's disk.
  await openTool(walk, 'support-bundle', ['maintenance:tool.support-bundle', 'maintenance:bundle.intro']);
  await walk.focusTo('bundle-kiosk-disk');
  await walk.pressAndHear('enter', ['maintenance:tool.support-bundle', 'maintenance.bundleWritten']);
  await expect(page.getByTestId('bundle-state')).toHaveAttribute('data-state', 'written');
  await backToMenu(walk);

  // Logs: the event filter's list, "staff signed in" chosen; the arrows come back to the filter, then reach the line.
  await openTool(walk, 'logs', [
    'maintenance:tool.logs',
    'maintenance:logs.matched',
    'maintenance.logs.filters',
    'maintenance.keys.logs',
  ]);
  expect(await walk.focusTo('logs-event')).toEqual([['maintenance:logs.event', 'maintenance:logs.any']]);
  await walk.pressAndHear('enter', [
    'maintenance:logs.event',
    'maintenance:logs.any',
    'maintenance.keys.choose',
  ]);
  await walk.focusTo('logs-event-staff-signed-in');
  await walk.pressAndHear('enter', [
    'maintenance:tool.logs',
    'maintenance:logs.matched',
    'maintenance.logs.filters',
    'maintenance.keys.logs',
  ]);
  const rows = page.getByTestId('logs-lines').locator('tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-event', 'staff-signed-in');
  await walk.pressAndHear('down', ['maintenance:logs.event', 'maintenance.value']);
  expect(await walk.focused()).toBe('logs-event');
  const line = await walk.focusTo('logs-line-0');
  expect(line.at(-1)).toEqual([
    'maintenance.value',
    'maintenance:logs.disposition.success',
    'maintenance.value',
  ]);
  await backToMenu(walk);

  // Back to service: the arrows to "Return to service", Enter; every required device is ready, so attract.
  await walk.focusTo('maintenance-leave');
  await walk.press('enter');
  await expect(page.getByTestId('attract-screen')).toBeVisible();

  // Nothing said named the staff member, and no digit was ever spoken.
  const heard = await walk.heardKeys();
  expect(heard.filter((key) => /^[0-9]$|digit|who|signedInAs/i.test(key))).toEqual([]);
});
