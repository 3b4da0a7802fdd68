import { err, ok } from '../../../lib/result.js';
import type { LockerApplication } from '../../backend/contract/lockers.js';
import type {
  ApplyProblem,
  LockerApplyFlowView,
  LockerPointView,
  LockerServiceView,
} from '../../rpc/flows/locker_apply_contract.js';
import type { Language } from '../../rpc/languages.js';
import { PaperFollower } from '../booking/booking_paper.js';
import { type CatalogueIndex, catalogueCacheOf } from '../booking/catalogue_cache.js';
import { ResidentTransaction } from '../booking/resident_transaction.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';
import { Identification } from '../identify/identification.js';
import type { IdentifyHost } from '../identify/identify_host.js';
import { type ApplyRequest, applyOperation, lockerApplyResolver } from './apply_transaction.js';
import { applicationSlipInput, lockerServicesOffered } from './apply_views.js';
import { pickupPointsNearestFirst } from './pickup_points.js';

/**
 * Smart Locker application at a service kiosk (contract and step diagram: electron/rpc/flows/locker_apply_contract.ts).
 *
 * The services come from the catalogue (those whose item a locker can hold, offered at this terminal); the
 * resident identifies with the document's chip and PIN, as for a proof of identity; the points are the catalogue's,
 * nearest to this centre first, with the backend's free compartments of the item's size (pickup_points.ts). The
 * application is one journalled transaction (apply_transaction.ts): its key and request are committed before the
 * call, so a crash or a backend that stops answering can never make it twice, and a call that never left is voided
 * when the resident goes. The slip prints after the application is made; the application stands without it.
 *
 * Held for the resident, and dropped by `dispose()`: the backend's reference for them (never shown), the choices.
 */

type View = LockerApplyFlowView;
type Services = Pick<
  FlowServices,
  'clock' | 'logger' | 'devices' | 'backend' | 'config' | 'documents' | 'journal' | 'printing' | 'session'
>;

const service = 'locker-apply' as const;

export class LockerApplyFlow implements RunningFlow<'locker-apply'>, IdentifyHost {
  readonly id = service;
  readonly #context: FlowContext;
  readonly #services: Services;
  readonly #transaction: ResidentTransaction;
  readonly #paper: PaperFollower;
  #view: View = { service, step: 'loading', what: 'services' };
  #offered: LockerServiceView[] = [];
  #chosen: LockerServiceView | null = null;
  #points: LockerPointView[] = [];
  #point: LockerPointView | null = null;
  #residentRef: string | null = null;
  #identification: Identification | null = null;
  /** Bumped on every step change, so an answer for a step the resident left is dropped. */
  #epoch = 0;
  #disposed = false;

  constructor(context: FlowContext, services: Services) {
    this.#context = context;
    this.#services = services;
    this.#transaction = new ResidentTransaction(
      {
        transactions: services.journal.transactions,
        resolver: lockerApplyResolver(services.backend),
        clock: services.clock,
        logger: services.logger,
      },
      'locker-apply',
      context.sessionId,
    );
    this.#paper = new PaperFollower(services.printing);
    void this.#loadServices();
  }

  view(): View {
    const view = this.#view;
    if (view.step === 'identify' && this.#identification)
      return { ...view, identify: this.#identification.view() };
    return view;
  }

  currentIdentification(): Identification | null {
    return this.#view.step === 'identify' ? this.#identification : null;
  }

  // --- intents ---

  chooseService(serviceId: string): IntentOutcome {
    if (this.#view.step !== 'service') return err('other-step');
    const chosen = this.#offered.find((s) => s.serviceId === serviceId);
    if (!chosen) return err('unavailable');
    this.#chosen = chosen;
    if (this.#residentRef !== null) return this.#loadPoints();
    this.#identify();
    return ok();
  }

  choosePoint(pointId: string): IntentOutcome {
    if (this.#view.step !== 'point' || !this.#chosen) return err('other-step');
    const point = this.#points.find((p) => p.pointId === pointId);
    // A full point is on the list so the resident sees why; it cannot be chosen.
    if (!point || point.unavailable !== null) return err('unavailable');
    this.#point = point;
    return this.#show({ service, step: 'confirm', chosen: this.#chosen, point });
  }

  apply(): IntentOutcome {
    if (this.#view.step !== 'confirm') return err('other-step');
    void this.#send();
    return ok();
  }

  tryAgain(): IntentOutcome {
    const view = this.#view;
    if (view.step !== 'failed' || !view.canRetry) return err('other-step');
    switch (view.problem) {
      case 'point-full':
        return this.#loadPoints();
      case 'unavailable':
      case 'outcome-unknown':
        // Whatever could not be had is asked for again: the application, else the points, else the services.
        if (this.#point !== null) void this.#send();
        else if (this.#chosen !== null && this.#residentRef !== null) return this.#loadPoints();
        else void this.#loadServices();
        return ok();
      case 'refused':
      case 'no-services':
        return err('other-step');
      default: {
        const unreachable: never = view.problem;
        return unreachable;
      }
    }
  }

  back(): IntentOutcome {
    const step = this.#view.step;
    switch (step) {
      case 'service':
        this.#context.switchTo('home');
        return ok();
      case 'point':
        return this.#showServices();
      case 'confirm':
        return this.#show({
          service,
          step: 'point',
          chosen: this.#chosen as LockerServiceView,
          points: this.#points,
        });
      case 'done':
      case 'failed':
        return this.finish();
      case 'identify': // the identification's own Back leads here (onLeave)
      case 'loading':
      case 'sending':
        return err('other-step');
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  }

  cancel(): IntentOutcome {
    const step = this.#view.step;
    if (step === 'sending') return err('other-step');
    if (step === 'done') return this.finish();
    this.#context.switchTo('home');
    return ok();
  }

  finish(): IntentOutcome {
    const step = this.#view.step;
    if (step !== 'done' && step !== 'failed') return err('other-step');
    this.#context.endSession('done');
    return ok();
  }

  dispose(): void {
    this.#disposed = true;
    this.#epoch += 1;
    this.#identification?.dispose();
    this.#identification = null;
    // An application made stands; one never sent is voided; one without an answer goes to the resolver.
    this.#transaction.abandon();
    this.#paper.dispose();
    this.#residentRef = null;
    this.#chosen = null;
    this.#point = null;
    this.#points = [];
  }

  // --- steps the flow takes on its own ---

  #show(view: View): IntentOutcome {
    this.#epoch += 1;
    this.#view = view;
    return ok();
  }

  /** A step reached outside an intent (an answer, a device): shown now, unless the flow ended meanwhile. */
  #changed(view: View): void {
    if (this.#disposed) return;
    this.#show(view);
    this.#context.stepChanged();
  }

  #fail(problem: ApplyProblem): void {
    const canRetry = problem === 'unavailable' || problem === 'outcome-unknown' || problem === 'point-full';
    this.#changed({ service, step: 'failed', problem, canRetry });
  }

  #catalogue() {
    return catalogueCacheOf(this.#services.backend, () => this.#services.clock.now());
  }

  async #loadServices(): Promise<IntentOutcome> {
    this.#show({ service, step: 'loading', what: 'services' });
    const epoch = this.#epoch;
    const index = await this.#catalogue().load();
    if (this.#disposed || epoch !== this.#epoch) return ok();
    if (!index.ok) {
      this.#fail('unavailable');
      return ok();
    }
    this.#offered = lockerServicesOffered(index.value, this.#services.config.site);
    if (this.#offered.length === 0) this.#fail('no-services');
    else {
      this.#showServices();
      this.#context.stepChanged();
    }
    return ok();
  }

  #showServices(): IntentOutcome {
    return this.#show({ service, step: 'service', services: this.#offered });
  }

  #identify(): void {
    this.#identification?.dispose();
    this.#show({ service, step: 'identify', identify: { stage: 'checking-pin', purpose: service } });
    this.#identification = new Identification(
      this.#services,
      this.#context,
      // The application is the resident's: the chip (passive authentication) and the PIN, as for a proof.
      { purpose: service, methods: ['document'], pin: true },
      {
        onIdentified: (resident) => {
          this.#identification?.dispose();
          this.#identification = null;
          // Only the backend's reference is kept: the chip's data is not needed past this step.
          this.#residentRef = resident.residentRef;
          if (resident.document) resident.document = null;
          this.#loadPoints();
          this.#context.stepChanged();
        },
        onLeave: (why) => {
          this.#identification?.dispose();
          this.#identification = null;
          if (why === 'cancel') return this.#context.switchTo('home');
          this.#showServices();
          this.#context.stepChanged();
        },
      },
    );
  }

  #loadPoints(): IntentOutcome {
    const chosen = this.#chosen;
    if (!chosen) return err('other-step');
    // A point chosen before (then full, or another service's) is chosen again from the fresh list, or not at all.
    this.#point = null;
    this.#show({ service, step: 'loading', what: 'points' });
    const epoch = this.#epoch;
    void (async () => {
      const [index, availability] = await Promise.all([
        this.#catalogue().load(),
        this.#services.backend.lockerPoints({}),
      ]);
      if (this.#disposed || epoch !== this.#epoch) return;
      if (!index.ok || !availability.ok) return this.#fail('unavailable');
      const catalogue: CatalogueIndex = index.value;
      const centre = catalogue.centres.get(this.#services.config.site.centreId);
      this.#points = pickupPointsNearestFirst(
        catalogue.catalogue.lockerPoints,
        availability.value.points,
        centre,
        chosen.size,
      );
      this.#changed({ service, step: 'point', chosen, points: this.#points });
    })();
    return ok();
  }

  async #send(): Promise<void> {
    const chosen = this.#chosen;
    const point = this.#point;
    const residentRef = this.#residentRef;
    if (!chosen || !point || residentRef === null) return;
    this.#changed({ service, step: 'sending' });
    const epoch = this.#epoch;
    const request: ApplyRequest = {
      serviceId: chosen.serviceId,
      residentRef,
      pointId: point.pointId,
      size: chosen.size,
    };
    const outcome = await this.#transaction.change(applyOperation, request, (idempotencyKey) =>
      this.#services.backend.applyForLocker({ ...request, idempotencyKey }),
    );
    if (this.#disposed || epoch !== this.#epoch) return;
    switch (outcome.kind) {
      case 'answered':
        return this.#applied(outcome.value, chosen, point);
      case 'rejected':
        return this.#fail(outcome.rejection.code === 'point-full' ? 'point-full' : 'refused');
      case 'not-sent':
        return this.#fail('unavailable');
      case 'no-answer':
        return this.#fail('outcome-unknown');
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
  }

  async #applied(
    application: LockerApplication,
    chosen: LockerServiceView,
    point: LockerPointView,
  ): Promise<void> {
    const { clock, config, logger } = this.#services;
    logger.log('locker-application-made', { serviceId: chosen.serviceId, pointId: point.pointId });
    // The reference for the resident is dropped: what follows needs only the application.
    this.#residentRef = null;
    const done = {
      service,
      step: 'done',
      applicationId: application.applicationId,
      chosen,
      point,
      readyFrom: application.expectedReadyDate,
    } as const;
    this.#changed({ ...done, slip: 'printing' });
    const epoch = this.#epoch;
    const input = applicationSlipInput({
      language: this.#language(),
      application,
      chosen,
      point,
      terminalId: config.terminal.id,
      issuedAt: new Date(clock.now()).toISOString(),
    });
    const key = `${this.#context.sessionId}-locker-slip-${application.applicationId}`;
    const settle = (slip: 'printing' | 'printed' | 'not-printed') => {
      if (slip === 'printed') this.#transaction.printed();
      if (slip !== 'printing') this.#transaction.confirm();
      if (!this.#disposed && epoch === this.#epoch) {
        this.#view = { ...done, slip };
        this.#context.stepChanged();
      }
    };
    settle(await this.#paper.print('locker-application-slip', input, key, settle));
  }

  #language(): Language {
    const view = this.#services.session.view();
    return view.phase === 'active' ? view.language : 'zh-Hant';
  }
}

export const lockerApplyFlow: FlowDefinition<'locker-apply', LockerApplyFlow> = {
  id: service,
  start: (context, services) => new LockerApplyFlow(context, services),
};
