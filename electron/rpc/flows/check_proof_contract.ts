import { z } from 'zod';
import { type DomainMethods, noParams } from '../method_spec.js';
import { CalendarDateSchema, InstantSchema } from './booking_parts.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * Checking a printed proof of identity, for anyone (a bank clerk, an employer, the holder): the proof's QR is
 * scanned and checked against the backend's key table and its register of proofs. State machine:
 * electron/flows/check_proof/; screens: renderer/flows/check_proof/.
 *
 *   scan ──(QR scanned)──► checking ──► result (a verdict) ──again──► scan
 *     ▲   (not a proof: scan again, with a notice)  └──► problem (backend unreachable) ──retry──► checking
 *     └──typeCode──► type-code ──submitCode──► checking   (a damaged QR: its verification code typed instead;
 *                      ▲ (mistyped, not found, or waiting: typed lookups are limited per terminal)
 */

const service = { service: z.literal('check-proof') };

const VerificationCodeSchema = z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
const TerminalIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,32}$/);

/** What a genuine proof attests, masked exactly as printed: never the full name, number or birth date. */
export const ProofFactsViewSchema = z.object({
  documentType: z.enum(['bir', 'passport', 'travelPermit']),
  documentNumberMasked: z.string().min(1).max(40),
  nameMasked: z.string().min(1).max(60),
});
export type ProofFactsView = z.infer<typeof ProofFactsViewSchema>;

/** Who issued a proof and when (the terminal's id as printed on the page). */
const IssueSchema = {
  verificationCode: VerificationCodeSchema,
  terminalId: TerminalIdSchema,
  issuedAt: InstantSchema,
};

/**
 * - `genuine`: signed by the key the backend holds for the terminal it names, registered, not revoked, and the
 *   register states what the QR states;
 * - `expired`: all of that, but the document it attests had expired by today: it no longer proves identity;
 * - `revoked`: genuine, but revoked (lost document, issued in error…) — since `revokedAt`;
 * - `altered`: the signature holds, but the backend's register states other facts, another terminal or time;
 * - `forged`: the signature is not the terminal's key's (made or changed by someone else), or it holds but the
 *   backend never registered the proof (every proof is registered before it prints, so it was not issued here);
 * - `unknown-key`: it names a terminal the backend has no key for;
 * - `key-revoked`: signed by a key of the terminal's that was declared compromised (since `keyRevokedAt`): nothing
 *   it signed can be trusted, whenever it says it was issued;
 * - `outside-key-validity`: signed by one of the terminal's keys, but one it was not using at the time the proof
 *   says it was issued (`issuedAt`, as claimed): a retired key signing after its retirement, or a date moved.
 *
 * A typed verification code (no QR to check) is looked up in the backend's register: `genuine`, `revoked`, or
 * `key-revoked` when the key the terminal used then has been revoked since.
 */
export const ProofVerdictSchema = z.discriminatedUnion('verdict', [
  z.object({ verdict: z.literal('genuine'), ...IssueSchema, facts: ProofFactsViewSchema }),
  z.object({
    verdict: z.literal('expired'),
    ...IssueSchema,
    facts: ProofFactsViewSchema,
    documentExpiredOn: CalendarDateSchema,
  }),
  z.object({ verdict: z.literal('revoked'), ...IssueSchema, revokedAt: InstantSchema }),
  z.object({ verdict: z.literal('altered'), verificationCode: VerificationCodeSchema }),
  z.object({ verdict: z.literal('forged') }),
  z.object({ verdict: z.literal('unknown-key'), terminalId: TerminalIdSchema }),
  z.object({ verdict: z.literal('key-revoked'), terminalId: TerminalIdSchema, keyRevokedAt: InstantSchema }),
  z.object({
    verdict: z.literal('outside-key-validity'),
    terminalId: TerminalIdSchema,
    issuedAt: InstantSchema,
  }),
]);
export type ProofVerdict = z.infer<typeof ProofVerdictSchema>;

/** Why the scan step asks again: the code is not a Balcão proof's QR, or the scanner could not read it. */
export const ProofScanNoticeSchema = z.enum(['not-a-proof', 'scan-failed']).nullable();
export type ProofScanNotice = z.infer<typeof ProofScanNoticeSchema>;

/** Why the type-code step asks again: not 12 letters and digits of the code's alphabet, or no proof has it. */
export const TypedCodeProblemSchema = z.enum(['format', 'not-found']).nullable();
export type TypedCodeProblem = z.infer<typeof TypedCodeProblemSchema>;

/** What a person may type: anything up to 64 characters; the flow reads the code out of it, or says `format`. */
export const TypedProofCodeSchema = z.string().max(64);

export const CheckProofFlowViewSchema = z.discriminatedUnion('step', [
  z.object({ ...service, step: z.literal('scan'), notice: ProofScanNoticeSchema }),
  z.object({
    ...service,
    step: z.literal('type-code'),
    problem: TypedCodeProblemSchema,
    /** Too many codes not found at this kiosk: typed codes are refused until then (a scan still works). */
    waitUntil: InstantSchema.nullable(),
  }),
  z.object({ ...service, step: z.literal('checking') }),
  z.object({ ...service, step: z.literal('result'), result: ProofVerdictSchema }),
  z.object({ ...service, step: z.literal('problem') }),
]);
export type CheckProofFlowView = z.infer<typeof CheckProofFlowViewSchema>;

export const checkProofFlowMethods = {
  /** `scan`: the QR cannot be read — type the verification code printed under it instead. */
  'check-proof.typeCode': { params: noParams, result: IntentResultSchema },
  /** `type-code`: look up what was typed. */
  'check-proof.submitCode': {
    params: z.strictObject({ code: TypedProofCodeSchema }),
    result: IntentResultSchema,
  },
  /** `result`: check another proof. */
  'check-proof.again': { params: noParams, result: IntentResultSchema },
  /** `problem`: ask the backend again about the same proof. */
  'check-proof.retry': { params: noParams, result: IntentResultSchema },
  /** `scan`: to the list of services; `type-code`, `result` or `problem`: to `scan`. */
  'check-proof.back': { params: noParams, result: IntentResultSchema },
  /** Leave: back to the list of services. */
  'check-proof.cancel': { params: noParams, result: IntentResultSchema },
  'check-proof.finish': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'check-proof'>;
