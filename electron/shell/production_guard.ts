import { err, ok, type Result } from '../../lib/result.js';
import type { KioskConfig } from '../config/config_schema.js';
import { exitStatus } from '../startup/exit_status.js';

/**
 * What a packaged (production) build refuses to start with, decided here without Electron so it is unit-tested:
 * - Chromium and Node debugging switches: `--remote-debugging-port` / `-pipe` / `-address`, `--inspect*`,
 *   `--debug*`, `--js-flags`, `--auto-open-devtools-for-tabs`, `--remote-allow-origins`. Any of them gives
 *   whoever typed it the kiosk's renderer or main process, and the resident's data in it. The Electron fuses turn
 *   Node's inspector flags off at packaging; this refuses them all loudly, whatever the fuses, before anything
 *   starts.
 * - A `development` or `test` configuration: the dev dock, relaxed time limits and run-only signing keys are for
 *   a developer's machine, never for a kiosk residents use.
 * A build run from source (`npm start`) is not packaged and is not checked.
 */

type DebuggingSwitchRefusal = { code: 'debugging-switch'; switches: string[] };
type ConfigModeRefusal = { code: 'non-production-config'; mode: Exclude<KioskConfig['mode'], 'production'> };
export type LaunchRefusal = DebuggingSwitchRefusal | ConfigModeRefusal;

const refusedPrefixes = ['remote-debugging', 'inspect', 'debug'];
const refusedNames = new Set(['js-flags', 'auto-open-devtools-for-tabs', 'remote-allow-origins']);

/**
 * The debugging switches among `argv`, spelled as given. Chromium accepts `--name`, `-name` and `--NAME=value`
 * alike, so each argument is compared without its dashes, its value or its case.
 */
export function debuggingSwitches(argv: readonly string[]): string[] {
  return argv.filter((arg) => {
    if (!arg.startsWith('-')) return false;
    const name = (arg.replace(/^--?/, '').split('=')[0] ?? '').toLowerCase();
    return refusedNames.has(name) || refusedPrefixes.some((prefix) => name.startsWith(prefix));
  });
}

/** Checked first, before the configuration is even read. */
export function checkLaunchSwitches(
  packaged: boolean,
  argv: readonly string[],
): Result<void, DebuggingSwitchRefusal> {
  if (!packaged) return ok();
  const switches = debuggingSwitches(argv);
  return switches.length === 0 ? ok() : err({ code: 'debugging-switch', switches });
}

export function checkLaunchConfig(
  packaged: boolean,
  mode: KioskConfig['mode'],
): Result<void, ConfigModeRefusal> {
  if (!packaged || mode === 'production') return ok();
  return err({ code: 'non-production-config', mode });
}

export function describeRefusal(refusal: LaunchRefusal): { message: string; exitCode: number } {
  switch (refusal.code) {
    case 'debugging-switch':
      return {
        message: `Balcão refuses to start: a production build does not accept debugging switches (${refusal.switches.join(' ')}).`,
        exitCode: exitStatus.usage,
      };
    case 'non-production-config':
      return {
        message: `Balcão refuses to start: a production build does not run a "${refusal.mode}" configuration (mode must be "production").`,
        exitCode: exitStatus.config,
      };
    default: {
      const unreachable: never = refusal;
      return unreachable;
    }
  }
}
