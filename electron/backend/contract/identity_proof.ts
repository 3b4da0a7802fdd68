import { z } from 'zod';
import { IdempotencyKeySchema, StaffIdSchema, TerminalIdSchema, TimestampSchema } from './common.js';

/**
 * Printed proofs of identity (個人資料證明書). The kiosk signs the document itself (electron/printed/verification);
 * the backend only keeps its verification code with the masked facts printed on it, so that anyone can check a
 * code and so that a proof can be revoked. The backend never receives the full name, the date of birth or the
 * unmasked document number.
 */

/** Crockford base-32, `XXXX-XXXX-XXXX`, as printed under the QR. */
export const VerificationCodeSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
  .meta({ id: 'VerificationCode' });

export const ProofFactsSchema = z
  .strictObject({
    documentType: z.enum(['bir', 'passport', 'travelPermit']),
    /** As printed: e.g. `1****567(8)`. */
    documentNumberMasked: z.string().min(1).max(40),
    /** As printed: e.g. `CHAN T** M**`. */
    nameMasked: z.string().min(1).max(60),
  })
  .meta({ id: 'ProofFacts' });

export const RegisterProofRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  verificationCode: VerificationCodeSchema,
  terminalId: TerminalIdSchema,
  issuedAt: TimestampSchema,
  facts: ProofFactsSchema,
});
export const ProofRegisteredSchema = z
  .strictObject({ verificationCode: VerificationCodeSchema, registeredAt: TimestampSchema })
  .meta({ id: 'ProofRegistered' });

export const RevocationReasonSchema = z
  .enum(['issued-in-error', 'document-reported-lost', 'fraud-suspected', 'holder-request'])
  .meta({ id: 'RevocationReason' });

export const VerifyProofRequestSchema = z.strictObject({ verificationCode: VerificationCodeSchema });
export const ProofStatusSchema = z
  .discriminatedUnion('status', [
    z.strictObject({
      status: z.literal('genuine'),
      verificationCode: VerificationCodeSchema,
      terminalId: TerminalIdSchema,
      issuedAt: TimestampSchema,
      facts: ProofFactsSchema,
    }),
    z.strictObject({
      status: z.literal('revoked'),
      verificationCode: VerificationCodeSchema,
      terminalId: TerminalIdSchema,
      issuedAt: TimestampSchema,
      revokedAt: TimestampSchema,
      reason: RevocationReasonSchema,
    }),
    z.strictObject({ status: z.literal('unknown'), verificationCode: VerificationCodeSchema }),
  ])
  .meta({ id: 'ProofStatus' });

export const RevokeProofRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  verificationCode: VerificationCodeSchema,
  staffId: StaffIdSchema,
  reason: RevocationReasonSchema,
});
export const ProofRevokedSchema = z
  .strictObject({ verificationCode: VerificationCodeSchema, revokedAt: TimestampSchema })
  .meta({ id: 'ProofRevoked' });
