import { expect, type Page, test } from '@playwright/test';
import { developmentStaffOffice } from '../support/staff_badges.js';
import { collectionHostConfig } from './support/collection_host.js';
import { longSessionTimeLimits } from './support/e2e_config.js';
import { identifyWithPassport, openService } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * A resident is never cut off mid-collection, seen as staff and resident see it: R-0001 is at "take your card"
 * (the collection's transaction is under way) when staff show a badge, or when the dev dock switches maintenance on.
 * The resident's screen stays theirs; the entry is logged as deferred; when the transaction ends — the card taken,
 * or not taken and drawn back in — maintenance starts by itself (sign-in at the PIN for the badge, out of service
 * for the dock's switch).
 */
const office = developmentStaffOffice();
let host: KioskHost;
/** Short enough that the not-taken case ends soon, long enough for the checks made while the card waits. */
const takeMs = 8_000;

test.beforeAll(async () => {
  host = await startKioskHost(
    collectionHostConfig(takeMs, {
      timeLimits: longSessionTimeLimits,
    }),
  );
});
test.afterAll(async () => host.stop());

/** R-0001 identified and at "take your card": the collection's transaction is under way. */
async function residentAtTakeCard(page: Page): Promise<void> {
  await openService(page, host, 'en', 'collect-document');
  await identifyWithPassport(page, host);
  await page.getByTestId('collect-choose-C-SAMPLE-MO-1').click();
  await expect(page.getByTestId('collect-releasing-take-card')).toBeVisible();
}

const deferredLogged = () =>
  host.logLines.filter((line) => line.includes('"maintenance-entry-deferred"')).length;

// The card not taken first: R-0001's card is still to collect for the next test, which takes it.
test('the dev dock’s switch mid-collection waits too; the card not taken and drawn back in, out of service', async ({
  page,
}) => {
  await residentAtTakeCard(page);
  expect(await host.call('dev.setMaintenance', { on: true })).toMatchObject({
    ok: true,
    value: { mode: 'in-service' },
  });
  await page.waitForTimeout(2_500);
  await expect(page.getByTestId('collect-releasing-take-card')).toBeVisible();
  await expect(page.getByTestId('out-of-service')).toHaveCount(0);

  // Nobody takes the card: it is drawn back in, the transaction ends, and maintenance starts by itself.
  const outOfService = page.getByTestId('out-of-service');
  await expect(outOfService).toBeVisible({ timeout: takeMs + 15_000 });
  await expect(outOfService).toHaveAttribute('data-reason', 'maintenance');
  await host.call('dev.setMaintenance', { on: false });
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('a staff badge shown mid-collection waits; the card taken, sign-in opens at the PIN for that badge', async ({
  page,
}) => {
  await residentAtTakeCard(page);
  const before = deferredLogged();
  await host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text: office.badge('S0001') });
  await expect.poll(deferredLogged).toBe(before + 1);
  // Past the entry's own poll (1 s): the resident still has their screen, with no staff screen over it.
  await page.waitForTimeout(2_500);
  await expect(page.getByTestId('collect-releasing-take-card')).toBeVisible();
  await expect(page.getByTestId('staff-sign-in-pin')).toHaveCount(0);

  await host.call('dev.simulate', { action: 'take-card', deviceId: 'dispenser' });
  await expect(page.getByTestId('staff-sign-in-pin')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('staff-sign-in-who')).toContainText('S0001');
  // The staff member walks away: the kiosk is the residents' again.
  await page.getByTestId('staff-sign-in-cancel').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});
