import { z } from 'zod';
import {
  BookAppointmentFlowViewSchema,
  bookAppointmentFlowMethods,
} from './flows/book_appointment_contract.js';
import { CheckInFlowViewSchema, checkInFlowMethods } from './flows/check_in_contract.js';
import { CheckProofFlowViewSchema, checkProofFlowMethods } from './flows/check_proof_contract.js';
import {
  CollectDocumentFlowViewSchema,
  collectDocumentFlowMethods,
} from './flows/collect_document_contract.js';
import { HomeFlowViewSchema, homeFlowMethods } from './flows/home_contract.js';
import { identifyMethods } from './flows/identify_contract.js';
import { LockerApplyFlowViewSchema, lockerApplyFlowMethods } from './flows/locker_apply_contract.js';
import { LockerPickupFlowViewSchema, lockerPickupFlowMethods } from './flows/locker_pickup_contract.js';
import { MaintenanceFlowViewSchema, maintenanceFlowMethods } from './flows/maintenance_contract.js';
import {
  ProofOfIdentityFlowViewSchema,
  proofOfIdentityFlowMethods,
} from './flows/proof_of_identity_contract.js';
import { PublicationsFlowViewSchema, publicationsFlowMethods } from './flows/publications_contract.js';
import { StaffSignInFlowViewSchema, staffSignInFlowMethods } from './flows/staff_sign_in_contract.js';

/**
 * Every flow the kiosk runs, composed: the step views the session carries (`SessionView.flow`, discriminated by
 * `service`) and the intents the screens send. One contract module per flow sits in `flows/`; a new flow adds its
 * view schema and its methods here, and nowhere else in the contract. See docs/flows.md.
 */
export const FlowViewSchema = z.discriminatedUnion('service', [
  HomeFlowViewSchema,
  BookAppointmentFlowViewSchema,
  CheckInFlowViewSchema,
  CollectDocumentFlowViewSchema,
  ProofOfIdentityFlowViewSchema,
  StaffSignInFlowViewSchema,
  MaintenanceFlowViewSchema,
  CheckProofFlowViewSchema,
  LockerPickupFlowViewSchema,
  LockerApplyFlowViewSchema,
  PublicationsFlowViewSchema,
]);
export type FlowView = z.infer<typeof FlowViewSchema>;
/**
 * A flow's id: `home`, the id of the service each resident flow serves, and the staff flows (`staff-sign-in`,
 * `maintenance`), which run in a staff session.
 */
export type FlowId = FlowView['service'];
export type FlowViewOf<Id extends FlowId> = Extract<FlowView, { service: Id }>;

/** Every flow's id at run time; the compiler checks the list against the union above, both ways. */
export const flowIds = [
  'home',
  'book-appointment',
  'check-in',
  'collect-document',
  'proof-of-identity',
  'staff-sign-in',
  'maintenance',
  'check-proof',
  'locker-pickup',
  'locker-apply',
  'publications',
] as const satisfies readonly FlowId[];
type Unlisted = Exclude<FlowId, (typeof flowIds)[number]>;
const everyFlowListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFlowListed;

/** The flow of a resident service, if this release has one (a flow's id is its service's id). */
export function flowOfService(service: string): FlowId | undefined {
  return flowIds.find((id) => id === service && id !== 'home' && !isStaffFlow(id));
}

/** Every flow's intents, and the shared `identify.*` intents of the identification a flow embeds. */
export const flowMethods = {
  ...homeFlowMethods,
  ...bookAppointmentFlowMethods,
  ...checkInFlowMethods,
  ...identifyMethods,
  ...collectDocumentFlowMethods,
  ...proofOfIdentityFlowMethods,
  ...staffSignInFlowMethods,
  ...maintenanceFlowMethods,
  ...checkProofFlowMethods,
  ...lockerPickupFlowMethods,
  ...lockerApplyFlowMethods,
  ...publicationsFlowMethods,
} as const;

/** The flows a member of staff runs: a session in one of them is a staff session, never a resident's. */
export const staffFlowIds = ['staff-sign-in', 'maintenance'] as const satisfies readonly FlowId[];

export function isStaffFlow(id: FlowId): boolean {
  return (staffFlowIds as readonly FlowId[]).includes(id);
}
