import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { readIssuerKey } from '../keys/issuer_key_file.js';
import { issueStaffBadge, StaffRoleSchema } from '../staff/staff_badge.js';
import { exitStatus } from '../startup/exit_status.js';
import type { CliCommand } from './command.js';
import { commandGroup } from './command_group.js';
import { newIssuerKeyCommand, parseExpiry } from './issuer_key_commands.js';

const newBadgeKey = newIssuerKeyCommand('staff-badge', {
  name: 'new-badge-key',
  usage: 'balcao staff new-badge-key --out KEY --table TABLE [--issuer ID]',
  summary: 'make a staff-badge signing key and add its public key to the table kiosks read (staff.badgeKeys)',
  defaultIssuer: 'staff-office',
});

const newBadge: CliCommand = {
  name: 'new-badge',
  usage: 'balcao staff new-badge <staff-id> --name N --roles R[,R] --expires ISO --key KEY --out badge.png',
  summary: 'make a signed staff badge: a QR image (PNG) to print, and its text on stdout',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        roles: { type: 'string' },
        expires: { type: 'string' },
        key: { type: 'string' },
        out: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const staffId = positionals[0];
    if (!staffId || !values.name || !values.roles || !values.key || !values.out) {
      io.err(`usage: ${this.usage}`);
      return exitStatus.usage;
    }
    const expiresAt = parseExpiry(values.expires);
    if (expiresAt === undefined) {
      io.err(`--expires: not an ISO 8601 date or instant: ${values.expires ?? '(missing)'}`);
      return exitStatus.usage;
    }
    const roles = values.roles.split(',').map((r) => r.trim());
    const badRole = roles.find((r) => !StaffRoleSchema.safeParse(r).success);
    if (badRole !== undefined) {
      io.err(`--roles: unknown role "${badRole}"; roles: ${StaffRoleSchema.options.join(', ')}`);
      return exitStatus.usage;
    }
    const key = readIssuerKey(values.key, 'staff-badge');
    if (!key.ok) {
      io.err(`${values.key}: cannot read the issuing key (${key.error.code})`);
      return exitStatus.noInput;
    }
    let text: string;
    try {
      text = issueStaffBadge(
        { staffId, name: values.name, roles: StaffRoleSchema.array().parse(roles), expiresAt },
        key.value,
      );
    } catch {
      io.err(
        'staff id or name cannot be carried by a badge (staff id: letters, digits, -; name: 1–60 characters)',
      );
      return exitStatus.dataError;
    }
    // Alphanumeric mode holds the base45 text; level M survives a scuffed badge.
    const png = await QRCode.toBuffer([{ data: text, mode: 'alphanumeric' }], {
      errorCorrectionLevel: 'M',
      scale: 8,
    });
    writeFileSync(values.out, png);
    io.out(text);
    return 0;
  },
};

export const staffCommand = commandGroup('staff', 'staff badges: signing keys and badges', [
  newBadgeKey,
  newBadge,
]);
