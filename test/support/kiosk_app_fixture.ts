import { parseConfig } from '../../electron/config/config_loader.js';
import type { KioskConfig } from '../../electron/config/config_schema.js';
import { openJournal } from '../../electron/journal/journal_database.js';
import { createKioskApp, type KioskApp, type KioskAppOptions } from '../../electron/kiosk_app.js';
import type { EventName } from '../../electron/rpc/contract.js';
import { ManagerDeviceHub } from '../../electron/services/manager_device_hub.js';
import { FakeClock } from './fake_clock.js';

/**
 * A whole kiosk app for main-process tests: simulated devices (started, and ready before this resolves), an
 * in-memory journal, session timers on a fake clock, and every bus event recorded. Calls go through the router,
 * the way the renderer's do.
 */
export interface KioskAppFixture {
  app: KioskApp;
  config: KioskConfig;
  devices: ManagerDeviceHub;
  clock: FakeClock;
  events: { event: EventName; payload: unknown }[];
  /** An RPC call as the renderer makes it; the value of an ok answer, or the refusal. */
  call(method: string, params?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

const site = { kind: 'macau', centreId: 'x', name: { 'zh-Hant': '甲', 'zh-Hans': '甲', pt: 'A', en: 'A' } };

export async function startKioskAppFixture(
  overrides: Record<string, unknown> = {},
  options: Pick<KioskAppOptions, 'speech'> = {},
): Promise<KioskAppFixture> {
  const parsed = parseConfig({
    terminal: { id: 'MO-TEST-01' },
    site,
    mode: 'test',
    services: ['check-in', 'proof-of-identity'],
    devices: [
      { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
      { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
    ],
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const config = parsed.config;
  const devices = new ManagerDeviceHub(config.devices);
  await devices.start();
  const journal = openJournal(':memory:');
  if (!journal.ok) throw new Error('journal');
  const clock = new FakeClock();
  const app = createKioskApp(config, devices, journal.value, { clock, ...options });
  const events: KioskAppFixture['events'] = [];
  app.bus.subscribe((event, payload) => events.push({ event, payload }));
  const deadline = Date.now() + 10_000;
  while (!devices.statuses().every((s) => s.status.state === 'ready')) {
    if (Date.now() > deadline) throw new Error('simulated devices not ready in time');
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    app,
    config,
    devices,
    clock,
    events,
    async call(method, params = {}) {
      const result = await app.router.call(method, params);
      return result.ok ? result.value : result;
    },
    close: () => app.close(),
  };
}
