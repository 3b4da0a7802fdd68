import { err, ok, type Result } from '../../../lib/result.js';
import type { TypedCodeLimiter } from '../../lockers/typed_code_limiter.js';
import { normaliseVerificationCode } from '../../printed/verification/document_signing.js';
import type {
  CheckProofFlowView,
  ProofVerdict,
  TypedCodeProblem,
} from '../../rpc/flows/check_proof_contract.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';
import { checkPrintedProof, type ProofCheckFailure } from './proof_check.js';
import { checkTypedProofCode, type TypedCodeFailure } from './typed_code_check.js';
import { typedProofCodeLimiter } from './typed_code_limit.js';

type Services = Pick<FlowServices, 'backend' | 'clock' | 'devices' | 'logger' | 'journal'>;

/**
 * Checking a printed proof of identity (contract and step diagram: electron/rpc/flows/check_proof_contract.ts).
 * The scanners are followed for the whole flow: a proof scanned on the result (or the problem) step is checked at
 * once, so a clerk can check several in a row. The scanned QR text (which carries the holder's full name and birth
 * date) is held only while it is checked, and again while the backend cannot be reached (for Retry); `dispose()`
 * drops it.
 *
 * A QR too damaged to scan is checked by its verification code, typed on the kiosk's keyboard (`typeCode`,
 * `submitCode`): the backend's register is looked up (typed_code_check.ts), and codes that name no proof count
 * towards the terminal's limit on typed codes (typed_code_limit.ts).
 */

/** What is being checked: a scanned QR's text, or a typed verification code (normalised). */
type Checked = { kind: 'qr'; text: string } | { kind: 'code'; code: string };
export class CheckProofFlow implements RunningFlow<'check-proof'> {
  readonly id = 'check-proof';
  readonly #context: FlowContext;
  readonly #services: Services;
  readonly #stopScanning: () => void;
  #view: CheckProofFlowView = { service: 'check-proof', step: 'scan', notice: null };
  /** The QR (personal data) or code waiting for a backend that did not answer. */
  #pending: Checked | null = null;
  readonly #limiter: TypedCodeLimiter;
  /** Each check's number: a reply to an older one (the flow moved on) is dropped. */
  #check = 0;

  constructor(context: FlowContext, services: Services) {
    this.#context = context;
    this.#services = services;
    this.#limiter = typedProofCodeLimiter(services.journal);
    const stops = services.devices.scanners().map(({ driver }) =>
      driver.onScan((event) => {
        if (this.#view.step === 'checking') return;
        if (event.ok) void this.#checkProof({ kind: 'qr', text: event.value.text });
        else this.#show({ service: 'check-proof', step: 'scan', notice: 'scan-failed' });
      }),
    );
    this.#stopScanning = () => {
      for (const stop of stops) stop();
    };
  }

  view(): CheckProofFlowView {
    return this.#view;
  }

  typeCode(): IntentOutcome {
    if (this.#view.step !== 'scan') return err('other-step');
    this.#view = this.#typeCodeView(null);
    return ok();
  }

  /** A typed code: said at once when it is not one, refused unread while typed codes wait, else looked up. */
  submitCode(typed: string): IntentOutcome {
    if (this.#view.step !== 'type-code') return err('other-step');
    if (this.#limiter.waitingUntil(this.#services.clock.now()) !== null) {
      this.#view = this.#typeCodeView(this.#view.problem);
      return ok();
    }
    const code = normaliseVerificationCode(typed);
    if (code === undefined) {
      this.#view = this.#typeCodeView('format');
      return ok();
    }
    void this.#checkProof({ kind: 'code', code });
    return ok();
  }

  again(): IntentOutcome {
    if (this.#view.step !== 'result') return err('other-step');
    this.#view = { service: 'check-proof', step: 'scan', notice: null };
    return ok();
  }

  retry(): IntentOutcome {
    const pending = this.#pending;
    if (this.#view.step !== 'problem' || pending === null) return err('other-step');
    void this.#checkProof(pending);
    return ok();
  }

  back(): IntentOutcome {
    switch (this.#view.step) {
      case 'scan':
        this.#context.switchTo('home');
        return ok();
      case 'type-code':
      case 'result':
      case 'problem':
        this.#pending = null;
        this.#view = { service: 'check-proof', step: 'scan', notice: null };
        return ok();
      case 'checking':
        return err('other-step');
      default: {
        const unreachable: never = this.#view;
        return unreachable;
      }
    }
  }

  cancel(): IntentOutcome {
    if (this.#view.step === 'checking') return err('other-step');
    this.#context.switchTo('home');
    return ok();
  }

  finish(): IntentOutcome {
    if (this.#view.step !== 'result') return err('other-step');
    this.#context.endSession('done');
    return ok();
  }

  dispose(): void {
    this.#stopScanning();
    this.#pending = null;
    this.#check += 1;
  }

  #typeCodeView(problem: TypedCodeProblem): CheckProofFlowView {
    const until = this.#limiter.waitingUntil(this.#services.clock.now());
    return {
      service: 'check-proof',
      step: 'type-code',
      problem,
      waitUntil: until === null ? null : new Date(until).toISOString(),
    };
  }

  async #checkProof(what: Checked): Promise<void> {
    const check = ++this.#check;
    this.#pending = null;
    this.#show({ service: 'check-proof', step: 'checking' });
    const { backend, clock, logger } = this.#services;
    const checked: Result<ProofVerdict, ProofCheckFailure | TypedCodeFailure> =
      what.kind === 'qr'
        ? await checkPrintedProof(what.text, { backend, now: clock.now() })
        : await checkTypedProofCode(what.code, { backend });
    if (check !== this.#check) return;
    const entry = what.kind === 'qr' ? 'scanned' : 'typed';
    if (checked.ok) {
      if (what.kind === 'code') this.#limiter.accepted();
      logger.log('proof-checked', { verdict: checked.value.verdict, entry });
      this.#show({ service: 'check-proof', step: 'result', result: checked.value });
      return;
    }
    switch (checked.error) {
      case 'not-a-proof':
        this.#show({ service: 'check-proof', step: 'scan', notice: 'not-a-proof' });
        return;
      case 'not-found':
        // Counted: a code that names no proof is a guess or a slip; the limit makes guessing slow.
        this.#limiter.refused(clock.now());
        logger.log('proof-code-not-found', { entry });
        this.#show(this.#typeCodeView('not-found'));
        return;
      case 'unavailable':
        this.#pending = what;
        this.#show({ service: 'check-proof', step: 'problem' });
        return;
      default: {
        const unreachable: never = checked.error;
        return unreachable;
      }
    }
  }

  #show(view: CheckProofFlowView): void {
    this.#view = view;
    this.#context.stepChanged();
  }
}

export const checkProofFlow: FlowDefinition<'check-proof', CheckProofFlow> = {
  id: 'check-proof',
  start: (context, services) => new CheckProofFlow(context, services),
};
