/** Every migration of the journal, in one list. Add yours here with the next free id. */
import type { Migration } from './migrations.js';
import { printJobsMigration } from './print_jobs_migration.js';
import { staffAlertsHelpMigration } from './staff_alerts_help_migration.js';
import { staffAlertsMigration } from './staff_alerts_migration.js';

export const journalMigrations: readonly Migration[] = [
  printJobsMigration,
  staffAlertsMigration,
  staffAlertsHelpMigration,
];
