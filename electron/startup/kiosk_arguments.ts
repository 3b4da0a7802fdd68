import { err, ok, type Result } from '../../lib/result.js';
import { defaultConfigPath } from '../config/config_loader.js';
import { isLogLevelSetting, type LogLevelSetting } from '../logging/kiosk_logger.js';

/**
 * The command line and environment of both hosts, read by one parser. A mistake — an unknown flag, a flag without
 * its value, `BALCAO_PORT=abc` — is a one-line message that names the flag or the variable (the host prints it and
 * exits 64), never a stack trace.
 *
 * | flag / variable | host | meaning |
 * | --- | --- | --- |
 * | `--config FILE`, `BALCAO_CONFIG` | both | the configuration file (`config/balcao.config.json` by default) |
 * | `BALCAO_LOG_LEVEL` | both | `debug`, `info` (default), `warn`, `error`, `silent`… |
 * | `--port N`, `BALCAO_PORT` | browser | the loopback port, 0 (default) for any free one |
 * | `--open` / `--no-open` | browser | open Chromium in kiosk mode on the URL (default: when a display exists) |
 * | `--dev-tools` | Electron | developer tools, honoured only with a non-production configuration |
 *
 * The Electron shell also receives Chromium's own switches (`--ozone-platform=wayland`…): a switch it does not
 * know is left to Chromium and listed in the log, rather than refused. Debugging switches are refused in a
 * packaged build (electron/shell/production_guard.ts).
 */

export type KioskHostKind = 'electron' | 'browser';

interface CommonArguments {
  configPath: string;
  logLevel: LogLevelSetting;
}

export interface BrowserHostArguments extends CommonArguments {
  port: number;
  /** Open Debian's Chromium in kiosk mode on the URL (when a display is available). */
  open: boolean;
}

export interface ElectronShellArguments extends CommonArguments {
  devTools: boolean;
  /** Switches the kiosk does not know, left to Chromium. */
  chromiumSwitches: string[];
}

interface FlagSpec {
  takesValue: boolean;
  hosts: readonly KioskHostKind[];
  usage: string;
}

const flags: Record<string, FlagSpec> = {
  config: { takesValue: true, hosts: ['electron', 'browser'], usage: '--config FILE' },
  port: { takesValue: true, hosts: ['browser'], usage: '--port N' },
  open: { takesValue: false, hosts: ['browser'], usage: '--open' },
  'no-open': { takesValue: false, hosts: ['browser'], usage: '--no-open' },
  'dev-tools': { takesValue: false, hosts: ['electron'], usage: '--dev-tools' },
};

function flagList(host: KioskHostKind): string {
  return Object.values(flags)
    .filter((flag) => flag.hosts.includes(host))
    .map((flag) => flag.usage)
    .join(', ');
}

interface ScannedLine {
  values: Map<string, string | true>;
  unknownSwitches: string[];
}

/** Walks argv once: known flags with their values, unknown switches (for Chromium), and every mistake. */
function scan(argv: readonly string[], host: KioskHostKind): Result<ScannedLine, string> {
  const values = new Map<string, string | true>();
  const unknownSwitches: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-') || arg === '-' || arg === '--')
      return err(`unexpected argument "${arg}" (flags: ${flagList(host)})`);
    const [rawName = '', inlineValue] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
    const flag = Object.hasOwn(flags, rawName) ? flags[rawName] : undefined;
    if (flag === undefined) {
      if (host === 'electron') {
        unknownSwitches.push(arg);
        continue;
      }
      return err(`unknown flag ${arg.split('=')[0]} (flags: ${flagList(host)})`);
    }
    if (!flag.hosts.includes(host)) {
      const where = host === 'electron' ? 'browser mode (BALCAO_BROWSER_MODE=1)' : 'the Electron shell';
      return err(`--${rawName} only applies to ${where}`);
    }
    if (!flag.takesValue) {
      if (inlineValue !== undefined) return err(`--${rawName} takes no value`);
      values.set(rawName, true);
      continue;
    }
    const value = inlineValue ?? argv[i + 1];
    if (inlineValue === undefined) i++;
    if (value === undefined || value === '' || (inlineValue === undefined && value.startsWith('-')))
      return err(`${flag.usage.split(' ')[0]} needs a value (${flag.usage})`);
    values.set(rawName, value);
  }
  return ok({ values, unknownSwitches });
}

function stringValue(line: ScannedLine, name: string): string | undefined {
  const value = line.values.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** The host's flags scanned, then what both hosts share (configuration path, log level) checked. */
function scanCommon(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  host: KioskHostKind,
): Result<{ line: ScannedLine; shared: CommonArguments }, string> {
  const line = scan(argv, host);
  if (!line.ok) return line;
  if (env.BALCAO_CONFIG === '') return err('BALCAO_CONFIG is set but empty: give a configuration file');
  const level = env.BALCAO_LOG_LEVEL ?? 'info';
  if (!isLogLevelSetting(level))
    return err(`BALCAO_LOG_LEVEL must be debug, info, warn, error or silent, got "${level}"`);
  const configPath = stringValue(line.value, 'config') ?? env.BALCAO_CONFIG ?? defaultConfigPath;
  return ok({ line: line.value, shared: { configPath, logLevel: level } });
}

function parsePort(text: string, source: string): Result<number, string> {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port <= 65535)) return err(`${source} must be a port number from 0 to 65535, got "${text}"`);
  return ok(port);
}

export function parseBrowserHostArguments(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Result<BrowserHostArguments, string> {
  const scanned = scanCommon(argv, env, 'browser');
  if (!scanned.ok) return scanned;
  const { line, shared } = scanned.value;
  const flagPort = stringValue(line, 'port');
  const port =
    flagPort !== undefined
      ? parsePort(flagPort, '--port')
      : env.BALCAO_PORT !== undefined
        ? parsePort(env.BALCAO_PORT, 'BALCAO_PORT')
        : ok(0);
  if (!port.ok) return port;
  const display = Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  const open = line.values.has('no-open') ? false : line.values.has('open') || display;
  return ok({ ...shared, port: port.value, open });
}

export function parseElectronShellArguments(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Result<ElectronShellArguments, string> {
  const scanned = scanCommon(argv, env, 'electron');
  if (!scanned.ok) return scanned;
  const { line, shared } = scanned.value;
  return ok({ ...shared, devTools: line.values.has('dev-tools'), chromiumSwitches: line.unknownSwitches });
}

/**
 * The user's arguments in Electron's `process.argv`: after the executable, and — when Electron runs an app folder
 * or file (`electron dist/electron/main.cjs …`, `process.defaultApp`) — after that path too, which may follow
 * Chromium switches given to Electron itself.
 */
export function electronUserArguments(argv: readonly string[], defaultApp: boolean): string[] {
  const rest = argv.slice(1);
  if (!defaultApp) return rest;
  const appPath = rest.findIndex((arg) => !arg.startsWith('-'));
  return appPath < 0 ? rest : [...rest.slice(0, appPath), ...rest.slice(appPath + 1)];
}
