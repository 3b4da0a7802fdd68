/**
 * Where staff may write a support bundle (the kiosk's own folder, or a USB drive they plugged in) and the writing
 * itself: the parts gathered from the running kiosk, the zip written (support_bundle.ts), and the act recorded in
 * the audit log with the staff id, the size and the bundle's SHA-256 (so a bundle handed on can be matched to it).
 */
import { basename } from 'node:path';
import { err, ok, type Result } from '../../lib/result.js';
import type { AuditLog } from '../journal/audit_log.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { RecentLogLocation } from '../logging/recent_log_file.js';
import { recentLogTexts } from '../logging/recent_log_reader.js';
import { appVersion } from '../startup/app_version.js';
import { removableDrives } from './removable_drives.js';
import { writeSupportBundle } from './support_bundle.js';

export interface BundleDestination {
  id: string;
  kind: 'kiosk-disk' | 'removable-drive';
  label: string | null;
  path: string;
}

/** What the running kiosk puts in a bundle besides its logs. */
export interface BundleContents {
  configuration: unknown;
  devices: unknown;
  journal: unknown;
  terminal: unknown;
  auditVerification: unknown;
}

export interface SupportBundlesOptions {
  terminalId: string;
  /** The kiosk's own folder for bundles; null for an in-memory journal without one. */
  kioskDir: string | null;
  removableRoots: readonly string[];
  /** /proc/mounts, or a fake in tests. */
  mountsFile?: string;
  recentLogs: RecentLogLocation | null;
  gather: () => Promise<BundleContents>;
  now: () => number;
  audit: AuditLog;
  logger: KioskLogger;
}

export interface BundleWritten {
  destination: BundleDestination;
  fileName: string;
  bytes: number;
  sha256: string;
}

export class SupportBundles {
  readonly #options: SupportBundlesOptions;

  constructor(options: SupportBundlesOptions) {
    this.#options = options;
  }

  destinations(): BundleDestination[] {
    const { kioskDir, removableRoots, mountsFile } = this.#options;
    const drives = removableDrives(removableRoots, mountsFile).map(
      (drive, i): BundleDestination => ({
        id: `drive-${i + 1}`,
        kind: 'removable-drive',
        label: drive.label,
        path: drive.path,
      }),
    );
    const own: BundleDestination[] =
      kioskDir === null ? [] : [{ id: 'kiosk-disk', kind: 'kiosk-disk', label: null, path: kioskDir }];
    return [...drives, ...own];
  }

  async write(
    destinationId: string,
    staffId: string,
  ): Promise<Result<BundleWritten, 'unknown-destination' | 'cannot-write'>> {
    const { terminalId, recentLogs, gather, now, audit, logger } = this.#options;
    const destination = this.destinations().find((d) => d.id === destinationId);
    if (!destination) return err('unknown-destination');
    const contents = await gather();
    const written = writeSupportBundle(destination.path, {
      terminalId,
      staffId,
      version: appVersion,
      createdAt: new Date(now()),
      logs: recentLogs === null ? [] : recentLogTexts(recentLogs),
      ...contents,
    });
    if (!written.ok) {
      logger.log('maintenance-action-failed', {
        action: 'support-bundle',
        destination: destination.kind,
        code: written.error.detail,
      });
      return err('cannot-write');
    }
    const { file, bytes, sha256, skippedLogLines } = written.value;
    const recorded = audit.append(
      { staffId },
      { kind: 'support-bundle-written', destination: destination.kind, sizeBytes: bytes, sha256 },
    );
    if (!recorded.ok)
      logger.log('audit-append-failed', { auditKind: 'support-bundle-written', code: recorded.error.code });
    logger.log('support-bundle-written', {
      staffId,
      destination: destination.kind,
      sizeBytes: bytes,
      skippedLogLines,
    });
    return ok({ destination, fileName: basename(file), bytes, sha256 });
  }
}
