import { randomUUID } from 'node:crypto';
import { bacInputFromTyped } from '../../../devices/document/index.js';
import { err, ok } from '../../../lib/result.js';
import type { IdentifyMethod, IdentifyRefusal, IdentifyView } from '../../rpc/flows/identify_contract.js';
import type { IntentOutcome } from '../flow.js';
import type { HeldIdentity } from './held_identity.js';
import {
  documentPresent,
  type IdentifyDevices,
  identifyDevices,
  listenToIdentifyDevices,
  methodsWithDevices,
} from './identify_devices.js';
import {
  identifyByOneAccount,
  type ReadingOutcome,
  readDocument,
  readResidencePermit,
} from './identify_reading.js';
import type {
  IdentifiedResident,
  IdentifyCallbacks,
  IdentifyContext,
  IdentifyOptions,
  IdentifyServices,
} from './identify_types.js';
import { oneAccountToken } from './one_account_code.js';

/** The stages, without what the view adds from the held identity (face, masked name). */
type Stage =
  | { stage: 'place'; notice: 'not-me' | 'not-a-one-account-code' | null }
  | { stage: 'reading'; method: IdentifyMethod }
  | { stage: 'type-mrz'; problem: 'no-match' | 'format' | null }
  | { stage: 'confirm' }
  | { stage: 'pin'; attemptsLeft: number | null }
  | { stage: 'checking-pin' }
  | { stage: 'refused'; reason: IdentifyRefusal; lockedUntil: string | null; retryTo: 'place' | 'pin' | null }
  | { stage: 'done' };

/**
 * One identification, embedded in a host flow (see docs/flows.md, "Embedding identify"): it listens to the readers
 * and the scanner the host accepts, reads and verifies what the resident presents, asks the backend who that is,
 * lets the resident confirm the face and masked name, checks the PIN when the host asks for one, and hands the
 * identified resident to the host. Each intent is accepted only on the stage that offers it; device events and
 * backend replies that arrive for a stage that is gone (the resident went back, the session ended) are dropped.
 *
 * Personal data (the chip's fields, the face, the typed MRZ values) lives in this object only; `dispose()` drops it
 * (zeroing the face's bytes), stops every listener and wipes the face decoder's worker.
 */
export class Identification {
  readonly #services: IdentifyServices;
  readonly #context: IdentifyContext;
  readonly #options: IdentifyOptions;
  readonly #callbacks: IdentifyCallbacks;
  readonly #devices: IdentifyDevices;
  readonly #methods: IdentifyMethod[];
  readonly #stopListening: () => void;
  #stage: Stage = { stage: 'place', notice: null };
  #held: HeldIdentity | null = null;
  /** Bumped whenever the stage moves on its own account: work started for an older attempt is dropped. */
  #attempt = 0;
  #disposed = false;

  constructor(
    services: IdentifyServices,
    context: IdentifyContext,
    options: IdentifyOptions,
    callbacks: IdentifyCallbacks,
  ) {
    this.#services = services;
    this.#context = context;
    this.#options = options;
    this.#callbacks = callbacks;
    const hengqin = services.config.site.kind === 'hengqin';
    const accepted = options.methods.filter((m) => m !== 'residence-permit' || hengqin);
    this.#devices = identifyDevices(services.devices, accepted);
    this.#methods = methodsWithDevices(this.#devices, accepted);
    this.#stopListening = listenToIdentifyDevices(this.#devices, {
      documentPlaced: () => this.#presented('document'),
      permitPlaced: () => this.#presented('residence-permit'),
      codeScanned: (text) => this.#scanned(text),
    });
    if (this.#methods.length === 0) this.#refuse('unavailable', null);
    else {
      // A document laid on the reader before this step showed is read at once.
      const present = documentPresent(this.#devices);
      if (present) this.#presented(present);
    }
  }

  view(): IdentifyView {
    const purpose = this.#options.purpose;
    const stage = this.#stage;
    switch (stage.stage) {
      case 'place':
        return { stage: 'place', purpose, methods: this.#methods, notice: stage.notice };
      case 'reading':
        return { stage: 'reading', purpose, method: stage.method };
      case 'type-mrz':
        return { stage: 'type-mrz', purpose, problem: stage.problem };
      case 'confirm': {
        const held = this.#held;
        // A confirm stage always has a document; the fallback only keeps the type honest.
        if (!held?.display) return { stage: 'reading', purpose, method: 'document' };
        return { stage: 'confirm', purpose, ...held.display, pinNext: this.#options.pin };
      }
      case 'pin':
        return { stage: 'pin', purpose, attemptsLeft: stage.attemptsLeft };
      case 'checking-pin':
      case 'done':
        return { stage: 'checking-pin', purpose };
      case 'refused':
        return {
          stage: 'refused',
          purpose,
          reason: stage.reason,
          lockedUntil: stage.lockedUntil,
          retry: stage.retryTo !== null,
        };
      default: {
        const unreachable: never = stage;
        return unreachable;
      }
    }
  }

  // --- the resident's intents ---

  confirm(): IntentOutcome {
    if (this.#stage.stage !== 'confirm' || !this.#held) return err('other-step');
    if (this.#options.pin) this.#stage = { stage: 'pin', attemptsLeft: null };
    else this.#finish(null);
    return ok();
  }

  notMe(): IntentOutcome {
    if (this.#stage.stage !== 'confirm') return err('other-step');
    this.#restart({ stage: 'place', notice: 'not-me' });
    return ok();
  }

  async submitPin(pin: string): Promise<IntentOutcome> {
    const held = this.#held;
    if (this.#stage.stage !== 'pin' || !held) return err('other-step');
    const attempt = this.#move({ stage: 'checking-pin' });
    this.#context.stepChanged();
    const checked = await this.#services.backend.checkCollectionPin({
      idempotencyKey: randomUUID(),
      residentRef: held.residentRef,
      terminalId: this.#services.config.terminal.id,
      pin,
    });
    if (!this.#current(attempt)) return ok();
    if (checked.ok) {
      this.#finish(checked.value);
      return ok();
    }
    const rejection = checked.error.kind === 'rejected' ? checked.error.rejection : null;
    switch (rejection?.code) {
      case 'wrong-pin':
        this.#log('identify-pin-wrong', { attemptsLeft: rejection.attemptsLeft });
        this.#stage = { stage: 'pin', attemptsLeft: rejection.attemptsLeft };
        break;
      case 'locked':
        this.#log('identify-pin-wrong', { attemptsLeft: 0 });
        this.#refuse('pin-locked', null, rejection.lockedUntil);
        break;
      case 'not-found':
        this.#refuse('not-known', null);
        break;
      default:
        this.#refuse('unavailable', 'pin', null, { backendError: checked.error.kind });
    }
    return ok();
  }

  submitMrz(typed: { documentNumber: string; birthDate: string; expiryDate: string }): IntentOutcome {
    const reader = this.#devices.document;
    if (this.#stage.stage !== 'type-mrz' || !reader) return err('other-step');
    const bac = bacInputFromTyped(typed.documentNumber, typed.birthDate, typed.expiryDate);
    if (!bac.ok) {
      this.#stage = { stage: 'type-mrz', problem: 'format' };
      return ok();
    }
    const attempt = this.#move({ stage: 'reading', method: 'document' });
    this.#read('document', attempt, () => readDocument(reader, this.#services, bac.value));
    return ok();
  }

  retry(): IntentOutcome {
    const stage = this.#stage;
    if (stage.stage !== 'refused' || stage.retryTo === null) return err('other-step');
    if (stage.retryTo === 'pin') {
      this.#stage = { stage: 'pin', attemptsLeft: null };
      return ok();
    }
    this.#restart({ stage: 'place', notice: null });
    // The same document still on the reader (placed again while the message showed) is read again.
    const present = documentPresent(this.#devices);
    if (present) this.#presented(present);
    return ok();
  }

  back(): IntentOutcome {
    switch (this.#stage.stage) {
      case 'place':
        this.#leave('back');
        return ok();
      case 'confirm':
        return this.notMe();
      case 'pin':
        if (this.#held?.display) {
          this.#stage = { stage: 'confirm' };
          return ok();
        }
        this.#restart({ stage: 'place', notice: null });
        return ok();
      case 'reading':
      case 'type-mrz':
      case 'refused':
        this.#restart({ stage: 'place', notice: null });
        return ok();
      case 'checking-pin':
      case 'done':
        return err('other-step');
      default: {
        const unreachable: never = this.#stage;
        return unreachable;
      }
    }
  }

  cancel(): IntentOutcome {
    if (this.#stage.stage === 'done') return err('other-step');
    this.#leave('cancel');
    return ok();
  }

  /** The host is disposed (session end, the resident left): every piece of the resident's data goes now. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#attempt += 1;
    this.#stopListening();
    this.#dropHeld();
    this.#stage = { stage: 'place', notice: null };
    void this.#services.documents.faces.wipe();
  }

  // --- what the devices and the backend bring ---

  #presented(method: 'document' | 'residence-permit'): void {
    if (this.#disposed || !this.#methods.includes(method)) return;
    const stage = this.#stage;
    const waiting = stage.stage === 'place' || (stage.stage === 'refused' && stage.retryTo === 'place');
    if (!waiting) return;
    const attempt = this.#restart({ stage: 'reading', method });
    this.#context.stepChanged();
    const { document, permit } = this.#devices;
    if (method === 'document' && document)
      this.#read(method, attempt, () => readDocument(document, this.#services, null));
    if (method === 'residence-permit' && permit)
      this.#read(method, attempt, () => readResidencePermit(permit, this.#services));
  }

  #scanned(text: string): void {
    if (this.#disposed || !this.#methods.includes('macao-one-account')) return;
    const stage = this.#stage;
    if (stage.stage !== 'place' && !(stage.stage === 'refused' && stage.retryTo === 'place')) return;
    const token = oneAccountToken(text);
    if (token === null) {
      this.#restart({ stage: 'place', notice: 'not-a-one-account-code' });
      this.#context.stepChanged();
      return;
    }
    const attempt = this.#restart({ stage: 'reading', method: 'macao-one-account' });
    this.#context.stepChanged();
    this.#read('macao-one-account', attempt, () => identifyByOneAccount(token, this.#services));
  }

  /** Starts reading what was presented; its outcome is applied only if nothing moved the stage meanwhile. */
  #read(method: IdentifyMethod, attempt: number, work: () => Promise<ReadingOutcome>): void {
    // A reading never rejects by design; should a bug make it, the resident sees "not available", not a frozen step.
    const unexpected: ReadingOutcome = {
      outcome: 'refused',
      reason: 'unavailable',
      detail: 'internal-error',
    };
    void work()
      .catch(() => unexpected)
      .then((outcome) => {
        if (!this.#current(attempt)) {
          // The resident went back or the session ended while the chip was read: drop what came of it.
          if (outcome.outcome === 'identified') outcome.held.wipe();
          return;
        }
        this.#apply(outcome, method);
        this.#context.stepChanged();
      });
  }

  #apply(outcome: ReadingOutcome, method: IdentifyMethod): void {
    switch (outcome.outcome) {
      case 'identified':
        this.#held = outcome.held;
        if (outcome.held.display) this.#stage = { stage: 'confirm' };
        else if (this.#options.pin) this.#stage = { stage: 'pin', attemptsLeft: null };
        else this.#finish(null);
        return;
      case 'type-mrz':
        this.#stage = { stage: 'type-mrz', problem: outcome.problem };
        return;
      case 'refused':
        this.#refuse(outcome.reason, 'place', null, {
          method,
          ...(outcome.detail === undefined ? {} : { detail: outcome.detail }),
          ...(outcome.backendError ? { backendError: outcome.backendError.kind } : {}),
        });
        return;
      default: {
        const unreachable: never = outcome;
        throw new Error(`unknown reading outcome ${JSON.stringify(unreachable)}`);
      }
    }
  }

  // --- stage changes ---

  #finish(pinAuthorisation: IdentifiedResident['pinAuthorisation']): void {
    const held = this.#held;
    if (!held) return;
    this.#stage = { stage: 'done' };
    this.#attempt += 1;
    this.#log('identify-completed', {
      method: held.method,
      purpose: this.#options.purpose,
      pin: this.#options.pin,
    });
    const resident: IdentifiedResident = {
      residentRef: held.residentRef,
      method: held.method,
      document: held.document,
      pinAuthorisation,
    };
    // The host owns the resident's details from here; the face and the masked display go now.
    this.#held = null;
    held.wipe();
    this.#callbacks.onIdentified(resident);
  }

  #leave(why: 'back' | 'cancel'): void {
    this.#restart({ stage: 'place', notice: null });
    this.#callbacks.onLeave(why);
  }

  /** A new stage that abandons whatever was in progress and drops what was read. */
  #restart(stage: Stage): number {
    this.#dropHeld();
    return this.#move(stage);
  }

  #move(stage: Stage): number {
    this.#stage = stage;
    this.#attempt += 1;
    return this.#attempt;
  }

  #current(attempt: number): boolean {
    return !this.#disposed && attempt === this.#attempt;
  }

  #refuse(
    reason: IdentifyRefusal,
    retryTo: 'place' | 'pin' | null,
    lockedUntil: string | null = null,
    fields: Record<string, string> = {},
  ): void {
    this.#dropHeld();
    this.#stage = { stage: 'refused', reason, lockedUntil, retryTo };
    this.#log('identify-refused', { reason, purpose: this.#options.purpose, ...fields });
  }

  #dropHeld(): void {
    this.#held?.wipe();
    this.#held = null;
  }

  #log(
    event: 'identify-document-read' | 'identify-refused' | 'identify-completed' | 'identify-pin-wrong',
    fields: Record<string, unknown>,
  ): void {
    this.#services.logger.log(event, fields);
  }
}
