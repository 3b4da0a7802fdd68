import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  generateIssuerKey,
  IssuerIdSchema,
  type IssuerKind,
  writeIssuerKey,
} from '../keys/issuer_key_file.js';
import { PublicKeyTableSchema, publicKeyEntry } from '../keys/key_table.js';
import { exitStatus } from '../startup/exit_status.js';
import type { CliCommand, CliIo } from './command.js';

/**
 * Makes an issuing key (`--out`, mode 0600, never overwritten) and adds its public key to a key table (`--table`,
 * created if absent; an existing entry for the same issuer is never replaced). Shared by `balcao locker new-key`
 * and `balcao staff new-badge-key`.
 */
export function newIssuerKey(
  kind: IssuerKind,
  issuer: string,
  out: string,
  tableFile: string,
  io: CliIo,
): number {
  if (!IssuerIdSchema.safeParse(issuer).success) {
    io.err(`issuer id "${issuer}": letters, digits and - only, at most 32`);
    return exitStatus.usage;
  }
  let table: Record<string, string> = {};
  if (existsSync(tableFile)) {
    const parsed = PublicKeyTableSchema.safeParse(safeJson(readFileSync(tableFile, 'utf8')));
    if (!parsed.success) {
      io.err(`cannot read keys from ${tableFile}: expected a JSON object of issuer id → public key`);
      return exitStatus.noInput;
    }
    table = parsed.data;
    if (Object.hasOwn(table, issuer)) {
      io.err(`${tableFile} already has a key for ${issuer}: remove it first if you mean to replace it`);
      return exitStatus.cannotCreate;
    }
  }
  const key = generateIssuerKey(kind, issuer);
  const written = writeIssuerKey(out, key);
  if (!written.ok) {
    io.err(`${out} exists: an issuing key is never overwritten (remove it first if you mean to replace it)`);
    return exitStatus.cannotCreate;
  }
  table[issuer] = publicKeyEntry(key.privateKey);
  writeFileSync(tableFile, `${JSON.stringify(table, null, 2)}\n`);
  io.out(JSON.stringify({ issuer, publicKey: table[issuer], table: tableFile }));
  return 0;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `--expires` as an ISO 8601 instant → seconds since the epoch, or undefined. */
export function parseExpiry(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  return Math.floor(ms / 1000);
}

/** `balcao <group> <name> --out KEY --table TABLE [--issuer ID]`: one issuing key of one kind. */
export function newIssuerKeyCommand(
  kind: IssuerKind,
  spec: { name: string; usage: string; summary: string; defaultIssuer: string },
): CliCommand {
  return {
    ...spec,
    async run(args, io) {
      const { values } = parseArgs({
        args,
        options: {
          out: { type: 'string' },
          table: { type: 'string' },
          issuer: { type: 'string', default: spec.defaultIssuer },
        },
        strict: true,
      });
      if (!values.out || !values.table) {
        io.err(`usage: ${spec.usage}`);
        return exitStatus.usage;
      }
      return newIssuerKey(kind, values.issuer, values.out, values.table, io);
    },
  };
}
