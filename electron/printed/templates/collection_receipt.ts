/** 80 mm receipt for a collected identity or travel document (collected in person or from a locker). */
import { z } from 'zod';
import { DocumentLanguageSchema, LocalisedTextSchema, languagePair } from '../document_language.js';
import type { DocumentModel } from '../pdf/document_model.js';
import {
  both,
  dateTimeBoth,
  field,
  header,
  localised,
  pdfTitle,
  ticketFooter,
  twoLines,
} from './bilingual_blocks.js';
import { DocumentTypeSchema, InstantSchema, TerminalIdSchema } from './common_schemas.js';
import { type MaskPolicy, maskDocumentNumber } from './document_number_mask.js';

export const CollectionReceiptSchema = z.object({
  language: DocumentLanguageSchema,
  documentType: DocumentTypeSchema,
  applicationReference: z.string().regex(/^[A-Z0-9-]{4,32}$/),
  /** The collected document's number, when the kiosk knows it (a document released by the kiosk: the backend
   * does not send it, and the receipt names the collection instead). */
  documentNumber: z.string().min(4).max(24).optional(),
  department: LocalisedTextSchema,
  centre: LocalisedTextSchema,
  collectedAt: InstantSchema,
  terminalId: TerminalIdSchema,
});
export type CollectionReceipt = z.infer<typeof CollectionReceiptSchema>;

export function composeCollectionReceipt(input: CollectionReceipt, mask: MaskPolicy): DocumentModel {
  const pair = languagePair(input.language);
  const [docType, docTypeSecondary] = both(pair, `identityProof.documentTypes.${input.documentType}`);
  const [confirm] = both(pair, 'collection.confirm');
  return {
    paper: 'ticket',
    title: pdfTitle(input.language, 'Collection receipt'),
    blocks: [
      ...header(pair, 'collection.title', 'ticket'),
      field(pair, 'collection.documentType', twoLines(docType, docTypeSecondary), { size: 10 }),
      ...(input.documentNumber === undefined
        ? []
        : [
            field(pair, 'collection.documentNumber', maskDocumentNumber(input.documentNumber, mask), {
              size: 11,
            }),
          ]),
      field(pair, 'collection.applicationReference', input.applicationReference),
      field(pair, 'common.department', localised(pair, input.department)),
      field(pair, 'common.centre', localised(pair, input.centre)),
      field(pair, 'collection.collectedAt', dateTimeBoth(pair, input.collectedAt)),
      { kind: 'text', text: confirm, size: 7.5, weight: 'regular', align: 'left', gapAfter: 4 },
      ...ticketFooter(pair, input.terminalId, input.collectedAt),
    ],
  };
}
