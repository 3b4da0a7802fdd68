import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { e2eConfig } from './support/e2e_config.js';
import { startKioskHost } from './support/kiosk_host.js';
import { startSupervisedKiosk } from './support/supervised_kiosk.js';

/**
 * Browser mode survives hostile clients, and survives its own crash: under `npm start` (scripts/start.mjs) a
 * killed host is started again on the same port with the same token, and the open page comes back by itself.
 */

/**
 * Writes bytes on a raw TCP socket and resolves with everything the host sent before closing it. The host closes
 * both hostile connections itself; the 15 s only bounds a host that hangs (2 s was too short on a loaded machine).
 */
function raw(port: number, bytes: string | Buffer, after?: (socket: ReturnType<typeof connect>) => void) {
  return new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => socket.destroy(), 15_000);
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (after && received.includes('\r\n\r\n')) {
        after(socket);
        after = undefined;
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.write(bytes);
  });
}

test('an unparsable upgrade target and a malformed frame leave the host process serving', async ({
  page,
}) => {
  const host = await startKioskHost(e2eConfig());
  try {
    const { port, hash } = new URL(host.url);
    const token = new URLSearchParams(hash.slice(1)).get('token');
    const address = `127.0.0.1:${port}`;
    const hostile = `GET http://[ HTTP/1.1\r\nHost: ${address}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`;
    expect(await raw(Number(port), hostile)).toMatch(/^HTTP\/1\.1 400 /);

    const handshake = [
      `GET /rpc?token=${token} HTTP/1.1`,
      `Host: ${address}`,
      `Origin: http://${address}`,
      'Connection: Upgrade',
      'Upgrade: websocket',
      'Sec-WebSocket-Version: 13',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      '\r\n',
    ].join('\r\n');
    // After the 101, one unmasked text frame: a protocol error that used to end the process.
    const answer = await raw(Number(port), handshake, (socket) =>
      socket.write(Buffer.from([0x81, 0x02, 0x7b, 0x7d])),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 101 /);
    expect(answer).toContain('\x88\x02\x03\xea'); // close frame, status 1002

    await page.goto(host.url);
    await page.getByTestId('attract-screen').click();
    await expect(page.getByTestId('language-screen')).toBeVisible();
    const warnings = host.logLines.join('\n');
    expect(warnings).toContain('"reason":"bad-target"');
    expect(warnings).toContain('"code":"WS_ERR_EXPECTED_MASK"');
  } finally {
    await host.stop();
  }
});

test('a host killed under npm start comes back on its own, and the open page shows the attract screen', async ({
  page,
}) => {
  const kiosk = await startSupervisedKiosk(e2eConfig());
  try {
    await page.goto(kiosk.url);
    await page.getByTestId('attract-screen').click();
    await page.getByTestId('language-en').click();
    await expect(page.getByTestId('home-screen')).toBeVisible();
    await page.getByTestId('accessibility-button').click();
    await page.getByTestId('toggle-high-contrast').click();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('html')).toHaveClass(/high-contrast/);

    const [firstHost] = kiosk.hostPids();
    expect(firstHost).toBeDefined();
    process.kill(firstHost!, 'SIGKILL');

    // The page notices at once, then reconnects to the new host with the token it already has.
    await expect(page.getByTestId('out-of-service')).toHaveAttribute('data-reason', 'connectionLost');
    await expect(page.getByTestId('attract-screen')).toBeVisible({ timeout: 20_000 });
    expect(kiosk.hostPids()).toHaveLength(2);
    expect(kiosk.hostPids()[1]).not.toBe(firstHost);

    // The resident's session died with the old host: the new snapshot is the attract screen, and nothing of the
    // resident (language, display choices) is left in the page.
    await expect(page.locator('html')).not.toHaveClass(/high-contrast/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-MO');
    await page.getByTestId('attract-screen').click();
    await page.getByTestId('language-pt').click();
    await expect(page.getByTestId('home-screen')).toBeVisible();

    const logs = kiosk.logLines.join('\n');
    expect(logs).toContain('"signal":"SIGKILL"');
    expect(logs).toContain('"event":"supervisor-host-restarting"');
    const token = new URLSearchParams(new URL(kiosk.url).hash.slice(1)).get('token')!;
    expect(kiosk.logLines.filter((line) => line.includes(token))).toEqual([`BALCAO_URL=${kiosk.url}`]);
  } finally {
    expect(await kiosk.stop()).toBe(0);
  }
  expect(kiosk.hostPids()).toHaveLength(2);
});
