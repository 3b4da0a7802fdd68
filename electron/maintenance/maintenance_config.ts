import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { RecentLogLocation } from '../logging/recent_log_file.js';

/**
 * The configuration's `maintenance` section: where the kiosk keeps the recent log lines staff read and the support
 * bundle carries, where a support bundle is written, and where a USB drive staff plug in appears.
 */

export const RecentLogsConfigSchema = z
  .object({
    /**
     * The newest lines, JSON as on stdout; older ones roll to `<path>.1`, `<path>.2`, … By default `logs/kiosk.log`
     * in the journal's folder (none for an in-memory journal).
     */
    path: z.string().min(1).optional(),
    /** A file rolls over past this size. */
    maxBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .max(256 * 1024 * 1024)
      .default(4 * 1024 * 1024),
    /** How many files are kept, the current one included. */
    files: z.number().int().min(2).max(20).default(4),
  })
  .strict();
export type RecentLogsConfig = z.infer<typeof RecentLogsConfigSchema>;

export const defaultRecentLogs: RecentLogsConfig = {
  maxBytes: 4 * 1024 * 1024,
  files: 4,
};

export const MaintenanceConfigSchema = z
  .object({
    recentLogs: RecentLogsConfigSchema.default(defaultRecentLogs),
    /**
     * The kiosk's own folder for support bundles (when no USB drive is plugged in); by default `support/` in the
     * journal's folder.
     */
    supportBundleDir: z.string().min(1).optional(),
    /**
     * Where the system mounts removable drives (udisks: /media/<user>/<label>, /run/media/<user>/<label>): a
     * mount point below one of these is offered as a destination for the support bundle.
     */
    removableMediaRoots: z.array(z.string().min(1)).max(8).default(['/media', '/run/media']),
  })
  .strict();
export type MaintenanceConfig = z.infer<typeof MaintenanceConfigSchema>;

export const defaultMaintenanceConfig: MaintenanceConfig = {
  recentLogs: defaultRecentLogs,
  removableMediaRoots: ['/media', '/run/media'],
};

/** Where the recent log and support bundles go, with the defaults beside the journal filled in. */
export interface MaintenancePaths {
  /** Null for an in-memory journal with no `recentLogs.path`: nothing is kept on disk. */
  recentLogs: RecentLogLocation | null;
  supportBundleDir: string | null;
}

export function maintenancePaths(config: MaintenanceConfig, journalPath: string): MaintenancePaths {
  const beside = (name: string) => (journalPath === ':memory:' ? null : join(dirname(journalPath), name));
  const logPath = config.recentLogs.path ?? beside(join('logs', 'kiosk.log'));
  return {
    recentLogs: logPath === null ? null : { ...config.recentLogs, path: logPath },
    supportBundleDir: config.supportBundleDir ?? beside('support'),
  };
}
