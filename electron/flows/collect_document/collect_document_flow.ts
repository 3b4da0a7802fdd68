import { err, ok } from '../../../lib/result.js';
import type { ReadyDocument } from '../../backend/contract/collection.js';
import type {
  CollectDocumentFlowView,
  ReadyDocumentView,
} from '../../rpc/flows/collect_document_contract.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';
import { Identification } from '../identify/identification.js';
import type { IdentifyHost } from '../identify/identify_host.js';
import type { IdentifiedResident } from '../identify/identify_types.js';
import { printCollectionReceipt } from './collection_receipt.js';
import { type ReleaseStage, releaseDeviceFor, releaseDocument } from './collection_release.js';

type Services = Pick<
  FlowServices,
  'clock' | 'logger' | 'devices' | 'backend' | 'config' | 'documents' | 'journal' | 'printing' | 'session'
>;

/** The steps, without what the view adds (the identification's own view, the documents as the screen lists them). */
type Step =
  | { step: 'identify' }
  | { step: 'finding' }
  | { step: 'choose' }
  | { step: 'nothing-ready' }
  | {
      step: 'releasing';
      document: ReadyDocument;
      stage: Exclude<ReleaseStage, 'confirming'>;
      door: string | null;
    }
  | { step: 'confirming'; document: ReadyDocument }
  | { step: 'done'; document: ReadyDocument; confirmedLater: boolean }
  | { step: 'not-collected'; document: ReadyDocument }
  | { step: 'release-failed'; document: ReadyDocument; problem: 'jam' | 'empty' | 'door' | 'device' }
  | { step: 'unavailable'; reason: 'backend' | 'held-elsewhere' | 'not-here' };

const viewOf = (document: ReadyDocument): ReadyDocumentView => ({
  collectionId: document.collectionId,
  kind: document.kind,
  title: document.title,
  format: document.format,
});

/**
 * Collect my document (docs/flows.md; contract: electron/rpc/flows/collect_document_contract.ts): identify with a
 * PIN, the documents ready for the resident at this terminal, one chosen and released exactly once
 * (collection_release.ts), a receipt. While a document is being released nothing the resident taps can stop it:
 * the release finishes (or is handed to recovery) even if the session ends.
 */
export class CollectDocumentFlow implements RunningFlow<'collect-document'>, IdentifyHost {
  readonly id = 'collect-document';
  readonly #context: FlowContext;
  readonly #services: Services;
  #step: Step = { step: 'identify' };
  #identification: Identification | null = null;
  #resident: IdentifiedResident | null = null;
  #documents: ReadyDocument[] = [];
  #disposed = false;
  /** Settles when the last receipt was handed to the printing pipeline (tests wait on it before closing). */
  receiptPrinted: Promise<unknown> = Promise.resolve();

  constructor(context: FlowContext, services: Services) {
    this.#context = context;
    this.#services = services;
    this.#identify();
  }

  currentIdentification(): Identification | null {
    return this.#step.step === 'identify' ? this.#identification : null;
  }

  view(): CollectDocumentFlowView {
    const service = 'collect-document' as const;
    const step = this.#step;
    switch (step.step) {
      case 'identify':
        return {
          service,
          step: 'identify',
          // Created with the flow and whenever the step is entered, so it is there whenever the step shows.
          identify: this.#identification?.view() ?? { stage: 'checking-pin', purpose: service },
        };
      case 'finding':
      case 'nothing-ready':
        return { service, step: step.step };
      case 'choose':
        return { service, step: 'choose', documents: this.#documents.map(viewOf) };
      case 'releasing':
        return {
          service,
          step: 'releasing',
          document: viewOf(step.document),
          stage: step.stage,
          door: step.door,
        };
      case 'confirming':
        return { service, step: 'confirming', document: viewOf(step.document) };
      case 'done':
        return {
          service,
          step: 'done',
          document: viewOf(step.document),
          moreWaiting: this.#documents.some((d) => d.collectionId !== step.document.collectionId),
          confirmedLater: step.confirmedLater,
        };
      case 'not-collected':
        return { service, step: 'not-collected', document: viewOf(step.document) };
      case 'release-failed':
        return { service, step: 'release-failed', document: viewOf(step.document), problem: step.problem };
      case 'unavailable':
        return { service, step: 'unavailable', reason: step.reason };
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  }

  // --- intents ---

  choose(collectionId: string): IntentOutcome {
    if (this.#step.step !== 'choose') return err('other-step');
    const document = this.#documents.find((d) => d.collectionId === collectionId);
    const authorisation = this.#resident?.pinAuthorisation?.authorisation;
    if (!document || !authorisation) return err('unavailable');
    if (!releaseDeviceFor(this.#services.devices, document)) {
      this.#step = { step: 'unavailable', reason: 'not-here' };
      return ok();
    }
    this.#step = { step: 'releasing', document, stage: 'preparing', door: null };
    void this.#release(document, authorisation);
    return ok();
  }

  another(): IntentOutcome {
    const step = this.#step.step;
    const after = ['done', 'not-collected', 'release-failed', 'unavailable'];
    if (!after.includes(step) || !this.#resident) return err('other-step');
    this.#step = { step: 'finding' };
    void this.#find();
    return ok();
  }

  finish(): IntentOutcome {
    if (this.#step.step === 'releasing' || this.#step.step === 'confirming') return err('other-step');
    this.#context.endSession('done');
    return ok();
  }

  back(): IntentOutcome {
    switch (this.#step.step) {
      case 'choose':
      case 'nothing-ready':
        this.#identify();
        return ok();
      case 'unavailable':
      case 'not-collected':
      case 'release-failed':
        return this.another();
      case 'done':
        return this.finish();
      case 'identify':
      case 'finding':
      case 'releasing':
      case 'confirming':
        return err('other-step');
      default: {
        const unreachable: never = this.#step;
        return unreachable;
      }
    }
  }

  cancel(): IntentOutcome {
    if (this.#step.step === 'releasing' || this.#step.step === 'confirming') return err('other-step');
    this.#context.switchTo('home');
    return ok();
  }

  dispose(): void {
    this.#disposed = true;
    this.#identification?.dispose();
    this.#identification = null;
    this.#forgetResident();
  }

  // --- steps the flow takes on its own ---

  #identify(): void {
    this.#identification?.dispose();
    this.#forgetResident();
    this.#step = { step: 'identify' };
    this.#identification = new Identification(
      this.#services,
      this.#context,
      {
        purpose: 'collect-document',
        methods: ['document', 'residence-permit', 'macao-one-account'],
        pin: true,
      },
      {
        onIdentified: (resident) => this.#identified(resident),
        // Back from the first stage and Cancel both return to the list of services.
        onLeave: () => this.#context.switchTo('home'),
      },
    );
  }

  #identified(resident: IdentifiedResident): void {
    this.#identification?.dispose();
    this.#identification = null;
    this.#resident = resident;
    this.#step = { step: 'finding' };
    this.#context.stepChanged();
    void this.#find();
  }

  async #find(): Promise<void> {
    const resident = this.#resident;
    if (!resident) return;
    const ready = await this.#services.backend.documentsReady({
      residentRef: resident.residentRef,
      terminalId: this.#services.config.terminal.id,
    });
    if (this.#disposed || this.#step.step !== 'finding') return;
    if (!ready.ok) this.#step = { step: 'unavailable', reason: 'backend' };
    else {
      this.#documents = ready.value.documents;
      this.#step = this.#documents.length > 0 ? { step: 'choose' } : { step: 'nothing-ready' };
    }
    this.#context.stepChanged();
  }

  async #release(document: ReadyDocument, authorisation: string): Promise<void> {
    const outcome = await releaseDocument(this.#services, {
      document,
      authorisation,
      sessionId: this.#context.sessionId,
      onStage: (stage, door) => {
        if (this.#disposed) return;
        this.#step =
          stage === 'confirming'
            ? { step: 'confirming', document }
            : { step: 'releasing', document, stage, door };
        this.#context.stepChanged();
      },
    });
    if (this.#disposed) return;
    switch (outcome.outcome) {
      case 'collected':
        this.#documents = this.#documents.filter((d) => d.collectionId !== document.collectionId);
        this.#step = { step: 'done', document, confirmedLater: outcome.confirmedLater };
        this.receiptPrinted = printCollectionReceipt(this.#services, document, outcome.receiptKey).catch(
          // Only a closing kiosk gets here (its journal shut under the print): nothing a resident can be told.
          () => this.#services.logger.log('collection-receipt-not-printed', { reason: 'kiosk-closing' }),
        );
        break;
      case 'not-collected':
        this.#step = { step: 'not-collected', document };
        break;
      case 'release-failed':
        this.#step = { step: 'release-failed', document, problem: outcome.problem };
        break;
      case 'unavailable':
        this.#step = { step: 'unavailable', reason: outcome.reason };
        break;
      case 'identify-again':
        this.#identify();
        break;
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
    this.#context.stepChanged();
  }

  #forgetResident(): void {
    if (this.#resident?.document) this.#resident.document = null;
    this.#resident = null;
    this.#documents = [];
  }
}

export const collectDocumentFlow: FlowDefinition<'collect-document', CollectDocumentFlow> = {
  id: 'collect-document',
  start: (context, services) => new CollectDocumentFlow(context, services),
};
