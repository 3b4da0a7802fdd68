/**
 * The support bundle staff hand to the engineers behind them: one zip (fflate) holding
 *
 *   manifest.json         terminal, time, who wrote it, the software's version, every file with its SHA-256
 *   logs/kiosk.log[.N]    the recent log, each line parsed and passed through the logger's redaction again
 *   logs/log_events.json  the log event catalogue (id → disposition, level, meaning), beside the lines it explains
 *   configuration.json    the configuration without secrets
 *   devices.json          the device inventory (status, identity, last faults, counters)
 *   journal.json          print jobs (no content), unfinished transactions (ids and states), staff alerts
 *   terminal.json         version, uptime, disk, memory, journal size
 *   audit-verify.json     the audit chain's verification result
 *
 * It carries no personal data: the log lines are redacted twice (when written and here), the journal summary has
 * ids, states and codes only, and a log line that cannot be read as one is left out rather than copied.
 * Written to a temporary name and renamed, so a drive pulled out mid-write never holds half a bundle under the
 * final name.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { err, ok, type Result } from '../../lib/result.js';
import { logEventIds, logEvents } from '../logging/log_events.js';
import { redactPersonalData } from '../logging/redaction.js';

export interface SupportBundleParts {
  terminalId: string;
  staffId: string;
  version: string;
  createdAt: Date;
  /** The recent log's files, oldest first, as read from disk. */
  logs: { file: string; text: string }[];
  configuration: unknown;
  devices: unknown;
  journal: unknown;
  terminal: unknown;
  auditVerification: unknown;
}

export interface WrittenBundle {
  file: string;
  bytes: number;
  sha256: string;
  /** Log lines left out because they could not be read as log lines. */
  skippedLogLines: number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** Field names whose values are secrets wherever they appear in the configuration. */
const secretField = /passphrase|password|secret|token|private/i;

export function configurationWithoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(configurationWithoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      secretField.test(key) ? '[removed]' : configurationWithoutSecrets(inner),
    ]),
  );
}

/** Each line parsed and redacted again; what is not a JSON object is left out and counted. */
function cleanLog(text: string): { text: string; skipped: number } {
  let skipped = 0;
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('not a line');
      lines.push(JSON.stringify(redactPersonalData(parsed as Record<string, unknown>)));
    } catch {
      skipped += 1;
    }
  }
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', skipped };
}

export function bundleFileName(terminalId: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `balcao-support-${terminalId}-${stamp}.zip`;
}

/** The zip's bytes (no file written): what `writeSupportBundle` writes, and what tests open. */
export function buildSupportBundle(parts: SupportBundleParts): { zip: Uint8Array; skippedLogLines: number } {
  const files: Record<string, Uint8Array> = {};
  let skippedLogLines = 0;
  for (const { file, text } of parts.logs) {
    const cleaned = cleanLog(text);
    skippedLogLines += cleaned.skipped;
    files[`logs/${basename(file)}`] = strToU8(cleaned.text);
  }
  files['logs/log_events.json'] = json(Object.fromEntries(logEventIds.map((id) => [id, logEvents[id]])));
  files['configuration.json'] = json(configurationWithoutSecrets(parts.configuration));
  files['devices.json'] = json(parts.devices);
  files['journal.json'] = json(parts.journal);
  files['terminal.json'] = json(parts.terminal);
  files['audit-verify.json'] = json(parts.auditVerification);
  const manifest = {
    format: 'balcao-support-bundle/1',
    terminalId: parts.terminalId,
    createdAt: parts.createdAt.toISOString(),
    writtenBy: parts.staffId,
    version: parts.version,
    skippedLogLines,
    files: Object.entries(files).map(([name, bytes]) => ({
      name,
      bytes: bytes.length,
      sha256: sha256(bytes),
    })),
  };
  const mtime = parts.createdAt;
  const zip = zipSync(
    Object.fromEntries(
      Object.entries({ 'manifest.json': json(manifest), ...files }).map(([name, bytes]) => [
        name,
        [bytes, { mtime }],
      ]),
    ),
    { level: 6 },
  );
  return { zip, skippedLogLines };
}

export function writeSupportBundle(
  directory: string,
  parts: SupportBundleParts,
): Result<WrittenBundle, { code: 'cannot-write'; detail: string }> {
  const { zip, skippedLogLines } = buildSupportBundle(parts);
  const file = join(directory, bundleFileName(parts.terminalId, parts.createdAt));
  const partial = `${file}.partial`;
  try {
    mkdirSync(directory, { recursive: true });
    writeFileSync(partial, zip, { mode: 0o640 });
    renameSync(partial, file);
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // The drive went away: nothing left to tidy.
    }
    return err({ code: 'cannot-write', detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  return ok({ file, bytes: zip.length, sha256: sha256(zip), skippedLogLines });
}
