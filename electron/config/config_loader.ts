import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { err, ok, type Result, resultBlockSync } from '../../lib/result.js';
import {
  type ConfigIssue,
  crossFieldIssues,
  type KioskConfig,
  KioskConfigSchema,
  parsableSections,
} from './config_schema.js';

/** The configuration both hosts and the `balcao` tool read when no `--config` or BALCAO_CONFIG names one. */
export const defaultConfigPath = 'config/balcao.config.json';

export type ConfigError =
  | { code: 'unreadable'; path: string; detail: string }
  | { code: 'not-json'; path: string; detail: string }
  | { code: 'invalid'; path: string; problems: string[] };

export type ConfigResult = Result<KioskConfig, ConfigError>;

/** `devices[2].vendorId: expected number` — the field first, so whoever edits the file finds it at once. */
function describeIssue(issue: z.core.$ZodIssue | ConfigIssue): string {
  const field = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
  return `${field || '(top level)'}: ${issue.message}`;
}

/**
 * Every problem of the file in one run: the fields' own checks, and the rules between fields on whatever
 * sections did pass (zod skips a refinement once any field of its object failed, so they are run again here).
 */
export function parseConfig(raw: unknown, path = '(inline)'): ConfigResult {
  const parsed = KioskConfigSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const problems = [...parsed.error.issues, ...crossFieldIssues(parsableSections(raw))].map(describeIssue);
  return err({ code: 'invalid', path, problems: [...new Set(problems)] });
}

function readText(path: string): Result<string, ConfigError> {
  try {
    return ok(readFileSync(path, 'utf8'));
  } catch (e) {
    return err({ code: 'unreadable', path, detail: (e as Error).message });
  }
}

function parseJson(text: string, path: string): Result<unknown, ConfigError> {
  try {
    return ok(JSON.parse(text));
  } catch (e) {
    return err({ code: 'not-json', path, detail: (e as Error).message });
  }
}

export function loadConfigFile(path: string): ConfigResult {
  return resultBlockSync((take) => {
    const text = take(readText(path));
    const raw = take(parseJson(text, path));
    return parseConfig(raw, path);
  });
}

export function formatConfigError(error: ConfigError): string {
  switch (error.code) {
    case 'unreadable':
      return `Balcão cannot start: the configuration file ${error.path} cannot be read (${error.detail}).`;
    case 'not-json':
      return `Balcão cannot start: the configuration file ${error.path} is not valid JSON (${error.detail}).`;
    case 'invalid':
      return [
        `Balcão cannot start: the configuration file ${error.path} has ${error.problems.length} problem(s):`,
        ...error.problems.map((p) => `  - ${p}`),
      ].join('\n');
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}
