import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { ResponseFrame } from '../../../electron/rpc/wire.js';
import { contrastFailuresInPage } from './contrast.js';
import { cachedStyles } from './in_page.js';
import type { KioskHost } from './kiosk_host.js';
import { layoutProblemsInPage } from './layout.js';

/**
 * Every display a resident can ask for, on the screen that is showing now (issue 14): the four languages × portrait
 * and landscape × plain, high contrast, large text and both. Each combination is set in place — the language and
 * the settings through the session (as the language switch and the accessibility panel do), the orientation
 * through the viewport — and measured once the page has settled: WCAG contrast of every text and meaningful
 * graphic (contrast.ts), nothing clipped, spilling out of its box or off the screen, and a visible cue wherever
 * content scrolls (layout.ts). A flow's spec calls `expectEveryDisplayRight` on each of its screens.
 */
export const locales = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;
export type Locale = (typeof locales)[number];
const htmlLang: Record<Locale, string> = {
  'zh-Hant': 'zh-Hant-MO',
  'zh-Hans': 'zh-Hans',
  pt: 'pt-MO',
  en: 'en-MO',
};
export const orientations = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;
export type Orientation = (typeof orientations)[number];
export const displaySettings = [
  { name: 'plain', highContrast: false, largeText: false },
  { name: 'high-contrast', highContrast: true, largeText: false },
  { name: 'large-text', highContrast: false, largeText: true },
  { name: 'high-contrast-large-text', highContrast: true, largeText: true },
] as const;
export type DisplaySetting = (typeof displaySettings)[number];

/** What <html> shows of the session and the window: its language, display classes and the viewport. */
interface ShownDisplay {
  lang?: string;
  highContrast?: boolean;
  largeText?: boolean;
  width?: number;
  height?: number;
}

/** How long the page may take to show a change the session made (as long as an `expect` would wait). */
const showTimeout = 10_000;

/**
 * In the page: resolves once <html> and the window show `want` — at once when they do already, else on the change
 * (no polling) — and rejects after `timeout` ms, naming what they show instead. Self-contained, as it is sent to the
 * page.
 */
function showsInPage({ want, timeout }: { want: ShownDisplay; timeout: number }): Promise<void> {
  const root = document.documentElement;
  const now = () => ({
    lang: root.lang,
    highContrast: root.classList.contains('high-contrast'),
    largeText: root.classList.contains('large-text'),
    width: window.innerWidth,
    height: window.innerHeight,
  });
  const matches = () => {
    const shown = now();
    return (Object.keys(want) as (keyof ShownDisplay)[]).every((key) => want[key] === shown[key]);
  };
  if (matches()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!matches()) return;
      observer.disconnect();
      window.removeEventListener('resize', check);
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { attributes: true, attributeFilter: ['class', 'lang'] });
    window.addEventListener('resize', check);
    const timer = setTimeout(() => {
      observer.disconnect();
      window.removeEventListener('resize', check);
      reject(
        new Error(
          `the page shows ${JSON.stringify(now())}, not ${JSON.stringify(want)}, after ${timeout} ms`,
        ),
      );
    }, timeout);
  });
}

/** In the page: waits until it has drawn what the session now says: two frames in a row with the same text. */
async function settleInPage(): Promise<void> {
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
}

/** Waits until the page shows `want` (see `showsInPage`). */
async function waitUntilShown(page: Page, want: ShownDisplay): Promise<void> {
  await page.evaluate(showsInPage, { want, timeout: showTimeout });
}

/**
 * The screen's problems once it shows `want` and has settled, in one evaluation in the page: the wait, the settle,
 * the layout walk and the contrast walk (the in-page functions' sources are sent along; an expression, unlike a
 * `new Function` in the page, is not subject to the renderer's Content-Security-Policy).
 */
async function problemsWhenShown(page: Page, want: ShownDisplay): Promise<string[]> {
  return page.evaluate(`(async () => {
    await (${showsInPage})(${JSON.stringify({ want, timeout: showTimeout })});
    await (${settleInPage})();
    const styleOf = (${cachedStyles})();
    return [...(${layoutProblemsInPage})(styleOf), ...(${contrastFailuresInPage})(styleOf)];
  })()`);
}

/** The screen as it is now, its problems named by `label`. */
export async function measureDisplay(page: Page, label: string): Promise<string[]> {
  return (await problemsWhenShown(page, {})).map((problem) => `${label}: ${problem}`);
}

/** Screenshots for a person to look at: docs/screenshots with UPDATE_SCREENSHOTS=1, test-results with SHOOT=1. */
export async function shootDisplay(page: Page, name: string | null): Promise<void> {
  if (!name || !(process.env.UPDATE_SCREENSHOTS || process.env.SHOOT)) return;
  const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/display-settings';
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, animations: 'disabled' });
}

/** A session change the sweep relies on; a refusal fails at once, with what the host said. */
async function accepted(method: string, response: Promise<ResponseFrame>): Promise<void> {
  const result = await response;
  if (!result.ok) throw new Error(`${method} was refused: ${JSON.stringify(result.error)}`);
}

const shownSetting = (setting: DisplaySetting): ShownDisplay => ({
  highContrast: setting.highContrast,
  largeText: setting.largeText,
});

async function setDisplaySetting(kiosk: KioskHost, setting: DisplaySetting): Promise<void> {
  await accepted(
    'session.setAccessibility',
    kiosk.call('session.setAccessibility', {
      highContrast: setting.highContrast,
      largeText: setting.largeText,
    }),
  );
}

async function setLanguage(kiosk: KioskHost, locale: Locale): Promise<void> {
  await accepted('session.setLanguage', kiosk.call('session.setLanguage', { language: locale }));
}

/** Sets the display setting through the session, as the accessibility panel does, and waits until the page shows it. */
export async function applyDisplaySetting(
  page: Page,
  kiosk: KioskHost,
  setting: DisplaySetting,
): Promise<void> {
  await setDisplaySetting(kiosk, setting);
  await waitUntilShown(page, shownSetting(setting));
}

/** Sets the language through the session, as the language switch does, and waits until the page shows it. */
export async function applyLanguage(page: Page, kiosk: KioskHost, locale: Locale): Promise<void> {
  await setLanguage(kiosk, locale);
  await waitUntilShown(page, { lang: htmlLang[locale] });
}

export interface SweepOptions {
  /** Brings the screen back after a language change where the change dismisses it ("Need more time?"). */
  again?: () => Promise<void>;
  /** Which screenshots to keep, by combination (none by default). */
  shotName?: (setting: DisplaySetting, locale: Locale, orientation: Orientation) => string | null;
  /**
   * Where to leave the page instead of where the sweep found it (a walk that reads every screen in English).
   * Without it, the session's language and display settings and the viewport are put back as they were, so the
   * spec's later steps run in the language and settings it chose.
   */
  leaveIn?: { locale: Locale; orientation: Orientation; setting?: DisplaySetting };
}

/** The language, display settings and viewport the page shows now, to put back after a sweep. */
export interface DisplayState {
  locale: Locale;
  setting: DisplaySetting;
  viewport: { width: number; height: number };
}

export async function currentDisplay(page: Page): Promise<DisplayState> {
  const html = await page
    .locator('html')
    .evaluate((el) => ({ lang: el.getAttribute('lang') ?? '', classes: [...el.classList] }));
  const locale = locales.find((l) => htmlLang[l] === html.lang);
  if (!locale) throw new Error(`the page shows no session language (html lang "${html.lang}")`);
  const highContrast = html.classes.includes('high-contrast');
  const largeText = html.classes.includes('large-text');
  const setting = displaySettings.find((d) => d.highContrast === highContrast && d.largeText === largeText);
  if (!setting) throw new Error('unreachable: every pair of settings is a display setting');
  const viewport = page.viewportSize() ?? { width: orientations[0].width, height: orientations[0].height };
  return { locale, setting, viewport };
}

/** Puts the page back in `state` (after a sweep, or after a spec's own changes). */
export async function restoreDisplay(
  page: Page,
  kiosk: KioskHost,
  state: DisplayState,
  again?: () => Promise<void>,
): Promise<void> {
  await applyLanguage(page, kiosk, state.locale);
  if (again) await again();
  await applyDisplaySetting(page, kiosk, state.setting);
  await page.setViewportSize(state.viewport);
}

/** The orientation a viewport is closest to (landscape for a square one). */
const orientationOf = (viewport: { width: number; height: number }): Orientation =>
  viewport.width >= viewport.height ? orientations[0] : orientations[1];

/** `first`, then the rest of `all` in their order. */
const startingWith = <T>(all: readonly T[], first: T): T[] => [first, ...all.filter((one) => one !== first)];

/**
 * Every combination on the screen showing now; returns the problems (empty when every one is right). The page is
 * left as it was found (or as `leaveIn` says).
 *
 * The combinations are visited in the order that changes least: the language outermost (its change re-renders
 * every text and may need `again`, which can wait for a screen to come back), then the orientation, then the
 * display setting, each starting where the page is. Each run of settings starts with the setting the page shows
 * and ends on one it was not found in, as the languages and the orientations do: the sweep always ends in a
 * display other than the one it found in every respect, so putting the page back is exercised by every sweep
 * (display_sweep_restore.spec.ts checks it).
 */
export async function sweepDisplays(
  page: Page,
  kiosk: KioskHost,
  screen: string,
  options: SweepOptions = {},
): Promise<string[]> {
  const found = await currentDisplay(page);
  const problems: string[] = [];
  let locale = found.locale;
  let setting = found.setting;
  for (const nextLocale of startingWith(locales, found.locale)) {
    if (nextLocale !== locale) {
      await applyLanguage(page, kiosk, nextLocale);
      locale = nextLocale;
      if (options.again) await options.again();
    }
    for (const orientation of startingWith(orientations, orientationOf(found.viewport))) {
      const viewport = { width: orientation.width, height: orientation.height };
      const shown = page.viewportSize();
      if (shown?.width !== viewport.width || shown.height !== viewport.height)
        await page.setViewportSize(viewport);
      const others = displaySettings.filter((one) => one !== setting && one !== found.setting);
      const run = setting === found.setting ? [setting, ...others] : [setting, found.setting, ...others];
      for (const nextSetting of run) {
        if (nextSetting !== setting) {
          await setDisplaySetting(kiosk, nextSetting);
          setting = nextSetting;
        }
        const label = `${screen} ${orientation.name} ${setting.name} ${locale}`;
        const want = { lang: htmlLang[locale], ...shownSetting(setting), ...viewport };
        problems.push(...(await problemsWhenShown(page, want)).map((problem) => `${label}: ${problem}`));
        await shootDisplay(page, options.shotName?.(setting, locale, orientation) ?? null);
      }
    }
  }
  const leaveIn = options.leaveIn;
  await restoreDisplay(
    page,
    kiosk,
    leaveIn
      ? {
          locale: leaveIn.locale,
          setting: leaveIn.setting ?? displaySettings[0],
          viewport: { width: leaveIn.orientation.width, height: leaveIn.orientation.height },
        }
      : found,
    options.again,
  );
  return problems;
}

/**
 * A flow spec's one line per screen: every display combination is right on the screen showing now. The session is
 * left in the language and display settings it had, so the spec reads on as before.
 */
export async function expectEveryDisplayRight(page: Page, kiosk: KioskHost, screen: string): Promise<void> {
  expect(await sweepDisplays(page, kiosk, screen)).toEqual([]);
}

/**
 * `expectEveryDisplayRight`, then the language the spec goes on reading the screen in (the language it had already,
 * unless the spec names another).
 */
export async function expectEveryDisplayRightIn(
  page: Page,
  kiosk: KioskHost,
  screen: string,
  locale: Locale,
): Promise<void> {
  await expectEveryDisplayRight(page, kiosk, screen);
  await applyLanguage(page, kiosk, locale);
}
