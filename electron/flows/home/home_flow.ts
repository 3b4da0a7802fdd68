import { err, ok } from '../../../lib/result.js';
import { flowOfService } from '../../rpc/flow_contract.js';
import type { HomeFlowView } from '../../rpc/flows/home_contract.js';
import type { Language } from '../../rpc/languages.js';
import type { ServiceId } from '../../rpc/service_ids.js';
import type {
  FlowContext,
  FlowDefinition,
  FlowEntry,
  FlowServices,
  IntentOutcome,
  RunningFlow,
} from '../flow.js';

/** Where every session begins (the session is created showing this step, before the flow object exists). */
export const homeFlowEntry: HomeFlowView = { service: 'home', step: 'language' };
const servicesStep: HomeFlowView = { service: 'home', step: 'services' };

/**
 * The home flow: language → services → a service's intro (and back). It holds no personal data. Each intent is
 * accepted only on the step that offers it, so a stale tap (the screen already moved on) changes nothing.
 * A service is opened only if this terminal offers it and its devices are usable right now.
 */
export class HomeFlow implements RunningFlow<'home'> {
  readonly id = 'home';
  readonly #services: Pick<FlowServices, 'session' | 'kioskStatus'>;
  readonly #context: Pick<FlowContext, 'switchTo'>;
  #step: HomeFlowView;

  constructor(
    context: Pick<FlowContext, 'switchTo'>,
    services: Pick<FlowServices, 'session' | 'kioskStatus'>,
    entry: FlowEntry,
  ) {
    this.#context = context;
    this.#services = services;
    this.#context = context;
    this.#step = entry === 'session-start' ? homeFlowEntry : servicesStep;
  }

  view(): HomeFlowView {
    return this.#step;
  }

  chooseLanguage(language: Language): IntentOutcome {
    if (this.#step.step !== 'language') return err('other-step');
    this.#services.session.setLanguage(language);
    this.#step = servicesStep;
    return ok();
  }

  openService(service: ServiceId): IntentOutcome {
    if (this.#step.step !== 'services') return err('other-step');
    const tile = this.#services.kioskStatus.services.find((t) => t.id === service);
    if (!tile?.available) return err('unavailable');
    this.#step = { service: 'home', step: 'service-intro', about: service };
    return ok();
  }

  /** The intro's Start: into the service's own flow, if it has one here and its devices are usable now. */
  startService(): IntentOutcome {
    if (this.#step.step !== 'service-intro') return err('other-step');
    const about = this.#step.about;
    const tile = this.#services.kioskStatus.services.find((t) => t.id === about);
    const flow = flowOfService(about);
    if (!tile?.available || !tile.flowReady || !flow || !this.#context) return err('unavailable');
    this.#context.switchTo(flow);
    return ok();
  }

  backToServices(): IntentOutcome {
    if (this.#step.step !== 'service-intro') return err('other-step');
    this.#step = servicesStep;
    return ok();
  }

  dispose(): void {
    // Nothing of the resident's is held here.
  }
}

export const homeFlow: FlowDefinition<'home', HomeFlow> = {
  id: 'home',
  start: (context, services, entry) => new HomeFlow(context, services, entry),
};
