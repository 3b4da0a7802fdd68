import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSigningKey, publicKeyBase64 } from '../printed/verification/document_signing.js';
import type { CliCommand } from './command.js';

/**
 * Provisioning: make a terminal's Ed25519 key. The private key goes to a file only this terminal reads
 * (`documents.signingKeyFile`); the public key is printed as the entry the verifiers' key table needs.
 */
export const signingKeyCommand: CliCommand = {
  name: 'new-signing-key',
  usage: 'balcao new-signing-key <terminal-id> --out FILE',
  summary: 'make a terminal’s document-signing key; prints its public key for the verifiers’ key table',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const terminalId = positionals[0];
    if (!terminalId || !values.out) {
      io.err(`usage: ${this.usage}`);
      return 64;
    }
    if (existsSync(values.out)) {
      io.err(
        `${values.out} exists: a terminal's key is never overwritten (remove it first if you mean to replace it)`,
      );
      return 73;
    }
    const key = generateSigningKey(terminalId);
    const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(values.out, pem, { mode: 0o600 });
    io.out(JSON.stringify({ [terminalId]: publicKeyBase64(key.privateKey) }));
    return 0;
  },
};
