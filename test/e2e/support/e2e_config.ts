import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;

/** The e2e terminal's configuration, with per-spec overrides (time limits, devices, site). */
export function e2eConfig(overrides: Json = {}): Json {
  const base = JSON.parse(readFileSync('test/fixtures/config/e2e_macau.json', 'utf8')) as Json;
  return { ...base, ...overrides };
}

/**
 * Time limits for a spec that walks many screens or sweeps every display: ten minutes of idleness before the session
 * ends, so a long, slow walk on a loaded machine never ends on the attract screen.
 */
export const longSessionTimeLimits = {
  idleSeconds: 600,
  warningSeconds: 30,
  maxExtensions: 10,
  attractSlideSeconds: 60,
} as const;
