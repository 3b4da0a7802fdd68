import type { RecentLogLocation } from '../logging/recent_log_file.js';
import type { DeviceDiagnostics } from './device_diagnostics.js';
import type { MaintenanceMode } from './maintenance_mode.js';
import type { RestartScheduler } from './restart_scheduler.js';
import type { SupportBundles } from './support_bundles.js';
import type { TerminalInfo } from './terminal_info.js';

/** What the maintenance flow's tools act through (composed in electron/kiosk_app.ts). */
export interface MaintenanceServices {
  mode: MaintenanceMode;
  diagnostics: DeviceDiagnostics;
  restart: RestartScheduler;
  bundles: SupportBundles;
  terminal(): TerminalInfo;
  /** The recent log staff read; null when this kiosk keeps none on disk. */
  recentLogs: RecentLogLocation | null;
}
