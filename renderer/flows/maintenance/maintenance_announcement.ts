import type { MaintenanceFlowView } from '../../../electron/rpc/flows/maintenance_contract.js';
import type { Prompt, SpokenValue } from '../../../electron/rpc/guidance_contract.js';

type ListResult = Extract<MaintenanceFlowView, { step: 'print-jobs' }>['result'];
type DeviceResult = Extract<MaintenanceFlowView, { step: 'devices' }>['result'];
type Devices = Extract<MaintenanceFlowView, { step: 'devices' }>['devices'];

/** The label of a list action as its screen names it (list_result.tsx's words), by the result's action. */
const listActionKeys: Record<string, string> = {
  reprint: 'maintenance:jobs.reprint',
  void: 'maintenance:jobs.void',
  'resolve-confirmed': 'maintenance:transactions.confirm',
  'resolve-voided': 'maintenance:transactions.void',
  acknowledge: 'maintenance:alerts.acknowledge',
};

/** The last list action's outcome (reprint, void, resolve, acknowledge): done or refused; the code stays on screen. */
function listResultPrompts(result: ListResult): Prompt[] {
  if (result === null) return [];
  const label = listActionKeys[result.action];
  if (!label) return [];
  return [
    {
      key: result.ok ? 'maintenance.listResult.ok' : 'maintenance.listResult.failed',
      values: { action: { key: label }, subject: result.subject },
    },
  ];
}

/**
 * The last device action's outcome: running (a test scan asks for a code), done, failed (its code stays on the
 * screen), or a test read — said read, with whether its signature verified, never the chip's data.
 */
function deviceResultPrompts(result: DeviceResult, devices: Devices): Prompt[] {
  if (result === null) return [];
  const kind = devices.find((d) => d.deviceId === result.deviceId)?.kind;
  const names = {
    action: {
      key:
        result.action === 'open-door'
          ? 'maintenance.openDoor'
          : `maintenance:devices.action.${result.action}`,
    },
    device: kind ? { key: `maintenance:deviceKind.${kind}` } : result.deviceId.slice(0, 120),
  };
  const outcome = result.outcome;
  switch (outcome.kind) {
    case 'running':
      return [
        { key: 'maintenance.devices.running', values: names },
        ...(result.action === 'test-scan' ? [{ key: 'maintenance:devices.result.scanPrompt' }] : []),
      ];
    case 'done':
    case 'scanned':
      return [{ key: 'maintenance.devices.done', values: names }];
    case 'failed':
      return [{ key: 'maintenance.devices.failed', values: names }];
    case 'read':
      return [
        { key: 'maintenance.devices.read', values: { device: names.device } },
        { key: `maintenance:devices.read.passiveAuthentication.${outcome.passiveAuthentication}` },
      ];
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}

/** The sales shown: the period and whose, then the copies sold by machine and at the counters (or why none). */
function salesPrompts(view: Extract<MaintenanceFlowView, { step: 'publication-sales' }>): Prompt[] {
  const p = (key: string, values?: Prompt['values']): Prompt =>
    values ? { key: `publications-maintenance:${key}`, values } : { key: `publications-maintenance:${key}` };
  const report = view.report;
  const figures = (() => {
    switch (report.kind) {
      case 'loading':
        return [p('sales.loading')];
      case 'failed':
        return [p('sales.failed', { code: report.code.slice(0, 120) })];
      case 'ready':
        return [
          {
            key: 'maintenance.salesTotals',
            values: { units: report.total.units, counter: report.total.counterUnits },
          },
        ];
      default: {
        const unreachable: never = report;
        return unreachable;
      }
    }
  })();
  return [p(`sales.period.${view.period}`), p(`sales.scope.${view.scope}`), ...figures];
}

/** A slot action being saved, or its outcome (stock_step.tsx's words): done, the slot unassigned, or refused. */
function stockResultPrompts(view: Extract<MaintenanceFlowView, { step: 'publication-stock' }>): Prompt[] {
  if (view.busy) return [{ key: 'publications-maintenance:stock.busy' }];
  const result = view.result;
  if (result === null) return [];
  const names = {
    action: { key: `publications-maintenance:stock.actions.${result.action}` },
    slot: result.slot,
  };
  if (result.ok) return [{ key: 'publications-maintenance:stock.result.ok', values: names }];
  return result.code === 'slot-unassigned'
    ? [{ key: 'publications-maintenance:stock.result.slot-unassigned', values: names }]
    : [
        {
          key: 'publications-maintenance:stock.result.failed',
          values: { ...names, code: (result.code ?? '').slice(0, 120) },
        },
      ];
}

/** States in which a device does not work (as the Devices screen colours them). */
const faultStates = new Set(['disconnected', 'error', 'no-paper', 'cover-open', 'jam', 'empty']);

/**
 * What audio guidance says on each maintenance screen, for a member of staff who cannot see it well: the tool's
 * name, what waits in it (counts, the readiness of the required devices, the last action's outcome, the logs'
 * filters, a scheduled restart, the support bundle's state) and what the keys do. Never the staff member's name or
 * id (the header shows them), nor a log line's details, nor a test card's data. `clock` writes a time as the screen
 * shows it (a scheduled restart's).
 */
export function maintenanceAnnouncement(
  view: MaintenanceFlowView,
  clock: (iso: string) => string = (iso) => iso.slice(11, 16),
): Prompt[] {
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
        ...listResultPrompts(view.result),
        { key: 'maintenance.keys.tool' },
      ];
    case 'print-jobs':
      return [
        title,
        count('menu.jobsHeld', view.jobs.length, 'jobs.empty'),
        ...listResultPrompts(view.result),
        { key: 'maintenance.keys.list' },
      ];
    case 'transactions':
      return [
        title,
        count('menu.transactionsOpen', view.transactions.length, 'transactions.empty'),
        ...listResultPrompts(view.result),
        { key: 'maintenance.keys.list' },
      ];
    case 'devices':
      return [
        title,
        {
          key: 'maintenance.devices.summary',
          values: {
            count: view.devices.length,
            faulty: view.devices.filter((d) => faultStates.has(d.status.state)).length,
          },
        },
        ...deviceResultPrompts(view.result, view.devices),
        { key: 'maintenance.keys.devices' },
      ];
    case 'terminal':
      return [
        title,
        m('toolHint.terminal'),
        !view.restart.available
          ? m('terminal.restartUnavailable')
          : view.restart.scheduledAt
            ? m('terminal.scheduled', { time: clock(view.restart.scheduledAt) })
            : { key: 'maintenance.restartNone' },
        { key: 'maintenance.keys.terminal' },
      ];
    case 'logs': {
      if (!view.kept) return [title, m('logs.notKept'), { key: 'maintenance.keys.tool' }];
      const chosen = (value: string | null): SpokenValue =>
        value === null ? { key: 'maintenance:logs.any' } : value.slice(0, 120);
      return [
        title,
        m('logs.matched', { count: view.matched }),
        {
          key: 'maintenance.logs.filters',
          values: {
            window: { key: `maintenance:logs.windowName.${view.filter.window}` },
            event: chosen(view.filter.event),
            device: chosen(view.filter.deviceId),
          },
        },
        { key: 'maintenance.keys.logs' },
      ];
    }
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
    case 'publication-sales':
      return [title, ...salesPrompts(view), { key: 'maintenance.keys.tool' }];
    case 'publication-stock':
      return [
        title,
        m(`toolHint.${view.step}`),
        ...stockResultPrompts(view),
        { key: 'maintenance.keys.tool' },
      ];
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
