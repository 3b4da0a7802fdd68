import { expect, type Page, test } from '@playwright/test';
import { developmentStaffOffice, tampered, unknownKeyBadge } from '../support/staff_badges.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { expectKioskLayout, shootScreen } from './support/kiosk_layout.js';
import { leaveHeldJobs, onEveryTool, openSignIn, typeStaffPin } from './support/staff_steps.js';
import { startSupervisedKiosk } from './support/supervised_kiosk.js';

/**
 * Maintenance as field staff use it, on the browser-mode host with simulated devices and the embedded backend: the
 * hidden corner, badges refused (tampered, expired, unknown key), wrong PINs to a lock-out, sign-in with another
 * badge, every device diagnostic on the simulators, held print jobs reprinted and voided, an alert acknowledged,
 * leaving with a device missing (the kiosk stays out of service, naming it), the device back, attract again.
 * With UPDATE_SCREENSHOTS=1 every maintenance screen is shot in four languages to docs/screenshots/maintenance/.
 */
const office = developmentStaffOffice();
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(
    e2eConfig({
      timeLimits: longSessionTimeLimits,
    }),
  );
});
test.afterAll(async () => host.stop());

const scan = (text: string) => host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text });

test('badges refused, wrong PINs lock a badge out, another signs in; every device test; jobs, alerts; leave', async ({
  page,
}) => {
  const jobs = await leaveHeldJobs(page, host, 2);

  // The hidden corner works on the out-of-service screen too (that is when staff are needed most).
  await openSignIn(page);
  const refused = page.getByTestId('staff-badge-refused');
  await scan(tampered(office.badge('S0001')));
  await expect(refused).toHaveAttribute('data-reason', 'tampered');
  await scan(office.badge('S0001', { expiresAt: Math.floor(Date.now() / 1000) - 60 }));
  await expect(refused).toHaveAttribute('data-reason', 'expired');
  await scan(unknownKeyBadge('S0001'));
  await expect(refused).toHaveAttribute('data-reason', 'unknown-key');

  await scan(office.badge('S0001'));
  await expect(page.getByTestId('staff-sign-in-pin')).toBeVisible();
  await expect(page.getByTestId('staff-sign-in-who')).toContainText('S0001');
  for (const left of [2, 1]) {
    await typeStaffPin(page, '000000');
    await expect(page.getByTestId('staff-pin-problem')).toHaveAttribute('data-problem', 'wrong-pin');
    await expect(page.getByTestId('staff-pin-attempts')).toContainText(String(left));
  }
  await typeStaffPin(page, '000000');
  await expect(page.getByTestId('staff-sign-in-locked')).toBeVisible();
  await expect(page.getByTestId('staff-locked-until')).toBeVisible();
  // The locked badge is refused even with the right PIN; another member of staff signs in.
  await page.getByTestId('staff-sign-in-back').click();
  await scan(office.badge('S0001'));
  await expect(page.getByTestId('staff-sign-in-locked')).toBeVisible();
  await page.getByTestId('staff-sign-in-back').click();
  await scan(office.badge('S0002', { name: 'LEONG Ka Wai 梁家偉' }));
  await expect(page.getByTestId('staff-sign-in-pin')).toBeVisible();
  await typeStaffPin(page, '246802');
  await expect(page.getByTestId('maintenance-menu')).toBeVisible();
  await expect(page.getByTestId('maintenance-staff')).toContainText('S0002');
  await expect(page.getByTestId('maintenance-readiness')).toContainText('ticket-printer');

  // Devices: every diagnostic on the simulators.
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'loaded' });
  await page.getByTestId('maintenance-tool-devices').click();
  const result = page.getByTestId('device-result');
  // Supplies as the simulated devices' drivers read them: the roll's sensors; the USB A4 route reports no toner.
  const supplies = (device: string) => page.getByTestId(`device-${device}-supplies`);
  const roll = supplies('ticket-printer').locator('[data-supply="paper-roll"]');
  await expect(roll).toHaveAttribute('data-level', 'ok');
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'low' });
  await page.getByTestId('maintenance-refresh').click();
  await expect(roll).toHaveAttribute('data-level', 'near-end');
  await expect(supplies('a4-printer').locator('[data-supply="markers-not-reported"]')).toBeVisible();
  await expect(supplies('scanner')).toHaveAttribute('data-supplies', 'none');
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'loaded' });
  await host.call('dev.simulate', {
    action: 'document',
    deviceId: 'document-reader',
    sample: 'passport-macao',
  });
  await page.getByTestId('device-document-reader-test-read').click();
  await expect(result).toHaveAttribute('data-outcome', 'read', { timeout: 20_000 });
  await expect(page.getByTestId('device-test-read')).toContainText('MB2345678');
  await expect(page.getByTestId('device-test-read-pa')).toBeVisible();
  await host.call('dev.simulate', { action: 'document', deviceId: 'document-reader', sample: null });

  await page.getByTestId('device-scanner-test-scan').click();
  await expect(result).toHaveAttribute('data-outcome', 'running');
  await scan('TEST-SCAN-0001');
  await expect(result).toHaveAttribute('data-outcome', 'scanned');
  await expect(result).toContainText('TEST-SCAN-0001');

  for (const [device, action] of [
    ['ticket-printer', 'test-ticket'],
    ['a4-printer', 'test-page'],
    ['ticket-printer', 'reset-paper-counter'],
    ['scanner', 'reconnect'],
  ] as const) {
    await page.getByTestId(`device-${device}-${action}`).click();
    await expect(result).toHaveAttribute('data-outcome', 'done', { timeout: 15_000 });
    await expect(result).toContainText(device);
  }
  const counters = page.getByTestId('device-ticket-printer-counters');
  await expect(counters).toHaveAttribute('data-refilled', 'true');
  await expect(counters).toHaveAttribute('data-since-refill', '0');
  await page.getByTestId('device-lockers-door-A1').click();
  await page.getByTestId('device-lockers-door-A1-door-test').click();
  await expect(result).toHaveAttribute('data-outcome', 'done');
  await expect(result).toContainText('lockers');
  await page.getByTestId('maintenance-back').click();

  // Print jobs: the first reprinted, the second voided, each with a reason.
  await page.getByTestId('maintenance-tool-print-jobs').click();
  const [first, second] = jobs as [number, number];
  await page.getByTestId(`job-${first}-reprint`).click();
  await page.getByTestId(`job-${first}-reprint-resident-returned`).click();
  await expect(page.getByTestId(`job-${first}`)).toHaveAttribute('data-status', 'confirmed');
  await page.getByTestId(`job-${second}-void`).click();
  await page.getByTestId(`job-${second}-void-resident-left`).click();
  await expect(page.getByTestId(`job-${second}`)).toHaveAttribute('data-status', 'voided');
  await page.getByTestId('maintenance-back').click();

  // Alerts: the held jobs raised them; one is acknowledged, with who and when.
  await page.getByTestId('maintenance-tool-alerts').click();
  const open = page.locator('[data-testid^="alert-"][data-acknowledged="false"]').first();
  const alertId = (await open.getAttribute('data-testid'))?.replace('alert-', '') ?? '';
  await page.getByTestId(`alert-${alertId}-acknowledge`).click();
  await expect(page.getByTestId(`alert-${alertId}`)).toHaveAttribute('data-acknowledged', 'true');
  await expect(page.getByTestId(`alert-${alertId}`)).toContainText('S0002');
  await page.getByTestId('maintenance-back').click();

  // Support bundle to the kiosk's disk: its name, size and SHA-256 for support.
  await page.getByTestId('maintenance-tool-support-bundle').click();
  await page.getByTestId('bundle-kiosk-disk').click();
  await expect(page.getByTestId('bundle-state')).toHaveAttribute('data-state', 'written', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('bundle-state')).toContainText(/balcao-support-.*\.zip/);
  await page.getByTestId('maintenance-back').click();

  // Logs: filtered by event, only that event's lines remain.
  await page.getByTestId('maintenance-tool-logs').click();
  await page.getByTestId('logs-event').click();
  await page.getByTestId('logs-event-staff-signed-in').click();
  await expect(page.getByTestId('logs-matched')).toContainText('1');
  const rows = page.getByTestId('logs-lines').locator('tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-event', 'staff-signed-in');
  await page.getByTestId('maintenance-back').click();

  // Leave with the A4 printer unplugged: named, and the kiosk stays out of service naming it.
  await host.call('dev.simulate', { action: 'unplug', deviceId: 'a4-printer' });
  await expect(page.getByTestId('maintenance-readiness')).toContainText('a4-printer');
  await page.getByTestId('maintenance-leave').click();
  await expect(page.getByTestId('maintenance-leave-check')).toBeVisible();
  await expect(page.getByTestId('maintenance-not-ready')).toContainText('a4-printer');
  await page.getByTestId('maintenance-leave-anyway').click();
  const outOfService = page.getByTestId('out-of-service');
  await expect(outOfService).toHaveAttribute('data-reason', 'deviceUnavailable');
  await expect(page.getByTestId('out-of-service-terminal')).toContainText('a4-printer');
  await host.call('dev.simulate', { action: 'replug', deviceId: 'a4-printer' });
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('the corner needs five taps: fewer start nothing, and a tap elsewhere still starts a resident session', async ({
  page,
}) => {
  await page.goto(host.url);
  for (let i = 0; i < 4; i++) await page.getByTestId('staff-corner').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await page.getByTestId('attract-screen').click();
  await expect(page.getByTestId('language-screen')).toBeVisible();
  // With a resident's session running there is no corner, and the intent is refused.
  expect(await host.call('staff-sign-in.open', {})).toMatchObject({ ok: true, value: { ok: false } });
  await page.getByTestId('language-en').click();
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

const locales = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;
const orientations = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

/** Into docs/: landscape in four languages, portrait in Traditional Chinese; the rest into test-results/. */
const shoot = (page: Page, name: string, documented: boolean) =>
  shootScreen(page, name, { folder: 'maintenance', documented });
/** The maintenance body scrolls on purpose: long lists may run below the fold. */
const expectLayout = (page: Page) => expectKioskLayout(page, { scrolling: '.maint__body' });

for (const orientation of orientations) {
  test(`${orientation.name}: every maintenance screen in four languages, laid out and readable`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: orientation.width, height: orientation.height });
    // Something in every tool: a held job and its alert (and a printer without paper, so the kiosk is out of service).
    await leaveHeldJobs(page, host, 1);
    const documented = (locale: string) => orientation.name === 'landscape' || locale === 'zh-Hant';
    /** Each language in turn: the screen in it, checked and shot. */
    const inEveryLanguage = async (name: string) => {
      for (const locale of locales) {
        await host.call('session.setLanguage', { language: locale });
        await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${locale}`));
        await expectLayout(page);
        await shoot(page, `${name}-${locale}-${orientation.name}`, documented(locale));
      }
    };
    await openSignIn(page);
    await scan(tampered(office.badge('S0002')));
    await expect(page.getByTestId('staff-badge-refused')).toBeVisible();
    await inEveryLanguage('sign-in-badge-refused');
    await scan(office.badge('S0002', { name: 'LEONG Ka Wai 梁家偉' }));
    await expect(page.getByTestId('staff-sign-in-pin')).toBeVisible();
    await inEveryLanguage('sign-in-pin');
    await typeStaffPin(page, '246802');
    await expect(page.getByTestId('maintenance-menu')).toBeVisible();
    await inEveryLanguage('menu');

    await onEveryTool(page, host, (tool) => inEveryLanguage(tool));

    await page.getByTestId('maintenance-leave').click();
    await expect(page.getByTestId('maintenance-leave-check')).toBeVisible();
    await inEveryLanguage('leave-check');
    await page.getByTestId('maintenance-stay').click();
    await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'loaded' });
    await expect(page.getByTestId('maintenance-readiness')).not.toContainText('ticket-printer');
    await page.getByTestId('maintenance-leave').click();
    await expect(page.getByTestId('attract-screen')).toBeVisible();
  });
}

test('under npm start, "Restart now" from the Terminal tool restarts the host and the page comes back', async ({
  page,
}) => {
  const supervised = await startSupervisedKiosk(e2eConfig());
  try {
    await page.goto(supervised.url);
    await expect(page.getByTestId('attract-screen')).toBeVisible();
    await openSignIn(page);
    // The dev dock's scanner reads the badge (this host's RPC is the page's own).
    await page.getByTestId('dev-dock').getByRole('button').first().click();
    await page.getByTestId('dev-scan-text').fill(office.badge('S0001'));
    await page.getByTestId('dev-scan').click();
    await expect(page.getByTestId('staff-sign-in-pin')).toBeVisible();
    await typeStaffPin(page, '135790');
    await page.getByTestId('maintenance-tool-terminal').click();
    await page.getByTestId('terminal-restart-now').click();
    await expect.poll(() => supervised.hostPids().length, { timeout: 20_000 }).toBe(2);
    expect(supervised.logLines.join('\n')).toContain('"code":75');
    await expect(page.getByTestId('attract-screen')).toBeVisible({ timeout: 20_000 });
  } finally {
    await supervised.stop();
  }
});
