import { describe, expect, it } from 'vitest';
import { maintenanceTools } from '../../electron/rpc/flows/maintenance_choices.js';
import type { MaintenanceFlowView } from '../../electron/rpc/flows/maintenance_contract.js';
import { supportBundleFailures } from '../../electron/rpc/flows/maintenance_views.js';
import { maintenanceAnnouncement } from '../../renderer/flows/maintenance/maintenance_announcement.js';
import { unspeakablePrompts } from '../support/unspeakable_prompts.js';

/**
 * The maintenance tools spoken for a member of staff who cannot see the screen well: each tool announces itself
 * with what waits in it, every key it speaks exists in the four languages, and the staff member's name and id are
 * never spoken.
 */
const staff = { staffId: 'S0002', name: 'LEONG Ka Wai 梁家偉' };
const base = { service: 'maintenance' as const, staff };
const keys = (view: MaintenanceFlowView) => maintenanceAnnouncement(view).map((p) => p.key);
const alert = { id: 1, kind: 'resident-help' as const, createdAt: 'x', acknowledgedBy: null };
const detail = { code: 'text' as const, text: 'x' };

const views = [
  { ...base, step: 'menu', alertsOpen: 2, jobsHeld: 1, transactionsOpen: 3, notReady: [] },
  {
    ...base,
    step: 'menu',
    alertsOpen: 0,
    jobsHeld: 0,
    transactionsOpen: 0,
    notReady: [{ deviceId: 'ticket-printer', deviceKind: 'ticket-printer' }],
  },
  { ...base, step: 'devices', devices: [], result: null },
  ...(['running', 'done', 'failed', 'read'] as const).map((kind) => ({
    ...base,
    step: 'devices',
    devices: [{ deviceId: 'lockers', kind: 'locker-controller', status: { state: 'ready' } }],
    result: {
      deviceId: 'lockers',
      action: 'open-door',
      outcome: { kind, code: 'x', passiveAuthentication: 'verified', document: { name: 'SPECIMEN' } },
    },
  })),
  { ...base, step: 'print-jobs', jobs: [], result: null },
  ...[true, false].map((ok) => ({
    ...base,
    step: 'print-jobs',
    jobs: [],
    result: { action: 'reprint', subject: 7, ok, code: ok ? null : 'job-not-held' },
  })),
  { ...base, step: 'transactions', transactions: [], result: null },
  { ...base, step: 'alerts', alerts: [{ ...alert, detail, acknowledgedAt: null }], result: null },
  { ...base, step: 'alerts', alerts: [], result: null },
  ...[
    { available: false, scheduledAt: null },
    { available: true, scheduledAt: null },
    { available: true, scheduledAt: '2026-12-02T19:15:00.000Z' },
  ].map((restart) => ({ ...base, step: 'terminal', restart })),
  ...[
    { kind: 'loading' },
    { kind: 'failed', code: 'unreachable' },
    { kind: 'ready', total: { units: 12, counterUnits: 3 } },
  ].map((report) => ({ ...base, step: 'publication-sales', period: '30d', scope: 'fleet', report })),
  { ...base, step: 'logs', kept: false },
  {
    ...base,
    step: 'logs',
    kept: true,
    matched: 1,
    filter: { event: 'staff-signed-in', deviceId: null, window: '1h' },
  },
  ...[
    { kind: 'idle' },
    { kind: 'writing' },
    { kind: 'written' },
    ...supportBundleFailures.map((code) => ({ kind: 'failed', code })),
  ].map((state) => ({ ...base, step: 'support-bundle', destinations: [], state })),
  { ...base, step: 'leave-check', notReady: [{ deviceId: 'a4-printer', deviceKind: 'document-printer' }] },
] as unknown as MaintenanceFlowView[];

describe('maintenance without sight', () => {
  it('every tool announces itself in the four languages, never naming the staff member', () => {
    for (const view of views) {
      const prompts = maintenanceAnnouncement(view);
      expect(unspeakablePrompts(prompts), view.step).toEqual([]);
      expect(JSON.stringify(prompts), view.step).not.toMatch(/LEONG|梁家偉|S0002|SPECIMEN/);
    }
  });

  it('the menu says what is not ready and what waits, then the keys; a tool its name, its count, the keys', () => {
    const [waiting, notReady] = views;
    expect(keys(waiting!)).toEqual([
      'maintenance:title',
      'maintenance:menu.allReady',
      'maintenance:menu.alertsOpen',
      'maintenance:menu.jobsHeld',
      'maintenance:menu.transactionsOpen',
      'maintenance.keys.menu',
    ]);
    expect(keys(notReady!)).toEqual(['maintenance:title', 'maintenance.notReady', 'maintenance.keys.menu']);
    const alerts = views.find((v) => v.step === 'alerts')!;
    expect(keys(alerts)).toEqual([
      'maintenance:tool.alerts',
      'maintenance:menu.alertsOpen',
      'maintenance.keys.tool',
    ]);
    const failed = views.find((v) => v.step === 'support-bundle' && v.state.kind === 'failed')!;
    expect(keys(failed)).toEqual([
      'maintenance:tool.support-bundle',
      'maintenance:bundle.failure.unknown-destination',
      'maintenance:bundle.noDestination',
      'maintenance.keys.tool',
    ]);
  });

  it('Help explains every maintenance step in the four languages', () => {
    for (const step of ['menu', ...maintenanceTools, 'leave-check'])
      expect(unspeakablePrompts([{ key: `help.step.maintenance.${step}` }]), step).toEqual([]);
  });
});
