import type { BackendReply } from '../../backend/contract/backend.js';
import type { Booking } from '../../backend/contract/bookings.js';

type QueueTicket = BackendReply<'checkIn'>;

import type { LocalisedText } from '../../backend/contract/common.js';
import { documentLanguages, message } from '../../printed/document_language.js';
import type { TemplateId } from '../../printed/template_ids.js';
import type { AppointmentSlip } from '../../printed/templates/appointment_slip.js';
import type { QueueTicket as QueueTicketInput } from '../../printed/templates/queue_ticket.js';
import type { PrintOutcome } from '../../rpc/flows/booking_parts.js';
import type { Language } from '../../rpc/languages.js';
import type { KioskPrintService } from '../../services/print_service.js';
import type { CatalogueIndex } from './catalogue_cache.js';

/**
 * The booking family's paper: the appointment slip (a booking made or moved: what, where, when, what to bring, the
 * booking's QR code to check in with) and the queue ticket (the number, and the counter area to wait at), with the
 * existing templates; and a follower that tells the flow when its paper is in the tray. A slip whose paper ran
 * out prints when the paper is back (the print overlay tells the resident meanwhile); one that cannot print at
 * all is `not-printed`, and the screen keeps showing the reference.
 */

const slipItems = 6;

/** What the slip says to bring, in the four languages (the printed words come from documents.json). */
function bringList(requirements: readonly string[]): LocalisedText[] {
  return requirements.slice(0, slipItems).map((code) => {
    const key = `appointment.requirement.${code}` as Parameters<typeof message>[1];
    const text = Object.fromEntries(documentLanguages.map((lng) => [lng, message(lng, key)]));
    return text as LocalisedText;
  });
}

export function appointmentSlipInput(
  index: CatalogueIndex,
  booking: Booking,
  language: Language,
  terminalId: string,
  issuedAt: string,
): AppointmentSlip | undefined {
  const service = index.services.get(booking.serviceId);
  const centre = index.centres.get(booking.centreId);
  const department = service && index.departments.get(service.department);
  if (!service || !centre || !department) return undefined;
  return {
    language,
    service: service.name,
    department: department.name,
    centre: centre.name,
    startsAt: booking.start,
    bookingReference: booking.reference,
    qrText: booking.qrText,
    bring: bringList(service.requirements),
    terminalId,
    issuedAt,
  };
}

export function queueTicketInput(
  index: CatalogueIndex,
  ticket: QueueTicket,
  language: Language,
  terminalId: string,
): QueueTicketInput | undefined {
  const service = index.services.get(ticket.serviceId);
  const centre = index.centres.get(ticket.centreId);
  if (!service || !centre) return undefined;
  return {
    language,
    queueNumber: ticket.queueNumber,
    service: service.name,
    centre: centre.name,
    counterArea: ticket.counterArea,
    issuedAt: ticket.checkedInAt,
    expectedWaitMinutes: null,
    terminalId,
  };
}

/**
 * Prints one document for the session and follows it to the tray. `onChange` hears `printed` or `not-printed`
 * (a job held for staff or voided); waiting for paper stays `printing`.
 */
export class PaperFollower {
  #stop: () => void = () => {};
  #jobId: number | null = null;
  #outcome: PrintOutcome = 'printing';
  /** Events that came before the job's id was known (the pipeline may move faster than the answer). */
  readonly #early = new Map<number, PrintOutcome>();

  constructor(private readonly printing: Pick<KioskPrintService, 'printForSession' | 'pipeline'>) {}

  get outcome(): PrintOutcome {
    return this.#outcome;
  }

  async print(
    template: TemplateId,
    input: object | undefined,
    idempotencyKey: string,
    onChange: (outcome: PrintOutcome) => void,
  ): Promise<PrintOutcome> {
    this.#stop();
    this.#jobId = null;
    this.#early.clear();
    if (input === undefined) return this.#settle('not-printed');
    this.#outcome = 'printing';
    this.#stop = this.printing.pipeline.onEvent((event) => {
      if (event.type === 'paper-changed') return;
      const outcome = outcomeOf(event.type);
      if (outcome === null) return;
      if (this.#jobId === null) this.#early.set(event.jobId, outcome);
      else if (event.jobId === this.#jobId) onChange(this.#settle(outcome));
    });
    const queued = await this.printing.printForSession(template, input, { idempotencyKey });
    if (!queued.ok) return this.#settle('not-printed');
    this.#jobId = queued.value.jobId;
    const early = this.#early.get(this.#jobId);
    return early ? this.#settle(early) : this.#outcome;
  }

  dispose(): void {
    this.#stop();
    this.#stop = () => {};
  }

  #settle(outcome: PrintOutcome): PrintOutcome {
    this.#outcome = outcome;
    if (outcome !== 'printing') this.dispose();
    return outcome;
  }
}

function outcomeOf(type: string): PrintOutcome | null {
  switch (type) {
    case 'job-confirmed':
      return 'printed';
    case 'job-needs-attention':
    case 'job-voided':
    case 'job-expired':
      return 'not-printed';
    default:
      return null;
  }
}
