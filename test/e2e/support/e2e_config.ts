import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;

/** The e2e terminal's configuration, with per-spec overrides (time limits, devices, site). */
export function e2eConfig(overrides: Json = {}): Json {
  const base = JSON.parse(readFileSync('test/fixtures/config/e2e_macau.json', 'utf8')) as Json;
  return { ...base, ...overrides };
}
