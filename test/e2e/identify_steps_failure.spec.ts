import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { e2eConfig } from './support/e2e_config.js';
import { identifyWithPassport, openService } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * The shared identification helper fails with where the kiosk is when identification does not end — here the
 * backend refuses the PIN (R-0001 locked out) — instead of a spec timing out later with no clue (it once did,
 * after the PIN, in check_proof.spec.ts).
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());

test('identifyWithPassport names the screen it stopped on: a PIN locked out', async ({ page }) => {
  test.setTimeout(60_000);
  await openService(page, host, 'en', 'proof-of-identity');
  // The backend's own record of R-0001: locked for an hour (as after too many wrong PINs elsewhere).
  const db = new Database(host.backendPath);
  db.prepare('UPDATE residents SET pin_locked_until = ? WHERE id = ?').run(Date.now() + 3_600_000, 'R-0001');
  db.close();
  const failure = await identifyWithPassport(page, host).then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toContain('identification did not end after the PIN');
  expect(failure).toContain('proof-of-identity › identify › refused (pin-locked)');
});
