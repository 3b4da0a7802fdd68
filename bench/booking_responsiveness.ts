import { loadavg } from 'node:os';
import { Writable } from 'node:stream';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { loadTestCatalogue } from '../electron/backend/seed/seed_catalogue.js';
import { startBrowserHost } from '../electron/host/browser_host.js';
import { chromiumPath, chromiumQuietFlags } from '../electron/host/chromium_kiosk.js';
import { startKiosk } from '../electron/startup/start_kiosk.js';
import { e2eConfig, longSessionTimeLimits } from '../test/e2e/support/e2e_config.js';
import { writeHostConfig } from '../test/e2e/support/kiosk_host.js';
import type { BenchResult } from './bench_result.js';
import { percentile } from './statistics.js';

/**
 * Issue 10's two figures, in Debian's Chromium with its CPU throttled 4× (kiosk PCs are slow), against the built
 * renderer and a kiosk whose embedded backend holds the 10× load catalogue (6,920 services):
 * - tap → next booking step painted, p95, over the booking steps forward (site → … → identify) and back again;
 * - keystroke on the on-screen keyboard → search results painted, p95, typing words in the four languages
 *   (characters by pinyin, pinyin initials, Portuguese without accents, English), after one word per language not
 *   measured (the warm-up).
 * The kiosk runs in this process (the main process's work is in the figure, unthrottled, as on a kiosk whose main
 * process has its own core). "Painted" is the end of the first frame after the DOM change: requestAnimationFrame,
 * then a user-blocking task (scheduler.postTask), which runs as soon as that frame's style, layout and paint are
 * done. A plain task (setTimeout 0) instead waits behind every task already queued — the RPC reply to the same tap,
 * work the page put off until after the paint — and read 2–17 ms late (checked against the frame's end in a
 * DevTools trace); that figure is still reported beside it (`paintedByTimeoutP95`) for comparison with earlier runs.
 *
 * What is not the kiosk's is kept out of the measured window: the tap is a plain press and release at the target's
 * centre (measured beforehand), and the page tells this process of each figure through a binding after it is
 * taken, rather than being polled every frame (Playwright's `click()` checks its target inside the page during the
 * press's own events, 2–4 ms a keystroke at 4× in a CPU profile, and `waitForFunction` polls on every frame).
 *
 * On this 2-core machine the 4× throttle itself costs: the throttled renderer's main thread spins rather than
 * sleeps (a page busy 15 % of the time unthrottled used 92 % of a core at 4×, measured with top), so a busy renderer
 * takes a core from the kiosk's main process and Chromium's other processes. A kiosk's slow CPU does not spin: these
 * figures are pessimistic about the trip between the processes. This machine is a shared virtual one whose speed
 * varies by the hour (the same commit's figures moved by a third within an afternoon): each result carries the
 * machine's speed when it ended (`cpuLoopMs`, a fixed loop; lower is faster) beside its load average, and the floor
 * under it at that hour (`pipelineFloorP50`/`P95`: a tap on a bare page whose button changes its text, painted).
 */
const cpuThrottle = 4;
const bookingCycles = 4; // 14 taps a cycle → 56 taps
/**
 * What is typed on the search step, key by key, in each session language: first a word not measured (the warm-up:
 * the first searches of a process run code not yet compiled, which a kiosk that has served since the morning has
 * long compiled), then the measured words.
 */
const typed = {
  'zh-Hant': { warmUp: 'DENGJI', measured: ['SHENFENZHENG', 'XUQI', 'JIASHI'] },
  'zh-Hans': { warmUp: 'CHAXUN', measured: ['SFZ', 'YINGYESHUI', 'SHENQING'] },
  pt: { warmUp: 'REGISTO', measured: ['RENOVACAO', 'CERTIDAO', 'LICENCA'] },
  en: { warmUp: 'PERMIT', measured: ['RENEWAL', 'BUSINESS', 'LICENCE'] },
} as const;

// Plain JavaScript text: the script runs in the page, and tsx would wrap a function's inner names in helpers the
// page does not have. `__steps`: tap → a new step's <main> painted; `__results`: keystroke → results for the new
// query painted (the results region carries the query it shows in data-query).
const probe = `(() => {
  const w = window;
  w.__steps = [];
  w.__results = [];
  w.__stepsDom = [];
  w.__resultsDom = [];
  w.__stepsAnswer = [];
  w.__resultsAnswer = [];
  w.__stepsByTimeout = [];
  w.__resultsByTimeout = [];
  const afterPaint = (record, recordByTimeout) => requestAnimationFrame(() => {
    // The harness hears of each figure from the page (a binding), after it is taken: nothing of the harness's
    // runs in the page between a tap and its frame.
    const recordAndTell = () => { record(); w.__benchRecorded(); };
    if (w.scheduler && w.scheduler.postTask) w.scheduler.postTask(recordAndTell, { priority: 'user-blocking' });
    else setTimeout(recordAndTell, 0);
    setTimeout(recordByTimeout, 0);
  });
  // When the last message from the kiosk arrived: tap → answer is the main process's share and the socket's.
  const Socket = w.WebSocket;
  w.WebSocket = function (...args) {
    const socket = new Socket(...args);
    socket.addEventListener('message', () => { w.__lastMessage = performance.now(); });
    return socket;
  };
  w.WebSocket.prototype = Socket.prototype;
  Object.assign(w.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  addEventListener('pointerdown', (e) => {
    w.__tapStart = e.timeStamp;
    const key = e.target.closest && e.target.closest('[data-testid^="key-"]');
    w.__keyStart = key && key.getAttribute('data-testid') !== 'key-clear' ? e.timeStamp : undefined;
  }, { capture: true });
  let lastStep = null;
  let lastQuery = null;
  new MutationObserver(() => {
    const step = document.querySelector('main[data-testid]')?.getAttribute('data-testid') ?? null;
    if (step !== lastStep) {
      lastStep = step;
      const start = w.__tapStart;
      if (start !== undefined) {
        w.__tapStart = undefined;
        w.__stepsDom.push(performance.now() - start);
        w.__stepsAnswer.push(w.__lastMessage - start);
        afterPaint(
          () => w.__steps.push(performance.now() - start),
          () => w.__stepsByTimeout.push(performance.now() - start),
        );
      }
    }
    const query = document.querySelector('[data-testid=search-results]')?.getAttribute('data-query') ?? null;
    if (query !== lastQuery) {
      lastQuery = query;
      const start = w.__keyStart;
      if (start !== undefined && query !== null) {
        w.__keyStart = undefined;
        w.__resultsDom.push(performance.now() - start);
        w.__resultsAnswer.push(w.__lastMessage - start);
        afterPaint(
          () => w.__results.push(performance.now() - start),
          () => w.__resultsByTimeout.push(performance.now() - start),
        );
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-testid', 'data-query'] });
})();`;

type Probe = '__steps' | '__results';

/**
 * Each tap's: answer from the kiosk arrived, DOM changed, frame painted, and the plain task after that frame (ms
 * after the tap).
 */
interface Figures {
  painted: number[];
  dom: number[];
  answer: number[];
  byTimeout: number[];
}

/** The probe's figures so far, emptied for what comes next (once the last tap's plain task has run too). */
async function take(page: Page, probe: Probe): Promise<Figures> {
  await page.waitForFunction((p) => {
    const w = window as unknown as Record<string, number[]>;
    return w[`${p}ByTimeout`]!.length >= w[p]!.length;
  }, probe);
  return page.evaluate((p) => {
    const w = window as unknown as Record<string, number[]>;
    const figures = {
      painted: w[p]!,
      dom: w[`${p}Dom`]!,
      answer: w[`${p}Answer`]!,
      byTimeout: w[`${p}ByTimeout`]!,
    };
    for (const suffix of ['', 'Dom', 'Answer', 'ByTimeout']) w[`${p}${suffix}`] = [];
    return figures;
  }, probe);
}

/** How fast this machine is now: a fixed integer loop, in milliseconds (about 280 on this machine at its best). */
function cpuLoopMs(): number {
  const start = performance.now();
  let x = 0;
  for (let i = 0; i < 50_000_000; i++) x = (x * 31 + i) | 0;
  return Math.round(performance.now() - start + (x === 0.5 ? 1 : 0));
}

/**
 * A bare page for the floor under both figures: a button whose press changes its own text, timed as the probe times
 * the kiosk (press → the frame after the change painted). Plain script, no framework: what is left is Chromium's input
 * handling, one DOM change and one frame, at the same throttle.
 */
const floorPage = `<!doctype html><button style="width:40vw;height:20vh;font-size:8vmin">0</button><script>
  const button = document.querySelector('button');
  window.__floor = [];
  let n = 0;
  button.addEventListener('pointerdown', (e) => {
    const start = e.timeStamp;
    button.textContent = String(++n);
    requestAnimationFrame(() => scheduler.postTask(() => {
      window.__floor.push(performance.now() - start);
      window.__benchRecorded();
    }, { priority: 'user-blocking' }));
  });
</script>`;
const floorTaps = 40;

/**
 * The floor under both figures at this hour: taps on `floorPage` at the same throttle, the first five not counted.
 * This shared machine's speed moves by the hour (the same code's keystroke p95 read 161 ms at 15:00 and 45 at 16:00
 * on one day, while `cpuLoopMs`, one core's loop, barely moved): the floor moves with the whole pipeline, so runs from
 * different hours can be compared by how far above it they sit.
 */
async function pipelineFloor(browser: Browser): Promise<{ p50: number; p95: number }> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  try {
    const page = await context.newPage();
    const recorded = new Recorded();
    await context.exposeBinding('__benchRecorded', () => recorded.tell());
    await page.setContent(floorPage);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    for (let i = 0; i < floorTaps + 5; i++) await measuredTap(page, recorded, page.locator('button'));
    const taps = ((await page.evaluate('window.__floor')) as number[]).slice(5);
    return { p50: percentile(taps, 50), p95: percentile(taps, 95) };
  } finally {
    await context.close();
  }
}

/** How many figures the page has recorded since the run began, and who waits for the next. */
class Recorded {
  count = 0;
  #waiting: (() => void)[] = [];
  tell(): void {
    this.count++;
    for (const wake of this.#waiting.splice(0)) wake();
  }
  async after(n: number): Promise<void> {
    while (this.count <= n) await new Promise<void>((wake) => this.#waiting.push(wake));
  }
}

/**
 * Taps and waits until the probe has the frame painted after it: a plain press and release at the target's centre,
 * found, scrolled into view and measured before the press (Playwright's `click()` would check, inside the page and
 * during the press's own events, that the press lands on the target: elementsFromPoint and listeners on
 * pointerdown, mouseup and click).
 */
async function measuredTap(page: Page, recorded: Recorded, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('the target of a measured tap is not on screen');
  const before = recorded.count;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await recorded.after(before);
}

/** Attract → language → "Book an appointment" → start: the site step. */
async function enterBooking(page: Page, url: string, language: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId(`language-${language}`).click();
  await page.getByTestId('tile-book-appointment').click();
  await page.getByTestId('start-service').click();
  await page.getByTestId('book-appointment-site').waitFor();
}

export async function run(): Promise<BenchResult[]> {
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const started = await startKiosk({
    host: 'browser',
    configPath: writeHostConfig(
      e2eConfig({
        timeLimits: longSessionTimeLimits,
      }),
    ),
    logLevel: 'warn',
    logDestination: quiet,
    seed: () => loadTestCatalogue(10),
  });
  if (!started.ok) throw new Error(started.error.message);
  const kiosk = started.value;
  const host = await startBrowserHost(kiosk.app, {
    rendererRoot: 'dist/renderer',
    port: 0,
    logger: kiosk.logger,
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', ...chromiumQuietFlags],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    const recorded = new Recorded();
    await context.exposeBinding('__benchRecorded', () => recorded.tell());
    await page.addInitScript({ content: probe });
    const cdp = await context.newCDPSession(page);

    // Tap → next step: forward to the identify step, then Back to the site step, `bookingCycles` times.
    await enterBooking(page, host.url, 'en');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    await take(page, '__steps');
    for (let i = 0; i < bookingCycles; i++) {
      const forward = [
        page.getByTestId('site-macau'),
        page.getByTestId('department-DSI'),
        page.getByTestId('service-dsi-bir-replacement'),
        page.getByTestId('start-booking'),
        page.getByTestId('centre-china-plaza'),
        page.locator('[data-testid^="date-20"]').nth(1 + (i % 3)),
        page.locator('[data-testid^="slot-"]').nth(i),
      ];
      for (const target of forward) await measuredTap(page, recorded, target);
      await page.getByTestId('identify-stage-place').waitFor();
      // The identify step has its own Back (identify-back); every other step the frame's.
      const back = page.locator('[data-testid=back], [data-testid=identify-back]');
      for (let n = 0; n < forward.length; n++) await measuredTap(page, recorded, back);
      await page.getByTestId('book-appointment-site').waitFor();
    }
    const steps = await take(page, '__steps');

    // Keystroke → results: each language's words typed on the search step.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const perLanguage: Record<string, number> = {};
    const results: Figures = { painted: [], dom: [], answer: [], byTimeout: [] };
    for (const [language, { warmUp, measured }] of Object.entries(typed)) {
      kiosk.app.session.end('cancelled');
      await enterBooking(page, host.url, language);
      await page.getByTestId('site-macau').click();
      await page.getByTestId('open-search').click();
      await page.getByTestId('book-appointment-search').waitFor();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
      const typeWord = async (word: string) => {
        for (const key of word) await measuredTap(page, recorded, page.getByTestId(`key-${key}`));
        await page.getByTestId('key-clear').click();
        await page.waitForFunction(
          () => document.querySelector('[data-testid=search-results]')?.getAttribute('data-query') === '',
        );
      };
      await typeWord(warmUp);
      await take(page, '__results');
      for (const word of measured) await typeWord(word);
      const theirs = await take(page, '__results');
      perLanguage[language] = percentile(theirs.painted, 95);
      results.painted.push(...theirs.painted);
      results.dom.push(...theirs.dom);
      results.answer.push(...theirs.answer);
      results.byTimeout.push(...theirs.byTimeout);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    await context.close();
    const speed = cpuLoopMs();
    const floor = await pipelineFloor(browser);

    return [
      {
        name: `booking: tap to next step painted, p95 (${cpuThrottle}x CPU throttle)`,
        value: percentile(steps.painted, 95),
        unit: 'ms',
        target: { op: '<=', value: 100 },
        details: {
          taps: steps.painted.length,
          p50: percentile(steps.painted, 50),
          max: Math.max(...steps.painted),
          answeredP95: percentile(steps.answer, 95),
          paintedByTimeoutP95: percentile(steps.byTimeout, 95),
          domChangedP95: percentile(steps.dom, 95),
          viewport: '1080x1920',
          // The machine's other work shows in every figure here: the 1-minute load average when the run ended.
          loadAverage: loadavg()[0],
          cpuLoopMs: speed,
          pipelineFloorP50: floor.p50,
          pipelineFloorP95: floor.p95,
        },
      },
      {
        name: `booking search: keystroke to results painted over the 10x catalogue, p95 (${cpuThrottle}x CPU throttle)`,
        value: percentile(results.painted, 95),
        unit: 'ms',
        target: { op: '<=', value: 50 },
        details: {
          keystrokes: results.painted.length,
          p95PerLanguage: perLanguage,
          p50: percentile(results.painted, 50),
          max: Math.max(...results.painted),
          answeredP95: percentile(results.answer, 95),
          paintedByTimeoutP95: percentile(results.byTimeout, 95),
          domChangedP95: percentile(results.dom, 95),
          catalogueServices: 6920,
          loadAverage: loadavg()[0],
          cpuLoopMs: speed,
          pipelineFloorP50: floor.p50,
          pipelineFloorP95: floor.p95,
        },
      },
    ];
  } finally {
    await browser.close();
    await host.close();
    await kiosk.stop('benchmark finished');
  }
}
