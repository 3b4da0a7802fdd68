import type { PrinterKind } from '../../devices/printer/index.js';

/**
 * The printed documents the kiosk can produce, by template. Plain data (no pdfkit, no fonts), so the RPC
 * contract can name the templates without loading the renderer.
 */
export const templateIds = [
  'appointment-slip',
  'queue-ticket',
  'identity-proof',
  'collection-receipt',
  'locker-pickup-slip',
  'publication-receipt',
  'locker-application-slip',
  'locker-pickup-receipt',
] as const;
export type TemplateId = (typeof templateIds)[number];

/**
 * What the resident holds when a template has printed, which is what the screen calls it ("Please take your
 * slip"): a queue ticket, a slip (an appointment or a pickup), a receipt, or an A4 document.
 */
export const printedPapers = ['ticket', 'slip', 'receipt', 'document'] as const;
export type PrintedPaper = (typeof printedPapers)[number];

export const paperOfTemplate: Record<TemplateId, PrintedPaper> = {
  'appointment-slip': 'slip',
  'queue-ticket': 'ticket',
  'identity-proof': 'document',
  'collection-receipt': 'receipt',
  'locker-pickup-slip': 'slip',
  'publication-receipt': 'receipt',
  'locker-application-slip': 'slip',
  'locker-pickup-receipt': 'receipt',
};

/** A job's template as stored (text): a staff test print has none of the resident's templates, so its printer says. */
export function paperOfJob(template: string, printerKind: PrinterKind): PrintedPaper {
  const known = (templateIds as readonly string[]).includes(template);
  if (known) return paperOfTemplate[template as TemplateId];
  return printerKind === 'document-printer' ? 'document' : 'ticket';
}
