/**
 * The one entry point for printed documents: validate the template's input, compose it, check fonts, render.
 * Inputs are unknown until zod says otherwise (they arrive from services and the RPC boundary).
 */
import type { z } from 'zod';
import { err, ok, type Result, resultBlock } from '../../lib/result.js';
import { type DocumentLanguage, languagePair, scriptFor } from './document_language.js';
import { type FontChainError, loadFontChain } from './fonts/font_chain.js';
import { type FontConfig, resolveFontConfig } from './fonts/font_config.js';
import type { DocumentModel, Paper } from './pdf/document_model.js';
import { type RenderError, type RenderOptions, renderPdf } from './pdf/render_pdf.js';
import { type TemplateId, templateIds } from './template_ids.js';
import { AppointmentSlipSchema, composeAppointmentSlip } from './templates/appointment_slip.js';
import { CollectionReceiptSchema, composeCollectionReceipt } from './templates/collection_receipt.js';
import { defaultMaskPolicy, type MaskPolicy } from './templates/document_number_mask.js';
import { composeIdentityProof, IdentityProofSchema } from './templates/identity_proof.js';
import {
  composeLockerApplicationSlip,
  LockerApplicationSlipSchema,
} from './templates/locker_application_slip.js';
import { composeLockerPickupReceipt, LockerPickupReceiptSchema } from './templates/locker_pickup_receipt.js';
import { composeLockerPickupSlip, LockerPickupSlipSchema } from './templates/locker_pickup_slip.js';
import { composePublicationReceipt, PublicationReceiptSchema } from './templates/publication_receipt.js';
import { composeQueueTicket, QueueTicketSchema } from './templates/queue_ticket.js';
import type { SignedDocument, TerminalSigningKey } from './verification/document_signing.js';

export { type TemplateId, templateIds };

export const templateSchemas = {
  'appointment-slip': AppointmentSlipSchema,
  'queue-ticket': QueueTicketSchema,
  'identity-proof': IdentityProofSchema,
  'collection-receipt': CollectionReceiptSchema,
  'locker-pickup-slip': LockerPickupSlipSchema,
  'publication-receipt': PublicationReceiptSchema,
  'locker-application-slip': LockerApplicationSlipSchema,
  'locker-pickup-receipt': LockerPickupReceiptSchema,
} satisfies Record<TemplateId, z.ZodType>;
export type TemplateInput<T extends TemplateId> = z.infer<(typeof templateSchemas)[T]>;

export interface DocumentRendererConfig {
  /** Font chains; the platform's defaults when absent. */
  fonts?: FontConfig;
  /** How much of a document number to print; first 1 and last 3 by default. */
  mask?: MaskPolicy;
  /** The terminal's key; only the identity proof needs it. */
  signingKey?: TerminalSigningKey;
}

export type DocumentError =
  | { code: 'invalid-input'; issues: string[] }
  | { code: 'signing-key-missing' }
  | FontChainError
  | RenderError;

export interface RenderedDocument {
  template: TemplateId;
  paper: Paper;
  pdf: Uint8Array;
  widthPt: number;
  heightPt: number;
  /** Present for the identity proof: the QR text and short code that were printed. */
  verification?: SignedDocument;
}

export type DocumentResult = Result<RenderedDocument, DocumentError>;

interface ComposedDocument {
  language: DocumentLanguage;
  model: DocumentModel;
  verification?: SignedDocument;
}

function compose(
  template: TemplateId,
  input: unknown,
  config: DocumentRendererConfig,
): Result<ComposedDocument, DocumentError> {
  const schema = templateSchemas[template];
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    // Paths and messages only: zod's messages never quote the rejected (possibly personal) value.
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return err({ code: 'invalid-input', issues });
  }
  const mask = config.mask ?? defaultMaskPolicy;
  const { language } = parsed.data;
  // Each schema already accepted the input above; parsing again narrows the union to the template's type.
  switch (template) {
    case 'appointment-slip':
      return ok({ language, model: composeAppointmentSlip(AppointmentSlipSchema.parse(parsed.data)) });
    case 'queue-ticket':
      return ok({ language, model: composeQueueTicket(QueueTicketSchema.parse(parsed.data)) });
    case 'collection-receipt':
      return ok({
        language,
        model: composeCollectionReceipt(CollectionReceiptSchema.parse(parsed.data), mask),
      });
    case 'locker-pickup-slip':
      return ok({ language, model: composeLockerPickupSlip(LockerPickupSlipSchema.parse(parsed.data)) });
    case 'publication-receipt':
      return ok({ language, model: composePublicationReceipt(PublicationReceiptSchema.parse(parsed.data)) });
    case 'locker-application-slip':
      return ok({
        language,
        model: composeLockerApplicationSlip(LockerApplicationSlipSchema.parse(parsed.data)),
      });
    case 'locker-pickup-receipt':
      return ok({
        language,
        model: composeLockerPickupReceipt(LockerPickupReceiptSchema.parse(parsed.data)),
      });
    case 'identity-proof': {
      if (!config.signingKey) return err({ code: 'signing-key-missing' });
      const composed = composeIdentityProof(IdentityProofSchema.parse(parsed.data), mask, config.signingKey);
      return ok({ language, model: composed.model, verification: composed.verification });
    }
    default: {
      const unreachable: never = template;
      throw new Error(`unknown template ${String(unreachable)}`);
    }
  }
}

export async function renderDocument(
  template: TemplateId,
  input: unknown,
  config: DocumentRendererConfig = {},
  options: RenderOptions = {},
): Promise<DocumentResult> {
  return resultBlock(async (take) => {
    const composed = take(compose(template, input, config));
    const chain = take(
      loadFontChain(resolveFontConfig(config.fonts), scriptFor(languagePair(composed.language))),
    );
    const rendered = take(await renderPdf(composed.model, chain, options));
    return ok({
      template,
      paper: composed.model.paper,
      ...rendered,
      ...(composed.verification ? { verification: composed.verification } : {}),
    });
  });
}
