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
 * wherever content scrolls (support/layout.ts).
 *
 * By default one page walks the screens once and, on each, sweeps all 32 combinations in place: the language and
 * the display settings change through the session (as the language switch and the accessibility panel do), the
 * orientation through the viewport, and each combination is measured after the page has settled. This is what CI
 * runs (well under 90 s). `A11Y_FULL_MATRIX=1` runs the same walk once per combination from a fresh page — each
 * language chosen by tapping it, each setting set before the first screen — as a slower report (~6 min) for when
 * a change touches how settings are applied rather than how screens look.
 * Screenshots of high contrast and large text: docs/screenshots with UPDATE_SCREENSHOTS=1.
 */
const locales = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;
type Locale = (typeof locales)[number];
const htmlLang: Record<Locale, string> = {
  'zh-Hant': 'zh-Hant-MO',
  'zh-Hans': 'zh-Hans',
  pt: 'pt-MO',
  en: 'en-MO',
};
const orientations = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;
type Orientation = (typeof orientations)[number];
const settings = [
  { name: 'plain', highContrast: false, largeText: false },
  { name: 'high-contrast', highContrast: true, largeText: false },
  { name: 'large-text', highContrast: false, largeText: true },
  { name: 'high-contrast-large-text', highContrast: true, largeText: true },
] as const;
type Setting = (typeof settings)[number];
const fullMatrix = process.env.A11Y_FULL_MATRIX === '1';

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
  // "Need more time?" one second after the last touch, and on screen for 30 s: long enough to measure it in
  // every setting and orientation before the session ends.
  shortHost = await startKioskHost(
    devices(
      e2eConfig({
        timeLimits: { idleSeconds: 31, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 60 },
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

/** Waits until the page has drawn what the session now says: two frames with the same text and geometry. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
    const shape = () => `${document.body.textContent}|${document.documentElement.className}`;
    let before = shape();
    for (let i = 0; i < 20; i++) {
      await frame();
      await frame();
      const now = shape();
      if (now === before) return;
      before = now;
    }
  });
}

/** Measures one screen as it is now, naming problems by screen and combination. */
async function measure(page: Page, label: string): Promise<string[]> {
  await settled(page);
  const found = [...(await layoutProblems(page)), ...(await contrastFailures(page))];
  return found.map((problem) => `${label}: ${problem}`);
}

async function shoot(page: Page, name: string | null): Promise<void> {
  if (!name || !(process.env.UPDATE_SCREENSHOTS || process.env.SHOOT)) return;
  const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/display-settings';
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, animations: 'disabled' });
}

async function applySetting(page: Page, kiosk: KioskHost, setting: Setting): Promise<void> {
  await kiosk.call('session.setAccessibility', {
    highContrast: setting.highContrast,
    largeText: setting.largeText,
  });
  const html = page.locator('html');
  await expect(html).toHaveClass(setting.highContrast ? /high-contrast/ : /^(?!.*high-contrast)/);
  await expect(html).toHaveClass(setting.largeText ? /large-text/ : /^(?!.*large-text)/);
}

/** How a walk looks at a screen: once in the combination of its page, or in all of them. */
interface Reviewer {
  readonly problems: string[];
  /** The locale whose button the walk taps on the language screen. */
  readonly locale: Locale;
  check(screen: string, kiosk: KioskHost, again?: () => Promise<void>): Promise<void>;
}

/** One combination, set up before the walk (the full matrix). */
class OneCombination implements Reviewer {
  readonly problems: string[] = [];
  constructor(
    private readonly page: Page,
    private readonly setting: Setting,
    readonly locale: Locale,
    private readonly orientation: Orientation,
  ) {}

  async check(screen: string): Promise<void> {
    const label = `${screen} ${this.orientation.name} ${this.setting.name} ${this.locale}`;
    this.problems.push(...(await measure(this.page, label)));
    await shoot(this.page, shotName(screen, this.setting, this.locale, this.orientation.name));
  }
}

/**
 * Every combination on each screen, changed in place. `again` brings the screen back after a language change
 * where the change itself dismisses it (a new language restarts the idle timer, so "Need more time?" goes away).
 * Leaves the page in plain English landscape, as the walk expects.
 */
class EveryCombination implements Reviewer {
  readonly problems: string[] = [];
  readonly locale = 'en';
  constructor(private readonly page: Page) {}

  async check(screen: string, kiosk: KioskHost, again?: () => Promise<void>): Promise<void> {
    for (const locale of locales) {
      await kiosk.call('session.setLanguage', { language: locale });
      await expect(this.page.locator('html')).toHaveAttribute('lang', htmlLang[locale]);
      if (again) await again();
      for (const setting of settings) {
        await applySetting(this.page, kiosk, setting);
        for (const orientation of orientations) {
          await this.page.setViewportSize({ width: orientation.width, height: orientation.height });
          const label = `${screen} ${orientation.name} ${setting.name} ${locale}`;
          this.problems.push(...(await measure(this.page, label)));
          await shoot(this.page, shotName(screen, setting, locale, orientation.name));
        }
      }
    }
    await kiosk.call('session.setLanguage', { language: this.locale });
    await expect(this.page.locator('html')).toHaveAttribute('lang', htmlLang[this.locale]);
    if (again) await again();
    await applySetting(this.page, kiosk, settings[0]);
    await this.page.setViewportSize({ width: orientations[0].width, height: orientations[0].height });
  }
}

async function startSession(page: Page, kiosk: KioskHost, setting: Setting): Promise<void> {
  await page.goto(kiosk.url);
  await page.getByTestId('attract-screen').click();
  await expect(page.getByTestId('language-screen')).toBeVisible();
  await applySetting(page, kiosk, setting);
}

/**
 * The screens a resident meets, in order: language, home, Help, the accessibility panel, a service's intro, the
 * ticket waiting for paper, done and printing, and "Need more time?" (on the host with the short idle limit).
 */
async function walkEveryScreen(page: Page, review: Reviewer, setting: Setting): Promise<void> {
  // The ticket's "done" is held back so the printing screen (its spinner) stays to be measured.
  const printDone = await holdEvents(
    page,
    (frame) => frame.event === 'print.jobChanged' && (frame.payload as { state?: string }).state === 'done',
  );

  await startSession(page, host, setting);
  await review.check('language', host);
  await page.getByTestId(`language-${review.locale}`).click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await review.check('home', host);

  await page.getByTestId('help-button').click();
  await review.check('help', host);
  await page.getByTestId('help-close').click();

  await host.call('session.setAccessibility', { audio: { on: true } });
  await page.getByTestId('accessibility-button').click();
  await review.check('accessibility-panel', host);
  await page.getByTestId('accessibility-close').click();
  await host.call('session.setAccessibility', { audio: { on: false } });

  await page.getByTestId('tile-collect-document').click();
  await expect(page.getByTestId('service-intro-collect-document')).toBeVisible();
  await review.check('service-intro', host);
  await page.getByTestId('back').click();

  await ticketWaitingForPaper(host, page);
  await review.check('print-waiting', host);
  await loadPaperUntilPrinted(host, page);
  const status = page.getByTestId('print-status');
  await review.check('print-done', host);
  await page.getByTestId('print-ok').click();
  printDone.hold(true);
  await host.call('dev.printSample', { template: 'queue-ticket' });
  await expect(page.getByTestId('print-spinner')).toBeVisible();
  await review.check('print-printing', host);
  printDone.release();
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await page.getByTestId('print-ok').click();
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();

  await startSession(page, shortHost, setting);
  await page.getByTestId(`language-${review.locale}`).click();
  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeVisible();
  await review.check('idle-warning', shortHost, () => expect(warning).toBeVisible());
  await page.getByTestId('idle-end').click();
}

if (fullMatrix) {
  for (const orientation of orientations) {
    for (const setting of settings) {
      for (const locale of locales) {
        test(`${orientation.name}, ${setting.name}, ${locale}: every screen`, async ({ page }) => {
          await page.setViewportSize({ width: orientation.width, height: orientation.height });
          const review = new OneCombination(page, setting, locale, orientation);
          await walkEveryScreen(page, review, setting);
          expect(review.problems).toEqual([]);
        });
      }
    }
  }
} else {
  test('every screen × four languages × portrait and landscape × plain, high contrast, large text and both', async ({
    page,
  }) => {
    // 9 screens × 32 combinations, measured in one page: about 300 measurements.
    test.setTimeout(120_000);
    const review = new EveryCombination(page);
    await walkEveryScreen(page, review, settings[0]);
    expect(review.problems).toEqual([]);
  });
}

test('attract and out of service (no session, so plain) in both orientations', async ({ page }) => {
  const problems: string[] = [];
  const bothOrientations = async (screen: string) => {
    for (const orientation of orientations) {
      await page.setViewportSize({ width: orientation.width, height: orientation.height });
      problems.push(...(await measure(page, `${screen} ${orientation.name}`)));
    }
  };
  await page.goto(host.url);
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await bothOrientations('attract');
  await host.call('dev.setMaintenance', { on: true });
  await expect(page.getByTestId('out-of-service')).toBeVisible();
  await bothOrientations('out-of-service');
  await host.call('dev.setMaintenance', { on: false });
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  expect(problems).toEqual([]);
});

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
