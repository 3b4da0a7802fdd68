/**
 * Every device's `options`, validated strictly with its driver's schema. The configuration's rules
 * (crossFieldIssues in electron/config/config_schema.ts) run this at start-up for each configured device, so an
 * unknown or misspelt option (`queue` for `cupsQueue`) or a value of the wrong type stops the kiosk in the same
 * report as every other problem of the file — instead of the driver dropping it and falling back to a default
 * nobody chose (the Hengqin A4 printer went to USB that way, without a log line).
 *
 * Each driver's config module owns its schema; this file only says which schema a (kind, transport) uses. Today
 * every transport of a kind takes the same options (a simulated device is configured like the real one, so a
 * development file is checked the same way as a production one).
 */
import { z } from 'zod';
import type { DeviceConfig } from './device_config.js';
import type { DeviceKind } from './device_status.js';
import { DispenserOptionsSchema } from './dispenser/dispenser_config.js';
import { CcidReaderOptionsSchema } from './document/ccid/ccid_reader_config.js';
import { Ga467ReaderOptionsSchema } from './document/ga467/ga467_reader_config.js';
import { KeypadOptionsSchema } from './keypad/keypad_config.js';
import { LockerOptionsSchema } from './locker/locker_config.js';
import { DocumentPrinterOptionsSchema, TicketPrinterOptionsSchema } from './printer/printer_config.js';
import { ScannerOptionsSchema } from './scanner/scanner_config.js';
import { VendingOptionsSchema } from './vending/vending_config.js';

export function deviceOptionsSchema(kind: DeviceKind, _transport: DeviceConfig['transport']): z.ZodType {
  switch (kind) {
    case 'barcode-scanner':
      return ScannerOptionsSchema;
    case 'ticket-printer':
      return TicketPrinterOptionsSchema;
    case 'document-printer':
      return DocumentPrinterOptionsSchema;
    case 'document-reader':
      return CcidReaderOptionsSchema;
    case 'id-card-reader':
      return Ga467ReaderOptionsSchema;
    case 'locker-controller':
      return LockerOptionsSchema;
    case 'document-dispenser':
      return DispenserOptionsSchema;
    case 'tactile-keypad':
      return KeypadOptionsSchema;
    case 'vending-unit':
      return VendingOptionsSchema;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

export interface OptionProblem {
  /** Path inside `options`, e.g. ['queue'] or ['doors', 'A1', 'relai']. */
  path: (string | number)[];
  message: string;
}

/** The schema found at `path` inside `schema`, through defaults, optionals and records; undefined if none. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const part of [...path, undefined]) {
    while (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodOptional
    ) {
      current = current.unwrap() as z.ZodType;
    }
    if (part === undefined || current === undefined) return current;
    if (current instanceof z.ZodObject) current = current.shape[String(part)] as z.ZodType | undefined;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return undefined;
  }
  return current;
}

/** Levenshtein distance, case-insensitive: `cupsqueue` and `cupsQueue` are the same word misspelt. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (s[i - 1] === t[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[t.length] ?? 0;
}

/** The known option a misspelt or shortened key most likely meant: `queue` → `cupsQueue`, `gapMS` → `gapMs`. */
export function suggestOption(unknown: string, known: readonly string[]): string | undefined {
  const lower = unknown.toLowerCase();
  let best: { key: string; score: number } | undefined;
  for (const key of known) {
    const contains = lower.length >= 3 && key.toLowerCase().includes(lower);
    const score = contains ? 0.5 : distance(unknown, key);
    if (score <= Math.max(2, Math.floor(key.length / 3)) && (!best || score < best.score))
      best = { key, score };
  }
  return best?.key;
}

/** What is wrong with one device's `options`; empty when the driver will take them as they are. */
export function deviceOptionsProblems(
  kind: DeviceKind,
  transport: DeviceConfig['transport'],
  options: unknown,
): OptionProblem[] {
  const schema = deviceOptionsSchema(kind, transport);
  const parsed = schema.safeParse(options);
  if (parsed.success) return [];
  const problems: OptionProblem[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code !== 'unrecognized_keys') {
      problems.push({ path, message: issue.message });
      continue;
    }
    const at = schemaAt(schema, issue.path);
    const known = at instanceof z.ZodObject ? Object.keys(at.shape) : [];
    for (const key of issue.keys) {
      const suggestion = suggestOption(key, known);
      problems.push({
        path: [...path, key],
        message: suggestion ? `unknown option; did you mean ${suggestion}?` : 'unknown option',
      });
    }
  }
  return problems;
}
