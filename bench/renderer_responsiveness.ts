import { chromium, type Page } from 'playwright-core';
import { chromiumPath, chromiumQuietFlags } from '../electron/host/chromium_kiosk.js';
import { e2eConfig, longSessionTimeLimits } from '../test/e2e/support/e2e_config.js';
import { startKioskHost } from '../test/e2e/support/kiosk_host.js';
import type { BenchResult } from './bench_result.js';
import { percentile } from './statistics.js';

/**
 * Renderer figures from issue 2, in Debian's Chromium against the built browser-mode host:
 * - cold start: navigation start → attract screen painted (fresh browser context each time);
 * - tap → next screen painted, p95 over ≥ 50 taps, with Chromium's CPU throttled 4× (kiosk PCs are slow).
 * "Painted" is the first frame after the DOM change: requestAnimationFrame, then a task after it.
 */
const cpuThrottle = 4;
const coldRuns = 10;
const tapCycles = 11; // 5 taps a cycle → 55 taps

// Plain JavaScript text: the script runs in the page, and tsx would wrap a function's inner names in helpers the
// page does not have.
const probe = `(() => {
  const w = window;
  w.__taps = [];
  const afterPaint = (record) => requestAnimationFrame(() => setTimeout(record, 0));
  addEventListener('pointerdown', (e) => { w.__tapStart = e.timeStamp; }, { capture: true });
  let lastScreen = null;
  new MutationObserver(() => {
    const screen = document.querySelector('.kiosk')?.getAttribute('data-screen') ?? null;
    if (screen === 'attract' && w.__attractPainted === undefined && document.querySelector('[data-testid=attract-screen]')) {
      afterPaint(() => { if (w.__attractPainted === undefined) w.__attractPainted = performance.now(); });
    }
    if (screen !== lastScreen) {
      lastScreen = screen;
      const start = w.__tapStart;
      if (start !== undefined) {
        w.__tapStart = undefined;
        afterPaint(() => w.__taps.push(performance.now() - start));
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-screen'] });
})();`;

async function throttle(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

async function tap(page: Page, testId: string): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as { __taps: number[] }).__taps.length);
  await page.getByTestId(testId).click();
  await page.waitForFunction((n) => (window as unknown as { __taps: number[] }).__taps.length > n, before);
}

export async function run(): Promise<BenchResult[]> {
  const host = await startKioskHost(
    e2eConfig({
      timeLimits: longSessionTimeLimits,
    }),
  );
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', ...chromiumQuietFlags],
  });
  try {
    const cold: Record<string, number[]> = { '1x': [], [`${cpuThrottle}x`]: [] };
    for (const rate of [1, cpuThrottle]) {
      for (let i = 0; i < coldRuns; i++) {
        const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
        const page = await context.newPage();
        await page.addInitScript({ content: probe });
        if (rate > 1) await throttle(page, rate);
        await page.goto(host.url);
        await page.waitForFunction(
          () => (window as unknown as { __attractPainted?: number }).__attractPainted,
        );
        cold[`${rate}x`]!.push(
          await page.evaluate(() => (window as unknown as { __attractPainted: number }).__attractPainted),
        );
        await context.close();
      }
    }

    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.addInitScript({ content: probe });
    await page.goto(host.url);
    await page.getByTestId('attract-screen').waitFor();
    await throttle(page, cpuThrottle);
    for (let i = 0; i < tapCycles; i++) {
      await tap(page, 'attract-screen');
      await tap(page, i % 2 ? 'language-pt' : 'language-zh-Hant');
      await tap(page, 'tile-collect-document');
      await tap(page, 'back');
      await tap(page, 'finish');
    }
    const taps = await page.evaluate(() => (window as unknown as { __taps: number[] }).__taps);
    await context.close();

    const median = (v: number[]) => percentile(v, 50);
    return [
      {
        name: 'renderer cold start to attract painted (median, 1x CPU)',
        value: median(cold['1x']!),
        unit: 'ms',
        details: { runs: cold['1x'] },
      },
      {
        name: `renderer cold start to attract painted (median, ${cpuThrottle}x CPU throttle)`,
        value: median(cold[`${cpuThrottle}x`]!),
        unit: 'ms',
        details: { runs: cold[`${cpuThrottle}x`] },
      },
      {
        name: `tap to next screen painted, p95 (${cpuThrottle}x CPU throttle)`,
        value: percentile(taps, 95),
        unit: 'ms',
        details: {
          taps: taps.length,
          p50: percentile(taps, 50),
          max: Math.max(...taps),
          viewport: '1080x1920',
        },
      },
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}
