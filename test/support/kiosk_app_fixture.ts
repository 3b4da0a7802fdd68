import type { Backend } from '../../electron/backend/contract/backend.js';
import { openEmbeddedBackend } from '../../electron/backend/embedded/embedded_backend.js';
import { seedCatalogue } from '../../electron/backend/seed/seed_catalogue.js';
import { parseConfig } from '../../electron/config/config_loader.js';
import type { KioskConfig } from '../../electron/config/config_schema.js';
import { openJournal } from '../../electron/journal/journal_database.js';
import { createKioskApp, type KioskApp, type KioskAppOptions } from '../../electron/kiosk_app.js';
import type { EventName } from '../../electron/rpc/contract.js';
import { ManagerDeviceHub } from '../../electron/services/manager_device_hub.js';
import { FakeClock } from './fake_clock.js';
import { recordingLogger } from './recording_logger.js';

/**
 * A whole kiosk app for main-process tests: simulated devices (started, and ready before this resolves), an
 * in-memory journal, session timers on a fake clock, and every bus event and log line recorded. Calls go through the router,
 * the way the renderer's do.
 */
export interface KioskAppFixture {
  app: KioskApp;
  config: KioskConfig;
  devices: ManagerDeviceHub;
  clock: FakeClock;
  /** Every line the app logged, for tests that assert what was (and was not) logged. */
  logger: ReturnType<typeof recordingLogger>;
  events: { event: EventName; payload: unknown }[];
  /** The embedded backend (in memory, on the fake clock) when the fixture was asked for one. */
  backend: Backend | undefined;
  /** An RPC call as the renderer makes it; the value of an ok answer, or the refusal. */
  call(method: string, params?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

const site = { kind: 'macau', centreId: 'x', name: { 'zh-Hant': '甲', 'zh-Hans': '甲', pt: 'A', en: 'A' } };

export interface KioskAppFixtureOptions {
  /** Where the fake clock starts (epoch ms): `Date.now()` for tests that check certificates made today. */
  clockStart?: number;
  /**
   * `embedded`: the embedded backend in memory, seeded (the sample residents, bookings, collections), on the fake
   * clock; a function: a backend of the test's making (a faulty one). Without it, backend calls answer unreachable.
   */
  backend?: 'embedded' | ((clock: FakeClock) => Backend);
  /** A journal file (a crash test reopens what a killed run left); in memory when absent. */
  journalPath?: string;
  /** Audio guidance's speaker and engine (a recording sink, a fake engine); the configured ones when absent. */
  speech?: KioskAppOptions['speech'];
}

export async function startKioskAppFixture(
  overrides: Record<string, unknown> = {},
  options: KioskAppFixtureOptions = {},
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
  const config = parsed.value;
  const devices = new ManagerDeviceHub(config.devices);
  await devices.start();
  const journal = openJournal(options.journalPath ?? ':memory:');
  if (!journal.ok) throw new Error('journal');
  const clock = new FakeClock(options.clockStart);
  const logger = recordingLogger();
  const backend = fixtureBackend(options.backend, clock, config);
  const app = createKioskApp(config, devices, journal.value, {
    clock,
    logger,
    backend,
    speech: options.speech,
  });
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
    logger,
    events,
    async call(method, params = {}) {
      const result = await app.router.call(method, params);
      return result.ok ? result.value : result;
    },
    backend,
    async close() {
      await app.close();
      await backend?.close();
    },
  };
}

function fixtureBackend(
  kind: KioskAppFixtureOptions['backend'],
  clock: FakeClock,
  config: KioskConfig,
): Backend | undefined {
  if (kind === undefined) return undefined;
  if (typeof kind === 'function') return kind(clock);
  return embeddedBackendAt(clock, { id: config.terminal.id, centreId: config.site.centreId });
}

/** The embedded backend in memory, seeded, on the fake clock, knowing the terminal it serves. */
export function embeddedBackendAt(clock: FakeClock, terminal: { id: string; centreId: string }): Backend {
  const opened = openEmbeddedBackend({
    path: ':memory:',
    seed: seedCatalogue(),
    now: () => clock.now(),
    terminal,
  });
  if (!opened.ok) throw new Error(`embedded backend: ${JSON.stringify(opened.error)}`);
  return opened.value;
}
