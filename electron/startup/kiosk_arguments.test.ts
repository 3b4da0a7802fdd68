import { describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../config/config_loader.js';
import {
  electronUserArguments,
  parseBrowserHostArguments,
  parseElectronShellArguments,
} from './kiosk_arguments.js';

const noDisplay = {};

function browserError(argv: string[], env: NodeJS.ProcessEnv = noDisplay): string {
  const parsed = parseBrowserHostArguments(argv, env);
  if (parsed.ok) throw new Error(`accepted ${argv.join(' ')}`);
  return parsed.error;
}

describe('the hosts’ command line', () => {
  it('reads flags, then the environment, then the defaults', () => {
    expect(parseBrowserHostArguments([], noDisplay)).toEqual({
      ok: true,
      value: { configPath: defaultConfigPath, logLevel: 'info', port: 0, open: false },
    });
    expect(
      parseBrowserHostArguments(['--config', 'a.json', '--port=8080', '--open'], {
        BALCAO_CONFIG: 'b.json',
        BALCAO_PORT: '9000',
        BALCAO_LOG_LEVEL: 'debug',
      }),
    ).toEqual({ ok: true, value: { configPath: 'a.json', logLevel: 'debug', port: 8080, open: true } });
    expect(
      parseBrowserHostArguments([], { BALCAO_CONFIG: 'b.json', BALCAO_PORT: '9000', DISPLAY: ':0' }),
    ).toMatchObject({ ok: true, value: { configPath: 'b.json', port: 9000, open: true } });
    expect(parseBrowserHostArguments(['--no-open'], { DISPLAY: ':0' })).toMatchObject({
      value: { open: false },
    });
  });

  it('names the flag or variable of every mistake, in one line', () => {
    const mistakes: [string[], NodeJS.ProcessEnv, string][] = [
      [['--confg', 'a.json'], {}, 'unknown flag --confg (flags: --config FILE, --port N, --open, --no-open)'],
      [['--config'], {}, '--config needs a value (--config FILE)'],
      [['--config', '--port', '1'], {}, '--config needs a value (--config FILE)'],
      [['--config='], {}, '--config needs a value (--config FILE)'],
      [['--port', 'abc'], {}, '--port must be a port number from 0 to 65535, got "abc"'],
      [['--port', '70000'], {}, '--port must be a port number from 0 to 65535, got "70000"'],
      [['--port', '-1'], {}, '--port needs a value (--port N)'],
      [[], { BALCAO_PORT: 'abc' }, 'BALCAO_PORT must be a port number from 0 to 65535, got "abc"'],
      [[], { BALCAO_PORT: '' }, 'BALCAO_PORT must be a port number from 0 to 65535, got ""'],
      [[], { BALCAO_PORT: '1e3' }, 'BALCAO_PORT must be a port number from 0 to 65535, got "1e3"'],
      [[], { BALCAO_CONFIG: '' }, 'BALCAO_CONFIG is set but empty: give a configuration file'],
      [
        [],
        { BALCAO_LOG_LEVEL: 'verbose' },
        'BALCAO_LOG_LEVEL must be debug, info, warn, error or silent, got "verbose"',
      ],
      [['--open=yes'], {}, '--open takes no value'],
      [
        ['config.json'],
        {},
        'unexpected argument "config.json" (flags: --config FILE, --port N, --open, --no-open)',
      ],
      [['--dev-tools'], {}, '--dev-tools only applies to the Electron shell'],
    ];
    for (const [argv, env, message] of mistakes) {
      const error = browserError(argv, env);
      expect(error, argv.join(' ')).toBe(message);
      expect(error).not.toContain('\n');
    }
  });

  it('a valid --port wins over a bad BALCAO_PORT it replaces', () => {
    expect(parseBrowserHostArguments(['--port', '0'], { BALCAO_PORT: 'abc' })).toMatchObject({ ok: true });
  });

  it('in the Electron shell, leaves unknown switches to Chromium but still checks its own flags', () => {
    expect(
      parseElectronShellArguments(['--ozone-platform=wayland', '--config', 'c.json', '--dev-tools'], {}),
    ).toEqual({
      ok: true,
      value: {
        configPath: 'c.json',
        logLevel: 'info',
        devTools: true,
        chromiumSwitches: ['--ozone-platform=wayland'],
      },
    });
    expect(parseElectronShellArguments(['--config'], {})).toEqual({
      ok: false,
      error: '--config needs a value (--config FILE)',
    });
    expect(parseElectronShellArguments(['--port', '80'], {})).toEqual({
      ok: false,
      error: '--port only applies to browser mode (BALCAO_BROWSER_MODE=1)',
    });
    expect(parseElectronShellArguments([], { BALCAO_LOG_LEVEL: 'loud' })).toMatchObject({ ok: false });
  });

  it('finds the user’s arguments in Electron’s argv, packaged or run from source', () => {
    expect(electronUserArguments(['/opt/Balcão/balcao', '--config', 'c.json'], false)).toEqual([
      '--config',
      'c.json',
    ]);
    expect(electronUserArguments(['electron', 'dist/electron/main.cjs', '--dev-tools'], true)).toEqual([
      '--dev-tools',
    ]);
    expect(
      electronUserArguments(['electron', '--no-sandbox', 'dist/electron/main.cjs', '--config', 'c'], true),
    ).toEqual(['--no-sandbox', '--config', 'c']);
  });
});
