import { parseArgs } from 'node:util';
import { readIssuerKey } from '../keys/issuer_key_file.js';
import { keyTableErrorMessage, readKeyTable } from '../keys/key_table.js';
import { issuePickupCode, normalisePickupDigits, verifyPickupCode } from '../lockers/pickup_code.js';
import { exitStatus } from '../startup/exit_status.js';
import type { CliCommand } from './command.js';
import { commandGroup } from './command_group.js';
import { newIssuerKeyCommand, parseExpiry } from './issuer_key_commands.js';

const newKey = newIssuerKeyCommand('locker-pickup', {
  name: 'new-key',
  usage: 'balcao locker new-key --out KEY --table TABLE [--issuer ID]',
  summary: 'make a pickup-code issuing key and add its public key to the verifiers’ key table',
  defaultIssuer: 'easy-pickup',
});

const issueCode: CliCommand = {
  name: 'issue-code',
  usage: 'balcao locker issue-code <application-id> --station S --compartment C --expires ISO --key KEY',
  summary: 'issue a signed pickup code (for staff and tests); prints {"code","digits"}',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        station: { type: 'string' },
        compartment: { type: 'string' },
        expires: { type: 'string' },
        key: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const applicationId = positionals[0];
    const expiresAt = parseExpiry(values.expires);
    if (!applicationId || !values.station || !values.compartment || !values.key) {
      io.err(`usage: ${this.usage}`);
      return exitStatus.usage;
    }
    if (expiresAt === undefined) {
      io.err(`--expires: not an ISO 8601 date or instant: ${values.expires ?? '(missing)'}`);
      return exitStatus.usage;
    }
    const key = readIssuerKey(values.key, 'locker-pickup');
    if (!key.ok) {
      io.err(`${values.key}: cannot read the issuing key (${key.error.code})`);
      return exitStatus.noInput;
    }
    try {
      const issued = issuePickupCode(
        { applicationId, station: values.station, compartment: values.compartment, expiresAt },
        key.value,
      );
      io.out(JSON.stringify(issued));
      return 0;
    } catch {
      io.err('application id, station or compartment has characters a pickup code cannot carry');
      return exitStatus.dataError;
    }
  },
};

const verifyCode: CliCommand = {
  name: 'verify-code',
  usage: 'balcao locker verify-code <code> --station S --keys TABLE',
  summary:
    'check a pickup code offline (signature, expiry, station); prints {"valid","reason"}; exit 0 valid, 1 refused',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { station: { type: 'string' }, keys: { type: 'string' }, now: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const code = positionals[0];
    if (code === undefined || !values.station || !values.keys) {
      io.err(`usage: ${this.usage}`);
      return exitStatus.usage;
    }
    const keys = readKeyTable(values.keys);
    if (!keys.ok) {
      io.err(keyTableErrorMessage(keys.error));
      return exitStatus.noInput;
    }
    // Typed digits carry no signature: only the backend can map them to a code.
    if (normalisePickupDigits(code) !== undefined) {
      io.out(
        JSON.stringify({ valid: false, reason: 'unknown', detail: 'digits are looked up by the backend' }),
      );
      return 1;
    }
    const now = values.now ? parseExpiry(values.now) : Math.floor(Date.now() / 1000);
    const result = verifyPickupCode(code, { station: values.station, keys: keys.value, now: now ?? 0 });
    if (!result.ok) {
      io.out(JSON.stringify({ valid: false, reason: result.error.reason, detail: result.error.detail }));
      return 1;
    }
    const { claims, digits } = result.value;
    io.out(
      JSON.stringify({
        valid: true,
        reason: null,
        applicationId: claims.applicationId,
        station: claims.station,
        compartment: claims.compartment,
        expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
        digits,
      }),
    );
    return 0;
  },
};

export const lockerCommand = commandGroup(
  'locker',
  'Smart Locker pickup codes: issuing keys, codes, checks',
  [newKey, issueCode, verifyCode],
);
