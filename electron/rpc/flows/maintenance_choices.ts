/**
 * The maintenance screens' fixed choices — the tools, the device tests, the reasons staff pick from, the log
 * view's time windows — as plain data with no zod, because the renderer loads them at run time to draw its
 * buttons (the schemas in maintenance_views.ts and maintenance_contract.ts are built from these same lists).
 */

export const maintenanceTools = [
  'devices',
  'print-jobs',
  'transactions',
  'alerts',
  'terminal',
  'support-bundle',
  'logs',
  'publication-sales',
  'publication-stock',
] as const;
export type MaintenanceTool = (typeof maintenanceTools)[number];

/** The tools a terminal has only when its configuration offers publications (the menu hides them otherwise). */
export const publicationTools = [
  'publication-sales',
  'publication-stock',
] as const satisfies readonly MaintenanceTool[];

/** The periods of the Publications sales tool, each ending today (Macau): 7, 30 or 90 days, or since 1 January. */
export const salesPeriods = ['7d', '30d', '90d', 'year'] as const;
export type SalesPeriod = (typeof salesPeriods)[number];
/** Whose sales: this terminal's machine, or every terminal's (the figure DSAJ tracks); counter sales are all DSAJ's. */
export const salesScopes = ['terminal', 'fleet'] as const;
export type SalesScope = (typeof salesScopes)[number];

/** What staff do to a vending slot (electron/flows/publications/slot_staff_actions.ts), each audited. */
export const slotActionKinds = ['assign', 'count', 'refill', 'empty'] as const;
/** The most copies a slot action names at once: no spiral holds more (the seed's largest holds 12). */
export const maxSlotCopies = 99;

/** Why staff act: chosen from a list (no free text, which could carry a resident's name into the audit log). */
export const reprintReasons = ['resident-returned', 'printer-fixed', 'copy-damaged'] as const;
export const voidReasons = ['resident-left', 'printed-elsewhere', 'document-damaged', 'duplicate'] as const;
export const confirmReasons = ['resident-received', 'backend-confirmed'] as const;
export const cancelReasons = ['resident-did-not-receive', 'resident-left', 'backend-voided'] as const;
export const doorReasons = ['door-test', 'clear-stuck-item', 'load-compartment'] as const;

export const deviceTests = ['test-read', 'test-scan', 'test-ticket', 'test-page'] as const;
export type DeviceTestName = (typeof deviceTests)[number];
export const deviceActions = [...deviceTests, 'reconnect', 'open-door', 'reset-paper-counter'] as const;
export type DeviceAction = (typeof deviceActions)[number];

export const logWindows = ['15m', '1h', '24h', 'all'] as const;
export type LogWindow = (typeof logWindows)[number];

/** Restart times are chosen in quarter hours. */
export const restartMinutes = [0, 15, 30, 45] as const;
