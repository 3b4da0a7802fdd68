/**
 * 80 mm Smart Locker (智取易) application slip, printed when a resident applies at a service kiosk. There is no
 * pickup code yet (it exists once the item is in its compartment, and reaches the resident through Macao One
 * Account): the slip says what was applied for, where and from when it can be picked up, and how the code comes.
 */
import { z } from 'zod';
import {
  DocumentLanguageSchema,
  formatCalendarDate,
  LocalisedTextSchema,
  languagePair,
} from '../document_language.js';
import type { DocumentModel } from '../pdf/document_model.js';
import { both, field, header, localised, pdfTitle, ticketFooter, twoLines } from './bilingual_blocks.js';
import { CalendarDateSchema, InstantSchema, TerminalIdSchema } from './common_schemas.js';

export const LockerApplicationSlipSchema = z.object({
  language: DocumentLanguageSchema,
  /** The backend's application reference (`LA-…`): what staff and the department look it up by. */
  applicationId: z.string().regex(/^LA-[A-Z0-9-]{1,40}$/),
  service: LocalisedTextSchema,
  lockerPoint: LocalisedTextSchema,
  lockerAddress: LocalisedTextSchema,
  /** `24h`, or the point's hours as the catalogue gives them. */
  hours: z.string().max(80),
  readyFrom: CalendarDateSchema,
  issuedAt: InstantSchema,
  terminalId: TerminalIdSchema,
});
export type LockerApplicationSlip = z.infer<typeof LockerApplicationSlipSchema>;

export function composeLockerApplicationSlip(input: LockerApplicationSlip): DocumentModel {
  const pair = languagePair(input.language);
  const hours = input.hours === '24h' ? twoLines(...both(pair, 'lockerApplication.allDay')) : input.hours;
  const [how, howSecondary] = both(pair, 'lockerApplication.howCode');
  return {
    paper: 'ticket',
    title: pdfTitle(input.language, 'Smart Locker application slip'),
    blocks: [
      ...header(pair, 'lockerApplication.title', 'ticket'),
      field(pair, 'lockerApplication.reference', input.applicationId, { size: 14 }),
      field(pair, 'common.service', localised(pair, input.service)),
      field(pair, 'locker.lockerPoint', localised(pair, input.lockerPoint), { size: 10 }),
      field(pair, 'lockerApplication.address', localised(pair, input.lockerAddress)),
      field(pair, 'lockerApplication.hours', hours),
      field(
        pair,
        'lockerApplication.readyFrom',
        twoLines(
          formatCalendarDate(pair.primary, input.readyFrom),
          formatCalendarDate(pair.secondary, input.readyFrom),
        ),
        { size: 12 },
      ),
      { kind: 'text', text: how, size: 8, weight: 'bold', align: 'left', gapAfter: 2 },
      { kind: 'text', text: howSecondary, size: 7, weight: 'regular', align: 'left', gapAfter: 4 },
      ...ticketFooter(pair, input.terminalId, input.issuedAt),
    ],
  };
}
