import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { FlowView } from '../../electron/rpc/flow_contract.js';
import type { MaintenanceFlowView } from '../../electron/rpc/flows/maintenance_contract.js';
import { FlowHost } from '../../renderer/flows/flow_host.js';
import { createI18n } from '../../renderer/i18n/i18n.js';
import { RpcContext } from '../../renderer/rpc/rpc_context.js';
import { strictRpcClient } from './strict_rpc_client.js';

/** What the maintenance screens' component tests share: the member of staff, list entries, and drawing a view. */

export const staff = { staffId: 'S0002', name: 'LEONG Ka Wai 梁家偉' };

type Step<S extends MaintenanceFlowView['step']> = Extract<MaintenanceFlowView, { step: S }>;

/** A ticket held for lack of paper (job 7 unless said), which can be reprinted or voided. */
export const heldJob = (jobId = 7, canReprint = true): Step<'print-jobs'>['jobs'][number] => ({
  jobId,
  printerId: 'ticket-printer',
  template: 'queue-ticket',
  status: 'needs-attention',
  reason: { kind: 'held', code: 'printer-no-paper' },
  canReprint,
  canVoid: true,
  createdAt: '2026-12-02T05:00:00.000Z',
});

/** A collection an earlier run left reserved, with no resolver to settle it: staff decide. */
export const leftTransaction: Step<'transactions'>['transactions'][number] = {
  id: 3,
  kind: 'collection',
  state: 'reserved',
  fromEarlierRun: true,
  needsStaffReason: 'no-resolver',
  createdAt: '2026-12-02T04:00:00.000Z',
  updatedAt: '2026-12-02T04:01:00.000Z',
};

/**
 * Draws a flow's view in English with the strict RPC client, inside `.kiosk` (where the keypad's focus manager
 * looks for the screen's actions); `rerender` draws the next view the main process would send.
 */
export function drawFlow(flow: FlowView, expected: Parameters<typeof strictRpcClient>[0] = {}) {
  const rpc = strictRpcClient(expected);
  const container = document.body.appendChild(document.createElement('div'));
  container.className = 'kiosk';
  const ui = (view: FlowView) => (
    <RpcContext.Provider value={rpc.client}>
      <I18nextProvider i18n={createI18n('en')}>
        <FlowHost flow={view} />
      </I18nextProvider>
    </RpcContext.Provider>
  );
  const rendered = render(ui(flow), { container });
  return { rpc, rerender: (view: FlowView) => rendered.rerender(ui(view)) };
}
