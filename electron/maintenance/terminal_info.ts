/**
 * The maintenance screen's Terminal tool: which terminal this is and where, what software it runs, how long it has
 * been up, how much disk and memory it has left, how big its journal is, and a summary of its configuration (no
 * secrets: counts, kinds, limits and the configuration's fingerprint, the same one the audit log records).
 */
import { statfsSync, statSync } from 'node:fs';
import { freemem, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { KioskConfig } from '../config/config_schema.js';
import { configurationSha256 } from '../journal/journal_services.js';
import { appVersion } from '../startup/app_version.js';

export interface TerminalInfo {
  terminalId: string;
  site: { kind: 'macau' | 'hengqin'; centreId: string };
  mode: KioskConfig['mode'];
  version: string;
  runtime: { node: string; electron: string | null; platform: string };
  startedAt: string;
  uptimeSeconds: number;
  disk: { freeBytes: number; totalBytes: number } | null;
  memory: { processBytes: number; systemFreeBytes: number; systemTotalBytes: number };
  /** The journal's file and its write-ahead log, in bytes; null for an in-memory journal. */
  journalBytes: number | null;
  configuration: {
    services: number;
    devices: number;
    requiredDevices: number;
    languages: string[];
    backend: string;
    idleSeconds: number;
    staffIdleSeconds: number;
    heartbeatSeconds: number;
    badgeIssuers: number;
    sha256: string;
  };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function terminalInfo(config: KioskConfig, startedAt: number, now: number): TerminalInfo {
  const journalPath = config.journal.path;
  const onDisk = journalPath !== ':memory:';
  let disk: TerminalInfo['disk'] = null;
  try {
    const stats = statfsSync(onDisk ? dirname(journalPath) : '.');
    disk = { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
  } catch {
    disk = null;
  }
  return {
    terminalId: config.terminal.id,
    site: { kind: config.site.kind, centreId: config.site.centreId },
    mode: config.mode,
    version: appVersion,
    runtime: {
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      platform: `${process.platform}-${process.arch}`,
    },
    startedAt: new Date(startedAt).toISOString(),
    uptimeSeconds: Math.max(0, Math.floor((now - startedAt) / 1000)),
    disk,
    memory: {
      processBytes: process.memoryUsage().rss,
      systemFreeBytes: freemem(),
      systemTotalBytes: totalmem(),
    },
    journalBytes: onDisk ? fileSize(journalPath) + fileSize(`${journalPath}-wal`) : null,
    configuration: {
      services: config.services.length,
      devices: config.devices.length,
      requiredDevices: config.devices.filter((d) => d.required).length,
      languages: [...config.languages.offered],
      backend: config.backend.kind,
      idleSeconds: config.timeLimits.idleSeconds,
      staffIdleSeconds: config.staff.sessionIdleSeconds,
      heartbeatSeconds: config.heartbeat.intervalSeconds,
      badgeIssuers: Object.keys(config.staff.badgeKeys).length,
      sha256: configurationSha256(config),
    },
  };
}
