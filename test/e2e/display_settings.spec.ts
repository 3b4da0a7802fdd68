import { expect, type Page, test } from '@playwright/test';
import {
  applyDisplaySetting,
  type DisplaySetting,
  displaySettings,
  type Locale,
  locales,
  measureDisplay,
  type Orientation,
  orientations,
  shootDisplay,
  sweepDisplays,
} from './support/display_sweep.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
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
        timeLimits: longSessionTimeLimits,
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
function shotName(
  screen: string,
  setting: DisplaySetting,
  locale: Locale,
  orientation: string,
): string | null {
  if (setting.name === 'plain') return null;
  const wanted =
    (locale === 'pt' && ['language', 'home', 'help'].includes(screen)) ||
    (locale === 'zh-Hant' &&
      ['home', 'idle-warning', 'print-waiting', 'print-printing', 'accessibility-panel'].includes(screen));
  return wanted ? `${setting.name}-${screen}-${locale}-${orientation}` : null;
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
    private readonly setting: DisplaySetting,
    readonly locale: Locale,
    private readonly orientation: Orientation,
  ) {}

  async check(screen: string): Promise<void> {
    const label = `${screen} ${this.orientation.name} ${this.setting.name} ${this.locale}`;
    this.problems.push(...(await measureDisplay(this.page, label)));
    await shootDisplay(this.page, shotName(screen, this.setting, this.locale, this.orientation.name));
  }
}

/**
 * Every combination on each screen, changed in place. `again` brings the screen back after a language change
 * where the change itself dismisses it (a new language restarts the idle timer, so "Need more time?" goes away).
 * Leaves the page in plain English landscape, as the walk expects.
 */
class EveryCombination implements Reviewer {
  readonly problems: string[] = [];
  readonly locale: Locale = 'en';
  constructor(private readonly page: Page) {}

  async check(screen: string, kiosk: KioskHost, again?: () => Promise<void>): Promise<void> {
    const problems = await sweepDisplays(this.page, kiosk, screen, {
      ...(again ? { again } : {}),
      shotName: (setting, locale, orientation) => shotName(screen, setting, locale, orientation.name),
      leaveIn: { locale: this.locale, orientation: orientations[0] },
    });
    this.problems.push(...problems);
  }
}

async function startSession(page: Page, kiosk: KioskHost, setting: DisplaySetting): Promise<void> {
  await page.goto(kiosk.url);
  await page.getByTestId('attract-screen').click();
  await expect(page.getByTestId('language-screen')).toBeVisible();
  await applyDisplaySetting(page, kiosk, setting);
}

/**
 * The screens a resident meets, in order: language, home, Help, the accessibility panel, a service's intro, the
 * ticket waiting for paper, done and printing, and "Need more time?" (on the host with the short idle limit).
 */
async function walkEveryScreen(page: Page, review: Reviewer, setting: DisplaySetting): Promise<void> {
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
    for (const setting of displaySettings) {
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
    await walkEveryScreen(page, review, displaySettings[0]);
    expect(review.problems).toEqual([]);
  });
}

test('attract and out of service (no session, so plain) in both orientations', async ({ page }) => {
  const problems: string[] = [];
  const bothOrientations = async (screen: string) => {
    for (const orientation of orientations) {
      await page.setViewportSize({ width: orientation.width, height: orientation.height });
      problems.push(...(await measureDisplay(page, `${screen} ${orientation.name}`)));
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
