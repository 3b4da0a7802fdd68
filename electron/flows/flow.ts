import type { FaceImageDecoder } from '../../devices/document/index.js';
import type { Result } from '../../lib/result.js';
import type { Backend } from '../backend/contract/backend.js';
import type { KioskConfig } from '../config/config_schema.js';
import type { JournalServices } from '../journal/journal_services.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { MaintenanceServices } from '../maintenance/maintenance_services.js';
import type { FlowId, FlowViewOf } from '../rpc/flow_contract.js';
import type { IntentRefusal } from '../rpc/flows/intent_result.js';
import type { Clock } from '../services/clock.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { KioskStatusService } from '../services/kiosk_status_service.js';
import type { KioskPrintService } from '../services/print_service.js';
import type { SessionService } from '../services/session_service.js';
import type { StaffSessions } from '../staff/staff_sessions.js';
import type { StaffSignIn } from '../staff/staff_sign_in.js';
import type { CscaTrustStore } from './identify/csca_trust_store.js';

/**
 * The shape every resident flow takes in the main process (DESIGN.md, "Flows: the main process decides, the
 * renderer shows"). A flow is a state machine: it owns its step, acts on the resident's intents and on device and
 * backend events, and says which step to show through `view()`. The runner (flow_runner.ts) keeps the session's
 * copy of that view current, so the renderer — on a reload too — draws exactly the step the flow is on.
 * docs/flows.md is the guide for adding one.
 */

/** What the kiosk's services offer a flow. A flow's `start` names the part it uses, so its tests build only that. */
export interface FlowServices {
  /** A flow's own timeouts go on this clock, so its tests run them on a fake one. */
  clock: Clock;
  /** Every line names an event of the catalogue (electron/logging/log_events.ts); never personal data. */
  logger: KioskLogger;
  session: SessionService;
  kioskStatus: KioskStatusService;
  devices: DeviceHub;
  printing: KioskPrintService;
  /** The transaction journal (a step is journalled before the flow acts on it), the audit log, staff alerts. */
  journal: JournalServices;
  /** The government services (electron/backend/contract): every call a `Result`, never a throw. */
  backend: Backend;
  /** The terminal's configuration as validated at start-up: its id, site, services, documents settings. */
  config: KioskConfig;
  /** What reading identity documents needs beyond the devices. */
  documents: DocumentServices;
  /** Staff sign-in (badge, PIN, lock-out) and who is signed in for the session on the screen. */
  staff: { signIn: StaffSignIn; sessions: StaffSessions };
  /** Maintenance mode and the tools of the maintenance screens. */
  maintenance: MaintenanceServices;
}

export interface DocumentServices {
  /** The CSCA certificates passive authentication trusts (`documents.trustAnchors`). */
  trustStore: CscaTrustStore;
  /** The face-image decoder worker (JPEG, JPEG 2000); wiped when an identification ends. */
  faces: FaceImageDecoder;
}

/** What a running flow may ask of the runner. Calls from a flow that is no longer running are ignored. */
export interface FlowContext {
  /** The session the flow serves: for journal entries and backend idempotency keys, never for display. */
  readonly sessionId: string;
  /** The step changed outside an intent (a device event, a backend reply): show it now. */
  stepChanged(): void;
  /** Leave this flow for another; `home` returns the resident to the list of services. */
  switchTo(flow: FlowId): void;
  /** The resident is done, or gave up: the session ends, and every flow's data with it. */
  endSession(reason: 'done' | 'cancelled'): void;
}

/** How a flow was entered: with a new session (home's language step), or from another flow. */
export type FlowEntry = 'session-start' | 'switched';

/** One flow, running for one session. */
export interface RunningFlow<Id extends FlowId> {
  readonly id: Id;
  /** The step to show now: plain data the renderer can draw, and nothing it should not see. */
  view(): FlowViewOf<Id>;
  /** The session ended or the resident left the flow: drop everything held for the resident, stop every timer. */
  dispose(): void;
}

export interface FlowDefinition<Id extends FlowId, Flow extends RunningFlow<Id>> {
  readonly id: Id;
  start(context: FlowContext, services: FlowServices, entry: FlowEntry): Flow;
}

/** What an intent handler returns: done, or why nothing happened (the contract's `IntentResult`). */
export type IntentOutcome = Result<void, IntentRefusal>;
