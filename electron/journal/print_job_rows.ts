/**
 * A print job as the table stores it and as the code reads it: statuses, payloads, the row type, and the one
 * mapping between them (the SELECT list, the row conversion, payload encoding).
 */
import type { MonoBitmap, PrinterKind } from '../../devices/printer/index.js';

export const printJobStatuses = [
  'queued',
  'sending',
  'sent',
  'confirmed',
  'failed',
  'needs-attention',
  'voided',
] as const;
export type PrintJobStatus = (typeof printJobStatuses)[number];
export type { PrinterKind };

/** The `printer_kind` column keeps the values migration 10 allows ('ticket', 'document'); rows speak PrinterKind. */
const kindColumn = { 'ticket-printer': 'ticket', 'document-printer': 'document' } as const;
type KindColumn = (typeof kindColumn)[PrinterKind];
const kindOfColumn: Record<KindColumn, PrinterKind> = {
  ticket: 'ticket-printer',
  document: 'document-printer',
};

/** The value the `printer_kind` column stores for a printer kind. */
export function printerKindColumn(kind: PrinterKind): KindColumn {
  return kindColumn[kind];
}
/** Why a job was voided: staff chose not to print it, or nobody resolved it within the retention limit. */
export type VoidReason = 'voided-by-staff' | 'expired';

export type PrintPayload =
  | { format: 'mono-bitmap'; bitmap: MonoBitmap }
  | { format: 'pdf'; pdf: Uint8Array; pages: number };

export interface NewPrintJob {
  /** Same key, same job: a service retrying after a crash never prints twice. */
  idempotencyKey: string;
  printerId: string;
  printerKind: PrinterKind;
  template: string;
  /** Spooler job name; never personal data. */
  jobName: string;
  /** The resident session the job prints for (its screen follows the job); null for staff and self-tests. */
  sessionId: string | null;
  payload: PrintPayload;
}

export interface PrintJobRow {
  id: number;
  idempotencyKey: string;
  printerId: string;
  printerKind: PrinterKind;
  template: string;
  jobName: string;
  status: PrintJobStatus;
  failureReason: string | null;
  attentionReason: string | null;
  voidReason: VoidReason | null;
  sessionId: string | null;
  hasPayload: boolean;
  pages: number;
  attempts: number;
  reprintOf: number | null;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
}

export interface PrinterCounters {
  printerId: string;
  pages: number;
  tickets: number;
  paperChanges: number;
  /** Pages (A4) or tickets printed since staff last reset the counter after a paper refill. */
  printedSinceRefill: number;
  refilledAt: string | null;
}

export interface RawRow {
  id: number;
  idempotency_key: string;
  printer_id: string;
  printer_kind: KindColumn;
  template: string;
  job_name: string;
  status: PrintJobStatus;
  failure_reason: string | null;
  attention_reason: string | null;
  void_reason: VoidReason | null;
  session_id: string | null;
  has_payload: number;
  pages: number;
  attempts: number;
  reprint_of: number | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
}

export const rowColumns = `id, idempotency_key, printer_id, printer_kind, template, job_name, status, failure_reason,
  attention_reason, void_reason, session_id, payload IS NOT NULL AS has_payload, pages, attempts, reprint_of,
  created_at, updated_at, confirmed_at`;

export function toRow(raw: RawRow): PrintJobRow {
  return {
    id: raw.id,
    idempotencyKey: raw.idempotency_key,
    printerId: raw.printer_id,
    printerKind: kindOfColumn[raw.printer_kind],
    template: raw.template,
    jobName: raw.job_name,
    status: raw.status,
    failureReason: raw.failure_reason,
    attentionReason: raw.attention_reason,
    voidReason: raw.void_reason,
    sessionId: raw.session_id,
    hasPayload: raw.has_payload === 1,
    pages: raw.pages,
    attempts: raw.attempts,
    reprintOf: raw.reprint_of,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    confirmedAt: raw.confirmed_at,
  };
}

export function encodePayload(payload: PrintPayload): {
  blob: Buffer;
  width: number | null;
  height: number | null;
  pages: number;
} {
  switch (payload.format) {
    case 'mono-bitmap':
      return {
        blob: Buffer.from(payload.bitmap.data),
        width: payload.bitmap.width,
        height: payload.bitmap.height,
        pages: 1,
      };
    case 'pdf':
      return { blob: Buffer.from(payload.pdf), width: null, height: null, pages: payload.pages };
    default: {
      const unreachable: never = payload;
      throw new Error(`unknown payload ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The stored bytes back as the payload they were, or undefined once they were dropped. */
export function decodePayload(raw: {
  payload: Buffer | null;
  payload_format: PrintPayload['format'];
  bitmap_width: number | null;
  bitmap_height: number | null;
  pages: number;
}): PrintPayload | undefined {
  if (!raw.payload) return undefined;
  const bytes = new Uint8Array(raw.payload);
  return raw.payload_format === 'pdf'
    ? { format: 'pdf', pdf: bytes, pages: raw.pages }
    : {
        format: 'mono-bitmap',
        bitmap: { width: raw.bitmap_width ?? 0, height: raw.bitmap_height ?? 0, data: bytes },
      };
}
