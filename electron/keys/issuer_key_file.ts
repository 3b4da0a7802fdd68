/**
 * Issuing keys for Smart Locker pickup codes and staff badges: a JSON file holding the issuer's id, the kind of
 * code it signs and its Ed25519 private key (PKCS#8 PEM). Kept by the backend or a staff office, never on a kiosk;
 * kiosks get only the public key table. Written with mode 0600 and never overwritten.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';

export const IssuerIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,32}$/, 'letters, digits and - only, at most 32');

export const issuerKinds = ['locker-pickup', 'staff-badge'] as const;
export type IssuerKind = (typeof issuerKinds)[number];

const IssuerKeyFileSchema = z
  .object({ kind: z.enum(issuerKinds), issuer: IssuerIdSchema, privateKey: z.string() })
  .strict();

export interface IssuerKey {
  kind: IssuerKind;
  issuer: string;
  privateKey: KeyObject;
}

export function generateIssuerKey(kind: IssuerKind, issuer: string): IssuerKey {
  return { kind, issuer, privateKey: generateKeyPairSync('ed25519').privateKey };
}

export type IssuerKeyFileError =
  | { code: 'exists'; file: string }
  | { code: 'cannot-read'; file: string; detail: string }
  | { code: 'wrong-kind'; file: string; expected: IssuerKind; found: IssuerKind };

export function writeIssuerKey(file: string, key: IssuerKey): Result<void, IssuerKeyFileError> {
  if (existsSync(file)) return err({ code: 'exists', file });
  const privateKey = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(file, `${JSON.stringify({ kind: key.kind, issuer: key.issuer, privateKey }, null, 2)}\n`, {
    mode: 0o600,
  });
  return ok();
}

export function readIssuerKey(file: string, expected: IssuerKind): Result<IssuerKey, IssuerKeyFileError> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return err({ code: 'cannot-read', file, detail: (error as NodeJS.ErrnoException).code ?? 'not JSON' });
  }
  const parsed = IssuerKeyFileSchema.safeParse(json);
  if (!parsed.success) return err({ code: 'cannot-read', file, detail: 'not an issuer key file' });
  if (parsed.data.kind !== expected)
    return err({ code: 'wrong-kind', file, expected, found: parsed.data.kind });
  try {
    const privateKey = createPrivateKey(parsed.data.privateKey);
    if (privateKey.asymmetricKeyType !== 'ed25519')
      return err({ code: 'cannot-read', file, detail: 'the key is not Ed25519' });
    return ok({ kind: parsed.data.kind, issuer: parsed.data.issuer, privateKey });
  } catch {
    return err({ code: 'cannot-read', file, detail: 'the private key is not a PKCS#8 PEM' });
  }
}
