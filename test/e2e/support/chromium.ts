import type { LaunchOptions } from '@playwright/test';
import { chromiumPath, chromiumQuietFlags } from '../../../electron/host/chromium_kiosk.js';

/**
 * Debian's Chromium (never a downloaded browser), quiet on a closed network. Playwright gives every launch a
 * fresh temporary profile of its own.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: chromiumPath(), args: ['--no-sandbox', ...chromiumQuietFlags] };
}
