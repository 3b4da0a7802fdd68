import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { collectionHostConfig } from './support/collection_host.js';
import { expectEveryDisplayRightIn } from './support/display_sweep.js';
import { identifyWithPassport, openService } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { type ReferenceBackend, startReferenceBackend } from './support/reference_backend.js';

/**
 * What goes wrong while a resident collects a card, end to end in browser mode (collect_document_flow.test.ts covers
 * each in detail; these show the resident sees it): the dispenser jams (staff are alerted, the resident is told
 * plainly, the document stays ready); the government gateway (the reference server over HTTP, in its own process)
 * goes down just before the card is taken (the resident is done and told it will be confirmed later; the journal
 * keeps the confirmation's key for recovery). The outcome screens are checked in every display combination.
 */
/** One row of the host's journal, which sits beside its embedded backend's file. */
function journalRow<T>(host: KioskHost, sql: string): T {
  const db = new Database(join(dirname(host.backendPath), 'journal.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

test.describe('with the embedded backend', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    host = await startKioskHost(collectionHostConfig(60_000));
  });
  test.afterAll(async () => host.stop());

  test('zh-Hant: the dispenser jams — told plainly, staff alerted, the card still ready', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await host.call('dev.simulate', { action: 'jam', deviceId: 'dispenser', jam: true });
    await openService(page, host, 'zh-Hant', 'collect-document');
    await identifyWithPassport(page, host);
    await page.getByTestId('collect-choose-C-SAMPLE-MO-1').click();
    const outcome = page.getByTestId('collect-outcome-outcome-release-failed-jam');
    await expect(outcome).toBeVisible({ timeout: 15_000 });
    await expectEveryDisplayRightIn(page, host, 'collect-release-failed-jam', 'zh-Hant');
    expect(
      journalRow<{ n: number }>(
        host,
        "SELECT COUNT(*) AS n FROM staff_alerts WHERE kind = 'device-needs-staff'",
      ).n,
    ).toBe(1);
    // Nothing was lost: staff clear the jam, and the same card is offered again.
    await host.call('dev.simulate', { action: 'jam', deviceId: 'dispenser', jam: false });
    await page.getByTestId('collect-another').click();
    await expect(page.getByTestId('collect-choose-C-SAMPLE-MO-1')).toBeVisible();
    await host.call('session.end', { reason: 'cancelled' });
  });
});

test.describe('with the gateway over HTTP', () => {
  let gateway: ReferenceBackend;
  let host: KioskHost;
  test.beforeAll(async () => {
    gateway = await startReferenceBackend();
    host = await startKioskHost(
      collectionHostConfig(60_000, {
        backend: {
          kind: 'http',
          baseUrl: gateway.url,
          timeoutMs: 3000,
          retries: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
          circuit: { failureThreshold: 3, cooldownMs: 300 },
        },
      }),
    );
  });
  test.afterAll(async () => {
    await host.stop();
    await gateway.stop();
  });

  test('pt: the gateway goes down as the card is taken — the resident is done, confirmed later', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await openService(page, host, 'pt', 'collect-document');
    await identifyWithPassport(page, host);
    await page.getByTestId('collect-choose-C-SAMPLE-MO-1').click();
    await expect(page.getByTestId('collect-releasing-take-card')).toBeVisible({ timeout: 15_000 });
    await gateway.stop();
    await host.call('dev.simulate', { action: 'take-card', deviceId: 'dispenser' });
    await expect(page.getByTestId('collect-done')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('collect-confirmed-later')).toBeVisible();
    await expectEveryDisplayRightIn(page, host, 'collect-done-confirmed-later', 'pt');
    // The card left the kiosk; the confirmation waits in the journal with its key, for recovery to send again.
    expect(
      journalRow<{ state: string; pending: string | null }>(
        host,
        "SELECT state, pending_call AS pending FROM transactions WHERE kind = 'collection'",
      ),
    ).toEqual({ state: 'dispensed', pending: 'confirm' });
    await page.getByTestId('collect-finish').click();
    await expect(page.getByTestId('attract-screen')).toBeVisible();
  });
});
