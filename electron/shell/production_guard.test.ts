import { describe, expect, it } from 'vitest';
import {
  checkLaunchConfig,
  checkLaunchSwitches,
  debuggingSwitches,
  describeRefusal,
} from './production_guard.js';

describe('what a packaged production build refuses', () => {
  it('finds Chromium and Node debugging switches however they are spelled', () => {
    const argv = [
      '/opt/Balcão/balcao',
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '-remote-debugging-address=0.0.0.0',
      '--REMOTE-DEBUGGING-PORT=1',
      '--inspect',
      '--inspect-brk=9229',
      '--inspect-port=0',
      '--debug',
      '--js-flags=--allow-natives-syntax',
      '--auto-open-devtools-for-tabs',
      '--remote-allow-origins=*',
      '--config',
      'config/site.json',
      '--ozone-platform=wayland',
      'inspect',
    ];
    expect(debuggingSwitches(argv)).toEqual(argv.slice(1, 12));
  });

  it('refuses them only in a packaged build, with a message naming them and the usage status', () => {
    const argv = ['balcao', '--config', 'c.json', '--inspect=9229'];
    expect(checkLaunchSwitches(false, argv)).toEqual({ ok: true, value: undefined });
    const refused = checkLaunchSwitches(true, argv);
    expect(refused).toEqual({ ok: false, error: { code: 'debugging-switch', switches: ['--inspect=9229'] } });
    if (!refused.ok) {
      expect(describeRefusal(refused.error)).toEqual({
        message:
          'Balcão refuses to start: a production build does not accept debugging switches (--inspect=9229).',
        exitCode: 64,
      });
    }
    expect(checkLaunchSwitches(true, ['balcao', '--config', 'c.json', '--ozone-platform=x11'])).toMatchObject(
      {
        ok: true,
      },
    );
  });

  it('refuses a development or test configuration in a packaged build, with the configuration status', () => {
    for (const mode of ['development', 'test'] as const) {
      const refused = checkLaunchConfig(true, mode);
      expect(refused).toEqual({ ok: false, error: { code: 'non-production-config', mode } });
      if (!refused.ok)
        expect(describeRefusal(refused.error)).toEqual({
          message: `Balcão refuses to start: a production build does not run a "${mode}" configuration (mode must be "production").`,
          exitCode: 78,
        });
      expect(checkLaunchConfig(false, mode)).toMatchObject({ ok: true });
    }
    expect(checkLaunchConfig(true, 'production')).toMatchObject({ ok: true });
  });
});
