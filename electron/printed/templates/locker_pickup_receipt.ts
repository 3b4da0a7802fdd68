/**
 * 80 mm Smart Locker (智取易) pickup receipt, printed at a locker station when the resident asks for one after
 * taking their item: which application, where, which door, when. No code: the code is spent.
 */
import { z } from 'zod';
import { DocumentLanguageSchema, LocalisedTextSchema, languagePair } from '../document_language.js';
import type { DocumentModel } from '../pdf/document_model.js';
import { dateTimeBoth, field, header, localised, pdfTitle, ticketFooter } from './bilingual_blocks.js';
import { InstantSchema, TerminalIdSchema } from './common_schemas.js';

export const LockerPickupReceiptSchema = z.object({
  language: DocumentLanguageSchema,
  applicationId: z.string().regex(/^LA-[A-Z0-9-]{1,40}$/),
  lockerPoint: LocalisedTextSchema,
  compartment: z.string().regex(/^[A-Z]\d{2}$/),
  pickedUpAt: InstantSchema,
  terminalId: TerminalIdSchema,
});
export type LockerPickupReceipt = z.infer<typeof LockerPickupReceiptSchema>;

export function composeLockerPickupReceipt(input: LockerPickupReceipt): DocumentModel {
  const pair = languagePair(input.language);
  return {
    paper: 'ticket',
    title: pdfTitle(input.language, 'Smart Locker pickup receipt'),
    blocks: [
      ...header(pair, 'lockerPickupReceipt.title', 'ticket'),
      field(pair, 'lockerApplication.reference', input.applicationId, { size: 12 }),
      field(pair, 'locker.lockerPoint', localised(pair, input.lockerPoint), { size: 10 }),
      field(pair, 'lockerPickupReceipt.compartment', input.compartment, { size: 14 }),
      field(pair, 'lockerPickupReceipt.pickedUpAt', dateTimeBoth(pair, input.pickedUpAt), { size: 11 }),
      ...ticketFooter(pair, input.terminalId, input.pickedUpAt),
    ],
  };
}
