import { err, ok } from '../../../lib/result.js';
import type { ProofLanguages, ProofOfIdentityFlowView } from '../../rpc/flows/proof_of_identity_contract.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';
import { Identification } from '../identify/identification.js';
import type { IdentifyHost } from '../identify/identify_host.js';
import type { IdentifiedResident } from '../identify/identify_types.js';
import {
  abandonProof,
  issueProof,
  type PreparedProof,
  type ProofFailure,
  prepareProof,
  proofPrinted,
} from './proof_issue.js';

type Services = Pick<
  FlowServices,
  'clock' | 'logger' | 'devices' | 'backend' | 'config' | 'documents' | 'journal' | 'printing' | 'session'
>;

type Step =
  | { step: 'identify' }
  | { step: 'choose' }
  | { step: 'preparing'; languages: ProofLanguages }
  | { step: 'preview'; languages: ProofLanguages; proof: PreparedProof }
  | { step: 'printing'; proof: PreparedProof; jobId: number | null }
  | { step: 'done'; verificationCode: string }
  | { step: 'failed'; reason: ProofFailure };

/**
 * Proof of identity (docs/flows.md; contract: electron/rpc/flows/proof_of_identity_contract.ts): identify with the
 * document's chip and the PIN, choose the languages, preview the page, print it (proof_issue.ts). The name, the
 * facts, the rendered PDF and its preview are the resident's: `dispose()` drops them all.
 */
export class ProofOfIdentityFlow implements RunningFlow<'proof-of-identity'>, IdentifyHost {
  readonly id = 'proof-of-identity';
  readonly #context: FlowContext;
  readonly #services: Services;
  #step: Step = { step: 'identify' };
  #identification: Identification | null = null;
  #resident: IdentifiedResident | null = null;
  #stopFollowingPrint: (() => void) | null = null;
  #disposed = false;

  constructor(context: FlowContext, services: Services) {
    this.#context = context;
    this.#services = services;
    this.#identify();
  }

  currentIdentification(): Identification | null {
    return this.#step.step === 'identify' ? this.#identification : null;
  }

  view(): ProofOfIdentityFlowView {
    const service = 'proof-of-identity' as const;
    const step = this.#step;
    switch (step.step) {
      case 'identify':
        return {
          service,
          step: 'identify',
          identify: this.#identification?.view() ?? { stage: 'checking-pin', purpose: service },
        };
      case 'choose':
        return { service, step: 'choose' };
      case 'preparing':
        return { service, step: 'preparing', languages: step.languages };
      case 'preview':
        return { service, step: 'preview', languages: step.languages, preview: step.proof.preview };
      case 'printing':
        return { service, step: 'printing' };
      case 'done':
        return { service, step: 'done', verificationCode: step.verificationCode };
      case 'failed':
        return { service, step: 'failed', reason: step.reason };
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  }

  // --- intents ---

  choose(languages: ProofLanguages): IntentOutcome {
    const document = this.#resident?.document;
    if (this.#step.step !== 'choose' || !document) return err('other-step');
    this.#step = { step: 'preparing', languages };
    void this.#prepare(languages);
    return ok();
  }

  print(): IntentOutcome {
    const step = this.#step;
    if (step.step !== 'preview') return err('other-step');
    this.#step = { step: 'printing', proof: step.proof, jobId: null };
    void this.#print(step.proof);
    return ok();
  }

  finish(): IntentOutcome {
    if (this.#step.step === 'printing' || this.#step.step === 'preparing') return err('other-step');
    this.#context.endSession('done');
    return ok();
  }

  back(): IntentOutcome {
    const step = this.#step;
    switch (step.step) {
      case 'choose':
        this.#identify();
        return ok();
      case 'preview':
        abandonProof(this.#services, step.proof);
        this.#step = { step: 'choose' };
        return ok();
      case 'failed':
        if (!this.#resident?.document) return this.finish();
        this.#step = { step: 'choose' };
        return ok();
      case 'done':
        return this.finish();
      case 'identify':
      case 'preparing':
      case 'printing':
        return err('other-step');
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  }

  cancel(): IntentOutcome {
    const step = this.#step;
    if (step.step === 'printing' || step.step === 'preparing') return err('other-step');
    if (step.step === 'preview') abandonProof(this.#services, step.proof);
    this.#context.switchTo('home');
    return ok();
  }

  dispose(): void {
    this.#disposed = true;
    const step = this.#step;
    // Left (or timed out) on the preview: the proof was never registered or printed.
    if (step.step === 'preview') abandonProof(this.#services, step.proof);
    this.#stopFollowingPrint?.();
    this.#stopFollowingPrint = null;
    this.#identification?.dispose();
    this.#identification = null;
    this.#forgetResident();
    this.#step = { step: 'identify' };
  }

  // --- steps the flow takes on its own ---

  #identify(): void {
    this.#identification?.dispose();
    this.#forgetResident();
    this.#step = { step: 'identify' };
    this.#identification = new Identification(
      this.#services,
      this.#context,
      // The proof states what the chip says: only a document read with passive authentication will do.
      { purpose: 'proof-of-identity', methods: ['document'], pin: true },
      {
        onIdentified: (resident) => this.#identified(resident),
        onLeave: () => this.#context.switchTo('home'),
      },
    );
  }

  #identified(resident: IdentifiedResident): void {
    this.#identification?.dispose();
    this.#identification = null;
    this.#resident = resident;
    this.#step = resident.document ? { step: 'choose' } : { step: 'failed', reason: 'cannot-issue' };
    this.#context.stepChanged();
  }

  async #prepare(languages: ProofLanguages): Promise<void> {
    const document = this.#resident?.document;
    if (!document) return;
    const prepared = await prepareProof(this.#services, document, languages, this.#context.sessionId);
    if (this.#disposed || this.#step.step !== 'preparing') {
      if (prepared.ok) abandonProof(this.#services, prepared.value);
      return;
    }
    this.#step = prepared.ok
      ? { step: 'preview', languages, proof: prepared.value }
      : { step: 'failed', reason: prepared.error };
    this.#context.stepChanged();
  }

  async #print(proof: PreparedProof): Promise<void> {
    // Listening before the job exists: a fast printer can confirm it before the submit resolves.
    let jobId: number | null = null;
    let confirmedEarly = new Set<number>();
    const stop = this.#services.printing.pipeline.onEvent((event) => {
      if (event.type !== 'job-confirmed') return;
      if (jobId === null) confirmedEarly.add(event.jobId);
      else if (event.jobId === jobId) this.#printed(proof);
    });
    this.#stopFollowingPrint = stop;
    const issued = await issueProof(this.#services, proof);
    if (this.#disposed) return;
    if (!issued.ok) {
      stop();
      this.#step = { step: 'failed', reason: issued.error };
      this.#context.stepChanged();
      return;
    }
    jobId = issued.value.jobId;
    if (confirmedEarly.has(jobId)) this.#printed(proof);
    confirmedEarly = new Set();
  }

  #printed(proof: PreparedProof): void {
    this.#stopFollowingPrint?.();
    this.#stopFollowingPrint = null;
    proofPrinted(this.#services, proof);
    if (this.#disposed) return;
    this.#step = { step: 'done', verificationCode: proof.verificationCode };
    this.#forgetResident();
    this.#context.stepChanged();
  }

  #forgetResident(): void {
    if (this.#resident?.document) this.#resident.document = null;
    this.#resident = null;
  }
}

export const proofOfIdentityFlow: FlowDefinition<'proof-of-identity', ProofOfIdentityFlow> = {
  id: 'proof-of-identity',
  start: (context, services) => new ProofOfIdentityFlow(context, services),
};
