import type { PrintJobStatus } from '../journal/print_job_rows.js';
import type { TransactionResolvers } from '../journal/transaction_recovery.js';
import type { FlowId, flowMethods } from '../rpc/flow_contract.js';
import type { MethodHandlers } from '../rpc/router.js';
import { bookAppointmentFlow } from './booking/book_appointment_flow.js';
import { bookAppointmentFlowHandlers, checkInFlowHandlers } from './booking/booking_handlers.js';
import { bookingTransactionResolvers } from './booking/booking_resolvers.js';
import { prepareBookingFlows } from './booking/catalogue_cache.js';
import { checkInFlow } from './booking/check_in_flow.js';
import { checkProofFlow } from './check_proof/check_proof_flow.js';
import { checkProofFlowHandlers } from './check_proof/check_proof_handlers.js';
import { collectDocumentFlow } from './collect_document/collect_document_flow.js';
import { collectDocumentFlowHandlers } from './collect_document/collect_document_handlers.js';
import { collectionResolver } from './collect_document/collection_resolver.js';
import type { FlowDefinition, FlowServices, RunningFlow } from './flow.js';
import type { FlowRunner } from './flow_runner.js';
import { homeFlow } from './home/home_flow.js';
import { homeFlowHandlers } from './home/home_handlers.js';
import { identifyHandlers } from './identify/identify_handlers.js';
import { lockerApplyResolver } from './locker_apply/apply_transaction.js';
import { lockerApplyFlow } from './locker_apply/locker_apply_flow.js';
import { lockerApplyFlowHandlers } from './locker_apply/locker_apply_handlers.js';
import { lockerPickupFlow } from './locker_pickup/locker_pickup_flow.js';
import { lockerPickupFlowHandlers } from './locker_pickup/locker_pickup_handlers.js';
import { lockerPickupResolver } from './locker_pickup/pickup_journal.js';
import { maintenanceFlow } from './maintenance/maintenance_flow.js';
import { maintenanceFlowHandlers } from './maintenance/maintenance_handlers.js';
import { proofOfIdentityFlow } from './proof_of_identity/proof_of_identity_flow.js';
import { proofOfIdentityFlowHandlers } from './proof_of_identity/proof_of_identity_handlers.js';
import { proofResolver } from './proof_of_identity/proof_resolver.js';
import { publicationSaleResolver } from './publications/publication_sale_resolver.js';
import { publicationsFlow } from './publications/publications_flow.js';
import { publicationsFlowHandlers } from './publications/publications_handlers.js';
import { loadSimulatedVendingUnits } from './publications/simulated_vending_load.js';
import { staffSignInFlow } from './staff_sign_in/staff_sign_in_flow.js';
import { staffSignInFlowHandlers } from './staff_sign_in/staff_sign_in_handlers.js';

/**
 * Every flow the kiosk runs, by id — the one place a flow is registered in the main process. The type makes the
 * compiler refuse a flow the contract declares (electron/rpc/flow_contract.ts) but no definition runs.
 */
export const flowDefinitions = {
  home: homeFlow,
  'book-appointment': bookAppointmentFlow,
  'check-in': checkInFlow,
  'collect-document': collectDocumentFlow,
  'proof-of-identity': proofOfIdentityFlow,
  'staff-sign-in': staffSignInFlow,
  maintenance: maintenanceFlow,
  'check-proof': checkProofFlow,
  'locker-pickup': lockerPickupFlow,
  'locker-apply': lockerApplyFlow,
  publications: publicationsFlow,
} as const satisfies { [Id in FlowId]: FlowDefinition<Id, RunningFlow<Id>> };

export type FlowDefinitions = typeof flowDefinitions;
/** The running flow of `Id`, with its intent methods (e.g. `HomeFlow` for `home`). */
export type FlowOf<Id extends FlowId> = ReturnType<FlowDefinitions[Id]['start']>;

/** The intents of every flow, as RPC handlers: each flow's builder, spread (and the shared identify intents). */
export function flowHandlers(runner: FlowRunner): MethodHandlers<typeof flowMethods> {
  return {
    ...homeFlowHandlers(runner),
    ...bookAppointmentFlowHandlers(runner),
    ...checkInFlowHandlers(runner),
    ...identifyHandlers(runner),
    ...collectDocumentFlowHandlers(runner),
    ...proofOfIdentityFlowHandlers(runner),
    ...staffSignInFlowHandlers(runner),
    ...maintenanceFlowHandlers(runner),
    ...checkProofFlowHandlers(runner),
    ...lockerPickupFlowHandlers(runner),
    ...lockerApplyFlowHandlers(runner),
    ...publicationsFlowHandlers(runner),
  };
}

/**
 * Work the flows do between residents: the booking flows' catalogue is fetched and indexed at start and after a
 * session when it is old, so no resident waits for it; a simulated vending unit is loaded. Returns how to stop.
 */
export function prepareFlows(
  services: Pick<FlowServices, 'backend' | 'clock' | 'session' | 'config' | 'devices'>,
): () => void {
  // A simulated vending unit is loaded as the backend's planogram says (development and test only).
  void loadSimulatedVendingUnits(services);
  return prepareBookingFlows(services);
}

/**
 * How each flow's transactions left unfinished (a crash, a backend that stopped answering, a resident who left
 * while a change had no answer) are settled by recovery: one resolver per transaction kind, from the flow that
 * owns it.
 */
export function flowTransactionResolvers(
  services: Pick<FlowServices, 'backend' | 'config'>,
  journal: { printJobStatus: (idempotencyKey: string) => PrintJobStatus | undefined },
): TransactionResolvers {
  return {
    ...bookingTransactionResolvers(services.backend),
    collection: collectionResolver({ backend: services.backend, terminalId: services.config.terminal.id }),
    'identity-proof': proofResolver({ printJobStatus: journal.printJobStatus }),
    'locker-pickup': lockerPickupResolver(services.backend),
    'locker-apply': lockerApplyResolver(services.backend),
    'publication-sale': publicationSaleResolver(services.backend),
  };
}
