/** 80 mm Smart Locker (智取易) pickup slip: the code as QR (scanned at the locker) and digits, point, deadline. */
import { z } from 'zod';
import { DocumentLanguageSchema, LocalisedTextSchema, languagePair } from '../document_language.js';
import type { DocumentModel } from '../pdf/document_model.js';
import { both, dateTimeBoth, field, header, localised, pdfTitle, ticketFooter } from './bilingual_blocks.js';
import { InstantSchema, TerminalIdSchema } from './common_schemas.js';

export const LockerPickupSlipSchema = z.object({
  language: DocumentLanguageSchema,
  pickupCode: z.string().regex(/^\d{6,12}$/),
  service: LocalisedTextSchema,
  lockerPoint: LocalisedTextSchema,
  expiresAt: InstantSchema,
  issuedAt: InstantSchema,
  terminalId: TerminalIdSchema,
});
export type LockerPickupSlip = z.infer<typeof LockerPickupSlipSchema>;

/** `12345678` → `1234 5678`: groups of four are easier to key in at the locker. */
function groupDigits(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function composeLockerPickupSlip(input: LockerPickupSlip): DocumentModel {
  const pair = languagePair(input.language);
  const [codeLabel, codeLabelSecondary] = both(pair, 'locker.pickupCode');
  const [howTo] = both(pair, 'locker.howTo');
  return {
    paper: 'ticket',
    title: pdfTitle(input.language, 'Smart Locker pickup slip'),
    blocks: [
      ...header(pair, 'locker.title', 'ticket'),
      {
        kind: 'text',
        text: `${codeLabel} ${codeLabelSecondary}`,
        size: 8,
        weight: 'regular',
        align: 'center',
        gapAfter: 0,
      },
      {
        kind: 'qr',
        data: input.pickupCode,
        moduleSize: (5 * 72) / 203,
        align: 'center',
        caption: groupDigits(input.pickupCode),
        captionSize: 18,
      },
      { kind: 'space', height: 6 },
      field(pair, 'locker.lockerPoint', localised(pair, input.lockerPoint), { size: 10 }),
      field(pair, 'common.service', localised(pair, input.service)),
      field(pair, 'locker.expiresAt', dateTimeBoth(pair, input.expiresAt), { size: 11 }),
      { kind: 'text', text: howTo, size: 7.5, weight: 'regular', align: 'left', gapAfter: 4 },
      ...ticketFooter(pair, input.terminalId, input.issuedAt),
    ],
  };
}
