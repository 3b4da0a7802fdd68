import type { proofOfIdentityFlowMethods } from '../../rpc/flows/proof_of_identity_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { FlowRunner } from '../flow_runner.js';

/** The proof-of-identity intents, each handed to the running flow (refused as a value when it is not running). */
export function proofOfIdentityFlowHandlers(
  flows: FlowRunner,
): MethodHandlers<typeof proofOfIdentityFlowMethods> {
  const flow = 'proof-of-identity';
  return {
    'proof-of-identity.choose': ({ languages }) => flows.dispatch(flow, (f) => f.choose(languages)),
    'proof-of-identity.print': () => flows.dispatch(flow, (f) => f.print()),
    'proof-of-identity.finish': () => flows.dispatch(flow, (f) => f.finish()),
    'proof-of-identity.back': () => flows.dispatch(flow, (f) => f.back()),
    'proof-of-identity.cancel': () => flows.dispatch(flow, (f) => f.cancel()),
  };
}
