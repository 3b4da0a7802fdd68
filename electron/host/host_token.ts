import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../../lib/result.js';

/**
 * The browser-mode host's per-boot token: the secret a page presents to open the RPC socket. It is made once per
 * boot of the *kiosk*, not of the host process: the supervisor (`host_supervisor.ts`) makes it and hands it to
 * every host it starts through this environment variable, so a page that was open before a crash still gets in
 * after the restart. It travels in the URL fragment and the environment, never in a log line.
 */
export const hostTokenVariable = 'BALCAO_HOST_TOKEN';

/** 24 random bytes, base64url: 32 characters, the same shape the host checks below. */
export function generateHostToken(): string {
  return randomBytes(24).toString('base64url');
}

const tokenShape = /^[A-Za-z0-9_-]{32,128}$/;

/**
 * Reads the token from the environment and removes it there, so a child process (Chromium, a crash reporter)
 * never inherits it. Absent: the host makes its own (a host started by hand). Malformed: a configuration error,
 * since starting with a token nobody else knows would shut the open page out.
 */
export function takeHostToken(env: NodeJS.ProcessEnv): Result<string | undefined, string> {
  const value = env[hostTokenVariable];
  delete env[hostTokenVariable];
  if (value === undefined) return ok(undefined);
  if (!tokenShape.test(value))
    return err(`${hostTokenVariable} must be 32–128 characters of A–Z, a–z, 0–9, "-" or "_"`);
  return ok(value);
}

export function isHostToken(value: string): boolean {
  return tokenShape.test(value);
}
