import { chromium, type Page } from 'playwright-core';
import { readEmrtd } from '../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../devices/document/icao9303/simulator/direct_card_channel.js';
import { emrtdSampleCard, simulatorTrustAnchor } from '../devices/document/simulated_documents.js';
import { chromiumPath, chromiumQuietFlags } from '../electron/host/chromium_kiosk.js';
import { e2eConfig, longSessionTimeLimits } from '../test/e2e/support/e2e_config.js';
import { startKioskHost } from '../test/e2e/support/kiosk_host.js';
import type { BenchResult } from './bench_result.js';
import { percentile } from './statistics.js';

/**
 * Issue 11's figure: document placed → the chip's face and the masked name painted, on the built browser-mode host
 * in Debian's Chromium, with the simulated passport `passport-macao` (a 20 kB JPEG face).
 *
 * The kiosk's simulated reader answers at once, so the wall time from the placement (the dev dock's RPC) to the
 * first frame showing the face (its image decoded, then requestAnimationFrame and a task after it) is the host's own
 * share: the driver, secure messaging, passive authentication, the face decoder's worker, the RPC push and React —
 * plus the simulated chip's own processing, which it therefore overstates slightly. The time the same exchange
 * takes on the air is modelled as bench/documents_emrtd.ts does (every byte both ways at 424 kbit/s plus 5 ms per
 * APDU), from the APDUs of the same read counted on a direct channel. The figure a resident waits for is the sum;
 * the issue's target is the host's share ≤ 5 % of it.
 */
const BIT_RATE = 424_000;
const TURNAROUND_MS = 5;
const WARM_UP = 2;
const RUNS = 12;

/** The exchange of one read of the sample, counted: what the air time is modelled from. */
async function modelledTransportMs(): Promise<{ ms: number; apdus: number; bytes: number }> {
  const channel = new DirectCardChannel(await emrtdSampleCard('passport-macao'));
  const read = await readEmrtd(
    channel,
    { documentNumber: 'MB2345678', birthDate: '900315', expiryDate: '330520' },
    { trustStore: [await simulatorTrustAnchor()], dataGroups: [1, 2], now: new Date() },
  );
  if (!read.ok) throw new Error(`sample read failed: ${JSON.stringify(read.error)}`);
  const { apdus, bytesToCard, bytesFromCard } = channel.counters;
  const bytes = bytesToCard + bytesFromCard;
  return { ms: (bytes * 8 * 1000) / BIT_RATE + apdus * TURNAROUND_MS, apdus, bytes };
}

// Plain JavaScript: it runs in the page. Resolves with Date.now() at the first frame after the face image decoded.
const facePainted = `new Promise((resolve) => {
  const done = (img) => img.decode().then(() => requestAnimationFrame(() => setTimeout(() => resolve(Date.now()), 0)));
  const find = () => document.querySelector('[data-testid=identify-face]');
  const found = find();
  if (found) return done(found);
  const observer = new MutationObserver(() => {
    const img = find();
    if (img && document.querySelector('[data-testid=identify-name]')) { observer.disconnect(); done(img); }
  });
  observer.observe(document, { subtree: true, childList: true });
})`;

async function placeAndPaint(page: Page, place: () => Promise<unknown>): Promise<number> {
  const painted = page.evaluate(facePainted) as Promise<number>;
  const started = Date.now();
  await place();
  return (await painted) - started;
}

export async function run(): Promise<BenchResult[]> {
  const transport = await modelledTransportMs();
  const host = await startKioskHost(
    e2eConfig({
      timeLimits: longSessionTimeLimits,
    }),
  );
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', ...chromiumQuietFlags],
  });
  const hostMs: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(host.url);
    await page.getByTestId('attract-screen').click();
    await page.getByTestId('language-zh-Hant').click();
    await page.getByTestId('tile-proof-of-identity').click();
    await page.getByTestId('start-service').click();
    const reader = (sample: string | null) =>
      host.call('dev.simulate', { action: 'document', deviceId: 'document-reader', sample });
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      await page.getByTestId('identify-stage-place').waitFor();
      const ms = await placeAndPaint(page, () => reader('passport-macao'));
      if (i >= WARM_UP) hostMs.push(ms);
      // "Not me": the face and name are dropped, and the place stage shows again for the next placement.
      await reader(null);
      await page.getByTestId('identify-not-me').click();
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  const host50 = percentile(hostMs, 50);
  const details = {
    runs: hostMs,
    sample: 'passport-macao (20 kB JPEG face)',
    apdus: transport.apdus,
    bytesBothWays: transport.bytes,
    transportModel: 'bytes both ways at 424 kbit/s + 5 ms per APDU (as documents_emrtd)',
    note: 'host share = placement RPC → face painted in Chromium with a reader that answers at once; it includes the simulated chip’s own processing',
  };
  return [
    {
      name: 'document placed → face and masked name painted, host share (median)',
      value: host50,
      unit: 'ms',
      details,
    },
    {
      name: 'document placed → face and masked name painted, at contactless speed (median)',
      value: host50 + transport.ms,
      unit: 'ms',
      details,
    },
    {
      name: 'face painted: host share / total',
      value: host50 / (host50 + transport.ms),
      unit: 'ratio',
      target: { op: '<=', value: 0.05 },
      details,
    },
  ];
}
