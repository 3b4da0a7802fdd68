import type { FlowId } from '../../rpc/flow_contract.js';
import type { RunningFlow } from '../flow.js';
import type { Identification } from './identification.js';

/**
 * A flow that embeds identification (booking, collection, proof of identity, Smart Locker apply) implements this,
 * so the runner can hand it the shared `identify.*` intents: whichever flow runs, the identification it shows now
 * gets them, and a flow that shows none refuses them as a stale tap (`other-step`).
 */
export interface IdentifyHost {
  /** The identification on screen now: the host's view is on its `identify` step. Null on every other step. */
  currentIdentification(): Identification | null;
}

export function hostsIdentification(flow: RunningFlow<FlowId>): flow is RunningFlow<FlowId> & IdentifyHost {
  return typeof (flow as Partial<IdentifyHost>).currentIdentification === 'function';
}
