/** 80 mm queue ticket: the number large enough to read across the waiting hall, service, centre, wait. */
import { z } from 'zod';
import {
  type DocumentLanguage,
  DocumentLanguageSchema,
  formatInteger,
  LocalisedTextSchema,
  languagePair,
  message,
} from '../document_language.js';
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
import { InstantSchema, TerminalIdSchema } from './common_schemas.js';

export const QueueTicketSchema = z.object({
  language: DocumentLanguageSchema,
  queueNumber: z.string().regex(/^[A-Z]{0,2}\d{1,4}$/),
  service: LocalisedTextSchema,
  centre: LocalisedTextSchema,
  /** Where to wait: the counters of the booking's department (from the backend's check-in). */
  counterArea: LocalisedTextSchema.optional(),
  issuedAt: InstantSchema,
  /** Minutes, or null when the queue system gives no estimate. */
  expectedWaitMinutes: z.number().int().min(0).max(1440).nullable(),
  terminalId: TerminalIdSchema,
});
export type QueueTicket = z.infer<typeof QueueTicketSchema>;

export function composeQueueTicket(input: QueueTicket): DocumentModel {
  const pair = languagePair(input.language);
  const [numberLabel, numberLabelSecondary] = both(pair, 'queue.number');
  const waitIn = (lng: DocumentLanguage): string =>
    input.expectedWaitMinutes === null
      ? message(lng, 'queue.waitUnknown')
      : message(lng, 'queue.waitMinutes', { minutes: formatInteger(lng, input.expectedWaitMinutes) });
  const [watch] = both(pair, 'queue.watchDisplay');
  return {
    paper: 'ticket',
    title: pdfTitle(input.language, 'Queue ticket'),
    blocks: [
      ...header(pair, 'queue.title', 'ticket'),
      {
        kind: 'text',
        text: `${numberLabel} ${numberLabelSecondary}`,
        size: 8,
        weight: 'regular',
        align: 'center',
        gapAfter: 0,
      },
      { kind: 'text', text: input.queueNumber, size: 44, weight: 'bold', align: 'center', gapAfter: 2 },
      field(pair, 'common.service', localised(pair, input.service), { size: 10 }),
      field(pair, 'common.centre', localised(pair, input.centre)),
      ...(input.counterArea
        ? [field(pair, 'queue.counterArea', localised(pair, input.counterArea), { size: 10 })]
        : []),
      field(pair, 'queue.issuedAt', dateTimeBoth(pair, input.issuedAt)),
      field(pair, 'queue.expectedWait', twoLines(waitIn(pair.primary), waitIn(pair.secondary)), { size: 10 }),
      { kind: 'text', text: watch, size: 7.5, weight: 'regular', align: 'left', gapAfter: 4 },
      ...ticketFooter(pair, input.terminalId, input.issuedAt),
    ],
  };
}
