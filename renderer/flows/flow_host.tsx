import type { FlowView } from '../../electron/rpc/flow_contract.js';
import { BookAppointmentScreens } from './booking/book_appointment_screens.js';
import { CheckInScreens } from './booking/check_in_screens.js';
import { CheckProofScreens } from './check_proof/check_proof_screens.js';
import { CollectDocumentScreens } from './collect_document/collect_document_screens.js';
import { HomeFlowScreens } from './home/home_flow_screens.js';
import { LockerApplyScreens } from './locker_apply/locker_apply_screens.js';
import { LockerPickupScreens } from './locker_pickup/locker_pickup_screens.js';
import { MaintenanceScreens } from './maintenance/maintenance_screens.js';
import { ProofOfIdentityScreens } from './proof_of_identity/proof_of_identity_screens.js';
import { PublicationsScreens } from './publications/publications_screens.js';
import { StaffSignInScreens } from './staff_sign_in/staff_sign_in_screens.js';

/**
 * Shows the step of the flow the resident is on, as the main process reports it in the session view
 * (`session.flow`): the flow by `flow.service`, then its screen by `flow.step`. Screens send the resident's
 * choices as intents through the one RPC context (`useRpc()`), and never navigate on the client: the next step
 * arrives as `session.changed`, and a reload or a reconnect redraws the same step from the snapshot.
 *
 * Adding a flow (booking, collection, proof of identity, Smart Locker, maintenance…): docs/flows.md. On this
 * side it is one folder `renderer/flows/<flow>/` with a component per step and a `<Flow>Screens` switch, and one
 * case below — the compiler points here when the contract declares a flow this switch does not draw.
 */
export function FlowHost({ flow }: { flow: FlowView }) {
  switch (flow.service) {
    case 'home':
      return <HomeFlowScreens view={flow} />;
    case 'book-appointment':
      return <BookAppointmentScreens view={flow} />;
    case 'check-in':
      return <CheckInScreens view={flow} />;
    case 'collect-document':
      return <CollectDocumentScreens view={flow} />;
    case 'proof-of-identity':
      return <ProofOfIdentityScreens view={flow} />;
    case 'staff-sign-in':
      return <StaffSignInScreens view={flow} />;
    case 'maintenance':
      return <MaintenanceScreens view={flow} />;
    case 'check-proof':
      return <CheckProofScreens view={flow} />;
    case 'locker-pickup':
      return <LockerPickupScreens view={flow} />;
    case 'locker-apply':
      return <LockerApplyScreens view={flow} />;
    case 'publications':
      return <PublicationsScreens view={flow} />;
    default: {
      const unreachable: never = flow;
      return unreachable;
    }
  }
}
