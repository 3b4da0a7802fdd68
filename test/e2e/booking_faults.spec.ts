import { expect, type Page, test } from '@playwright/test';
import { createHttpBackend } from '../../electron/backend/http/http_backend.js';
import { fillSlot } from '../support/fill_slot.js';
import {
  chooseTime,
  enterService,
  identifyWithPassport,
  openKioskPage,
  scanCode,
  toDates,
} from './support/booking_walk.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { type ReferenceBackend, startReferenceBackend } from './support/reference_backend.js';

/**
 * What goes wrong while a resident books, end to end in browser mode: the government gateway (the reference server
 * in its own process, reached over HTTP as a deployed kiosk reaches it) goes down at the last step and comes back;
 * another kiosk takes the chosen time while the resident confirms; the resident walks away in the middle.
 */
test.describe('with the gateway over HTTP', () => {
  let gateway: ReferenceBackend;
  let host: KioskHost;
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await openKioskPage(browser);
    gateway = await startReferenceBackend();
    host = await startKioskHost(
      e2eConfig({
        backend: {
          kind: 'http',
          baseUrl: gateway.url,
          timeoutMs: 3000,
          retries: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
          circuit: { failureThreshold: 3, cooldownMs: 300 },
        },
        timeLimits: longSessionTimeLimits,
      }),
    );
  });
  test.afterAll(async () => {
    await page.context().close();
    await host.stop();
    await gateway.stop();
  });
  /** The gateway as another kiosk (or the test) reaches it. */
  const otherKiosk = () => {
    const client = createHttpBackend({
      baseUrl: gateway.url,
      timeoutMs: 5000,
      retries: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
      circuit: { failureThreshold: 5, cooldownMs: 1000 },
    });
    if (!client.ok) throw new Error('http backend');
    return client.value;
  };

  test('the backend goes down at confirm: the resident is told, and Try again books once it is back', async () => {
    await enterService(page, host, 'book-appointment', 'pt');
    await toDates(page);
    await chooseTime(page, 1);
    await expect(page.getByTestId('identify-stage-place')).toBeVisible();
    await scanCode(host, 'moa1:sample:R-0003');
    await expect(page.getByTestId('book-appointment-confirm')).toBeVisible();
    await gateway.stop();
    await page.getByTestId('confirm').click();
    // The stopped server refuses the connection, so the request never left: the kiosk says nothing was booked (not
    // "we do not know", which is for a request that may have arrived — tested over the router).
    await expect(page.getByTestId('problem-unavailable')).toBeVisible();
    await expect(page.getByTestId('reference')).toHaveCount(0);
    await gateway.restart();
    await page.getByTestId('retry').click();
    await expect(page.getByTestId('book-appointment-booked')).toBeVisible();
    await expect(page.getByTestId('slip-printed')).toBeVisible({ timeout: 20_000 });
    // Booked once, whatever happened to the first request.
    const held = await otherKiosk().residentBookings({ residentRef: 'R-0003' });
    expect(held.ok && held.value.bookings.filter((b) => b.status === 'booked')).toHaveLength(1);
  });

  test('a time taken while the resident confirms: the times come back without it, with the next free ones', async () => {
    await enterService(page, host, 'book-appointment', 'zh-Hant');
    await toDates(page, 'dsi-bir-change-particulars');
    const slotId = await chooseTime(page, 0);
    await expect(page.getByTestId('identify-stage-place')).toBeVisible();
    await scanCode(host, 'moa1:sample:R-0001');
    await expect(page.getByTestId('book-appointment-confirm')).toBeVisible();
    // Another kiosk books the time's last places meanwhile.
    await fillSlot(otherKiosk(), slotId);

    await page.getByTestId('confirm').click();
    await expect(page.getByTestId('book-appointment-slot')).toBeVisible();
    await expect(page.getByTestId('slot-notice')).toBeVisible();
    await expect(page.getByTestId(`slot-${slotId}`)).toHaveCount(0);
    const next = page.locator('[data-testid^="next-"]').first();
    await next.click();
    // Identified already: straight to confirm.
    await expect(page.getByTestId('book-appointment-confirm')).toBeVisible();
    await page.getByTestId('confirm').click();
    await expect(page.getByTestId('book-appointment-booked')).toBeVisible();
  });
});

test.describe('the resident walks away', () => {
  let host: KioskHost;
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await openKioskPage(browser);
    host = await startKioskHost(
      e2eConfig({
        // The warning comes 7 s after the last tap: the passport's chip read (seconds on a busy machine) ends
        // before it, so the warning never stands over "Yes, this is me".
        timeLimits: { idleSeconds: 10, warningSeconds: 3, maxExtensions: 10, attractSlideSeconds: 60 },
      }),
    );
  });
  test.afterAll(async () => {
    await page.context().close();
    await host.stop();
  });

  test('a timeout mid-flow wipes it in both processes; the next resident sees nothing of it', async () => {
    await enterService(page, host, 'book-appointment', 'en');
    await toDates(page);
    await chooseTime(page, 0);
    await identifyWithPassport(page, host);
    await expect(page.getByTestId('booking-for')).toHaveText('For: CHAN T** M**');
    // Nobody touches the screen: the warning, then the attract screen.
    await expect(page.getByTestId('idle-warning')).toBeVisible({ timeout: 12_000 });
    await expect(page.getByTestId('attract-screen')).toBeVisible({ timeout: 12_000 });
    const snapshot = await host.call('kiosk.snapshot', {});
    expect(snapshot.ok && (snapshot.value as { session: { phase: string } }).session).toEqual({
      phase: 'attract',
    });

    // The next resident: the booking starts afresh, with nothing of the last one.
    await page.getByTestId('attract-screen').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('tile-book-appointment').click();
    await page.getByTestId('start-service').click();
    await expect(page.getByTestId('book-appointment-site')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('CHAN');
    await page.getByTestId('back').click();
    await expect(page.locator('body')).not.toContainText('CHAN');
  });
});
