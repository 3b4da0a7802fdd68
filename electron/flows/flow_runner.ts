import { err, ok } from '../../lib/result.js';
import { type FlowId, type FlowView, isStaffFlow } from '../rpc/flow_contract.js';
import type { Language } from '../rpc/languages.js';
import type { SessionView } from '../rpc/session_contract.js';
import type { FlowContext, FlowEntry, FlowServices, IntentOutcome, RunningFlow } from './flow.js';
import { type FlowDefinitions, type FlowOf, flowDefinitions } from './flow_registry.js';
import { homeFlowEntry } from './home/home_flow.js';
import type { Identification } from './identify/identification.js';
import { hostsIdentification } from './identify/identify_host.js';
import { staffSignInEntry } from './staff_sign_in/staff_sign_in_flow.js';

/** How a staff session starts: in the site's default language (staff switch it as residents do), its own idle limit. */
export interface StaffSessionSettings {
  language: Language;
  idleSeconds: number;
}

/**
 * Runs the session's current flow. A session starts in the home flow; a flow may switch to another; the session's
 * end disposes whichever flow runs (its data goes with it). After every intent, and whenever a flow says its step
 * changed, the runner copies the flow's view into the session, which keeps it for a redraw and pushes it to the
 * renderer as `session.changed`. The renderer never navigates on its own: what it shows is this view.
 */
export class FlowRunner {
  readonly #services: FlowServices;
  readonly #definitions: FlowDefinitions;
  readonly #staffSession: StaffSessionSettings;
  #current: RunningFlow<FlowId> | null = null;

  constructor(
    services: FlowServices,
    definitions: FlowDefinitions = flowDefinitions,
    staffSession: StaffSessionSettings = { language: 'zh-Hant', idleSeconds: 300 },
  ) {
    this.#services = services;
    this.#definitions = definitions;
    this.#staffSession = staffSession;
    services.session.onSessionEnd(() => this.#stop());
  }

  /** The flow running now, if a session runs. */
  get current(): FlowId | null {
    return this.#current?.id ?? null;
  }

  /** A resident starts a session: it opens on the home flow's language step. */
  startSession(language: Language): SessionView {
    const { session } = this.#services;
    // A second start (a double tap) keeps the running session, its flow and its step.
    if (session.activeSessionId !== null) return session.setLanguage(language);
    const view = session.start(language, homeFlowEntry);
    this.#enter('home', 'session-start');
    return view;
  }

  /**
   * Staff open sign-in (the hidden gesture, or a badge at the scanner): a staff session starts on the sign-in
   * flow's badge step. Refused while a resident's session runs (they are never cut off from here); a second
   * opening keeps the staff session already running.
   */
  startStaffSession(): IntentOutcome {
    const { session, logger } = this.#services;
    if (session.activeSessionId !== null) {
      return this.#current !== null && isStaffFlow(this.#current.id) ? ok() : err('unavailable');
    }
    const { language, idleSeconds } = this.#staffSession;
    session.start(language, staffSignInEntry, idleSeconds);
    logger.log('staff-sign-in-opened', { sessionId: session.activeSessionId });
    this.#enter('staff-sign-in', 'session-start');
    return ok();
  }

  /** Whether the session on the screen is a resident's (not a member of staff's). */
  get residentSession(): boolean {
    return (
      this.#services.session.activeSessionId !== null && !(this.#current && isStaffFlow(this.#current.id))
    );
  }

  /**
   * Hands an intent to flow `id` if it is the one running; refused as a value otherwise (no session, or the
   * resident is in another flow — a stale tap). The step the intent leads to is shown before this resolves.
   */
  async dispatch<Id extends FlowId>(
    id: Id,
    intent: (flow: FlowOf<Id>) => IntentOutcome | Promise<IntentOutcome>,
  ): Promise<IntentOutcome> {
    const flow = this.#current;
    if (flow === null || this.#services.session.activeSessionId === null) return err('no-session');
    if (flow.id !== id) return err('other-flow');
    // The registry's type ties each id to its flow's class, and `flow.id === id` was just checked.
    const outcome = await intent(flow as unknown as FlowOf<Id>);
    this.#show(flow);
    return outcome;
  }

  /**
   * Hands a shared `identify.*` intent to the identification the running flow shows, whichever flow that is
   * (flows that embed identify implement `IdentifyHost`). Refused as a stale tap when it shows none.
   */
  async dispatchIdentify(
    intent: (identification: Identification) => IntentOutcome | Promise<IntentOutcome>,
  ): Promise<IntentOutcome> {
    const flow = this.#current;
    if (flow === null || this.#services.session.activeSessionId === null) return err('no-session');
    const identification = hostsIdentification(flow) ? flow.currentIdentification() : null;
    if (identification === null) return err('other-step');
    const outcome = await intent(identification);
    this.#show(flow);
    return outcome;
  }

  #enter(id: FlowId, entry: FlowEntry): void {
    const sessionId = this.#services.session.activeSessionId;
    if (sessionId === null) return;
    this.#current?.dispose();
    this.#current = null;
    // Filled in once `start` returns; until then (and once another flow runs) the context's calls do nothing.
    let flow: RunningFlow<FlowId> | null = null;
    const running = (): RunningFlow<FlowId> | null => (flow !== null && this.#current === flow ? flow : null);
    const context: FlowContext = {
      sessionId,
      stepChanged: () => {
        const self = running();
        if (self) this.#show(self);
      },
      switchTo: (next) => {
        if (running()) this.#enter(next, 'switched');
      },
      endSession: (reason) => {
        if (running()) this.#services.session.end(reason);
      },
    };
    flow = this.#definitions[id].start(context, this.#services, entry);
    this.#current = flow;
    this.#show(flow);
  }

  /** Copies the flow's view into the session when it differs (no event for an intent that changed nothing). */
  #show(flow: RunningFlow<FlowId>): void {
    if (this.#current !== flow) return;
    const view: FlowView = flow.view();
    const shown = this.#services.session.view();
    if (shown.phase !== 'active' || JSON.stringify(shown.flow) === JSON.stringify(view)) return;
    this.#services.session.showFlow(view);
  }

  #stop(): void {
    const flow = this.#current;
    this.#current = null;
    flow?.dispose();
  }
}
