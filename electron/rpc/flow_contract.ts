import { z } from 'zod';
import {
  CollectDocumentFlowViewSchema,
  collectDocumentFlowMethods,
} from './flows/collect_document_contract.js';
import { HomeFlowViewSchema, homeFlowMethods } from './flows/home_contract.js';
import { identifyMethods } from './flows/identify_contract.js';
import {
  ProofOfIdentityFlowViewSchema,
  proofOfIdentityFlowMethods,
} from './flows/proof_of_identity_contract.js';

/**
 * Every flow the kiosk runs, composed: the step views the session carries (`SessionView.flow`, discriminated by
 * `service`) and the intents the screens send. One contract module per flow sits in `flows/`; a new flow adds its
 * view schema and its methods here, and nowhere else in the contract. See docs/flows.md.
 */
export const FlowViewSchema = z.discriminatedUnion('service', [
  HomeFlowViewSchema,
  CollectDocumentFlowViewSchema,
  ProofOfIdentityFlowViewSchema,
]);
export type FlowView = z.infer<typeof FlowViewSchema>;
/** A flow's id: `home`, and (as the resident flows come) the id of the service each one serves. */
export type FlowId = FlowView['service'];
export type FlowViewOf<Id extends FlowId> = Extract<FlowView, { service: Id }>;

/** Every flow's intents, and the shared `identify.*` intents of the identification a flow embeds. */
export const flowMethods = {
  ...homeFlowMethods,
  ...identifyMethods,
  ...collectDocumentFlowMethods,
  ...proofOfIdentityFlowMethods,
} as const;
