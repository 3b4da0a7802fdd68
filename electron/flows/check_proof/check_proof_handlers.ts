import type { checkProofFlowMethods } from '../../rpc/flows/check_proof_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { FlowRunner } from '../flow_runner.js';

/** The check-a-proof intents, each handed to the running flow (refused as a value when it is not running). */
export function checkProofFlowHandlers(flows: FlowRunner): MethodHandlers<typeof checkProofFlowMethods> {
  const flow = 'check-proof';
  return {
    'check-proof.typeCode': () => flows.dispatch(flow, (f) => f.typeCode()),
    'check-proof.submitCode': ({ code }) => flows.dispatch(flow, (f) => f.submitCode(code)),
    'check-proof.again': () => flows.dispatch(flow, (f) => f.again()),
    'check-proof.retry': () => flows.dispatch(flow, (f) => f.retry()),
    'check-proof.back': () => flows.dispatch(flow, (f) => f.back()),
    'check-proof.cancel': () => flows.dispatch(flow, (f) => f.cancel()),
    'check-proof.finish': () => flows.dispatch(flow, (f) => f.finish()),
  };
}
