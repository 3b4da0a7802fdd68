import { err, ok } from '../../../lib/result.js';
import type { Booking, Slot } from '../../backend/contract/bookings.js';
import type { Rejection } from '../../backend/contract/errors.js';
import { maskName } from '../../printed/templates/name_mask.js';
import type { BookAppointmentFlowView } from '../../rpc/flows/book_appointment_contract.js';
import type { PrintOutcome, SiteKind } from '../../rpc/flows/booking_parts.js';
import type { IdentifyMethod } from '../../rpc/flows/identify_contract.js';
import { searchedText } from '../../rpc/flows/searched_text.js';
import type { Language } from '../../rpc/languages.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';
import { Identification } from '../identify/identification.js';
import type { IdentifyHost } from '../identify/identify_host.js';
import type { IdentifyOptions } from '../identify/identify_types.js';
import { appointmentSlipInput, PaperFollower } from './booking_paper.js';
import { bookingOperations, bookingResolver } from './booking_resolvers.js';
import {
  appointmentView,
  bookableCentres,
  bookingView,
  serviceDetails,
  serviceItem,
} from './booking_views.js';
import { departmentsOf, searchServices, servicesOf } from './catalogue_browse.js';
import { type CatalogueIndex, catalogueCacheOf } from './catalogue_cache.js';
import { FlowSteps } from './flow_steps.js';
import { ResidentTransaction } from './resident_transaction.js';
import { SlotPicker, slotStep } from './slot_picker.js';

/**
 * Booking an appointment (contract and step diagram: electron/rpc/flows/book_appointment_contract.ts).
 *
 * The flow holds the resident's choices for the session only; `dispose` drops them. Each intent is accepted on
 * the step that offers it and refused as a value elsewhere, so a stale double tap changes nothing. Work that
 * waits for the backend shows a `working` step first; its answer is applied only if the resident is still on
 * that step (`#epoch`), so going Back while it runs is safe. The booking itself is a journalled transaction
 * (resident_transaction.ts): its key and request are committed before the call, and a booking whose answer never
 * came is settled by asking again — never made twice, never left half done.
 */

type View = BookAppointmentFlowView;
type Services = Pick<
  FlowServices,
  'backend' | 'clock' | 'logger' | 'session' | 'journal' | 'printing' | 'config' | 'devices' | 'documents'
>;

/**
 * Who the booking is for, kept from the identification: the backend's opaque reference (sent with the booking,
 * never shown or logged), how they identified, and their masked name for the confirm step. The rest of what the
 * identification read (name, number, dates) is not kept.
 */
interface BookingResident {
  residentRef: string;
  method: IdentifyMethod;
  maskedName: string | null;
}

/** Booking needs no PIN; the residence permit counts at a Hengqin terminal only (the identification drops it elsewhere). */
const identifyOptions: IdentifyOptions = {
  purpose: 'book-appointment',
  methods: ['document', 'residence-permit', 'macao-one-account'],
  pin: false,
};

const service = 'book-appointment' as const;

export class BookAppointmentFlow implements RunningFlow<'book-appointment'>, IdentifyHost {
  readonly id = service;
  readonly #context: FlowContext;
  readonly #services: Services;
  readonly #steps: FlowSteps<View>;
  readonly #transaction: ResidentTransaction;
  readonly #paper: PaperFollower;
  #site: SiteKind;
  #picker: SlotPicker | null = null;
  #slot: Slot | null = null;
  #resident: BookingResident | null = null;
  #identification: Identification | null = null;

  constructor(context: FlowContext, services: Services) {
    this.#context = context;
    this.#services = services;
    this.#site = services.config.site.kind;
    this.#steps = new FlowSteps<View>(
      { service, step: 'site', home: services.config.site.kind },
      {
        working: (task) => ({ service, step: 'working', task }),
        problem: (problem) => ({ service, step: 'problem', problem }),
      },
      context,
      services.logger,
    );
    this.#transaction = new ResidentTransaction(
      {
        transactions: services.journal.transactions,
        resolver: bookingResolver(services.backend),
        clock: services.clock,
        logger: services.logger,
      },
      'booking',
      context.sessionId,
    );
    this.#paper = new PaperFollower(services.printing);
    // The catalogue is fetched (or is kept already) while the resident chooses the site.
    void this.#catalogue().load();
  }

  view(): View {
    const view = this.#steps.view;
    // The identification moves through its stages on its own (a document placed, a code scanned).
    if (view.step === 'identify' && this.#identification)
      return { ...view, identify: this.#identification.view() };
    return view;
  }

  currentIdentification(): Identification | null {
    return this.#steps.view.step === 'identify' ? this.#identification : null;
  }

  chooseSite(site: SiteKind): Promise<IntentOutcome> | IntentOutcome {
    if (this.#steps.view.step !== 'site') return err('other-step');
    this.#site = site;
    const ready = this.#catalogue().ready;
    if (ready) return this.#showDepartments(ready);
    return this.#steps.wait(
      'catalogue',
      () => this.#catalogue().load(),
      (index) => this.#showDepartments(index),
    );
  }

  chooseDepartment(code: string): IntentOutcome {
    const view = this.#steps.view;
    if (view.step !== 'departments') return err('other-step');
    const index = this.#catalogue().ready;
    const department = view.departments.find((d) => d.code === code);
    if (!index || !department) return err('unavailable');
    const { services: _count, ...shown } = department;
    const services = servicesOf(index, this.#site, code);
    return this.#steps.go({ service, step: 'services', site: this.#site, department: shown, services });
  }

  openSearch(): IntentOutcome {
    if (this.#steps.view.step !== 'departments') return err('other-step');
    return this.#steps.go({ service, step: 'search', site: this.#site, query: '', results: [] });
  }

  /**
   * A keystroke: the results follow what was typed and the pinyin being composed, on the same step, and the
   * keyboard's candidates for that pinyin (the catalogue's words in the session's script) come with them.
   */
  search(text: string, composing?: string): IntentOutcome {
    const view = this.#steps.view;
    if (view.step !== 'search') return err('other-step');
    const index = this.#catalogue().ready;
    if (!index) return err('unavailable');
    const searched = searchedText(text, composing);
    const results =
      searched.trim() === '' ? [] : searchServices(index, searched, this.#site, this.#language());
    const { composing: _was, candidates: _theirs, ...step } = view;
    const pinyin = composing
      ? {
          composing,
          candidates: [
            ...index.candidates(composing, this.#language() === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant'),
          ],
        }
      : {};
    this.#steps.update({ ...step, query: text, ...pinyin, results });
    return ok();
  }

  chooseService(serviceId: string): IntentOutcome {
    const view = this.#steps.view;
    if (view.step !== 'services' && view.step !== 'search') return err('other-step');
    const listed = view.step === 'services' ? view.services : view.results;
    const index = this.#catalogue().ready;
    const found = index?.services.get(serviceId);
    if (!index || !found || !listed.some((s) => s.serviceId === serviceId)) return err('unavailable');
    return this.#steps.go({ service, step: 'service', details: serviceDetails(index, found) });
  }

  startBooking(): IntentOutcome {
    const view = this.#steps.view;
    if (view.step !== 'service') return err('other-step');
    const index = this.#catalogue().ready;
    const found = index?.services.get(view.details.serviceId);
    if (!index || !found?.bookable) return err('unavailable');
    const centres = bookableCentres(index, found, this.#services.config.site.centreId);
    return this.#steps.go({ service, step: 'centre', about: serviceItem(index, found), centres });
  }

  chooseCentre(centreId: string): Promise<IntentOutcome> | IntentOutcome {
    const view = this.#steps.view;
    if (view.step !== 'centre') return err('other-step');
    const centre = view.centres.find((c) => c.centreId === centreId);
    if (!centre) return err('unavailable');
    const picker = new SlotPicker(view.about.serviceId, centreId, {
      backend: this.#services.backend,
      now: () => this.#services.clock.now(),
    });
    return this.#steps.wait(
      'availability',
      () => picker.load(),
      () => {
        this.#picker = picker;
        return this.#steps.go({ service, step: 'date', about: view.about, centre, dates: picker.dates() });
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
    if (view.step !== 'slot') return err('other-step');
    const slot = this.#picker?.find(slotId);
    if (!slot) return err('unavailable');
    this.#picker?.picked(slot);
    this.#slot = slot;
    // Identified once: a resident who came back to choose another time is not asked again.
    return this.#resident ? this.#toConfirm() : this.#identify();
  }

  async confirm(): Promise<IntentOutcome> {
    const view = this.#steps.view;
    if (view.step !== 'confirm') return err('other-step');
    const slot = this.#slot;
    if (!this.#resident || !slot) return err('unavailable');
    const request = {
      serviceId: view.appointment.service.serviceId,
      centreId: view.appointment.centre.centreId,
      slotId: slot.slotId,
      residentRef: this.#resident.residentRef,
    };
    this.#steps.go({ service, step: 'working', task: 'booking' });
    const epoch = this.#steps.epoch;
    this.#context.stepChanged();
    const outcome = await this.#transaction.change(bookingOperations.create, request, (idempotencyKey) =>
      this.#services.backend.createBooking({ ...request, idempotencyKey }),
    );
    if (this.#steps.stale(epoch)) return ok();
    switch (outcome.kind) {
      case 'answered':
        return this.#booked(outcome.value);
      case 'rejected':
        return this.#refused(outcome.rejection, request.slotId);
      case 'not-sent':
        return this.#steps.problem('unavailable', () => this.confirm());
      case 'no-answer':
        return this.#steps.problem('outcome-unknown', () => this.confirm());
    }
  }

  retry(): Promise<IntentOutcome> | IntentOutcome {
    return this.#steps.retry();
  }

  back(): IntentOutcome {
    const view = this.#steps.view;
    // Once the booking call is on its way only Cancel leaves (the transaction settles it); once made, it is made.
    if (view.step === 'booked' || (view.step === 'working' && view.task === 'booking'))
      return err('other-step');
    if (!this.#steps.back((v) => this.#refreshed(v))) this.#context.switchTo('home');
    return ok();
  }

  cancel(): IntentOutcome {
    this.#context.switchTo('home');
    return ok();
  }

  finish(): IntentOutcome {
    const step = this.#steps.view.step;
    if (step !== 'booked' && step !== 'already-booked') return err('other-step');
    this.#context.endSession('done');
    return ok();
  }

  dispose(): void {
    this.#steps.dispose();
    this.#endIdentification();
    this.#transaction.abandon();
    this.#paper.dispose();
    this.#resident = null;
    this.#slot = null;
    this.#picker = null;
  }

  #catalogue() {
    return catalogueCacheOf(this.#services.backend, () => this.#services.clock.now());
  }

  #language(): Language {
    const view = this.#services.session.view();
    return view.phase === 'active' ? view.language : 'zh-Hant';
  }

  /** A step shown again by Back, with what may have changed since (free slots). */
  #refreshed(view: View): View {
    if (view.step === 'date' && this.#picker) return { ...view, dates: this.#picker.dates() };
    if (view.step === 'slot' && this.#picker) return slotStep(view, this.#picker);
    return view;
  }

  #showDepartments(index: CatalogueIndex): IntentOutcome {
    return this.#steps.go({
      service,
      step: 'departments',
      site: this.#site,
      departments: departmentsOf(index, this.#site),
    });
  }

  #identify(): IntentOutcome {
    this.#endIdentification();
    this.#identification = new Identification(this.#services, this.#context, identifyOptions, {
      onIdentified: (resident) => {
        const document = resident.document;
        this.#resident = {
          residentRef: resident.residentRef,
          method: resident.method,
          maskedName: document
            ? maskName({
                surname: document.surname,
                givenNames: document.givenNames,
                fullName: document.nameOnDocument,
              })
            : null,
        };
        this.#endIdentification();
        // The identify step is passed: Back from confirm returns to the times.
        this.#toConfirm(true);
        this.#context.stepChanged();
      },
      onLeave: (why) => {
        if (why === 'cancel') {
          this.#context.switchTo('home');
          return;
        }
        this.#endIdentification();
        this.#steps.back((v) => this.#refreshed(v));
        this.#context.stepChanged();
      },
    });
    return this.#steps.go({ service, step: 'identify', identify: this.#identification.view() });
  }

  #endIdentification(): void {
    this.#identification?.dispose();
    this.#identification = null;
  }

  #toConfirm(replacingIdentify = false): IntentOutcome {
    const index = this.#catalogue().ready;
    const slot = this.#slot;
    const centre = this.#steps.remembered('centre');
    const resident = this.#resident;
    if (!index || !slot || !centre || !resident) return err('unavailable');
    const appointment = appointmentView(
      index,
      { serviceId: centre.about.serviceId, centreId: slot.centreId, start: slot.start, end: slot.end },
      this.#services.config.site.centreId,
    );
    if (!appointment) return err('unavailable');
    const confirm: View = {
      service,
      step: 'confirm',
      appointment,
      resident: { method: resident.method, maskedName: resident.maskedName },
    };
    if (replacingIdentify) {
      this.#steps.replace(confirm);
      return ok();
    }
    return this.#steps.go(confirm);
  }

  async #booked(booking: Booking): Promise<IntentOutcome> {
    const index = this.#catalogue().ready;
    const shown = index && bookingView(index, booking, this.#services.config.site.centreId);
    this.#steps.forget();
    if (!index || !shown) {
      this.#transaction.confirm();
      return this.#steps.problem('unavailable', null);
    }
    this.#steps.go({ service, step: 'booked', booking: shown, slip: 'printing' });
    this.#steps.forget();
    // The reference shows while the slip is rendered and printed.
    this.#context.stepChanged();
    const epoch = this.#steps.epoch;
    const input = appointmentSlipInput(
      index,
      booking,
      this.#language(),
      this.#services.config.terminal.id,
      new Date(this.#services.clock.now()).toISOString(),
    );
    const key = `${this.#context.sessionId}-slip-${booking.reference}`;
    const outcome = await this.#paper.print('appointment-slip', input, key, (later) => {
      this.#slipDone(epoch, later);
      this.#context.stepChanged();
    });
    this.#slipDone(epoch, outcome);
    return ok();
  }

  #slipDone(epoch: number, outcome: PrintOutcome): void {
    if (outcome === 'printed') this.#transaction.printed();
    if (outcome !== 'printing') this.#transaction.confirm();
    const view = this.#steps.view;
    if (!this.#steps.stale(epoch) && view.step === 'booked') this.#steps.update({ ...view, slip: outcome });
  }

  async #refused(rejection: Rejection, slotId: string): Promise<IntentOutcome> {
    switch (rejection.code) {
      case 'slot-taken':
      case 'slot-in-past': {
        // Back to the times, without the one taken, with the next free ones named.
        this.#picker?.refused(
          slotId,
          rejection.code,
          rejection.code === 'slot-taken' ? rejection.nextFreeSlots : [],
        );
        this.#slot = null;
        if (this.#steps.returnTo('slot', (v) => this.#refreshed(v))) return ok();
        return this.#steps.problem('unavailable', null);
      }
      case 'already-booked': {
        const found = await this.#services.backend.findBooking({
          booking: { reference: rejection.reference },
        });
        const index = this.#catalogue().ready;
        const shown =
          found.ok && index
            ? bookingView(index, found.value, this.#services.config.site.centreId)
            : undefined;
        if (!shown) return this.#steps.problem('unavailable', () => this.confirm());
        return this.#steps.go({ service, step: 'already-booked', booking: shown });
      }
      default:
        // The catalogue changed under the resident (no longer bookable or offered here): nothing was booked.
        return this.#steps.problem('unavailable', null);
    }
  }
}

export const bookAppointmentFlow: FlowDefinition<'book-appointment', BookAppointmentFlow> = {
  id: service,
  start: (context, services) => new BookAppointmentFlow(context, services),
};
