import { err, ok } from '../../../lib/result.js';
import type { CheckProofFlowView } from '../../rpc/flows/check_proof_contract.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';
import { checkPrintedProof } from './proof_check.js';

type Services = Pick<FlowServices, 'backend' | 'clock' | 'devices' | 'logger'>;

/**
 * Checking a printed proof of identity (contract and step diagram: electron/rpc/flows/check_proof_contract.ts).
 * The scanners are followed for the whole flow: a proof scanned on the result (or the problem) step is checked at
 * once, so a clerk can check several in a row. The scanned QR text (which carries the holder's full name and birth
 * date) is held only while it is checked, and again while the backend cannot be reached (for Retry); `dispose()`
 * drops it.
 */
export class CheckProofFlow implements RunningFlow<'check-proof'> {
  readonly id = 'check-proof';
  readonly #context: FlowContext;
  readonly #services: Services;
  readonly #stopScanning: () => void;
  #view: CheckProofFlowView = { service: 'check-proof', step: 'scan', notice: null };
  /** The QR waiting for a backend that did not answer. Personal data. */
  #pending: string | null = null;
  /** Each check's number: a reply to an older one (the flow moved on) is dropped. */
  #check = 0;

  constructor(context: FlowContext, services: Services) {
    this.#context = context;
    this.#services = services;
    const stops = services.devices.scanners().map(({ driver }) =>
      driver.onScan((event) => {
        if (this.#view.step === 'checking') return;
        if (event.ok) void this.#checkProof(event.value.text);
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

  async #checkProof(qrText: string): Promise<void> {
    const check = ++this.#check;
    this.#pending = null;
    this.#show({ service: 'check-proof', step: 'checking' });
    const { backend, clock, logger } = this.#services;
    const checked = await checkPrintedProof(qrText, { backend, now: clock.now() });
    if (check !== this.#check) return;
    if (checked.ok) {
      logger.log('proof-checked', { verdict: checked.value.verdict });
      this.#show({ service: 'check-proof', step: 'result', result: checked.value });
      return;
    }
    switch (checked.error) {
      case 'not-a-proof':
        this.#show({ service: 'check-proof', step: 'scan', notice: 'not-a-proof' });
        return;
      case 'unavailable':
        this.#pending = qrText;
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
