/**
 * A signer's keys over time: every Ed25519 public key a terminal has signed printed proofs with, each with the
 * period it was in use. A proof names its terminal and the second it was issued, so it is checked against the key
 * that terminal was using then — not only against today's key:
 *
 * - a key retired at a rotation still verifies what it signed while it was in use (`validFrom` ≤ issued < `validTo`);
 * - a signature by a key that claims an issue time outside that key's period is refused (`outside-key-validity`):
 *   a retired key that leaked cannot sign "today's" papers, and a new key cannot sign papers dated before it;
 * - a revoked key (compromised) is refused whatever it signed and whenever (`key-revoked`): nobody can tell the
 *   papers it really signed from the ones its thief signed.
 *
 * The plain key table of key_table.ts (signer → one key) is the history where each signer has one key, valid
 * always (`keyHistoryOf`). A key-history file (what `balcao verify-document --keys` reads) holds, per signer,
 * either one key (text) or its periods (an array).
 */
import { verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';
import { type KeyTableError, type PublicKeyTable, publicKeyFrom } from './key_table.js';
import { type OpenedEnvelope, SIGNATURE_BYTES } from './signed_envelope.js';

/** One key and when it was in use. Times are epoch milliseconds; `null` is "no bound". */
export interface KeyPeriod {
  publicKey: string;
  /** From when the signer signed with it (null: since always). */
  validFrom: number | null;
  /** When the next key took over (null: still in use). */
  validTo: number | null;
  /** When the key was declared compromised: nothing it signed is trusted (null: not revoked). */
  revokedAt: number | null;
}

/** Signer id → its keys, in any order. */
export type SigningKeyHistory = Readonly<Record<string, readonly KeyPeriod[]>>;

export type KeyHistoryError =
  | { code: 'unknown-key'; signerId: string }
  | { code: 'invalid-public-key'; signerId: string }
  | { code: 'bad-signature'; signerId: string }
  | { code: 'key-revoked'; signerId: string; revokedAt: number }
  | {
      code: 'outside-key-validity';
      signerId: string;
      signedAt: number;
      validFrom: number | null;
      validTo: number | null;
    };

/** Either a plain key table (one key per signer, valid always) or a history. */
export type SignerKeys = PublicKeyTable | SigningKeyHistory;

/** The history the keys state: a plain table's key is one period without bounds. */
export function keyHistoryOf(keys: SignerKeys): SigningKeyHistory {
  const out: Record<string, readonly KeyPeriod[]> = {};
  for (const [signerId, entry] of Object.entries(keys))
    out[signerId] =
      typeof entry === 'string'
        ? [{ publicKey: entry, validFrom: null, validTo: null, revokedAt: null }]
        : entry;
  return out;
}

function periodsOf(history: SigningKeyHistory, signerId: string): readonly KeyPeriod[] {
  return Object.hasOwn(history, signerId) ? (history[signerId] ?? []) : [];
}

/** A paper's time is to the second (the QR carries whole seconds), so a period starts at its whole second. */
const within = (period: KeyPeriod, at: number) =>
  (period.validFrom === null || Math.floor(period.validFrom / 1000) * 1000 <= at) &&
  (period.validTo === null || at < period.validTo);

/** The key `signerId` was using at `at` (epoch ms), if any: where a registered paper's issue time points. */
export function keyPeriodAt(history: SigningKeyHistory, signerId: string, at: number): KeyPeriod | undefined {
  return periodsOf(history, signerId).find((period) => within(period, at));
}

/**
 * Checks an envelope's signature against the keys `signerId` has had, for a paper that says it was signed at
 * `signedAt` (epoch ms). Succeeds with the period whose key signed it and whose time covers `signedAt`.
 */
export function checkSignatureInHistory(
  envelope: OpenedEnvelope,
  signerId: string,
  signedAt: number,
  history: SigningKeyHistory,
): Result<KeyPeriod, KeyHistoryError> {
  const periods = periodsOf(history, signerId);
  if (periods.length === 0) return err({ code: 'unknown-key', signerId });
  if (envelope.signature.length !== SIGNATURE_BYTES) return err({ code: 'bad-signature', signerId });
  let anyUsableKey = false;
  const signing: KeyPeriod[] = [];
  // The same key may come back in several periods (a terminal returning to an earlier key): check each key once.
  const verdictByKey = new Map<string, boolean>();
  for (const period of periods) {
    let signed = verdictByKey.get(period.publicKey);
    if (signed === undefined) {
      const key = publicKeyFrom(period.publicKey);
      signed = key !== undefined && verify(null, envelope.body, key, envelope.signature);
      if (key !== undefined) anyUsableKey = true;
      verdictByKey.set(period.publicKey, signed);
    } else if (publicKeyFrom(period.publicKey) !== undefined) anyUsableKey = true;
    if (signed) signing.push(period);
  }
  if (signing.length === 0)
    return err({ code: anyUsableKey ? 'bad-signature' : 'invalid-public-key', signerId });
  // A compromised key is refused outright, whatever period and time the paper claims.
  const revoked = signing.find((period) => period.revokedAt !== null);
  if (revoked?.revokedAt != null) return err({ code: 'key-revoked', signerId, revokedAt: revoked.revokedAt });
  const covering = signing.find((period) => within(period, signedAt));
  if (covering) return ok(covering);
  const [nearest] = signing;
  return err({
    code: 'outside-key-validity',
    signerId,
    signedAt,
    validFrom: nearest?.validFrom ?? null,
    validTo: nearest?.validTo ?? null,
  });
}

const instant = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));

const KeyPeriodFileSchema = z.strictObject({
  publicKey: z.string().min(1),
  validFrom: instant.nullable().optional(),
  validTo: instant.nullable().optional(),
  revokedAt: instant.nullable().optional(),
});

/** A key-history file: signer id → its one key (valid always), or its periods. */
export const KeyHistoryFileSchema = z.record(
  z.string().min(1).max(64),
  z.union([z.string().min(1), z.array(KeyPeriodFileSchema).min(1)]),
);

/** The history a key-history file (or a plain key table) states. */
export function historyFromFile(json: unknown): Result<SigningKeyHistory, string> {
  const parsed = KeyHistoryFileSchema.safeParse(json);
  if (!parsed.success)
    return err(
      'expected a JSON object of signer id → public key, or → [{ publicKey, validFrom, validTo, revokedAt }]',
    );
  const out: Record<string, KeyPeriod[]> = {};
  for (const [signerId, entry] of Object.entries(parsed.data)) {
    out[signerId] =
      typeof entry === 'string'
        ? [{ publicKey: entry, validFrom: null, validTo: null, revokedAt: null }]
        : entry.map((period) => ({
            publicKey: period.publicKey,
            validFrom: period.validFrom ?? null,
            validTo: period.validTo ?? null,
            revokedAt: period.revokedAt ?? null,
          }));
  }
  return ok(out);
}

/**
 * Reads a key-history file; anything that is not one is `cannot-read` with a reason, never an exception.
 * `otherFormat` may recognise another shape first (the CLI passes the backend's key-table reply).
 */
export function readKeyHistory(
  file: string,
  otherFormat: (json: unknown) => SigningKeyHistory | undefined = () => undefined,
): Result<SigningKeyHistory, KeyTableError> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const detail = error instanceof SyntaxError ? 'not JSON' : (error as Error).message;
    return err({ code: 'cannot-read', file, detail });
  }
  const other = otherFormat(json);
  if (other !== undefined) return ok(other);
  const history = historyFromFile(json);
  return history.ok ? history : err({ code: 'cannot-read', file, detail: history.error });
}
