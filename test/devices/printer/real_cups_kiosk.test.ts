/**
 * The kiosk end to end against a real cupsd (test/support/real_cupsd.ts), from its configuration file: the field
 * tool's `balcao test-page` and a resident's proof of identity printed by the kiosk app (device manager, print
 * pipeline and journal, print events to the screen), through the cups-pdf queue. And the misspelt option that
 * once sent the Hengqin A4 printer to USB without a word now stops the field tool with status 78.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../electron/config/config_loader.js';
import { openJournal } from '../../../electron/journal/journal_database.js';
import { createKioskApp } from '../../../electron/kiosk_app.js';
import type { PrintJobView } from '../../../electron/rpc/print_contract.js';
import { ManagerDeviceHub } from '../../../electron/services/manager_device_hub.js';
import { exitStatus } from '../../../electron/startup/exit_status.js';
import { eventually } from '../../support/eventually.js';
import {
  describeWithRealCups,
  printedPages,
  printedText,
  type RealCupsd,
  startRealCupsd,
} from '../../support/real_cupsd.js';
import { recordingLogger } from '../../support/recording_logger.js';
import { balcao } from '../../support/run_balcao.js';

const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;

/** The development configuration with its A4 printer on a CUPS queue, as a kiosk whose CUPS owns the printer. */
function configWithCupsPrinter(options: Record<string, unknown>): Record<string, unknown> {
  return {
    ...shipped,
    mode: 'test',
    devices: [
      { id: 'ticket-printer', kind: 'ticket-printer', transport: 'simulated', model: 'escpos' },
      {
        id: 'a4-printer',
        kind: 'document-printer',
        transport: 'usb',
        vendorId: '0x03f0',
        productId: '0x2b17',
        options,
      },
    ],
  };
}

/** A real cupsd takes its time: each wait here may take seconds on a loaded machine. */
const cupsTime = 15_000;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'balcao-cups-kiosk-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a misspelt device option', () => {
  it('stops balcao with status 78, naming the device, the field and the option meant', async () => {
    const file = join(dir, 'misspelt.json');
    writeFileSync(file, JSON.stringify(configWithCupsPrinter({ queue: 'a4', directUsb: false })));
    const result = await balcao('test-page', '--config', file, '--device', 'a4-printer');
    expect(result.status).toBe(exitStatus.config);
    expect(result.err).toContain('devices[1].options.queue: unknown option; did you mean cupsQueue?');
  });
});

describeWithRealCups('the kiosk printing through a real CUPS', () => {
  let cups: RealCupsd;
  let configFile: string;
  const options = (): Record<string, unknown> => ({
    cupsQueue: cups.queue,
    cupsServer: cups.socket,
    directUsb: false,
  });

  beforeAll(async () => {
    cups = await startRealCupsd();
    configFile = join(dir, 'cups.json');
    writeFileSync(configFile, JSON.stringify(configWithCupsPrinter(options())));
  }, 20_000);
  afterAll(async () => {
    await cups?.stop();
  });

  it('balcao test-page exits 0 and the page is in the cups-pdf output', async () => {
    const result = await balcao('test-page', '--config', configFile, '--device', 'a4-printer');
    expect(result).toMatchObject({ status: 0, err: '' });
    expect(result.out).toContain('a4-printer: ready');
    expect(result.out).toMatch(/Test page printed \(\d+ bytes\)\. Printer now: ready\./);
    const [page] = cups.outputs();
    expect(printedText(page ?? '')).toContain('Balcão — página de teste');
  }, 20_000);

  it('prints a resident’s proof of identity, tells the screen it is done, and the journal confirms it', async () => {
    const parsed = parseConfig(configWithCupsPrinter(options()));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const devices = new ManagerDeviceHub(parsed.value.devices);
    await devices.start();
    const journal = openJournal(':memory:');
    if (!journal.ok) throw new Error('journal');
    const logger = recordingLogger();
    const app = createKioskApp(parsed.value, devices, journal.value, { logger });
    const views: PrintJobView[] = [];
    app.bus.subscribe((event, payload) => {
      if (event === 'print.jobChanged') views.push(payload as PrintJobView);
    });
    try {
      const before = cups.outputs().length;
      app.flows.startSession('en');
      const printed = await app.printing.printSample('identity-proof');
      expect(printed.ok).toBe(true);
      await eventually(
        () => views.some((v) => v.state === 'done' || v.state === 'needs-attention'),
        cupsTime,
      );
      expect(views.at(-1)).toMatchObject({ paper: 'document', state: 'done', reason: null });
      expect(app.printing.staffJobs()[0]).toMatchObject({ template: 'identity-proof', status: 'confirmed' });
      const outputs = cups.outputs();
      expect(outputs).toHaveLength(before + 1);
      const proof = outputs.find((path) => path.includes('identity-proof')) ?? '';
      expect(printedPages(proof)).toEqual({ pages: 1, size: '595 x 842 pts (A4)' });

      // A stopped queue: the resident is told by name and the document is kept for them, not sent to CUPS;
      // when they leave it goes to staff, and re-enabling the queue prints nothing for nobody.
      cups.admin('cupsdisable', '-r', 'toner change', cups.queue);
      await eventually(
        () =>
          devices
            .statuses()
            .some(
              (s) => s.id === 'a4-printer' && s.status.state === 'error' && s.status.code === 'queue-stopped',
            ),
        cupsTime,
      );
      views.length = 0;
      expect((await app.printing.printSample('identity-proof')).ok).toBe(true);
      await eventually(() => views.some((v) => v.state !== 'printing'), cupsTime);
      expect(views.find((v) => v.state !== 'printing')).toMatchObject({
        state: 'waiting',
        reason: 'queue-stopped',
      });
      app.session.end('cancelled');
      await eventually(() => app.printing.staffJobs()[0]?.status === 'needs-attention', cupsTime);
      const held = app.printing.staffJobs()[0]?.jobId;
      expect(logger.of('print-job-held-for-staff')).toEqual([{ jobId: held, printerId: 'a4-printer' }]);
      cups.admin('cupsenable', cups.queue);
      await eventually(
        () => devices.statuses().some((s) => s.id === 'a4-printer' && s.status.state === 'ready'),
        cupsTime,
      );
      await new Promise((r) => setTimeout(r, 1000));
      expect(cups.outputs()).toHaveLength(before + 1);
      expect(cups.jobsLeft()).toBe('');
      expect(app.printing.staffJobs()[0]).toMatchObject({
        template: 'identity-proof',
        status: 'needs-attention',
      });
    } finally {
      await app.close();
    }
  }, 30_000);
});
