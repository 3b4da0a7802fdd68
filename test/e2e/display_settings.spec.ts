import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { contrastFailures } from './support/contrast.js';
import { e2eConfig } from './support/e2e_config.js';
import { holdEvents } from './support/held_events.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { layoutProblems } from './support/layout.js';
import { loadPaperUntilPrinted, ticketWaitingForPaper } from './support/print_steps.js';

/**
 * Every screen right in every display setting (issue 14): each screen × the four languages × portrait and
 * landscape × plain, high contrast, large text and both. On each: WCAG contrast of every text and meaningful
 * graphic (support/contrast.ts), and nothing clipped, spilling out of its box or off the screen, with a visible cue
 * wherever content scrolls (support/layout.ts). One page per combination walks the screens in order; two hosts
 * serve all of them (one with a short idle limit, for "Need more time?").
 * Screenshots of high contrast and large text: docs/screenshots with UPDATE_SCREENSHOTS=1.
 */
const locales = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;
type Locale = (typeof locales)[number];
const orientations = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;
const settings = [
  { name: 'plain', highContrast: false, largeText: false },
  { name: 'high-contrast', highContrast: true, largeText: false },
  { name: 'large-text', highContrast: false, largeText: true },
  { name: 'high-contrast-large-text', highContrast: true, largeText: true },
] as const;
type Setting = (typeof settings)[number];

const devices = (config: Record<string, unknown>) => ({
  ...config,
  speech: { output: 'none', prerender: false },
});
let host: KioskHost;
let shortHost: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(
    devices(
      e2eConfig({
        timeLimits: { idleSeconds: 600, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 60 },
      }),
    ),
  );
  shortHost = await startKioskHost(
    devices(
      e2eConfig({
        timeLimits: { idleSeconds: 32, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 60 },
      }),
    ),
  );
});
test.afterAll(async () => {
  await host.stop();
  await shortHost.stop();
});

/** Which screenshots go to docs/screenshots: the display settings on the screens the review found broken. */
function shotName(screen: string, setting: Setting, locale: Locale, orientation: string): string | null {
  if (setting.name === 'plain') return null;
  const wanted =
    (locale === 'pt' && ['language', 'home', 'help'].includes(screen)) ||
    (locale === 'zh-Hant' &&
      ['home', 'idle-warning', 'print-waiting', 'print-printing', 'accessibility-panel'].includes(screen));
  return wanted ? `${setting.name}-${screen}-${locale}-${orientation}` : null;
}

class Review {
  readonly problems: string[] = [];
  constructor(
    private readonly page: Page,
    private readonly setting: Setting,
    private readonly locale: Locale,
    private readonly orientation: string,
  ) {}

  async check(screen: string): Promise<void> {
    // Two frames: the scroll cue measures after layout.
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const problem of [...(await layoutProblems(this.page)), ...(await contrastFailures(this.page))]) {
      this.problems.push(`${screen}: ${problem}`);
    }
    const name = shotName(screen, this.setting, this.locale, this.orientation);
    const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/display-settings';
    if (name && (process.env.UPDATE_SCREENSHOTS || process.env.SHOOT)) {
      mkdirSync(dir, { recursive: true });
      await this.page.screenshot({ path: `${dir}/${name}.png`, animations: 'disabled' });
    }
  }
}

async function startWith(page: Page, kiosk: KioskHost, setting: Setting): Promise<void> {
  await page.goto(kiosk.url);
  await page.getByTestId('attract-screen').click();
  await expect(page.getByTestId('language-screen')).toBeVisible();
  await kiosk.call('session.setAccessibility', {
    highContrast: setting.highContrast,
    largeText: setting.largeText,
  });
  const html = page.locator('html');
  await expect(html).toHaveClass(setting.highContrast ? /high-contrast/ : /^(?!.*high-contrast)/);
  await expect(html).toHaveClass(setting.largeText ? /large-text/ : /^(?!.*large-text)/);
}

for (const orientation of orientations) {
  for (const setting of settings) {
    for (const locale of locales) {
      test(`${orientation.name}, ${setting.name}, ${locale}: every screen`, async ({ page }) => {
        await page.setViewportSize({ width: orientation.width, height: orientation.height });
        const review = new Review(page, setting, locale, orientation.name);
        // The ticket's "done" is held back so the printing screen (its spinner) stays to be measured.
        const printDone = await holdEvents(
          page,
          (frame) =>
            frame.event === 'print.jobChanged' && (frame.payload as { state?: string }).state === 'done',
        );

        await startWith(page, host, setting);
        await review.check('language');
        await page.getByTestId(`language-${locale}`).click();
        await expect(page.getByTestId('home-screen')).toBeVisible();
        await review.check('home');

        await page.getByTestId('help-button').click();
        await review.check('help');
        await page.getByTestId('help-close').click();

        await host.call('session.setAccessibility', { audio: { on: true } });
        await page.getByTestId('accessibility-button').click();
        await review.check('accessibility-panel');
        await page.getByTestId('accessibility-close').click();
        await host.call('session.setAccessibility', { audio: { on: false } });

        await page.getByTestId('tile-collect-document').click();
        await expect(page.getByTestId('service-intro-collect-document')).toBeVisible();
        await review.check('service-intro');
        await page.getByTestId('back').click();

        await ticketWaitingForPaper(host, page);
        await review.check('print-waiting');
        await loadPaperUntilPrinted(host, page);
        const status = page.getByTestId('print-status');
        await review.check('print-done');
        await page.getByTestId('print-ok').click();
        printDone.hold(true);
        await host.call('dev.printSample', { template: 'queue-ticket' });
        await expect(page.getByTestId('print-spinner')).toBeVisible();
        await review.check('print-printing');
        printDone.release();
        await expect(status).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
        await page.getByTestId('print-ok').click();
        await page.getByTestId('finish').click();
        await expect(page.getByTestId('attract-screen')).toBeVisible();

        await startWith(page, shortHost, setting);
        await page.getByTestId(`language-${locale}`).click();
        await expect(page.getByTestId('idle-warning')).toBeVisible();
        await review.check('idle-warning');
        await page.getByTestId('idle-end').click();

        expect(review.problems).toEqual([]);
      });
    }
  }

  test(`${orientation.name}: attract and out of service (no session, so plain) in every site's order`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: orientation.width, height: orientation.height });
    const review = new Review(page, settings[0], 'zh-Hant', orientation.name);
    await page.goto(host.url);
    await expect(page.getByTestId('attract-screen')).toBeVisible();
    await review.check('attract');
    await host.call('dev.setMaintenance', { on: true });
    await expect(page.getByTestId('out-of-service')).toBeVisible();
    await review.check('out-of-service');
    await host.call('dev.setMaintenance', { on: false });
    await expect(page.getByTestId('attract-screen')).toBeVisible();
    expect(review.problems).toEqual([]);
  });
}

test('the layout check itself finds text spilling out of its box, clipped, off screen, and scrolling without a cue', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.setContent(`
    <button style="width:60px;white-space:nowrap;font-size:20px">Português</button>
    <div style="height:30px;overflow:hidden"><p style="margin:0;line-height:20px">one<br>two clipped</p></div>
    <p style="position:absolute;left:780px;top:10px;white-space:nowrap">off the edge</p>
    <div style="height:40px;overflow-y:auto"><p style="height:200px;margin:0">scrolls silently</p></div>
  `);
  const problems = await layoutProblems(page);
  expect(problems).toEqual([
    'scrolls with no cue: "scrolls silently" (div.)',
    'overflows its box: "Português" (button.)',
    'clipped by "" (div.): "two clipped" (p.)',
    'off screen: "off the edge" (p.)',
  ]);
});
