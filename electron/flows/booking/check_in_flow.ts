import { err, ok, type Result } from '../../../lib/result.js';
import type { BackendReply } from '../../backend/contract/backend.js';
import type { Booking, BookingLocator, Slot } from '../../backend/contract/bookings.js';
import type { BackendError, Rejection } from '../../backend/contract/errors.js';
import type { PrintOutcome } from '../../rpc/flows/booking_parts.js';
import type { CheckInFlowView, CheckInPurpose, LookupNotice } from '../../rpc/flows/check_in_contract.js';
import type { Language } from '../../rpc/languages.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';
import { followScanners, readReference, type ScannedBooking } from './booking_code.js';
import { appointmentSlipInput, PaperFollower, queueTicketInput } from './booking_paper.js';
import { bookingOperations, bookingResolver } from './booking_resolvers.js';
import { appointmentView, bookingView } from './booking_views.js';
import { type CatalogueIndex, catalogueCacheOf } from './catalogue_cache.js';
import { FlowSteps } from './flow_steps.js';
import { ResidentTransaction } from './resident_transaction.js';
import { SlotPicker, slotStep } from './slot_picker.js';

/**
 * Checking in for a booking, and seeing, rescheduling or cancelling one (contract and step diagram:
 * electron/rpc/flows/check_in_contract.ts).
 *
 * The booking is named by scanning its slip's QR code (the scanners are followed while the scan and reference
 * steps show) or by typing its reference. Checking in asks the backend, which decides on its own clock whether it
 * is too early or too late; each refusal shows the booking with its own message and what can be done. A
 * check-in, a reschedule and a cancellation are journalled transactions (resident_transaction.ts); the queue
 * ticket and a rescheduled booking's new slip print through the print service, which waits for paper.
 */

type View = CheckInFlowView;
type QueueTicket = BackendReply<'checkIn'>;
type Services = Pick<
  FlowServices,
  'backend' | 'clock' | 'logger' | 'session' | 'journal' | 'printing' | 'config' | 'devices'
>;

const service = 'check-in' as const;

export class CheckInFlow implements RunningFlow<'check-in'> {
  readonly id = service;
  readonly #context: FlowContext;
  readonly #services: Services;
  readonly #steps: FlowSteps<View>;
  readonly #checkIns: ResidentTransaction;
  readonly #changes: ResidentTransaction;
  readonly #paper: PaperFollower;
  readonly #stopScanning: () => void;
  #purpose: CheckInPurpose = 'check-in';
  #booking: Booking | null = null;
  #picker: SlotPicker | null = null;
  #slot: Slot | null = null;

  constructor(context: FlowContext, services: Services) {
    this.#context = context;
    this.#services = services;
    this.#steps = new FlowSteps<View>(
      { service, step: 'scan', purpose: 'check-in', notice: null },
      {
        working: (task) => ({ service, step: 'working', task }),
        problem: (problem) => ({ service, step: 'problem', problem }),
      },
      context,
      services.logger,
    );
    const deps = {
      transactions: services.journal.transactions,
      resolver: bookingResolver(services.backend),
      clock: services.clock,
      logger: services.logger,
    };
    this.#checkIns = new ResidentTransaction(deps, 'check-in', context.sessionId);
    this.#changes = new ResidentTransaction(deps, 'booking', context.sessionId);
    this.#paper = new PaperFollower(services.printing);
    this.#stopScanning = followScanners(
      services.devices.scanners(),
      (scanned) => void this.#scanned(scanned),
    );
    void this.#catalogue().load();
  }

  view(): View {
    return this.#steps.view;
  }

  typeReference(): IntentOutcome {
    const view = this.#steps.view;
    if (view.step !== 'scan') return err('other-step');
    return this.#steps.go({ service, step: 'reference', purpose: view.purpose, notice: null });
  }

  submitReference(typed: string): Promise<IntentOutcome> | IntentOutcome {
    const view = this.#steps.view;
    if (view.step !== 'reference') return err('other-step');
    const reference = readReference(typed);
    if (reference === null) {
      this.#steps.update({ ...view, notice: 'not-found' });
      return ok();
    }
    return this.#lookUp({ reference });
  }

  manage(): IntentOutcome {
    const view = this.#steps.view;
    if (view.step !== 'scan' || view.purpose === 'manage') return err('other-step');
    this.#purpose = 'manage';
    return this.#steps.go({ service, step: 'scan', purpose: 'manage', notice: null });
  }

  reschedule(): Promise<IntentOutcome> | IntentOutcome {
    const view = this.#steps.view;
    const booking = this.#booking;
    if (view.step !== 'booking') return err('other-step');
    if (!view.canChange || !booking) return err('unavailable');
    const picker = new SlotPicker(
      booking.serviceId,
      booking.centreId,
      { backend: this.#services.backend, now: () => this.#services.clock.now() },
      booking.slotId,
    );
    return this.#steps.wait(
      'availability',
      () => picker.load(),
      () => {
        this.#picker = picker;
        const { service: about, centre } = view.booking.appointment;
        return this.#steps.go({ service, step: 'date', about, centre, dates: picker.dates() });
      },
    );
  }

  chooseDate(date: string): IntentOutcome {
    const view = this.#steps.view;
    if (view.step !== 'date') return err('other-step');
    if (!this.#picker?.chooseDate(date)) return err('unavailable');
    return this.#steps.go(slotStep(view, this.#picker));
  }

  chooseSlot(slotId: string): IntentOutcome {
    const view = this.#steps.view;
    const shown = this.#shownBooking();
    if (view.step !== 'slot') return err('other-step');
    const slot = this.#picker?.find(slotId);
    if (!slot || !shown) return err('unavailable');
    this.#picker?.picked(slot);
    this.#slot = slot;
    return this.#steps.go({
      service,
      step: 'confirm-reschedule',
      booking: shown,
      to: { start: slot.start, end: slot.end },
    });
  }

  cancelBooking(): IntentOutcome {
    const view = this.#steps.view;
    if (view.step !== 'booking') return err('other-step');
    if (!view.canChange) return err('unavailable');
    return this.#steps.go({ service, step: 'confirm-cancel', booking: view.booking });
  }

  confirm(): Promise<IntentOutcome> | IntentOutcome {
    const step = this.#steps.view.step;
    if (step === 'confirm-reschedule') return this.#rescheduleNow();
    if (step === 'confirm-cancel') return this.#cancelNow();
    return err('other-step');
  }

  retry(): Promise<IntentOutcome> | IntentOutcome {
    return this.#steps.retry();
  }

  back(): IntentOutcome {
    const view = this.#steps.view;
    // A change on its way is settled by the transaction, not abandoned by Back; a ticket or result is final.
    if (view.step === 'working' && view.task !== 'finding' && view.task !== 'availability')
      return err('other-step');
    if (view.step === 'ticket' || view.step === 'rescheduled' || view.step === 'cancelled')
      return err('other-step');
    if (!this.#steps.back((v) => this.#refreshed(v))) this.#context.switchTo('home');
    this.#purpose = this.#scanPurpose();
    return ok();
  }

  cancel(): IntentOutcome {
    this.#context.switchTo('home');
    return ok();
  }

  finish(): IntentOutcome {
    const step = this.#steps.view.step;
    if (step !== 'ticket' && step !== 'rescheduled' && step !== 'cancelled' && step !== 'booking')
      return err('other-step');
    this.#context.endSession('done');
    return ok();
  }

  dispose(): void {
    this.#stopScanning();
    this.#steps.dispose();
    this.#checkIns.abandon();
    this.#changes.abandon();
    this.#paper.dispose();
    this.#booking = null;
    this.#picker = null;
    this.#slot = null;
  }

  #catalogue() {
    return catalogueCacheOf(this.#services.backend, () => this.#services.clock.now());
  }

  #language(): Language {
    const view = this.#services.session.view();
    return view.phase === 'active' ? view.language : 'zh-Hant';
  }

  #scanPurpose(): CheckInPurpose {
    const view = this.#steps.view;
    return view.step === 'scan' || view.step === 'reference' ? view.purpose : this.#purpose;
  }

  /** A code read by a scanner: looked up when the scan or reference step shows, ignored elsewhere. */
  async #scanned(scanned: ScannedBooking): Promise<void> {
    const view = this.#steps.view;
    if (view.step !== 'scan' && view.step !== 'reference') return;
    if (scanned.ok) await this.#lookUp(scanned.value);
    else this.#steps.update({ ...view, notice: scanned.error });
    this.#context.stepChanged();
  }

  #lookUp(locator: BookingLocator): Promise<IntentOutcome> {
    const from = this.#steps.view;
    const notFound = (notice: LookupNotice) =>
      from.step === 'scan' || from.step === 'reference' ? this.#steps.update({ ...from, notice }) : undefined;
    return this.#steps.wait(
      'finding',
      () => this.#findOrNothing(locator),
      async (found) => {
        const loaded = await this.#catalogue().load();
        const shown =
          found && loaded.ok
            ? bookingView(loaded.value, found, this.#services.config.site.centreId)
            : undefined;
        if (!found || !shown) {
          // Back on the step the code came from, saying no booking has it.
          this.#steps.back();
          notFound('not-found');
          return ok();
        }
        this.#booking = found;
        if (this.#purpose === 'manage') return this.#showBooking(found, null);
        if (found.status === 'checked-in' && found.queueTicket)
          return this.#showTicket(found.queueTicket, 'earlier');
        if (found.status === 'cancelled') return this.#showBooking(found, { reason: 'cancelled' });
        return this.#checkInNow(found);
      },
    );
  }

  /** The booking, or null when the backend has none by that name. */
  async #findOrNothing(locator: BookingLocator): Promise<Result<Booking | null, BackendError>> {
    const found = await this.#services.backend.findBooking({ booking: locator });
    if (!found.ok && found.error.kind === 'rejected') return ok(null);
    return found;
  }

  async #checkInNow(booking: Booking): Promise<IntentOutcome> {
    const request = {
      booking: { reference: booking.reference },
      centreId: this.#services.config.site.centreId,
      terminalId: this.#services.config.terminal.id,
    };
    this.#steps.go({ service, step: 'working', task: 'checking-in' });
    const epoch = this.#steps.epoch;
    this.#context.stepChanged();
    const outcome = await this.#checkIns.change(bookingOperations.checkIn, request, (idempotencyKey) =>
      this.#services.backend.checkIn({ ...request, idempotencyKey }),
    );
    if (this.#steps.stale(epoch)) return ok();
    switch (outcome.kind) {
      case 'answered':
        return this.#showTicket(outcome.value, 'now');
      case 'rejected':
        return this.#checkInRefused(booking, outcome.rejection);
      case 'not-sent':
        return this.#steps.problem('unavailable', () => this.#checkInNow(booking));
      case 'no-answer':
        return this.#steps.problem('outcome-unknown', () => this.#checkInNow(booking));
    }
  }

  async #checkInRefused(booking: Booking, rejection: Rejection): Promise<IntentOutcome> {
    switch (rejection.code) {
      case 'too-early':
        return this.#showBooking(booking, { reason: 'too-early', opensAt: rejection.opensAt });
      case 'too-late':
        return this.#showBooking(booking, { reason: 'too-late', closedAt: rejection.closedAt });
      case 'wrong-centre':
        return this.#showBooking(booking, { reason: 'wrong-centre' });
      case 'cancelled':
        return this.#showBooking({ ...booking, status: 'cancelled' }, { reason: 'cancelled' });
      case 'already-checked-in': {
        // Checked in meanwhile (at another kiosk, or a reply lost): its ticket is shown again.
        const again = await this.#findOrNothing({ reference: booking.reference });
        if (again.ok && again.value?.queueTicket) return this.#showTicket(again.value.queueTicket, 'earlier');
        return this.#steps.problem('unavailable', null);
      }
      default:
        return this.#steps.problem('unavailable', null);
    }
  }

  #showBooking(booking: Booking, refusal: Extract<View, { step: 'booking' }>['refusal']): IntentOutcome {
    const index = this.#catalogue().ready;
    const shown = index && bookingView(index, booking, this.#services.config.site.centreId);
    if (!shown) return this.#steps.problem('unavailable', null);
    this.#booking = booking;
    const canChange = booking.status === 'booked' && refusal?.reason !== 'cancelled';
    return this.#steps.go({ service, step: 'booking', booking: shown, refusal, canChange });
  }

  async #showTicket(ticket: QueueTicket, when: 'now' | 'earlier'): Promise<IntentOutcome> {
    const index = this.#catalogue().ready;
    const appointment =
      index &&
      appointmentView(
        index,
        {
          serviceId: ticket.serviceId,
          centreId: ticket.centreId,
          start: ticket.slotStart,
          end: ticket.slotStart,
        },
        this.#services.config.site.centreId,
      );
    if (!index || !appointment) {
      this.#checkIns.confirm();
      return this.#steps.problem('unavailable', null);
    }
    const shown = {
      queueNumber: ticket.queueNumber,
      counterArea: ticket.counterArea,
      appointment,
      checkedInAt: ticket.checkedInAt,
    };
    this.#steps.go({
      service,
      step: 'ticket',
      ticket: shown,
      when,
      slip: when === 'now' ? 'printing' : 'not-printed',
    });
    this.#steps.forget();
    if (when === 'earlier') return ok();
    // The number shows while the ticket is rendered and printed.
    this.#context.stepChanged();
    const input = queueTicketInput(index, ticket, this.#language(), this.#services.config.terminal.id);
    await this.#printFor(
      'queue-ticket',
      input,
      `${this.#context.sessionId}-ticket-${ticket.reference}`,
      this.#checkIns,
    );
    return ok();
  }

  async #rescheduleNow(): Promise<IntentOutcome> {
    const booking = this.#booking;
    const slot = this.#slot;
    if (!booking || !slot) return err('unavailable');
    const request = { booking: { reference: booking.reference }, slotId: slot.slotId };
    this.#steps.go({ service, step: 'working', task: 'rescheduling' });
    const epoch = this.#steps.epoch;
    this.#context.stepChanged();
    const outcome = await this.#changes.change(bookingOperations.reschedule, request, (idempotencyKey) =>
      this.#services.backend.rescheduleBooking({ ...request, idempotencyKey }),
    );
    if (this.#steps.stale(epoch)) return ok();
    switch (outcome.kind) {
      case 'answered': {
        this.#booking = outcome.value;
        const index = this.#catalogue().ready;
        const shown = index && bookingView(index, outcome.value, this.#services.config.site.centreId);
        if (!index || !shown) {
          this.#changes.confirm();
          return this.#steps.problem('unavailable', null);
        }
        this.#steps.go({ service, step: 'rescheduled', booking: shown, slip: 'printing' });
        this.#steps.forget();
        this.#context.stepChanged();
        const input = appointmentSlipInput(
          index,
          outcome.value,
          this.#language(),
          this.#services.config.terminal.id,
          new Date(this.#services.clock.now()).toISOString(),
        );
        await this.#printFor(
          'appointment-slip',
          input,
          `${this.#context.sessionId}-slip-${slot.slotId}`,
          this.#changes,
        );
        return ok();
      }
      case 'rejected':
        return this.#changeRefused(outcome.rejection, slot.slotId);
      case 'not-sent':
        return this.#steps.problem('unavailable', () => this.#rescheduleNow());
      case 'no-answer':
        return this.#steps.problem('outcome-unknown', () => this.#rescheduleNow());
    }
  }

  async #cancelNow(): Promise<IntentOutcome> {
    const booking = this.#booking;
    const view = this.#steps.view;
    if (!booking || view.step !== 'confirm-cancel') return err('unavailable');
    const request = { booking: { reference: booking.reference } };
    this.#steps.go({ service, step: 'working', task: 'cancelling' });
    const epoch = this.#steps.epoch;
    this.#context.stepChanged();
    const outcome = await this.#changes.change(bookingOperations.cancel, request, (idempotencyKey) =>
      this.#services.backend.cancelBooking({ ...request, idempotencyKey }),
    );
    if (this.#steps.stale(epoch)) return ok();
    switch (outcome.kind) {
      case 'answered':
        // Nothing to print: the booking's slip is void, and the screen says so.
        this.#changes.confirm();
        this.#steps.go({ service, step: 'cancelled', booking: { ...view.booking, status: 'cancelled' } });
        this.#steps.forget();
        return ok();
      case 'rejected':
        return this.#changeRefused(outcome.rejection, null);
      case 'not-sent':
        return this.#steps.problem('unavailable', () => this.#cancelNow());
      case 'no-answer':
        return this.#steps.problem('outcome-unknown', () => this.#cancelNow());
    }
  }

  /** A reschedule or cancellation refused: a slot taken goes back to the times; otherwise the booking as it is. */
  async #changeRefused(rejection: Rejection, slotId: string | null): Promise<IntentOutcome> {
    if ((rejection.code === 'slot-taken' || rejection.code === 'slot-in-past') && slotId !== null) {
      this.#picker?.refused(
        slotId,
        rejection.code,
        rejection.code === 'slot-taken' ? rejection.nextFreeSlots : [],
      );
      this.#slot = null;
      if (this.#steps.returnTo('slot', (v) => this.#refreshed(v))) return ok();
    }
    const booking = this.#booking;
    const again = booking ? await this.#findOrNothing({ reference: booking.reference }) : null;
    if (!again?.ok || !again.value) return this.#steps.problem('unavailable', null);
    this.#steps.forget();
    const refusal = again.value.status === 'cancelled' ? ({ reason: 'cancelled' } as const) : null;
    return this.#showBooking(again.value, refusal);
  }

  async #printFor(
    template: 'queue-ticket' | 'appointment-slip',
    input: object | undefined,
    key: string,
    transaction: ResidentTransaction,
  ): Promise<void> {
    const epoch = this.#steps.epoch;
    const done = (outcome: PrintOutcome) => {
      if (outcome === 'printed') transaction.printed();
      if (outcome !== 'printing') transaction.confirm();
      const view = this.#steps.view;
      if (!this.#steps.stale(epoch) && (view.step === 'ticket' || view.step === 'rescheduled'))
        this.#steps.update({ ...view, slip: outcome });
    };
    done(
      await this.#paper.print(template, input, key, (later) => {
        done(later);
        this.#context.stepChanged();
      }),
    );
  }

  #shownBooking() {
    const index: CatalogueIndex | null = this.#catalogue().ready;
    return this.#booking && index
      ? bookingView(index, this.#booking, this.#services.config.site.centreId)
      : undefined;
  }

  #refreshed(view: View): View {
    if (view.step === 'date' && this.#picker) return { ...view, dates: this.#picker.dates() };
    if (view.step === 'slot' && this.#picker) return slotStep(view, this.#picker);
    if (view.step === 'scan' || view.step === 'reference') return { ...view, notice: null };
    return view;
  }
}

export const checkInFlow: FlowDefinition<'check-in', CheckInFlow> = {
  id: service,
  start: (context, services) => new CheckInFlow(context, services),
};
