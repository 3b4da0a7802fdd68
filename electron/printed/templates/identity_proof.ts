/**
 * A4 proof-of-identity (identity data certificate): the holder's names, the document's masked number and dates,
 * issuing terminal and time, and a signed verification QR with a short code anyone can check.
 */
import { z } from 'zod';
import {
  DocumentLanguageSchema,
  formatCalendarDate,
  LocalisedTextSchema,
  languagePair,
} from '../document_language.js';
import type { Block, DocumentModel } from '../pdf/document_model.js';
import {
  type SignedDocument,
  signIdentityPayload,
  type TerminalSigningKey,
} from '../verification/document_signing.js';
import { both, dateTimeBoth, field, header, localised, pdfTitle, twoLines } from './bilingual_blocks.js';
import { CalendarDateSchema, DocumentTypeSchema, InstantSchema, TerminalIdSchema } from './common_schemas.js';
import { type MaskPolicy, maskDocumentNumber } from './document_number_mask.js';

export const IdentityProofSchema = z.object({
  language: DocumentLanguageSchema,
  /** Absent when the holder has no Chinese name on the document. */
  nameChinese: z.string().max(40).optional(),
  /** Exactly as on the document, never split into given name and surname. */
  nameOnDocument: z.string().min(1).max(80),
  documentType: DocumentTypeSchema,
  documentNumber: z.string().min(4).max(24),
  dateOfBirth: CalendarDateSchema,
  /** Absent when the kiosk does not know it: an eMRTD's chip (DG1) carries no date of issue. */
  dateOfIssue: CalendarDateSchema.optional(),
  dateOfExpiry: CalendarDateSchema,
  /**
   * The second language printed under the first: the government prints proofs Chinese/Portuguese or
   * Chinese/English. Without it, the usual pair for `language` (document_language.ts).
   */
  secondaryLanguage: DocumentLanguageSchema.optional(),
  centre: LocalisedTextSchema,
  terminalId: TerminalIdSchema,
  issuedAt: InstantSchema,
  serial: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
});
export type IdentityProof = z.infer<typeof IdentityProofSchema>;

export function composeIdentityProof(
  input: IdentityProof,
  mask: MaskPolicy,
  key: TerminalSigningKey,
): { model: DocumentModel; verification: SignedDocument } {
  const pair =
    input.secondaryLanguage !== undefined && input.secondaryLanguage !== input.language
      ? { primary: input.language, secondary: input.secondaryLanguage }
      : languagePair(input.language);
  const maskedNumber = maskDocumentNumber(input.documentNumber, mask);
  const verification = signIdentityPayload(
    {
      terminalId: input.terminalId,
      serial: input.serial,
      issuedAt: Math.floor(new Date(input.issuedAt).getTime() / 1000),
      documentType: input.documentType,
      documentNumberMasked: maskedNumber,
      nameOnDocument: input.nameOnDocument,
      nameChinese: input.nameChinese ?? '',
      dateOfBirth: input.dateOfBirth,
      dateOfIssue: input.dateOfIssue ?? '',
      dateOfExpiry: input.dateOfExpiry,
    },
    key,
  );
  const date = (iso: string): string =>
    twoLines(formatCalendarDate(pair.primary, iso), formatCalendarDate(pair.secondary, iso));
  const [intro, introSecondary] = both(pair, 'identityProof.intro');
  const [docType, docTypeSecondary] = both(pair, `identityProof.documentTypes.${input.documentType}`);
  const [codeLabel, codeLabelSecondary] = both(pair, 'identityProof.verificationCode');
  const [hint, hintSecondary] = both(pair, 'identityProof.verifyHint');
  const blocks: Block[] = [
    ...header(pair, 'identityProof.title', 'a4'),
    { kind: 'text', text: intro, size: 10, weight: 'regular', align: 'left', gapAfter: 1 },
    { kind: 'text', text: introSecondary, size: 8.5, weight: 'regular', align: 'left', gapAfter: 14 },
    ...(input.nameChinese ? [field(pair, 'identityProof.nameChinese', input.nameChinese, { size: 15 })] : []),
    field(pair, 'identityProof.nameOnDocument', input.nameOnDocument, { size: 13 }),
    field(pair, 'identityProof.documentType', twoLines(docType, docTypeSecondary)),
    field(pair, 'identityProof.documentNumber', maskedNumber, { size: 12 }),
    field(pair, 'identityProof.dateOfBirth', date(input.dateOfBirth)),
    ...(input.dateOfIssue === undefined
      ? []
      : [field(pair, 'identityProof.dateOfIssue', date(input.dateOfIssue))]),
    field(pair, 'identityProof.dateOfExpiry', date(input.dateOfExpiry)),
    field(pair, 'identityProof.terminal', `${input.terminalId}\n${localised(pair, input.centre)}`),
    field(pair, 'common.issuedAt', dateTimeBoth(pair, input.issuedAt)),
    { kind: 'space', height: 18 },
    {
      kind: 'qr-panel',
      data: verification.qrText,
      moduleSize: 1.5,
      lines: [
        { text: `${codeLabel} ${codeLabelSecondary}`, size: 9, weight: 'bold' },
        { text: verification.verificationCode, size: 18, weight: 'bold' },
        { text: hint, size: 8.5, weight: 'regular' },
        { text: hintSecondary, size: 7.5, weight: 'regular' },
        { text: `No. ${input.serial}`, size: 7.5, weight: 'regular' },
      ],
    },
  ];
  return {
    model: { paper: 'a4', title: pdfTitle(input.language, 'Identity data certificate'), blocks },
    verification,
  };
}
