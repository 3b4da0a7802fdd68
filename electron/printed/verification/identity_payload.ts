/**
 * What the proof-of-identity QR certifies, and its compact binary form (version byte, then length-prefixed
 * fields in a fixed order). The payload repeats what is printed on the page — the QR's purpose is to prove
 * the page was not edited — with the document number already masked: the QR never carries more than the paper.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../../lib/result.js';
import { CalendarDateSchema, DocumentTypeSchema, TerminalIdSchema } from '../templates/common_schemas.js';

export const PAYLOAD_VERSION = 1;

export const IdentityPayloadSchema = z.object({
  terminalId: TerminalIdSchema,
  /** The certificate's serial (journal id), unique per terminal. */
  serial: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  /** Seconds since the epoch. */
  issuedAt: z.number().int().min(0).max(0xffffffff),
  documentType: DocumentTypeSchema,
  documentNumberMasked: z.string().min(1).max(40),
  /** Each field is length-prefixed with one byte: at most 255 bytes of UTF-8. */
  nameOnDocument: z
    .string()
    .min(1)
    .max(120)
    .refine((s) => new TextEncoder().encode(s).length <= 255, 'name longer than 255 bytes'),
  nameChinese: z.string().max(40),
  dateOfBirth: CalendarDateSchema,
  /** Empty when the document's date of issue was not known to the kiosk (an eMRTD chip does not carry it). */
  dateOfIssue: CalendarDateSchema.or(z.literal('')),
  dateOfExpiry: CalendarDateSchema,
});
export type IdentityPayload = z.infer<typeof IdentityPayloadSchema>;

const documentTypes = DocumentTypeSchema.options;
const textFields = [
  'terminalId',
  'serial',
  'documentNumberMasked',
  'nameOnDocument',
  'nameChinese',
  'dateOfBirth',
  'dateOfIssue',
  'dateOfExpiry',
] as const;

export function encodePayload(payload: IdentityPayload): Uint8Array {
  const out: number[] = [PAYLOAD_VERSION];
  out.push(
    (payload.issuedAt >>> 24) & 0xff,
    (payload.issuedAt >>> 16) & 0xff,
    (payload.issuedAt >>> 8) & 0xff,
    payload.issuedAt & 0xff,
  );
  out.push(documentTypes.indexOf(payload.documentType));
  for (const name of textFields) {
    const bytes = new TextEncoder().encode(payload[name]);
    out.push(bytes.length, ...bytes);
  }
  return Uint8Array.from(out);
}

export type DecodeError =
  | { code: 'malformed'; detail: string }
  | { code: 'unsupported-version'; version: number };

export type DecodeResult = Result<IdentityPayload, DecodeError>;

export function decodePayload(bytes: Uint8Array): DecodeResult {
  const malformed = (detail: string): DecodeResult => err({ code: 'malformed', detail });
  if (bytes.length < 6) return malformed('payload too short');
  const version = bytes[0] ?? 0;
  if (version !== PAYLOAD_VERSION) return err({ code: 'unsupported-version', version });
  const issuedAt =
    (((bytes[1] ?? 0) << 24) >>> 0) + ((bytes[2] ?? 0) << 16) + ((bytes[3] ?? 0) << 8) + (bytes[4] ?? 0);
  const documentType = documentTypes[bytes[5] ?? 255];
  if (documentType === undefined) return malformed('document type');
  const fields: Record<string, string> = {};
  let offset = 6;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const name of textFields) {
    const length = bytes[offset];
    if (length === undefined || offset + 1 + length > bytes.length)
      return malformed(`field ${name} truncated`);
    try {
      fields[name] = decoder.decode(bytes.subarray(offset + 1, offset + 1 + length));
    } catch {
      return malformed(`field ${name} is not UTF-8`);
    }
    offset += 1 + length;
  }
  if (offset !== bytes.length) return malformed('trailing bytes');
  const parsed = IdentityPayloadSchema.safeParse({ ...fields, issuedAt, documentType });
  if (!parsed.success) return malformed('field values');
  return ok(parsed.data);
}
