import { expect, test } from '@playwright/test';
import { e2eConfig } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * A page opened without the URL's `#token=` part, or with a wrong token, is refused by the host. It says so —
 * "not connected", in all four languages — instead of "restarting" forever, and the host logs the refusal.
 */
let host: KioskHost;
let origin: string;
let token: string;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
  origin = new URL(host.url).origin;
  token = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token') ?? '';
});
test.afterAll(async () => host.stop());

function refusals(reason: string): unknown[] {
  return host.logLines
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.event === 'host-connection-refused' && entry.reason === reason);
}

test('a URL without the token shows "not connected" in four languages, and the host logs why', async ({
  page,
}) => {
  await page.goto(`${origin}/`);
  const screen = page.getByTestId('not-connected');
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('This screen is not connected to the kiosk');
  await expect(screen).toContainText('Este ecrã não está ligado ao quiosque');
  await expect(screen).toContainText('本屏幕未連接到自助服務機');
  await expect(screen).toContainText('本屏幕未连接到自助服务机');
  await expect(page.getByTestId('out-of-service')).toHaveCount(0);
  expect(refusals('missing-token')).toContainEqual(
    expect.objectContaining({ peer: '127.0.0.1', status: 401, upgrade: true }),
  );
});

test('a URL with a wrong token shows "not connected"; the log never holds either token', async ({ page }) => {
  const wrong = `${token.slice(0, -4)}AAAA`;
  await page.goto(`${origin}/#token=${wrong}`);
  await expect(page.getByTestId('not-connected')).toBeVisible();
  expect(refusals('wrong-token').length).toBeGreaterThan(0);
  const logs = host.logLines.filter((line) => !line.startsWith('BALCAO_URL=')).join('\n');
  expect(logs).not.toContain(wrong);
  expect(logs).not.toContain(token);
});
