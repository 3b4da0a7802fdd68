import { readFileSync } from 'node:fs';
import { generateSigningKey, loadSigningKey, type TerminalSigningKey } from './document_signing.js';

export type TerminalKeyResult =
  | { ok: true; key: TerminalSigningKey; ephemeral: boolean }
  | { ok: false; message: string };

/**
 * The terminal's signing key from its configured file (PKCS#8 PEM, Ed25519), checked at start-up so a missing or
 * wrong file stops the kiosk with a clear message instead of failing the first resident's document. Without a
 * file, an ephemeral key is generated (development: documents it signs cannot be verified after a restart).
 */
export function readTerminalKey(terminalId: string, file: string | undefined): TerminalKeyResult {
  if (!file) return { ok: true, key: generateSigningKey(terminalId), ephemeral: true };
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      message: `the signing key file ${file} cannot be read (${(error as Error).message})`,
    };
  }
  try {
    const key = loadSigningKey(terminalId, pem);
    if (key.privateKey.asymmetricKeyType !== 'ed25519') {
      return {
        ok: false,
        message: `the signing key in ${file} is ${key.privateKey.asymmetricKeyType}, not Ed25519`,
      };
    }
    return { ok: true, key, ephemeral: false };
  } catch {
    return { ok: false, message: `the signing key file ${file} is not a PKCS#8 PEM private key` };
  }
}
