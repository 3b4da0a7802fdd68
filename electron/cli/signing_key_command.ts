import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KioskConfigFieldsSchema } from '../config/config_schema.js';
import { generateSigningKey, publicKeyBase64 } from '../printed/verification/document_signing.js';
import { IdentityPayloadSchema } from '../printed/verification/identity_payload.js';
import { exitStatus } from '../startup/exit_status.js';
import type { CliCommand } from './command.js';

/**
 * A key is made for a terminal that can exist: its id must be one the configuration accepts (`terminal.id`) and
 * one the proof-of-identity payload can carry, or every document it signed would be refused.
 */
function terminalIdProblem(terminalId: string): string | undefined {
  const configRule = KioskConfigFieldsSchema.shape.terminal.shape.id;
  const payloadRule = IdentityPayloadSchema.shape.terminalId;
  if (configRule.safeParse(terminalId).success && payloadRule.safeParse(terminalId).success) return undefined;
  return `"${terminalId}" is not a terminal id: 3 to 32 upper-case letters, digits and dashes, e.g. MO-CP-07`;
}

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
      return exitStatus.usage;
    }
    const refused = terminalIdProblem(terminalId);
    if (refused !== undefined) {
      io.err(`balcao new-signing-key: ${refused}`);
      return exitStatus.usage;
    }
    if (existsSync(values.out)) {
      io.err(
        `${values.out} exists: a terminal's key is never overwritten (remove it first if you mean to replace it)`,
      );
      return exitStatus.cannotCreate;
    }
    const key = generateSigningKey(terminalId);
    const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(values.out, pem, { mode: 0o600 });
    io.out(JSON.stringify({ [terminalId]: publicKeyBase64(key.privateKey) }));
    return 0;
  },
};
