import { z } from 'zod';
import { type DomainMethods, noParams } from '../method_spec.js';
import { IdentifyViewSchema } from './identify_contract.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * Proof of identity (個人資料證明書): a resident identifies with their document and PIN, chooses the languages the
 * proof is printed in, previews the very page that will print, and prints it on the A4 printer with its signed QR
 * and verification code, which the backend registers so anyone can check it. State machine:
 * electron/flows/proof_of_identity/; screens: renderer/flows/proof_of_identity/.
 *
 *   identify ──► choose ──choose──► preparing ──► preview ──print──► printing ──► done
 *                  ▲                                 └──back──┘          └──► failed (backend, printer)
 */

const service = { service: z.literal('proof-of-identity') };

/** The pairs the government prints proofs in: Chinese with Portuguese, or Chinese with English. */
export const ProofLanguagesSchema = z.enum(['zh-pt', 'zh-en']);
export type ProofLanguages = z.infer<typeof ProofLanguagesSchema>;

/** The page as a PNG data URL, rasterised from the PDF the printer gets (a few hundred kB at most). */
const PreviewSchema = z
  .string()
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/)
  .max(3_000_000);

export const ProofOfIdentityFlowViewSchema = z.discriminatedUnion('step', [
  z.object({ ...service, step: z.literal('identify'), identify: IdentifyViewSchema }),
  z.object({ ...service, step: z.literal('choose') }),
  z.object({ ...service, step: z.literal('preparing'), languages: ProofLanguagesSchema }),
  z.object({
    ...service,
    step: z.literal('preview'),
    languages: ProofLanguagesSchema,
    preview: PreviewSchema,
  }),
  z.object({ ...service, step: z.literal('printing') }),
  z.object({
    ...service,
    step: z.literal('done'),
    /** Printed under the QR: a third party checks it at any kiosk's "Check a proof" or by the code. */
    verificationCode: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  }),
  z.object({
    ...service,
    step: z.literal('failed'),
    /**
     * `backend`: the government services could not register the proof (nothing printed); `cannot-issue`: the
     * document lacks a fact the proof states (a date of birth or of expiry), or the page cannot be made;
     * `printer`: the A4 printer cannot print now.
     */
    reason: z.enum(['backend', 'cannot-issue', 'printer']),
  }),
]);
export type ProofOfIdentityFlowView = z.infer<typeof ProofOfIdentityFlowViewSchema>;

export const proofOfIdentityFlowMethods = {
  'proof-of-identity.choose': {
    params: z.object({ languages: ProofLanguagesSchema }).strict(),
    result: IntentResultSchema,
  },
  'proof-of-identity.print': { params: noParams, result: IntentResultSchema },
  'proof-of-identity.finish': { params: noParams, result: IntentResultSchema },
  'proof-of-identity.back': { params: noParams, result: IntentResultSchema },
  'proof-of-identity.cancel': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'proof-of-identity'>;
