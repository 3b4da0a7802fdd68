import type { lockerPickupFlowMethods } from '../../rpc/flows/locker_pickup_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { FlowRunner } from '../flow_runner.js';

/** The pickup flow's intents, each handed to the running pickup flow (refused if the resident is elsewhere). */
export function lockerPickupFlowHandlers(flows: FlowRunner): MethodHandlers<typeof lockerPickupFlowMethods> {
  const pickup = 'locker-pickup';
  return {
    'locker-pickup.typeDigits': () => flows.dispatch(pickup, (flow) => flow.typeDigits()),
    'locker-pickup.submitDigits': ({ digits }) => flows.dispatch(pickup, (flow) => flow.submitDigits(digits)),
    'locker-pickup.tryAgain': () => flows.dispatch(pickup, (flow) => flow.tryAgain()),
    'locker-pickup.back': () => flows.dispatch(pickup, (flow) => flow.back()),
    'locker-pickup.cancel': () => flows.dispatch(pickup, (flow) => flow.cancel()),
    'locker-pickup.finish': () => flows.dispatch(pickup, (flow) => flow.finish()),
    'locker-pickup.printReceipt': () => flows.dispatch(pickup, (flow) => flow.printReceipt()),
  };
}
