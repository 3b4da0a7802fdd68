import { readFileSync } from 'node:fs';
import { err, ok, type Result } from '../../../lib/result.js';
import { generateSigningKey, loadSigningKey, type TerminalSigningKey } from './document_signing.js';

/** The key, or why it cannot be used (one sentence for the start-up message). */
export type TerminalKeyResult = Result<{ key: TerminalSigningKey; ephemeral: boolean }, string>;

/**
 * The terminal's signing key from its configured file (PKCS#8 PEM, Ed25519), checked at start-up so a missing or
 * wrong file stops the kiosk with a clear message instead of failing the first resident's document. Without a
 * file, an ephemeral key is generated (development: documents it signs cannot be verified after a restart).
 */
export function readTerminalKey(terminalId: string, file: string | undefined): TerminalKeyResult {
  if (!file) return ok({ key: generateSigningKey(terminalId), ephemeral: true });
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    return err(`the signing key file ${file} cannot be read (${(error as Error).message})`);
  }
  try {
    const key = loadSigningKey(terminalId, pem);
    if (key.privateKey.asymmetricKeyType !== 'ed25519') {
      return err(`the signing key in ${file} is ${key.privateKey.asymmetricKeyType}, not Ed25519`);
    }
    return ok({ key, ephemeral: false });
  } catch {
    return err(`the signing key file ${file} is not a PKCS#8 PEM private key`);
  }
}
