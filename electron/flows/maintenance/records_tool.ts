import type { z } from 'zod';
import type { Result } from '../../../lib/result.js';
import type { ListActionResultSchema, StaffJob } from '../../rpc/flows/maintenance_views.js';
import type { SignedInStaff } from '../../staff/staff_sign_in.js';
import type { FlowServices } from '../flow.js';

type Services = Pick<FlowServices, 'printing' | 'journal' | 'logger'>;
export type ListActionResult = z.infer<typeof ListActionResultSchema>;

/** What staff see of print jobs: the ones that need them (held, failed, waiting) first, then the recent others. */
const needsStaff: readonly StaffJob['status'][] = ['needs-attention', 'failed', 'queued', 'sending'];

/**
 * The Print jobs, Transactions and Alerts tools: lists read from the journal each time the screen draws, and the
 * staff actions on them — reprint or void a job, resolve a transaction, acknowledge an alert — each recorded in the
 * audit log with the signed-in staff id and the reason picked (by the services that act: the print pipeline, the
 * transaction journal, the alert store, each in one database transaction with its record).
 */
export class RecordsTool {
  readonly #services: Services;
  readonly #staff: SignedInStaff;
  #result: ListActionResult = null;

  constructor(services: Services, staff: SignedInStaff) {
    this.#services = services;
    this.#staff = staff;
  }

  get result(): ListActionResult {
    return this.#result;
  }

  clearResult(): void {
    this.#result = null;
  }

  jobs(): StaffJob[] {
    const all = this.#services.printing.staffJobs();
    return [
      ...all.filter((j) => needsStaff.includes(j.status)),
      ...all.filter((j) => !needsStaff.includes(j.status)),
    ];
  }

  transactions() {
    return this.#services.journal.transactions.unfinished().map((t) => ({
      id: t.id,
      kind: t.kind,
      state: t.state,
      fromEarlierRun: t.fromEarlierRun,
      needsStaffReason: t.needsStaffReason,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    }));
  }

  alerts() {
    return this.#services.printing
      .alerts()
      .map(({ printJobId: _job, transactionId: _tx, ...alert }) => alert);
  }

  async reprint(jobId: number, reason: string): Promise<void> {
    this.#record('reprint', jobId, await this.#services.printing.reprint(jobId, this.#staff.staffId, reason));
  }

  voidJob(jobId: number, reason: string): void {
    this.#record('void', jobId, this.#services.printing.voidJob(jobId, this.#staff.staffId, reason));
  }

  resolveTransaction(id: number, outcome: 'confirmed' | 'voided', reason: string): void {
    const resolved = this.#services.journal.transactions.resolveByStaff(
      id,
      outcome,
      this.#staff.staffId,
      reason,
    );
    this.#record(`resolve-${outcome}`, id, resolved);
  }

  acknowledgeAlert(alertId: number): void {
    this.#record(
      'acknowledge',
      alertId,
      this.#services.printing.acknowledgeAlert(alertId, this.#staff.staffId),
    );
  }

  #record(action: string, subject: number, outcome: Result<unknown, { code: string }>): void {
    const { logger } = this.#services;
    if (outcome.ok) {
      this.#result = { action, subject, ok: true, code: null };
      logger.log('maintenance-action', { action, subject, staffId: this.#staff.staffId });
    } else {
      this.#result = { action, subject, ok: false, code: outcome.error.code };
      logger.log('maintenance-action-failed', { action, subject, code: outcome.error.code });
    }
  }
}
