import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { err, ok, type Result } from '../../../lib/result.js';
import type { PublicKeyTable } from './verify_document.js';

/** Terminal id → Ed25519 public key (raw 32 bytes in base64, or SPKI PEM): the verifiers' key table. */
export const PublicKeyTableSchema = z.record(z.string(), z.string());

function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object whose values are not all text';
  return `a ${typeof value}`;
}

/**
 * Reads a key table file. A file that cannot be read, is not JSON, or is JSON of another shape (`null`, an array,
 * a number, keys that are not text) is one message, never an exception and never a table that half works.
 */
export function readKeyTable(path: string): Result<PublicKeyTable, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return err(`cannot read keys from ${path}: ${(error as Error).message}`);
  }
  const table = PublicKeyTableSchema.safeParse(raw);
  if (!table.success)
    return err(
      `cannot read keys from ${path}: expected a JSON object of terminal id → public key, got ${shapeOf(raw)}`,
    );
  return ok(table.data);
}
