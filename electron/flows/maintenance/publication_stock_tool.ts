import type { MaintenanceFlowView } from '../../rpc/flows/maintenance_contract.js';
import type { SlotActionParams } from '../../rpc/flows/publication_maintenance_views.js';
import type { SignedInStaff } from '../../staff/staff_sign_in.js';
import type { FlowServices } from '../flow.js';
import { applySlotAction, type SlotActionError } from '../publications/slot_staff_actions.js';
import { backendErrorCode } from './backend_error_code.js';

type Services = Pick<FlowServices, 'backend' | 'config' | 'journal' | 'logger'>;
type View = Omit<Extract<MaintenanceFlowView, { step: 'publication-stock' }>, 'service' | 'step' | 'staff'>;

function failureCode(error: SlotActionError): string {
  switch (error.code) {
    case 'unknown-slot':
    case 'slot-unassigned':
    case 'audit-failed':
      return error.code;
    case 'backend':
      return backendErrorCode(error.error);
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

/**
 * The Publications stock tool: each vending slot of this terminal as the backend holds it (publication, count,
 * capacity), and the staff actions on a slot — assign a publication, count, refill, empty — through
 * slot_staff_actions.ts, which sets the slot in the backend and records the action in the audit log as the
 * signed-in member of staff's (from the sign-in, never from the screen). One action at a time: a tap while one is
 * with the backend is refused, so two quick refills never become one lost update. The slots are read again after
 * each action, so the screen shows what the backend now holds.
 */
export class PublicationStockTool {
  readonly #services: Services;
  readonly #staff: SignedInStaff;
  readonly #changed: () => void;
  #slots: View['slots'] = { kind: 'loading' };
  #publications: View['publications'] = [];
  #busy = false;
  #result: View['result'] = null;
  #request = 0;

  constructor(services: Services, staff: SignedInStaff, changed: () => void) {
    this.#services = services;
    this.#staff = staff;
    this.#changed = changed;
  }

  view(): View {
    return { slots: this.#slots, publications: this.#publications, busy: this.#busy, result: this.#result };
  }

  open(): void {
    this.#result = null;
    this.#slots = { kind: 'loading' };
    void this.#read();
  }

  refresh(): void {
    void this.#read();
  }

  close(): void {
    this.#request++;
  }

  /** False when another action is still with the backend (the tap is a stale one). */
  act(action: SlotActionParams): boolean {
    if (this.#busy) return false;
    this.#busy = true;
    const { backend, journal, config, logger } = this.#services;
    const { staffId } = this.#staff;
    void applySlotAction({ backend, audit: journal.audit, terminalId: config.terminal.id }, staffId, action)
      .then(
        (done) => {
          if (done.ok) {
            this.#result = { action: action.kind, slot: action.slot, ok: true, code: null };
            logger.log('maintenance-action', {
              action: `slot-${action.kind}`,
              subject: action.slot,
              staffId,
            });
          } else {
            const code = failureCode(done.error);
            this.#result = { action: action.kind, slot: action.slot, ok: false, code };
            logger.log('maintenance-action-failed', {
              action: `slot-${action.kind}`,
              subject: action.slot,
              code,
            });
          }
        },
        (error: unknown) => {
          this.#result = { action: action.kind, slot: action.slot, ok: false, code: 'internal' };
          logger.log('maintenance-action-failed', { action: `slot-${action.kind}`, err: error });
        },
      )
      .then(() => this.#read())
      .finally(() => {
        this.#busy = false;
        this.#changed();
      });
    return true;
  }

  async #read(): Promise<void> {
    const request = ++this.#request;
    const { backend, config } = this.#services;
    const answer = await backend.publications({ terminalId: config.terminal.id });
    if (request !== this.#request) return;
    if (!answer.ok) {
      this.#slots = { kind: 'failed', code: backendErrorCode(answer.error) };
    } else {
      const titles = new Map(answer.value.publications.map((p) => [p.id, p.title]));
      this.#publications = answer.value.publications.map((p) => ({ publicationId: p.id, title: p.title }));
      this.#slots = {
        kind: 'ready',
        slots: answer.value.slots.map((s) => ({
          slot: s.slot,
          publicationId: s.publicationId,
          title: s.publicationId === null ? null : (titles.get(s.publicationId) ?? null),
          stock: s.stock,
          capacity: s.capacity,
        })),
      };
    }
    this.#changed();
  }
}
