import { err, ok } from '../../../lib/result.js';
import type { AuditEvent } from '../../journal/audit_events.js';
import type { LockerStationConfig } from '../../lockers/locker_station_config.js';
import { checkPickup, type PickupEntry, type PickupTarget } from '../../lockers/pickup_check.js';
import { normalisePickupDigits } from '../../lockers/pickup_code.js';
import { TypedCodeLimiter } from '../../lockers/typed_code_limiter.js';
import type {
  LockerPickupFlowView,
  PickupReceiptView,
  PickupRefusalView,
} from '../../rpc/flows/locker_pickup_contract.js';
import type { Language } from '../../rpc/languages.js';
import { PaperFollower } from '../booking/booking_paper.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';
import { openPickupDoor } from './door_opening.js';
import {
  beginPickup,
  callRecordPickup,
  type RecordPickupRequest,
  recordRequestOf,
} from './pickup_journal.js';
import { type PickupFacts, pickupReceiptInput, receiptOffered } from './pickup_receipt.js';

/**
 * Smart Locker pickup at a locker station (contract and step diagram: electron/rpc/flows/locker_pickup_contract.ts).
 *
 * A code comes from the scanner (followed while the resident can give one) or from the keypad. It is checked
 * (electron/lockers/pickup_check.ts), then the door is opened and watched (door_opening.ts), and the pickup is
 * journalled and recorded once (pickup_journal.ts). Every refused code is an audit event; typed codes are limited
 * per terminal (typed_code_limiter.ts). A door that does not open, and a door left open, alert staff.
 *
 * The flow holds no personal data: a pickup code names an application, not a person. What it holds is the code
 * being checked and the door being used, dropped in `dispose()`.
 */

type View = LockerPickupFlowView;
type Services = Pick<
  FlowServices,
  'backend' | 'clock' | 'logger' | 'journal' | 'config' | 'devices' | 'printing' | 'session'
>;

const service = 'locker-pickup' as const;
/** How long the flow keeps watching an open door for the resident to close it (the sensor's own polling). */
const watchDoorMs = 30 * 60_000;

const auditReasons = {
  forged: 'bad-signature',
  expired: 'expired',
  used: 'already-used',
  unknown: 'unknown-code',
  'wrong-station': 'wrong-locker-point',
  malformed: 'malformed',
  'too-many-tries': 'too-many-tries',
} as const satisfies Partial<Record<PickupRefusalView, string>>;

interface OpenPickup {
  tx: number;
  key: string;
  request: RecordPickupRequest;
  compartment: string;
  /** Set once recording started: it happens once, whether the door closed or was left open. */
  recording: Promise<void> | null;
  record: 'recorded' | 'later' | 'staff' | null;
  doorClosed: boolean;
}

export class LockerPickupFlow implements RunningFlow<'locker-pickup'> {
  readonly id = service;
  readonly #context: FlowContext;
  readonly #services: Services;
  readonly #station: LockerStationConfig;
  readonly #limiter: TypedCodeLimiter;
  readonly #stopScanning: () => void;
  #view: View = { service, step: 'scan' };
  #pickup: OpenPickup | null = null;
  #cancelLeftOpen: (() => void) | null = null;
  /** What the receipt says, once the item is out; dropped with the flow. */
  #picked: PickupFacts | null = null;
  readonly #paper: PaperFollower;
  #disposed = false;

  constructor(context: FlowContext, services: Services, station: LockerStationConfig) {
    this.#context = context;
    this.#services = services;
    this.#station = station;
    this.#paper = new PaperFollower(services.printing);
    this.#limiter = new TypedCodeLimiter(
      station.typedCodes,
      services.journal.typedCodeLockouts,
      station.pointId,
    );
    const stops = services.devices.scanners().map(({ driver }) =>
      driver.onScan((event) => {
        if (!this.#takesCodes()) return;
        if (event.ok) void this.#enter({ kind: 'scanned', text: event.value.text });
      }),
    );
    this.#stopScanning = () => {
      for (const stop of stops) stop();
    };
  }

  view(): View {
    return this.#view;
  }

  typeDigits(): IntentOutcome {
    if (this.#view.step !== 'scan') return err('other-step');
    return this.#show({ service, step: 'type', mistyped: false });
  }

  /** Accepted at once: the check and the door go on, and each step is shown as it comes (a door waits minutes). */
  submitDigits(digits: string): IntentOutcome {
    if (this.#view.step !== 'type') return err('other-step');
    void this.#enter({ kind: 'typed', digits: digits.replace(/[\s-]/g, '') });
    return ok();
  }

  tryAgain(): IntentOutcome {
    const view = this.#view;
    if (view.step !== 'refused') return err('other-step');
    return this.#show(view.typed ? { service, step: 'type', mistyped: false } : { service, step: 'scan' });
  }

  /**
   * `type` and `refused` lead back to scanning; from `scan`, Back leaves for the list of services. On `done` and
   * `door-failed` there is nothing to go back to (the item is out, or staff are on their way and the code stays
   * good): Back finishes, as Finish does, so the next resident starts afresh. While a door moves it waits.
   */
  back(): IntentOutcome {
    const step = this.#view.step;
    switch (step) {
      case 'scan':
        this.#context.switchTo('home');
        return ok();
      case 'type':
      case 'refused':
        return this.#show({ service, step: 'scan' });
      case 'done':
      case 'door-failed':
        return this.finish();
      case 'checking':
      case 'opening':
      case 'open':
      case 'left-open':
      case 'recording':
        return err('other-step');
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  }

  cancel(): IntentOutcome {
    const step = this.#view.step;
    // After the door (done, or failed with staff on their way) Cancel has nothing to undo: it finishes.
    if (step === 'done' || step === 'door-failed') return this.finish();
    if (!this.#takesCodes()) return err('other-step');
    this.#context.switchTo('home');
    return ok();
  }

  finish(): IntentOutcome {
    const step = this.#view.step;
    if (step !== 'done' && step !== 'refused' && step !== 'door-failed') return err('other-step');
    this.#context.endSession('done');
    return ok();
  }

  /** On `done`, when the station has a ticket printer: the pickup receipt, printed once. */
  printReceipt(): IntentOutcome {
    const view = this.#view;
    const picked = this.#picked;
    if (view.step !== 'done' || view.receipt !== 'offered' || picked === null) return err('other-step');
    this.#view = { ...view, receipt: 'printing' };
    void this.#printReceipt(picked);
    return ok();
  }

  dispose(): void {
    this.#disposed = true;
    this.#paper.dispose();
    this.#picked = null;
    this.#stopScanning();
    this.#cancelLeftOpen?.();
    // A door still open when the session ends (an idle timeout): recovery records the pickup with the key the flow
    // committed, so the code cannot open the door again.
    const pickup = this.#pickup;
    if (pickup && pickup.recording === null) {
      const { transactions } = this.#services.journal;
      if (transactions.handOverToRecovery(pickup.tx).ok) void this.#services.journal.recoverNow();
    }
    this.#pickup = null;
  }

  /** The steps on which a code may be given. */
  #takesCodes(): boolean {
    const step = this.#view.step;
    return step === 'scan' || step === 'type' || step === 'refused';
  }

  #show(view: View): IntentOutcome {
    this.#view = view;
    return ok();
  }

  #changed(view: View): void {
    if (this.#disposed) return;
    this.#view = view;
    this.#context.stepChanged();
  }

  async #enter(entry: PickupEntry): Promise<void> {
    const typed = entry.kind === 'typed';
    const now = this.#services.clock.now();
    if (typed) {
      const waiting = this.#limiter.waitingUntil(now);
      if (waiting !== null) return this.#refuse('too-many-tries', typed, 'keypad waiting');
      // A digit that breaks the check digit is a slip of the finger: said at once, not counted, nothing sent.
      if (normalisePickupDigits(entry.digits) === undefined) {
        this.#changed({ service, step: 'type', mistyped: true });
        return;
      }
    }
    this.#changed({ service, step: 'checking' });
    const checked = await checkPickup(entry, this.#station, this.#services.backend, now);
    if (this.#disposed) return;
    if (!checked.ok) {
      if (typed && checked.error.refusal !== 'unavailable') this.#limiter.refused(this.#services.clock.now());
      return this.#refuse(checked.error.refusal, typed, checked.error.detail);
    }
    if (typed) this.#limiter.accepted();
    await this.#pickUp(checked.value);
  }

  #refuse(reason: PickupRefusalView, typed: boolean, detail: string): void {
    const { logger, journal } = this.#services;
    logger.log('locker-pickup-refused', { reason, entry: typed ? 'typed' : 'scanned', detail });
    // `unavailable` is the backend's silence, not a judgement on the code.
    if (reason !== 'unavailable') {
      const event: AuditEvent = {
        kind: 'pickup-code-refused',
        lockerPointId: this.#station.pointId,
        reason: auditReasons[reason],
        entry: typed ? 'typed' : 'scanned',
      };
      journal.audit.append('system', event);
    }
    // The reason stays the code's own; when this refusal made the keypad wait, the screen says until when.
    const until = typed ? this.#limiter.waitingUntil(this.#services.clock.now()) : null;
    this.#changed({
      service,
      step: 'refused',
      reason,
      typed,
      retryAt: until === null ? null : new Date(until).toISOString(),
    });
  }

  async #pickUp(target: PickupTarget): Promise<void> {
    const { devices, journal, logger, config } = this.#services;
    const compartment = target.compartment;
    const locker = devices.lockers().find((candidate) => candidate.id === target.device);
    const request = recordRequestOf(target, this.#station.pointId, config.terminal.id);
    const begun = beginPickup(journal.transactions, this.#context.sessionId, request);
    if (begun === null) return this.#refuse('unavailable', false, 'journal');
    this.#pickup = { ...begun, request, compartment, recording: null, record: null, doorClosed: false };
    this.#changed({ service, step: 'opening', compartment });
    const opening = locker
      ? await openPickupDoor(locker.driver, target.door, this.#station.doors)
      : ({ outcome: 'not-opened', detail: 'no-such-locker' } as const);
    const fields = { transactionId: begun.tx, compartment };
    if (opening.outcome !== 'opened') {
      logger.log('locker-door-not-opened', { ...fields, outcome: opening.outcome, detail: opening.detail });
      journal.alerts.raise(
        'device-needs-staff',
        {
          code: 'door-not-opened',
          deviceId: target.device,
          door: target.door,
          compartment,
          detail: opening.detail,
        },
        { transactionId: begun.tx },
      );
      if (opening.outcome === 'not-opened') journal.transactions.void(begun.tx, 'door-not-opened');
      else journal.transactions.handToStaff(begun.tx, `door-${opening.detail}`);
      this.#pickup = null;
      return this.#changed({ service, step: 'door-failed', compartment });
    }
    logger.log('locker-door-opened', { ...fields, attempts: opening.attempts });
    this.#changed({ service, step: 'open', compartment });
    const pickup = this.#pickup;
    if (pickup === null) return; // disposed meanwhile: recovery records it
    this.#cancelLeftOpen = this.#services.clock.setTimeout(
      () => this.#leftOpen(pickup, target),
      this.#station.doors.leftOpenSeconds * 1000,
    );
    const closed = locker ? await locker.driver.waitClosed(target.door, watchDoorMs) : null;
    this.#cancelLeftOpen?.();
    pickup.doorClosed = closed?.ok === true;
    await this.#record(pickup);
    this.#done(pickup);
  }

  /** The item is out and the door shut: done, with the receipt offered where a printer can print it. */
  #done(pickup: OpenPickup): void {
    // Once: "closed" after "left open" (or the other way round) does not draw it again over a receipt printing.
    if (pickup.record === null || this.#view.step === 'done') return;
    this.#picked ??= {
      applicationId: pickup.request.applicationId,
      compartment: pickup.compartment,
      pickedUpAt: this.#services.clock.now(),
    };
    const receipt: PickupReceiptView = receiptOffered(this.#services) ? 'offered' : 'none';
    this.#changed({ service, step: 'done', compartment: pickup.compartment, record: pickup.record, receipt });
  }

  async #printReceipt(picked: PickupFacts): Promise<void> {
    const input = await pickupReceiptInput(this.#services, this.#station.pointId, picked, this.#language());
    const key = `${this.#context.sessionId}-pickup-receipt-${picked.applicationId}`;
    const show = (receipt: PickupReceiptView) => {
      const view = this.#view;
      if (view.step === 'done') this.#changed({ ...view, receipt });
    };
    const outcome = await this.#paper.print('locker-pickup-receipt', input, key, show);
    if (outcome === 'not-printed') this.#services.logger.log('locker-pickup-receipt-not-printed');
    show(outcome);
  }

  #language(): Language {
    const view = this.#services.session.view();
    return view.phase === 'active' ? view.language : 'zh-Hant';
  }

  #leftOpen(pickup: OpenPickup, target: PickupTarget): void {
    if (pickup.doorClosed || this.#disposed) return;
    const { journal, logger } = this.#services;
    logger.log('locker-door-left-open', { transactionId: pickup.tx, compartment: pickup.compartment });
    journal.alerts.raise(
      'device-needs-staff',
      { code: 'door-left-open', deviceId: target.device, door: target.door, compartment: pickup.compartment },
      { transactionId: pickup.tx },
    );
    this.#changed({ service, step: 'left-open', compartment: pickup.compartment });
    // The item is out of its compartment: record it now rather than when (if) the door is shut.
    void this.#record(pickup).then(() => {
      if (pickup.doorClosed) this.#done(pickup);
    });
  }

  /** Records the pickup once, whichever of "closed" and "left open" comes first. */
  #record(pickup: OpenPickup): Promise<void> {
    pickup.recording ??= this.#recordNow(pickup);
    return pickup.recording;
  }

  async #recordNow(pickup: OpenPickup): Promise<void> {
    const { backend, journal, logger } = this.#services;
    const { transactions } = journal;
    if (this.#view.step === 'open')
      this.#changed({ service, step: 'recording', compartment: pickup.compartment });
    const { end, error } = await callRecordPickup(backend, pickup.key, pickup.request);
    logger.log('locker-pickup-recorded', {
      transactionId: pickup.tx,
      end,
      error: error === null ? null : error.kind === 'rejected' ? error.rejection.code : error.kind,
    });
    switch (end) {
      case 'recorded':
        transactions.advance(pickup.tx, 'confirmed');
        pickup.record = 'recorded';
        break;
      case 'refused': {
        // Never success: the backend says someone else recorded this pickup (or it expired meanwhile), yet this
        // door opened. Only staff can reconcile the two.
        // Handing it to staff raises their alert.
        const code = error?.kind === 'rejected' ? error.rejection.code : 'refused';
        transactions.handToStaff(pickup.tx, `record-refused-${code}`);
        pickup.record = 'staff';
        break;
      }
      case 'no-answer':
        if (transactions.handOverToRecovery(pickup.tx).ok) void journal.recoverNow();
        pickup.record = 'later';
        break;
      default: {
        const unreachable: never = end;
        return unreachable;
      }
    }
  }
}

export const lockerPickupFlow: FlowDefinition<'locker-pickup', LockerPickupFlow> = {
  id: service,
  start(context, services) {
    const station = services.config.lockerStation;
    // The configuration refuses the pickup service without a station (lockers/locker_station_config.ts).
    if (station === undefined)
      throw new Error('locker-pickup started on a terminal that is not a locker station');
    return new LockerPickupFlow(context, services, station);
  },
};
