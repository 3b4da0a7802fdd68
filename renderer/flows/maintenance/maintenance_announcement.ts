import type { MaintenanceFlowView } from '../../../electron/rpc/flows/maintenance_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';

/**
 * What audio guidance says on each maintenance screen, for a member of staff who cannot see it well: the tool's
 * name, what waits in it (counts, the readiness of the required devices, the support bundle's state) and what the
 * keys do. Never the staff member's name or id (the header shows them), nor a log line's content.
 */
export function maintenanceAnnouncement(view: MaintenanceFlowView): Prompt[] {
  const m = (key: string, values?: Prompt['values']): Prompt =>
    values ? { key: `maintenance:${key}`, values } : { key: `maintenance:${key}` };
  const title = m(`tool.${view.step}`);
  const count = (key: string, n: number, none: string): Prompt => (n > 0 ? m(key, { count: n }) : m(none));
  switch (view.step) {
    case 'menu':
      return [
        m('title'),
        view.notReady.length > 0
          ? { key: 'maintenance.notReady', values: { count: view.notReady.length } }
          : m('menu.allReady'),
        ...(view.alertsOpen > 0 ? [m('menu.alertsOpen', { count: view.alertsOpen })] : []),
        ...(view.jobsHeld > 0 ? [m('menu.jobsHeld', { count: view.jobsHeld })] : []),
        ...(view.transactionsOpen > 0 ? [m('menu.transactionsOpen', { count: view.transactionsOpen })] : []),
        { key: 'maintenance.keys.menu' },
      ];
    case 'alerts':
      return [
        title,
        count('menu.alertsOpen', view.alerts.filter((a) => a.acknowledgedAt === null).length, 'alerts.empty'),
        { key: 'maintenance.keys.tool' },
      ];
    case 'print-jobs':
      return [
        title,
        count('menu.jobsHeld', view.jobs.length, 'jobs.empty'),
        { key: 'maintenance.keys.tool' },
      ];
    case 'transactions':
      return [
        title,
        count('menu.transactionsOpen', view.transactions.length, 'transactions.empty'),
        { key: 'maintenance.keys.tool' },
      ];
    case 'support-bundle': {
      const state = view.state;
      const said: Prompt[] = (() => {
        switch (state.kind) {
          case 'idle':
            return [m('bundle.intro')];
          case 'writing':
            return [m('bundle.writing')];
          case 'written':
            return [{ key: 'maintenance.bundleWritten' }];
          case 'failed':
            return [m(`bundle.failure.${state.code}`)];
          default: {
            const unreachable: never = state;
            return unreachable;
          }
        }
      })();
      return [
        title,
        ...said,
        ...(view.destinations.length === 0 ? [m('bundle.noDestination')] : []),
        { key: 'maintenance.keys.tool' },
      ];
    }
    case 'devices':
    case 'terminal':
    case 'logs':
    case 'publication-sales':
    case 'publication-stock':
      return [title, m(`toolHint.${view.step}`), { key: 'maintenance.keys.tool' }];
    case 'leave-check':
      return [
        title,
        m('leaveCheck.body'),
        ...view.notReady.map((d) => m(`deviceKind.${d.deviceKind}`)),
        { key: 'maintenance.keys.leaveCheck' },
      ];
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
