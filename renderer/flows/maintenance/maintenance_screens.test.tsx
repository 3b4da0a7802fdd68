// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MaintenanceFlowView } from '../../../electron/rpc/flows/maintenance_contract.js';
import { drawFlow, heldJob, leftTransaction, staff } from '../../../test/support/maintenance_views.js';

/**
 * The staff sign-in and maintenance screens with the strict RPC client: each step draws what its view says, and a
 * tap sends exactly its intent — with the reason chosen, never before — and changes nothing on the client.
 */
const draw = drawFlow;
const tap = (testId: string) => act(async () => fireEvent.click(screen.getByTestId(testId)));
const intent = { ok: true };

afterEach(() => cleanup());

describe('staff sign-in screens', () => {
  it('badge: says why a badge was refused; Cancel is the only way on, there is no Back', async () => {
    const { rpc } = draw(
      { service: 'staff-sign-in', step: 'badge', refused: 'tampered' },
      { 'staff-sign-in.cancel': intent },
    );
    expect(screen.getByTestId('staff-badge-refused').textContent).toContain('altered');
    expect(screen.queryByTestId('staff-sign-in-back')).toBeNull();
    await tap('staff-sign-in-cancel');
    expect(rpc.calls).toEqual([{ method: 'staff-sign-in.cancel', params: {} }]);
  });

  it('PIN: who, the attempts left and the problem; the PIN is sent once, on OK', async () => {
    const { rpc } = draw(
      {
        service: 'staff-sign-in',
        step: 'pin',
        staffId: 'S0001',
        staffName: 'CHAN Siu Ming 陳小明',
        attemptsLeft: 1,
        problem: 'wrong-pin',
      },
      { 'staff-sign-in.enterPin': intent, 'staff-sign-in.back': intent },
    );
    expect(screen.getByTestId('staff-sign-in-who').textContent).toContain('S0001');
    expect(screen.getByTestId('staff-pin-attempts').textContent).toBe(
      '1 attempt left before this badge is locked.',
    );
    for (const digit of '13579') await tap(`pin-${digit}`);
    await tap('pin-ok');
    expect(rpc.calls).toEqual([]);
    await tap('pin-0');
    await tap('pin-ok');
    await tap('staff-sign-in-back');
    expect(rpc.calls).toEqual([
      { method: 'staff-sign-in.enterPin', params: { pin: '135790' } },
      { method: 'staff-sign-in.back', params: {} },
    ]);
  });

  it('locked: until when, in Macau time; waiting: how many transactions', () => {
    const { rerender } = draw({
      service: 'staff-sign-in',
      step: 'locked',
      ...{ staffId: 'S0001', staffName: 'X' },
      until: '2026-12-02T05:30:30.000Z',
    });
    expect(screen.getByTestId('staff-locked-until').textContent).toContain('13:30:30');
    rerender({
      service: 'staff-sign-in',
      step: 'waiting',
      staffId: 'S0001',
      staffName: 'X',
      transactions: 2,
    });
    expect(screen.getByTestId('staff-waiting').textContent).toContain('2 resident transactions');
  });
});

const menu: MaintenanceFlowView = {
  service: 'maintenance',
  staff,
  step: 'menu',
  alertsOpen: 2,
  jobsHeld: 1,
  transactionsOpen: 0,
  notReady: [{ deviceId: 'a4-printer', deviceKind: 'document-printer' }],
  tools: ['devices', 'print-jobs', 'transactions', 'alerts', 'terminal', 'support-bundle', 'logs'],
};

describe('maintenance screens', () => {
  it('menu: what waits in each tool, what is not ready; a tool opens by intent only', async () => {
    const { rpc } = draw(menu, { 'maintenance.openTool': intent, 'maintenance.leave': intent });
    expect(screen.getByTestId('maintenance-tool-alerts').textContent).toContain('2 open alerts');
    expect(screen.getByTestId('maintenance-tool-print-jobs').textContent).toContain('1 job held');
    expect(screen.getByTestId('maintenance-tool-transactions').textContent).not.toContain('unfinished');
    expect(screen.getByTestId('maintenance-readiness').textContent).toBe(
      'Not ready: A4 printer (a4-printer)',
    );
    await tap('maintenance-tool-devices');
    await tap('maintenance-leave');
    expect(rpc.calls).toEqual([
      { method: 'maintenance.openTool', params: { tool: 'devices' } },
      { method: 'maintenance.leave', params: {} },
    ]);
    expect(screen.getByTestId('maintenance-menu')).toBeTruthy();
  });

  it('print jobs: reprint and void ask for a reason first and send it', async () => {
    const job = heldJob();
    const { rpc } = draw(
      { service: 'maintenance', staff, step: 'print-jobs', jobs: [job], result: null },
      { 'maintenance.reprint': intent, 'maintenance.voidJob': intent },
    );
    // The reason in the staff member's words, not its code.
    expect(screen.getByTestId('job-7-reason').textContent).toBe('Printer out of paper');
    await tap('job-7-void');
    expect(rpc.calls).toEqual([]);
    await tap('job-7-void-duplicate');
    await tap('job-7-reprint');
    await tap('job-7-reprint-printer-fixed');
    expect(rpc.calls).toEqual([
      { method: 'maintenance.voidJob', params: { jobId: 7, reason: 'duplicate' } },
      { method: 'maintenance.reprint', params: { jobId: 7, reason: 'printer-fixed' } },
    ]);
  });

  it('transactions: resolved as completed or cancelled with a reason; the outcome of the last shows', async () => {
    const tx = leftTransaction;
    const { rpc } = draw(
      {
        service: 'maintenance',
        staff,
        step: 'transactions',
        transactions: [tx],
        result: { action: 'resolve-voided', subject: 2, ok: false, code: 'transaction-not-found' },
      },
      { 'maintenance.resolveTransaction': intent },
    );
    expect(screen.getByTestId('maintenance-result').textContent).toContain('transaction-not-found');
    expect(screen.getByTestId('transaction-3').textContent).toContain('earlier run');
    await tap('transaction-3-void');
    await tap('transaction-3-void-resident-did-not-receive');
    expect(rpc.calls).toEqual([
      {
        method: 'maintenance.resolveTransaction',
        params: { transactionId: 3, outcome: { kind: 'voided', reason: 'resident-did-not-receive' } },
      },
    ]);
  });

  it('devices: a test read shows the chip data and whether its signature verified; tests send their intent', async () => {
    const device = {
      deviceId: 'document-reader',
      kind: 'document-reader' as const,
      transport: 'simulated' as const,
      model: 'ccid',
      usbIds: null,
      required: true,
      status: { state: 'error', code: 'ccid-hardware-error' },
      identity: null,
      lastFaults: [
        { at: '2026-12-02T04:00:00.000Z', state: 'disconnected' },
        { at: '2026-12-02T04:01:00.000Z', state: 'error', code: 'a-code-from-tomorrow' },
      ],
      counters: null,
      supplies: { kind: 'none' as const },
      tests: ['test-read' as const],
      doors: [],
    };
    const { rpc } = draw(
      {
        service: 'maintenance',
        staff,
        step: 'devices',
        devices: [device],
        result: {
          deviceId: 'document-reader',
          action: 'test-read',
          outcome: {
            kind: 'read',
            document: {
              documentCode: 'P',
              issuingState: 'CHN',
              documentNumber: 'MB2345678',
              name: 'SPECIMEN',
              nationality: 'CHN',
              birthDate: '1990-03-15',
              sex: 'M',
              expiryDate: '2031-01-01',
              expired: false,
            },
            face: null,
            passiveAuthentication: 'failed',
          },
        },
      },
      { 'maintenance.testDevice': intent, 'maintenance.back': intent },
    );
    expect(screen.getByTestId('device-test-read').textContent).toContain('MB2345678');
    expect(screen.getByTestId('device-test-read-pa').textContent).toBe('Chip signature FAILED');
    expect(screen.getByTestId('device-document-reader').textContent).toContain('Disconnected');
    // Fault codes in words, the code beside them; one no list knows yet still shows, said to be undescribed.
    expect(screen.getByTestId('device-document-reader').textContent).toContain(
      'Fault · Reader hardware fault (ccid-hardware-error)',
    );
    expect(screen.getByTestId('device-document-reader').textContent).toContain(
      'Fault code not yet described: a-code-from-tomorrow',
    );
    expect(screen.getByTestId('device-document-reader-supplies').textContent).toBe(
      'This device has no supplies to report',
    );
    await tap('device-document-reader-test-read');
    await tap('maintenance-back');
    expect(rpc.calls).toEqual([
      { method: 'maintenance.testDevice', params: { deviceId: 'document-reader', test: 'test-read' } },
      { method: 'maintenance.back', params: {} },
    ]);
  });

  it('leave check names the devices; leaving anyway is the staff member’s choice', async () => {
    const { rpc } = draw(
      { service: 'maintenance', staff, step: 'leave-check', notReady: menu.notReady as never },
      { 'maintenance.leaveAnyway': intent },
    );
    expect(screen.getByTestId('maintenance-not-ready').textContent).toContain('a4-printer');
    await tap('maintenance-leave-anyway');
    expect(rpc.calls).toEqual([{ method: 'maintenance.leaveAnyway', params: {} }]);
  });
});
