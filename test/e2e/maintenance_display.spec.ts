import { expect, test } from '@playwright/test';
import { developmentStaffOffice, tampered } from '../support/staff_badges.js';
import { expectEveryDisplayRight } from './support/display_sweep.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { leaveHeldJobs, onEveryTool, openSignIn, typeStaffPin } from './support/staff_steps.js';

/**
 * Staff screens in every display setting, as the residents' screens are (display_settings.spec.ts): staff sign-in
 * (badge, refused badge, PIN with a wrong one, locked out), the maintenance menu, every tool with something in it
 * (a held job and its alert; the Devices tool after a test read) and the leave check — each × four languages ×
 * portrait and landscape × plain, high contrast, large text and both: WCAG contrast, nothing clipped or spilling,
 * a cue wherever content scrolls.
 */
const office = developmentStaffOffice();
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost({
    ...e2eConfig({
      timeLimits: longSessionTimeLimits,
    }),
    speech: { output: 'none', prerender: false },
  });
});
test.afterAll(async () => host.stop());

const scan = (text: string) => host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text });

test('every staff screen × four languages × portrait and landscape × plain, high contrast, large text and both', async ({
  page,
}) => {
  // 16 screens × 32 combinations.
  test.setTimeout(420_000);
  await leaveHeldJobs(page, host, 1);
  await openSignIn(page);
  await expectEveryDisplayRight(page, host, 'staff-sign-in-badge');
  await scan(tampered(office.badge('S0001')));
  await expect(page.getByTestId('staff-badge-refused')).toBeVisible();
  await expectEveryDisplayRight(page, host, 'staff-sign-in-badge-refused');

  // S0001 is locked out after three wrong PINs; S0002 signs in.
  await scan(office.badge('S0001'));
  await expect(page.getByTestId('staff-sign-in-pin')).toBeVisible();
  await typeStaffPin(page, '000000');
  await expect(page.getByTestId('staff-pin-problem')).toBeVisible();
  await expectEveryDisplayRight(page, host, 'staff-sign-in-pin-wrong');
  await typeStaffPin(page, '000000');
  await typeStaffPin(page, '000000');
  await expect(page.getByTestId('staff-sign-in-locked')).toBeVisible();
  await expectEveryDisplayRight(page, host, 'staff-sign-in-locked');
  await page.getByTestId('staff-sign-in-back').click();
  await scan(office.badge('S0002', { name: 'LEONG Ka Wai 梁家偉' }));
  await expect(page.getByTestId('staff-sign-in-pin')).toBeVisible();
  await typeStaffPin(page, '246802');
  await expect(page.getByTestId('maintenance-menu')).toBeVisible();
  await expectEveryDisplayRight(page, host, 'maintenance-menu');

  await onEveryTool(page, host, (tool) => expectEveryDisplayRight(page, host, `maintenance-${tool}`));

  // A list of choices open over its tool (the log filters and the reasons share it): the longest, the log events.
  await page.getByTestId('maintenance-tool-logs').click();
  await page.getByTestId('logs-event').click();
  await expect(page.getByTestId('logs-event-reasons')).toBeVisible();
  await expectEveryDisplayRight(page, host, 'maintenance-logs-event-choices');
  await page.getByTestId('logs-event-cancel').click();
  await page.getByTestId('maintenance-back').click();

  await page.getByTestId('maintenance-leave').click();
  await expect(page.getByTestId('maintenance-leave-check')).toBeVisible();
  await expectEveryDisplayRight(page, host, 'maintenance-leave-check');
  await page.getByTestId('maintenance-stay').click();
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'loaded' });
  await expect(page.getByTestId('maintenance-readiness')).not.toContainText('ticket-printer');
  await page.getByTestId('maintenance-leave').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});
