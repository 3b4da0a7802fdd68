import type { lockerApplyFlowMethods } from '../../rpc/flows/locker_apply_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { FlowRunner } from '../flow_runner.js';

/** The Smart Locker application's intents, each handed to the running flow (refused if the resident is elsewhere). */
export function lockerApplyFlowHandlers(flows: FlowRunner): MethodHandlers<typeof lockerApplyFlowMethods> {
  const apply = 'locker-apply';
  return {
    'locker-apply.chooseService': ({ serviceId }) => flows.dispatch(apply, (f) => f.chooseService(serviceId)),
    'locker-apply.choosePoint': ({ pointId }) => flows.dispatch(apply, (f) => f.choosePoint(pointId)),
    'locker-apply.apply': () => flows.dispatch(apply, (f) => f.apply()),
    'locker-apply.tryAgain': () => flows.dispatch(apply, (f) => f.tryAgain()),
    'locker-apply.back': () => flows.dispatch(apply, (f) => f.back()),
    'locker-apply.cancel': () => flows.dispatch(apply, (f) => f.cancel()),
    'locker-apply.finish': () => flows.dispatch(apply, (f) => f.finish()),
  };
}
