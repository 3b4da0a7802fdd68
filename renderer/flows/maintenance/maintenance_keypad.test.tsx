// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MaintenanceFlowView } from '../../../electron/rpc/flows/maintenance_contract.js';
import type { KeypadKeyEvent, Prompt } from '../../../electron/rpc/guidance_contract.js';
import { drawFlow, heldJob, leftTransaction, staff } from '../../../test/support/maintenance_views.js';
import { unspeakablePrompts } from '../../../test/support/unspeakable_prompts.js';
import { currentAnnouncement, useAnnouncements } from '../../a11y/announcements.js';
import { FocusManager } from '../../a11y/focus_manager.js';
import { promptsOf } from '../../a11y/speakable.js';

/**
 * The maintenance tools with the tactile keypad alone (issue 14): the focus manager over the real screens, keys in,
 * what is focused and said out. Every inner action is reached in the card's order, says whose it is, and works by
 * Enter — a reason chosen from a list that is its own focus layer, announced, Back cancelling it; the arrows then
 * start again at the button that opened it. Nothing spoken names the staff member or carries a test card's data.
 */
const base = { service: 'maintenance' as const, staff };
const intent = { ok: true };

let spoken: Prompt[][];
let manager: FocusManager;
beforeEach(() => {
  spoken = [];
  manager = new FocusManager(document, {
    speak: (prompts) => spoken.push(prompts),
    repeatScreen: () => spoken.push(currentAnnouncement(useAnnouncements.getState())?.prompts ?? []),
  });
});
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

const draw = drawFlow;

const press = async (key: KeypadKeyEvent['key']) => {
  await act(async () => manager.press(key));
  // The focus manager says a pressed action again once the screen redrew it (after a timer).
  await act(() => new Promise((resolve) => setTimeout(resolve, 1)));
};
const focused = () => document.querySelector('[data-keypad-focus]')?.getAttribute('data-testid') ?? null;
const keysOf = (prompts: Prompt[] | undefined) => (prompts ?? []).map((p) => p.key);
const announced = () => keysOf(currentAnnouncement(useAnnouncements.getState())?.prompts);

/** Down through the whole screen once: each action's test id, in the order the keypad reaches them. */
async function walkOnce(): Promise<string[]> {
  const order: string[] = [];
  for (let i = 0; i < 100; i++) {
    await press('down');
    const id = focused() ?? '?';
    if (order[0] === id) break;
    order.push(id);
  }
  return order;
}

/** Every marked action's prompts can be said in the four languages and never name the staff member. */
function expectActionsSpeakable(): void {
  const actions = [...document.querySelectorAll('[data-action]')];
  expect(actions.length).toBeGreaterThan(0);
  for (const element of actions) {
    const prompts = promptsOf(element);
    expect(prompts.length, element.outerHTML.slice(0, 120)).toBeGreaterThan(0);
    expect(unspeakablePrompts(prompts)).toEqual([]);
    expect(JSON.stringify(prompts)).not.toMatch(/LEONG|梁家偉|S0002|SPECIMEN/);
  }
  expect(unspeakablePrompts(currentAnnouncement(useAnnouncements.getState())?.prompts ?? [])).toEqual([]);
}

const device = (over: Record<string, unknown>) => ({
  transport: 'simulated' as const,
  model: null,
  usbIds: null,
  required: true,
  status: { state: 'ready' },
  identity: null,
  lastFaults: [],
  counters: null,
  supplies: { kind: 'none' as const },
  tests: [],
  doors: [],
  ...over,
});
const devices = [
  device({
    deviceId: 'ticket-printer',
    kind: 'ticket-printer',
    status: { state: 'no-paper' },
    tests: ['test-ticket'],
    counters: { pages: 0, tickets: 3, paperChanges: 1, printedSinceRefill: 3, refilledAt: null },
  }),
  device({ deviceId: 'lockers', kind: 'locker-controller', doors: ['A1'] }),
] as unknown as Extract<MaintenanceFlowView, { step: 'devices' }>['devices'];

describe('maintenance tools by keypad', () => {
  it('devices: every action in card order, said with its device; a door asks a reason in a layer of its own', async () => {
    const { rpc } = draw(
      { ...base, step: 'devices', devices, result: null },
      { 'maintenance.testDevice': intent, 'maintenance.openDoor': intent },
    );
    expect(announced()).toEqual([
      'maintenance:tool.devices',
      'maintenance.devices.summary',
      'maintenance.keys.devices',
    ]);
    expect(await walkOnce()).toEqual([
      'device-ticket-printer-test-ticket',
      'device-ticket-printer-reconnect',
      'device-ticket-printer-reset-paper-counter',
      'device-lockers-reconnect',
      'device-lockers-door-A1',
      'maintenance-back',
      'maintenance-refresh',
    ]);
    expect(keysOf(spoken[0])).toEqual([
      'maintenance:deviceKind.ticket-printer',
      'maintenance:deviceState.no-paper',
      'maintenance:devices.action.test-ticket',
    ]);
    expect(keysOf(spoken[1])).toEqual([
      'maintenance:deviceKind.ticket-printer',
      'maintenance:devices.action.reconnect',
    ]);
    expectActionsSpeakable();

    // Enter on the first (the walk wrapped round to it): the test is sent.
    await press('enter');
    expect(rpc.calls).toEqual([
      { method: 'maintenance.testDevice', params: { deviceId: 'ticket-printer', test: 'test-ticket' } },
    ]);

    // The door: Enter opens the reasons as a layer that says what it is for; the footer is out of reach.
    for (let i = 0; i < 4; i++) await press('down');
    expect(focused()).toBe('device-lockers-door-A1');
    await press('enter');
    expect(document.querySelector('[data-testid="device-lockers-door-A1-reasons"]')).not.toBeNull();
    expect(announced()).toEqual([
      'maintenance:deviceKind.locker-controller',
      'maintenance:devices.action.open-door',
      'maintenance.keys.choose',
    ]);
    expectActionsSpeakable();
    spoken = [];
    expect(await walkOnce()).toEqual([
      'device-lockers-door-A1-door-test',
      'device-lockers-door-A1-clear-stuck-item',
      'device-lockers-door-A1-load-compartment',
      'device-lockers-door-A1-cancel',
    ]);
    expect(keysOf(spoken[0])).toEqual(['maintenance:reason.door-test']);
    // Back cancels: nothing sent, and the next arrow is back on the door's button.
    await press('back');
    expect(document.querySelector('[data-testid="device-lockers-door-A1-reasons"]')).toBeNull();
    expect(announced()[0]).toBe('maintenance:tool.devices');
    await press('down');
    expect(focused()).toBe('device-lockers-door-A1');
    await press('enter');
    await press('down');
    await press('down');
    await press('enter');
    expect(rpc.calls.at(-1)).toEqual({
      method: 'maintenance.openDoor',
      params: { deviceId: 'lockers', door: 'A1', reason: 'clear-stuck-item' },
    });
    await press('down');
    expect(focused()).toBe('device-lockers-door-A1');
  });

  it('devices: while a test runs its actions say to wait and Enter sends nothing; the outcome is announced', async () => {
    const { rpc, rerender } = draw({
      ...base,
      step: 'devices',
      devices,
      result: { deviceId: 'ticket-printer', action: 'test-ticket', outcome: { kind: 'running' } },
    });
    expect(announced()).toEqual([
      'maintenance:tool.devices',
      'maintenance.devices.summary',
      'maintenance.devices.running',
      'maintenance.keys.devices',
    ]);
    await press('down');
    expect(keysOf(spoken.at(-1)).at(-1)).toBe('maintenance.devices.busy');
    await press('enter');
    expect(rpc.calls).toEqual([]);
    rerender({
      ...base,
      step: 'devices',
      devices,
      result: { deviceId: 'ticket-printer', action: 'test-ticket', outcome: { kind: 'failed', code: 'jam' } },
    });
    expect(announced()).toContain('maintenance.devices.failed');
  });

  it('print jobs: each job’s reprint says the job, its status and why; reprinted by keypad with a reason', async () => {
    const { rpc } = draw(
      {
        ...base,
        step: 'print-jobs',
        jobs: [heldJob(7, true), heldJob(8, false)],
        result: { action: 'void', subject: 6, ok: true, code: null },
      },
      { 'maintenance.reprint': intent },
    );
    expect(announced()).toEqual([
      'maintenance:tool.print-jobs',
      'maintenance:menu.jobsHeld',
      'maintenance.listResult.ok',
      'maintenance.keys.list',
    ]);
    expect(await walkOnce()).toEqual([
      'job-7-reprint',
      'job-7-void',
      'job-8-void',
      'maintenance-back',
      'maintenance-refresh',
    ]);
    expect(spoken.slice(0, 3).map(keysOf)).toEqual([
      [
        'maintenance.job',
        'maintenance:jobStatus.needs-attention',
        'maintenance:jobReason.held.printer-no-paper',
        'maintenance:jobs.reprint',
      ],
      ['maintenance.job', 'maintenance:jobs.void'],
      // A job that can only be voided says all about itself on its one action.
      [
        'maintenance.job',
        'maintenance:jobStatus.needs-attention',
        'maintenance:jobReason.held.printer-no-paper',
        'maintenance:jobs.void',
      ],
    ]);
    expect(spoken[0]?.[0]).toEqual({ key: 'maintenance.job', values: { id: 7 } });
    expectActionsSpeakable();
    await press('enter');
    await press('down');
    await press('enter');
    expect(rpc.calls).toEqual([
      { method: 'maintenance.reprint', params: { jobId: 7, reason: 'resident-returned' } },
    ]);
  });

  it('transactions: resolved as cancelled by keypad, the reason chosen from the layer', async () => {
    const tx = leftTransaction;
    const { rpc } = draw(
      { ...base, step: 'transactions', transactions: [tx], result: null },
      { 'maintenance.resolveTransaction': intent },
    );
    expect(announced()).toEqual([
      'maintenance:tool.transactions',
      'maintenance:menu.transactionsOpen',
      'maintenance.keys.list',
    ]);
    expect(await walkOnce()).toEqual([
      'transaction-3-confirm',
      'transaction-3-void',
      'maintenance-back',
      'maintenance-refresh',
    ]);
    expect(keysOf(spoken[0])).toEqual([
      'maintenance.transaction',
      'maintenance:transactionKind.collection',
      'maintenance:transactionState.reserved',
      'maintenance:transactions.earlierRun',
      'maintenance.transactionNeedsStaff',
      'maintenance:transactions.confirm',
    ]);
    expectActionsSpeakable();
    // The walk wrapped round to "Resolve as completed": its reasons opened, then cancelled with Back.
    await press('enter');
    expect(focused()).toBeNull();
    await press('back');
    expect(rpc.calls).toEqual([]);
    await press('down');
    expect(focused()).toBe('transaction-3-confirm');
    await press('down');
    await press('enter');
    await press('down');
    expect(focused()).toBe('transaction-3-void-resident-did-not-receive');
    await press('enter');
    expect(rpc.calls).toEqual([
      {
        method: 'maintenance.resolveTransaction',
        params: { transactionId: 3, outcome: { kind: 'voided', reason: 'resident-did-not-receive' } },
      },
    ]);
  });

  it('terminal: the facts read one by one, then the restart; a stepper says the time it set', async () => {
    const info = {
      terminalId: 'MO-DEV-01',
      site: { kind: 'macau' as const, centreId: 'china-plaza' },
      mode: 'development' as const,
      version: '0.9.0',
      runtime: { node: '20.19.0', electron: null, platform: 'linux' },
      startedAt: '2026-12-02T04:00:00.000Z',
      uptimeSeconds: 3600,
      disk: { freeBytes: 5e9, totalBytes: 2e10 },
      memory: { processBytes: 1e8, systemFreeBytes: 2e9, systemTotalBytes: 8e9 },
      journalBytes: 2e6,
      configuration: {
        services: 5,
        devices: 8,
        requiredDevices: 4,
        languages: ['zh-Hant'],
        backend: 'embedded',
        idleSeconds: 60,
        staffIdleSeconds: 300,
        heartbeatSeconds: 60,
        badgeIssuers: 1,
        sha256: 'ab'.repeat(32),
      },
    };
    const { rpc } = draw(
      { ...base, step: 'terminal', info, restart: { available: true, scheduledAt: null } },
      { 'maintenance.scheduleRestart': intent },
    );
    expect(announced()).toEqual([
      'maintenance:tool.terminal',
      'maintenance:toolHint.terminal',
      'maintenance.restartNone',
      'maintenance.keys.terminal',
    ]);
    expect(await walkOnce()).toEqual([
      'terminal-terminalId',
      'terminal-site',
      'terminal-mode',
      'terminal-version',
      'terminal-startedAt',
      'terminal-uptime',
      'terminal-disk',
      'terminal-memory',
      'terminal-journal',
      'terminal-restart-now',
      'terminal-hour-earlier',
      'terminal-hour-later',
      'terminal-minute-0',
      'terminal-minute-15',
      'terminal-minute-30',
      'terminal-minute-45',
      'terminal-restart-at',
      'maintenance-back',
      'maintenance-refresh',
    ]);
    expect(spoken[0]).toEqual([
      { key: 'maintenance:terminal.terminalId' },
      { key: 'maintenance.value', values: { value: 'MO-DEV-01' } },
    ]);
    expectActionsSpeakable();
    // Later, pressed: the hour moves on and the button says the new time.
    while (focused() !== 'terminal-hour-later') await press('down');
    spoken = [];
    await press('enter');
    expect(spoken).toEqual([
      [
        { key: 'maintenance:terminal.later' },
        { key: 'maintenance.terminal.time', values: { time: '04:00' } },
      ],
    ]);
    await press('down');
    await press('down');
    await press('enter');
    expect(keysOf(spoken.at(-1))).toEqual(['maintenance.terminal.minute', 'maintenance.selected']);
    await press('down');
    await press('down');
    await press('down');
    expect(spoken.at(-1)).toEqual([{ key: 'maintenance:terminal.restartAt', values: { time: '04:15' } }]);
    await press('enter');
    expect(rpc.calls).toEqual([{ method: 'maintenance.scheduleRestart', params: { hour: 4, minute: 15 } }]);
  });

  it('logs: the filters, the windows, then each line; an event chosen from the filter’s list', async () => {
    const line = (event: string, minute: number) => ({
      time: `2026-12-02T05:${String(minute).padStart(2, '0')}:00.000Z`,
      event,
      disposition: 'success' as const,
      deviceId: null,
      details: 'staff=S0002',
    });
    const view = {
      ...base,
      step: 'logs' as const,
      kept: true,
      filter: { event: null, deviceId: null, window: '1h' as const },
      lines: [line('staff-signed-in', 2), line('maintenance-entered', 1)],
      matched: 2,
      events: ['maintenance-entered', 'staff-signed-in'],
      devices: ['scanner'],
    };
    const { rpc } = draw(view, { 'maintenance.filterLogs': intent });
    expect(announced()).toEqual([
      'maintenance:tool.logs',
      'maintenance:logs.matched',
      'maintenance.logs.filters',
      'maintenance.keys.logs',
    ]);
    const order = await walkOnce();
    expect(order.slice(0, 6)).toEqual([
      'logs-event',
      'logs-device',
      'logs-window-15m',
      'logs-window-1h',
      'logs-window-24h',
      'logs-window-all',
    ]);
    expect(order.slice(-2)).toEqual(['maintenance-back', 'maintenance-refresh']);
    // The two lines, newest first, each said by time, disposition and event — never its other fields.
    expect(order).toHaveLength(10);
    expect(keysOf(spoken[3])).toEqual([
      'maintenance:logs.window',
      'maintenance:logs.windowName.1h',
      'maintenance.selected',
    ]);
    expect(keysOf(spoken[6])).toEqual([
      'maintenance.value',
      'maintenance:logs.disposition.success',
      'maintenance.value',
    ]);
    expect(spoken[6]?.[2]).toEqual({ key: 'maintenance.value', values: { value: 'staff-signed-in' } });
    expectActionsSpeakable();

    // Enter on the event filter (the walk wrapped round to it): its choices, "All" first and chosen.
    await press('enter');
    expect(announced()).toEqual([
      'maintenance:logs.event',
      'maintenance:logs.any',
      'maintenance.keys.choose',
    ]);
    spoken = [];
    expect(await walkOnce()).toEqual([
      'logs-event-any',
      'logs-event-maintenance-entered',
      'logs-event-staff-signed-in',
      'logs-event-cancel',
    ]);
    expect(keysOf(spoken[0])).toEqual(['maintenance:logs.any', 'maintenance.selected']);
    await press('down');
    await press('down');
    await press('enter');
    expect(rpc.calls).toEqual([
      {
        method: 'maintenance.filterLogs',
        params: { event: 'staff-signed-in', deviceId: null, window: '1h' },
      },
    ]);
    await press('down');
    expect(focused()).toBe('logs-event');
  });

  it('logs: a filter leaves only the lines that match, even after two alike to the millisecond', () => {
    const line = (event: string) => ({
      time: '2026-12-02T05:01:00.000Z',
      event,
      disposition: 'info' as const,
      deviceId: null,
      details: 'peer=127.0.0.1 code=1005',
    });
    const view = {
      ...base,
      step: 'logs' as const,
      kept: true,
      filter: { event: null, deviceId: null, window: '1h' as const },
      lines: [line('host-socket-closed'), line('host-socket-closed'), line('staff-signed-in')],
      matched: 3,
      events: ['host-socket-closed', 'staff-signed-in'],
      devices: [],
    };
    const { rerender } = draw(view);
    const rows = () => [...document.querySelectorAll('[data-testid="logs-lines"] tr')];
    expect(rows()).toHaveLength(3);
    rerender({
      ...view,
      filter: { ...view.filter, event: 'staff-signed-in' },
      lines: [line('staff-signed-in')],
      matched: 1,
    });
    expect(rows().map((row) => row.getAttribute('data-event'))).toEqual(['staff-signed-in']);
  });

  it('publications stock: a slot’s actions say the slot; the editor is a layer whose steppers say the outcome', async () => {
    const { rpc } = draw(
      {
        ...base,
        step: 'publication-stock',
        slots: {
          kind: 'ready',
          slots: [
            {
              slot: 'A2',
              publicationId: 'PUB-CIVIL-CODE',
              title: { en: 'Civil Code' },
              stock: 4,
              capacity: 5,
            },
          ],
        },
        publications: [{ publicationId: 'PUB-CIVIL-CODE', title: { en: 'Civil Code' } }],
        busy: false,
        result: null,
      },
      { 'maintenance.slotAction': intent },
    );
    expect(await walkOnce()).toEqual([
      'stock-slot-A2-assign',
      'stock-slot-A2-count',
      'stock-slot-A2-refill',
      'stock-slot-A2-empty',
      'maintenance-back',
      'maintenance-refresh',
    ]);
    expect(keysOf(spoken[0])).toEqual([
      'publications-maintenance:stock.slot',
      'maintenance.value',
      'publications-maintenance:stock.count',
      'publications-maintenance:stock.actions.assign',
    ]);
    expect(keysOf(spoken[2])).toEqual([
      'publications-maintenance:stock.slot',
      'publications-maintenance:stock.actions.refill',
    ]);
    expectActionsSpeakable();
    await press('down');
    await press('down');
    await press('enter');
    expect(announced()).toEqual([
      'publications-maintenance:stock.actions.refill',
      'publications-maintenance:stock.slot',
      'publications-maintenance:stock.confirm.refill',
      'maintenance.keys.stockEditor',
    ]);
    expectActionsSpeakable();
    spoken = [];
    expect(await walkOnce()).toEqual([
      'stock-slot-A2-fewer',
      'stock-slot-A2-more',
      'stock-slot-A2-cancel',
      'stock-slot-A2-confirm',
    ]);
    await press('down');
    spoken = [];
    await press('enter');
    // One more: the button says again what the confirmation will now do.
    expect(spoken).toEqual([
      [
        { key: 'publications-maintenance:stock.more' },
        { key: 'publications-maintenance:stock.confirm.refill', values: { slot: 'A2', copies: 2 } },
      ],
    ]);
    await press('down');
    await press('down');
    await press('enter');
    expect(rpc.calls).toEqual([
      { method: 'maintenance.slotAction', params: { action: { kind: 'refill', slot: 'A2', added: 2 } } },
    ]);
  });

  it('publications sales: the periods, scopes and measures say which is chosen', async () => {
    draw({
      ...base,
      step: 'publication-sales',
      period: '30d',
      scope: 'terminal',
      from: '2026-11-03',
      to: '2026-12-02',
      terminalId: 'MO-DEV-01',
      report: { kind: 'loading' },
    } as MaintenanceFlowView);
    expect(announced()).toEqual([
      'maintenance:tool.publication-sales',
      'publications-maintenance:sales.period.30d',
      'publications-maintenance:sales.scope.terminal',
      'publications-maintenance:sales.loading',
      'maintenance.keys.tool',
    ]);
    const order = await walkOnce();
    expect(order.slice(0, 8)).toEqual([
      'sales-period-7d',
      'sales-period-30d',
      'sales-period-90d',
      'sales-period-year',
      'sales-scope-terminal',
      'sales-scope-fleet',
      'sales-measure-units',
      'sales-measure-revenue',
    ]);
    expect(keysOf(spoken[1])).toEqual([
      'publications-maintenance:sales.period.legend',
      'publications-maintenance:sales.period.30d',
      'maintenance.selected',
    ]);
    expectActionsSpeakable();
  });

  it('the menu, alerts and support bundle: every action marked and speakable', async () => {
    draw({
      ...base,
      step: 'menu',
      alertsOpen: 1,
      jobsHeld: 0,
      transactionsOpen: 0,
      notReady: [],
      tools: ['devices', 'print-jobs', 'transactions', 'alerts', 'terminal', 'support-bundle', 'logs'],
    });
    expect(await walkOnce()).toHaveLength(9);
    expectActionsSpeakable();
    cleanup();
    draw({
      ...base,
      step: 'alerts',
      alerts: [
        {
          id: 4,
          kind: 'resident-help',
          detail: { code: 'text', text: 'x' },
          createdAt: '2026-12-02T05:00:00.000Z',
          acknowledgedAt: null,
          acknowledgedBy: null,
        },
      ],
      result: null,
    } as MaintenanceFlowView);
    expect(await walkOnce()).toEqual(['alert-4-acknowledge', 'maintenance-back', 'maintenance-refresh']);
    expectActionsSpeakable();
  });

  it('leave check: it names what is not ready; Enter leaves anyway, Back stays', async () => {
    const { rpc } = draw(
      {
        ...base,
        step: 'leave-check',
        notReady: [{ deviceId: 'a4-printer', deviceKind: 'document-printer' }],
      },
      { 'maintenance.leaveAnyway': intent, 'maintenance.back': intent },
    );
    expect(announced()).toEqual([
      'maintenance:tool.leave-check',
      'maintenance:leaveCheck.body',
      'maintenance:deviceKind.document-printer',
      'maintenance.keys.leaveCheck',
    ]);
    expect(await walkOnce()).toEqual(['maintenance-stay', 'maintenance-leave-anyway']);
    manager.release();
    await press('back');
    await press('enter');
    expect(rpc.calls).toEqual([
      { method: 'maintenance.back', params: {} },
      { method: 'maintenance.leaveAnyway', params: {} },
    ]);
  });
});
