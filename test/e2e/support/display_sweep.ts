import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { contrastFailures } from './contrast.js';
import type { KioskHost } from './kiosk_host.js';
import { layoutProblems } from './layout.js';

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

/** Waits until the page has drawn what the session now says: two frames in a row with the same text. */
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

/** The screen as it is now, its problems named by `label`. */
export async function measureDisplay(page: Page, label: string): Promise<string[]> {
  await settled(page);
  const found = [...(await layoutProblems(page)), ...(await contrastFailures(page))];
  return found.map((problem) => `${label}: ${problem}`);
}

/** Screenshots for a person to look at: docs/screenshots with UPDATE_SCREENSHOTS=1, test-results with SHOOT=1. */
export async function shootDisplay(page: Page, name: string | null): Promise<void> {
  if (!name || !(process.env.UPDATE_SCREENSHOTS || process.env.SHOOT)) return;
  const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/display-settings';
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, animations: 'disabled' });
}

export async function applyDisplaySetting(
  page: Page,
  kiosk: KioskHost,
  setting: DisplaySetting,
): Promise<void> {
  await kiosk.call('session.setAccessibility', {
    highContrast: setting.highContrast,
    largeText: setting.largeText,
  });
  const html = page.locator('html');
  await expect(html).toHaveClass(setting.highContrast ? /high-contrast/ : /^(?!.*high-contrast)/);
  await expect(html).toHaveClass(setting.largeText ? /large-text/ : /^(?!.*large-text)/);
}

export async function applyLanguage(page: Page, kiosk: KioskHost, locale: Locale): Promise<void> {
  await kiosk.call('session.setLanguage', { language: locale });
  await expect(page.locator('html')).toHaveAttribute('lang', htmlLang[locale]);
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

/**
 * Every combination on the screen showing now; returns the problems (empty when every one is right). The page is
 * left as it was found (or as `leaveIn` says).
 */
export async function sweepDisplays(
  page: Page,
  kiosk: KioskHost,
  screen: string,
  options: SweepOptions = {},
): Promise<string[]> {
  const found = await currentDisplay(page);
  const problems: string[] = [];
  for (const locale of locales) {
    await applyLanguage(page, kiosk, locale);
    if (options.again) await options.again();
    for (const setting of displaySettings) {
      await applyDisplaySetting(page, kiosk, setting);
      for (const orientation of orientations) {
        await page.setViewportSize({ width: orientation.width, height: orientation.height });
        problems.push(
          ...(await measureDisplay(page, `${screen} ${orientation.name} ${setting.name} ${locale}`)),
        );
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
