import type { maintenanceFlowMethods } from '../../rpc/flows/maintenance_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { IntentOutcome } from '../flow.js';
import type { FlowRunner } from '../flow_runner.js';
import type { MaintenanceFlow } from './maintenance_flow.js';

/**
 * Maintenance's intents, each handed to the running maintenance flow (the router has already refused them unless
 * the kiosk is in maintenance; the runner refuses them unless a signed-in staff session is on that flow).
 */
export function maintenanceFlowHandlers(flows: FlowRunner): MethodHandlers<typeof maintenanceFlowMethods> {
  const to = (intent: (flow: MaintenanceFlow) => IntentOutcome | Promise<IntentOutcome>) =>
    flows.dispatch('maintenance', intent);
  return {
    'maintenance.openTool': ({ tool }) => to((flow) => flow.openTool(tool)),
    'maintenance.back': () => to((flow) => flow.back()),
    'maintenance.refresh': () => to((flow) => flow.refresh()),
    'maintenance.signOut': () => to((flow) => flow.signOut()),
    'maintenance.leave': () => to((flow) => flow.leave()),
    'maintenance.leaveAnyway': () => to((flow) => flow.leaveAnyway()),
    'maintenance.testDevice': ({ deviceId, test }) => to((flow) => flow.testDevice(deviceId, test)),
    'maintenance.reconnectDevice': ({ deviceId }) => to((flow) => flow.reconnectDevice(deviceId)),
    'maintenance.openDoor': ({ deviceId, door, reason }) =>
      to((flow) => flow.openDoor(deviceId, door, reason)),
    'maintenance.resetPaperCounter': ({ deviceId }) => to((flow) => flow.resetPaperCounter(deviceId)),
    'maintenance.reprint': ({ jobId, reason }) => to((flow) => flow.reprint(jobId, reason)),
    'maintenance.voidJob': ({ jobId, reason }) => to((flow) => flow.voidJob(jobId, reason)),
    'maintenance.resolveTransaction': ({ transactionId, outcome }) =>
      to((flow) => flow.resolveTransaction(transactionId, outcome.kind, outcome.reason)),
    'maintenance.acknowledgeAlert': ({ alertId }) => to((flow) => flow.acknowledgeAlert(alertId)),
    'maintenance.restartNow': () => to((flow) => flow.restartNow()),
    'maintenance.scheduleRestart': ({ hour, minute }) => to((flow) => flow.scheduleRestart(hour, minute)),
    'maintenance.cancelRestart': () => to((flow) => flow.cancelRestart()),
    'maintenance.writeSupportBundle': ({ destination }) => to((flow) => flow.writeSupportBundle(destination)),
    'maintenance.filterLogs': (filter) => to((flow) => flow.filterLogs(filter)),
    'maintenance.salesPeriod': ({ period, scope }) => to((flow) => flow.choosePeriod(period, scope)),
    'maintenance.slotAction': ({ action }) => to((flow) => flow.slotAction(action)),
  };
}
