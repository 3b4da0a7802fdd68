/**
 * From a template and its input to paper: render, rasterise tickets for the ESC/POS head, and hand the job to
 * the print pipeline (which journals it and owns every retry). A request whose idempotency key is already
 * journalled is not rendered again: the pipeline's answer for the existing job is returned.
 */

import { ok, type Result, resultBlock } from '../../lib/result.js';
import type { PrintPayload } from '../journal/print_job_store.js';
import type { PipelineError, PrintPipeline, SubmitOutcome } from '../journal/print_pipeline.js';
import {
  type DocumentError,
  type DocumentRendererConfig,
  type DocumentResult,
  type RenderedDocument,
  renderDocument,
  type TemplateId,
} from './document_renderer.js';
import type { RenderOptions } from './pdf/render_pdf.js';
import { type RasteriseError, type RasteriseOptions, rasteriseTicket } from './raster/ticket_rasteriser.js';
import type { SignedDocument } from './verification/document_signing.js';

export interface DocumentPrintConfig extends DocumentRendererConfig {
  ticketPrinterId: string;
  documentPrinterId: string;
  rasterise?: RasteriseOptions;
}

export type DocumentPrintError = DocumentError | RasteriseError | PipelineError;

export interface DocumentPrintOutcome extends SubmitOutcome {
  /** For the identity proof: what the QR and the code say, so the backend can register the certificate. */
  verification?: SignedDocument;
}

/** Which job this is: its idempotency key, and the resident session it prints for (none for staff prints). */
export interface DocumentJobTag {
  idempotencyKey: string;
  sessionId?: string | null;
}

export type DocumentPrintResult = Result<DocumentPrintOutcome, DocumentPrintError>;

export class DocumentPrintService {
  constructor(
    private readonly pipeline: PrintPipeline,
    private readonly config: DocumentPrintConfig,
  ) {}

  async print(
    template: TemplateId,
    input: unknown,
    job: DocumentJobTag,
    options: RenderOptions = {},
  ): Promise<DocumentPrintResult> {
    const existing = this.#existing(job);
    if (existing) return ok(existing);
    return resultBlock(async (take) => {
      const document = take(await renderDocument(template, input, this.config, options));
      return this.submitRendered(document, job);
    });
  }

  /** Renders without printing: a document the resident previews before it prints (`submitRendered`). */
  render(template: TemplateId, input: unknown, options: RenderOptions = {}): Promise<DocumentResult> {
    return renderDocument(template, input, this.config, options);
  }

  /**
   * Hands a rendered document to the pipeline as it is: the very PDF a preview was made from. A key already
   * journalled answers with its job, as `print` does.
   */
  async submitRendered(document: RenderedDocument, job: DocumentJobTag): Promise<DocumentPrintResult> {
    const existing = this.#existing(job);
    if (existing) return ok(existing);
    return resultBlock(async (take) => {
      let payload: PrintPayload;
      let printerId: string;
      if (document.paper === 'ticket') {
        const bitmap = take(await rasteriseTicket(document.pdf, this.config.rasterise));
        payload = { format: 'mono-bitmap', bitmap };
        printerId = this.config.ticketPrinterId;
      } else {
        payload = { format: 'pdf', pdf: document.pdf, pages: 1 };
        printerId = this.config.documentPrinterId;
      }
      const submitted = take(
        await this.pipeline.submit({
          idempotencyKey: job.idempotencyKey,
          sessionId: job.sessionId ?? null,
          printerId,
          template: document.template,
          // The spooler shows job names to anyone at the print server: the template, never the resident.
          jobName: `balcao-${document.template}`,
          payload,
        }),
      );
      return ok({
        ...submitted,
        ...(document.verification ? { verification: document.verification } : {}),
      });
    });
  }

  #existing(job: DocumentJobTag): DocumentPrintOutcome | undefined {
    const existing = this.pipeline.jobByKey(job.idempotencyKey);
    if (!existing) return undefined;
    return {
      jobId: existing.id,
      duplicate: true,
      status: existing.status,
      failureReason: existing.failureReason,
    };
  }
}
