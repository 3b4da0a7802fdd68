import { z } from 'zod';
import { DocumentKindSchema, DocumentNumberSchema, ResidentRefSchema } from './common.js';

/**
 * Identifying a resident: from a document whose chip passed passive authentication on the kiosk (its kind and
 * number), or from a Macao One Account QR token. The answer is an opaque reference, nothing else: the backend
 * never sends a resident's name or any other personal data to the kiosk through this call.
 */

export const OneAccountTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,512}$/)
  .meta({ id: 'OneAccountToken' });

export const IdentifyResidentRequestSchema = z
  .discriminatedUnion('method', [
    z.strictObject({
      method: z.literal('document'),
      documentKind: DocumentKindSchema,
      documentNumber: DocumentNumberSchema,
    }),
    z.strictObject({ method: z.literal('one-account'), token: OneAccountTokenSchema }),
  ])
  .meta({ id: 'IdentifyResidentRequest' });

export const IdentifiedResidentSchema = z
  .strictObject({ residentRef: ResidentRefSchema })
  .meta({ id: 'IdentifiedResident' });
