/** Every migration of the journal, in one list. Add yours here with the next free id. */
import { auditLogMigration } from './audit_log_migration.js';
import { heartbeatQueueMigration } from './heartbeat_queue_migration.js';
import type { Migration } from './migrations.js';
import { printJobsMigration } from './print_jobs_migration.js';
import { printJobsSessionsMigration } from './print_jobs_sessions_migration.js';
import { printerRefillMigration } from './printer_refill_migration.js';
import { signingKeyHistoryMigration } from './signing_key_history_migration.js';
import { signingKeyRegistrationsMigration } from './signing_key_registrations_migration.js';
import { staffAlertsHelpMigration } from './staff_alerts_help_migration.js';
import { staffAlertsMigration } from './staff_alerts_migration.js';
import { staffAlertsSubjectsMigration } from './staff_alerts_subjects_migration.js';
import { staffLockoutsMigration } from './staff_lockouts_migration.js';
import { transactionSubjectsMigration } from './transaction_subjects_migration.js';
import { transactionsMigration } from './transactions_migration.js';
import { transactionsPendingRequestMigration } from './transactions_pending_request_migration.js';
import { typedCodeLockoutsMigration } from './typed_code_lockouts_migration.js';

export const journalMigrations: readonly Migration[] = [
  printJobsMigration,
  staffAlertsMigration,
  auditLogMigration,
  transactionsMigration,
  staffAlertsSubjectsMigration,
  printJobsSessionsMigration,
  staffAlertsHelpMigration,
  transactionsPendingRequestMigration,
  staffLockoutsMigration,
  printerRefillMigration,
  heartbeatQueueMigration,
  transactionSubjectsMigration,
  signingKeyRegistrationsMigration,
  signingKeyHistoryMigration,
  typedCodeLockoutsMigration,
];
