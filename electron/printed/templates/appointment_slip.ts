/** 80 mm appointment confirmation: what, where, when, the booking reference as QR (to check in) and text. */
import { z } from 'zod';
import { DocumentLanguageSchema, LocalisedTextSchema, languagePair } from '../document_language.js';
import type { DocumentModel } from '../pdf/document_model.js';
import { both, dateTimeBoth, field, header, localised, pdfTitle, ticketFooter } from './bilingual_blocks.js';
import { InstantSchema, TerminalIdSchema } from './common_schemas.js';

export const AppointmentSlipSchema = z.object({
  language: DocumentLanguageSchema,
  service: LocalisedTextSchema,
  department: LocalisedTextSchema,
  centre: LocalisedTextSchema,
  startsAt: InstantSchema,
  bookingReference: z.string().regex(/^[A-Z0-9-]{4,32}$/),
  /**
   * What the QR code carries: the backend's booking QR text (the reference and a token only the slip has, so a
   * code made up from a reference finds nothing); the reference itself when absent.
   */
  qrText: z
    .string()
    .regex(/^MOBK1:[0-9A-Z-]{4,32}:[A-Za-z0-9_-]{16}$/)
    .optional(),
  bring: z.array(LocalisedTextSchema).max(6),
  terminalId: TerminalIdSchema,
  issuedAt: InstantSchema,
});
export type AppointmentSlip = z.infer<typeof AppointmentSlipSchema>;

export function composeAppointmentSlip(input: AppointmentSlip): DocumentModel {
  const pair = languagePair(input.language);
  const [bring, bringSecondary] = both(pair, 'appointment.bring');
  const [arrive] = both(pair, 'appointment.arrive');
  return {
    paper: 'ticket',
    title: pdfTitle(input.language, 'Appointment confirmation'),
    blocks: [
      ...header(pair, 'appointment.title', 'ticket'),
      field(pair, 'common.service', localised(pair, input.service), { size: 10 }),
      field(pair, 'common.department', localised(pair, input.department)),
      field(pair, 'common.centre', localised(pair, input.centre)),
      field(pair, 'appointment.dateTime', dateTimeBoth(pair, input.startsAt), { size: 11 }),
      {
        kind: 'qr',
        data: input.qrText ?? input.bookingReference,
        moduleSize: (4 * 72) / 203,
        align: 'center',
        caption: input.bookingReference,
        captionSize: 13,
      },
      ...both(pair, 'appointment.reference').map((text) => ({
        kind: 'text' as const,
        text,
        size: 7,
        weight: 'regular' as const,
        align: 'center' as const,
        gapAfter: 0,
      })),
      ...(input.bring.length > 0
        ? [
            { kind: 'space' as const, height: 4 },
            {
              kind: 'text' as const,
              text: `${bring} ${bringSecondary}`,
              size: 8,
              weight: 'bold' as const,
              align: 'left' as const,
            },
            ...input.bring.map((item) => ({
              kind: 'text' as const,
              text: `• ${localised(pair, item).replace('\n', ' / ')}`,
              size: 8,
              weight: 'regular' as const,
              align: 'left' as const,
            })),
          ]
        : []),
      { kind: 'text', text: arrive, size: 7.5, weight: 'regular', align: 'left', gapAfter: 4 },
      ...ticketFooter(pair, input.terminalId, input.issuedAt),
    ],
  };
}
