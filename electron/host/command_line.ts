import { parseArgs } from 'node:util';

export interface HostArguments {
  configPath: string;
  port: number;
  /** Open Debian's Chromium in kiosk mode on the URL (when a display is available). */
  open: boolean;
}

/** `--config FILE` (or BALCAO_CONFIG), `--port N` (0 = any free port), `--open` / `--no-open`. */
export function parseHostArguments(argv: string[], env: NodeJS.ProcessEnv): HostArguments {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      open: { type: 'boolean' },
      'no-open': { type: 'boolean' },
    },
    allowPositionals: false,
    strict: true,
  });
  const port = Number(values.port ?? env.BALCAO_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got ${values.port}`);
  return {
    configPath: values.config ?? env.BALCAO_CONFIG ?? 'config/balcao.config.json',
    port,
    open: values['no-open'] ? false : (values.open ?? Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)),
  };
}
