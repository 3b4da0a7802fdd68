import type { identifyMethods } from '../../rpc/flows/identify_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { FlowRunner } from '../flow_runner.js';

/** The shared `identify.*` intents, each handed to the identification the running flow shows (if any). */
export function identifyHandlers(flows: FlowRunner): MethodHandlers<typeof identifyMethods> {
  return {
    'identify.confirm': () => flows.dispatchIdentify((identification) => identification.confirm()),
    'identify.notMe': () => flows.dispatchIdentify((identification) => identification.notMe()),
    'identify.submitPin': ({ pin }) =>
      flows.dispatchIdentify((identification) => identification.submitPin(pin)),
    'identify.submitMrz': (typed) =>
      flows.dispatchIdentify((identification) => identification.submitMrz(typed)),
    'identify.retry': () => flows.dispatchIdentify((identification) => identification.retry()),
    'identify.back': () => flows.dispatchIdentify((identification) => identification.back()),
    'identify.cancel': () => flows.dispatchIdentify((identification) => identification.cancel()),
  };
}
