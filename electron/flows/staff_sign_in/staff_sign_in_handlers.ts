import type { staffSignInFlowMethods } from '../../rpc/flows/staff_sign_in_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { FlowRunner } from '../flow_runner.js';

/**
 * Staff sign-in's intents. `open` (the hidden gesture) starts a staff session when nobody is using the kiosk; the
 * others go to the running sign-in flow. A badge arrives through the scanner (staff_door.ts), never as an intent.
 */
export function staffSignInFlowHandlers(flows: FlowRunner): MethodHandlers<typeof staffSignInFlowMethods> {
  return {
    'staff-sign-in.open': () => flows.startStaffSession(),
    'staff-sign-in.enterPin': ({ pin }) => flows.dispatch('staff-sign-in', (flow) => flow.enterPin(pin)),
    'staff-sign-in.back': () => flows.dispatch('staff-sign-in', (flow) => flow.back()),
    'staff-sign-in.cancel': () => flows.dispatch('staff-sign-in', (flow) => flow.cancel()),
  };
}
