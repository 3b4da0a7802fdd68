import type { z } from 'zod';
import { macauIso } from '../../../lib/macau_time.js';
import { err, ok, type Result } from '../../../lib/result.js';
import type { ProofFactsSchema } from '../../backend/contract/identity_proof.js';
import { callKey } from '../../journal/transaction_journal.js';
import type { RenderedDocument } from '../../printed/document_renderer.js';
import { previewPage } from '../../printed/raster/page_preview.js';
import { defaultMaskPolicy, maskDocumentNumber } from '../../printed/templates/document_number_mask.js';
import type { IdentityProof } from '../../printed/templates/identity_proof.js';
import { maskName } from '../../printed/templates/name_mask.js';
import type { ProofLanguages } from '../../rpc/flows/proof_of_identity_contract.js';
import type { FlowServices } from '../flow.js';
import type { IdentityDocumentDetails } from '../identify/identify_types.js';

/**
 * One proof of identity, from the chip's facts to paper, journalled (`identity-proof`):
 *
 *   started → identified (subject: the verification code) → [register] → reserved → printed → confirmed
 *
 * The proof is rendered and signed once, when the resident chooses its languages; the preview is that PDF's page
 * and the printer gets that same PDF. The backend registers the verification code BEFORE the page prints: a proof
 * on paper is then always one the backend can vouch for (the other order could leave a printed proof that checks
 * as "unknown" after a lost reply). The backend gets only the masked facts the page shows.
 */

export type ProofServices = Pick<
  FlowServices,
  'backend' | 'clock' | 'config' | 'journal' | 'logger' | 'printing'
>;

/** A proof rendered for a resident, waiting for them to print it. Personal data: dropped with the flow. */
export interface PreparedProof {
  transactionId: number;
  document: RenderedDocument;
  verificationCode: string;
  facts: ProofFacts;
  issuedAt: string;
  preview: string;
}

type ProofFacts = z.infer<typeof ProofFactsSchema>;

export type ProofFailure = 'backend' | 'cannot-issue' | 'printer';

/** The journalled call that registers the code; the print job's key derives from its key (proof_resolver.ts). */
export const registerOperation = 'register';

/** The print job's idempotency key: one per registration, so a repeated submit finds the same job. */
export function proofPrintKey(registerKey: string): string {
  return callKey(registerKey, 'print');
}

const documentTypes = { passport: 'passport', 'id-card': 'bir' } as const;

/** The template's input from what the chip said, or null when the document lacks a fact the proof states. */
function proofInput(
  services: ProofServices,
  details: IdentityDocumentDetails,
  languages: ProofLanguages,
  serial: string,
  issuedAt: string,
): IdentityProof | null {
  const { birthDate, expiryDate } = details;
  if (details.kind === 'residence-permit' || birthDate === undefined || expiryDate === undefined) return null;
  return {
    language: 'zh-Hant',
    secondaryLanguage: languages === 'zh-pt' ? 'pt' : 'en',
    nameOnDocument: details.nameOnDocument,
    documentType: documentTypes[details.kind],
    documentNumber: details.number,
    dateOfBirth: birthDate,
    dateOfExpiry: expiryDate,
    centre: services.config.site.name,
    terminalId: services.config.terminal.id,
    issuedAt,
    serial,
  };
}

export async function prepareProof(
  services: ProofServices,
  details: IdentityDocumentDetails,
  languages: ProofLanguages,
  sessionId: string,
): Promise<Result<PreparedProof, ProofFailure>> {
  const { transactions } = services.journal;
  const started = transactions.start('identity-proof', sessionId);
  if (!started.ok) return err('cannot-issue');
  const transactionId = started.value.id;
  const fail = (failure: ProofFailure, reason: string): Result<PreparedProof, ProofFailure> => {
    transactions.void(transactionId, reason);
    return err(failure);
  };
  const issuedAt = macauIso(services.clock.now());
  const serial = `${services.config.terminal.id}-${transactionId}`.slice(-40);
  const input = proofInput(services, details, languages, serial, issuedAt);
  if (input === null) return fail('cannot-issue', 'missing-facts');
  const rendered = await services.printing.render('identity-proof', input);
  if (!rendered.ok || rendered.value.verification === undefined)
    return fail('cannot-issue', 'not-renderable');
  const preview = await previewPage(rendered.value.pdf);
  if (!preview.ok) return fail('cannot-issue', `preview-${preview.error.code}`);
  const { verificationCode } = rendered.value.verification;
  if (!transactions.advance(transactionId, 'identified').ok) return fail('cannot-issue', 'journal');
  if (!transactions.recordSubject(transactionId, verificationCode).ok) return fail('cannot-issue', 'journal');
  const mask = services.config.documents.documentNumberMask ?? defaultMaskPolicy;
  return ok({
    transactionId,
    document: rendered.value,
    verificationCode,
    issuedAt,
    preview: preview.value,
    facts: {
      documentType: input.documentType,
      documentNumberMasked: maskDocumentNumber(details.number, mask),
      nameMasked: maskName({
        fullName: details.nameOnDocument,
        ...(details.surname === undefined ? {} : { surname: details.surname }),
        ...(details.givenNames === undefined ? {} : { givenNames: details.givenNames }),
      }),
    },
  });
}

/** The resident went back or left before printing: nothing was registered or printed. */
export function abandonProof(services: ProofServices, proof: PreparedProof): void {
  services.journal.transactions.void(proof.transactionId, 'cancelled');
}

/**
 * Registers the code, then prints the previewed PDF; resolves with the print job once the pipeline has it. The
 * print overlay follows the job (paper out, cover open) and the flow waits for the printer's confirmation.
 */
export async function issueProof(
  services: ProofServices,
  proof: PreparedProof,
): Promise<Result<{ jobId: number }, ProofFailure>> {
  const { transactions } = services.journal;
  const id = proof.transactionId;
  const call = transactions.recordCall(id, registerOperation);
  if (!call.ok) return err('backend');
  const registered = await services.backend.registerProof({
    idempotencyKey: call.value.idempotencyKey,
    verificationCode: proof.verificationCode,
    terminalId: services.config.terminal.id,
    issuedAt: proof.issuedAt,
    facts: proof.facts,
  });
  if (!registered.ok) {
    services.logger.log('proof-not-issued', {
      transactionId: id,
      step: 'register',
      error: registered.error.kind === 'rejected' ? registered.error.rejection.code : registered.error.kind,
    });
    // Unanswered, it may be registered: staff (or a revocation) settle it; refused, nothing exists.
    if (registered.error.kind === 'rejected') transactions.void(id, 'register-refused');
    else transactions.handToStaff(id, `register-${registered.error.kind}`);
    return err('backend');
  }
  if (!transactions.advance(id, 'reserved').ok) return err('backend');
  const printKey = proofPrintKey(call.value.idempotencyKey);
  const printed = await services.printing.printRenderedForSession(proof.document, {
    idempotencyKey: printKey,
  });
  if (!printed.ok) {
    services.logger.log('proof-not-issued', { transactionId: id, step: 'print', error: printed.error.code });
    transactions.handToStaff(id, 'print-not-queued');
    return err('printer');
  }
  return ok(printed.value);
}

/** The printer confirmed the page: the proof exists on paper and in the backend. */
export function proofPrinted(services: ProofServices, proof: PreparedProof): void {
  const { transactions } = services.journal;
  transactions.advance(proof.transactionId, 'printed');
  transactions.advance(proof.transactionId, 'confirmed');
  services.logger.log('proof-issued', { transactionId: proof.transactionId });
}
