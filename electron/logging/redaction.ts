/**
 * The safety net under every log line: personal data must never reach a log, even when a careless call passes a
 * whole object. Code logs ids, states and reasons; this walk catches what slips through anyway.
 *
 * Why a walk and not pino's `redact` paths: those match fixed depths (`*.name` misses `name` at the top level and
 * `job.holder.name` two levels down), and a resident's data arrives nested in arrays and errors. This walks the
 * whole value, at any depth, through arrays, Maps, Sets and errors, and returns a copy:
 * - a field whose name is personal (the one list in personal_fields.ts, which the journal uses too: any name
 *   containing "name", "birth", "mrz", "address", "face"…, or exactly `pin`, `documentNumber`, `payload`…) is
 *   replaced by `[redacted]`, whatever its value;
 * - raw bytes anywhere (a PDF, a face image, an APDU) become `[redacted: N bytes]`;
 * - text that looks like an MRZ, a Macau ID number or a long run of digits (a Mainland ID) is masked inside
 *   strings, error messages and stacks included.
 * It errs towards hiding too much: a log line is for diagnosis, and ids and states are enough for that.
 */

import { isPersonalField } from './personal_fields.js';

export const redacted = '[redacted]';

/** An MRZ line or a long part of one (fillers `<` among capitals and digits). */
const mrzLike = /[A-Z0-9<]*<[A-Z0-9<]*/g;
/** A Macau resident ID number as printed: 1234567(8). */
const macauIdNumber = /\b\d{7}\(\d\)/g;
/** A Mainland ID (18 characters) or any run of 15 or more digits. */
const longDigitRun = /\d{15,}[\dXx]?/g;

export function maskPersonalText(text: string): string {
  return text
    .replace(mrzLike, (match) => (match.length >= 20 ? '[redacted: mrz]' : match))
    .replace(macauIdNumber, '[redacted: id number]')
    .replace(longDigitRun, '[redacted: number]');
}

const maxDepth = 12;

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskPersonalText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return `[redacted: ${value.length} bytes]`;
  if (value instanceof ArrayBuffer) return `[redacted: ${value.byteLength} bytes]`;
  if (value instanceof Date) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= maxDepth) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
    if (value instanceof Set) return [...value].map((item) => redactValue(item, depth + 1, seen));
    if (value instanceof Map) return redactEntries([...value.entries()], depth, seen);
    if (value instanceof Error) {
      const { name, message, stack } = value;
      const own = Object.entries(value).filter(([key]) => key !== 'message' && key !== 'stack');
      return {
        ...redactEntries(own, depth, seen),
        type: name,
        message: maskPersonalText(message),
        ...(stack === undefined ? {} : { stack: maskPersonalText(stack) }),
      };
    }
    return redactEntries(Object.entries(value), depth, seen);
  } finally {
    seen.delete(value);
  }
}

function redactEntries(
  entries: [unknown, unknown][],
  depth: number,
  seen: WeakSet<object>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const name = String(key);
    out[name] = isPersonalField(name) ? redacted : redactValue(item, depth + 1, seen);
  }
  return out;
}

/** A copy of a log line's fields with every personal field, byte array and ID-like text redacted. */
export function redactPersonalData(fields: Record<string, unknown>): Record<string, unknown> {
  return redactEntries(Object.entries(fields), 0, new WeakSet());
}
