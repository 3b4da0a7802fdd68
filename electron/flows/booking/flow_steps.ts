import { err, ok, type Result } from '../../../lib/result.js';
import type { BackendError } from '../../backend/contract/errors.js';
import type { KioskLogger } from '../../logging/kiosk_logger.js';
import type { BackendProblem, WorkingTask } from '../../rpc/flows/booking_parts.js';
import type { FlowContext, IntentOutcome } from '../flow.js';

/**
 * The step bookkeeping the booking family's flows share: the step showing, the steps Back returns to, the
 * `working` step shown while the backend is asked, and the `problem` step with its "Try again".
 *
 * - Moving on (`go`) remembers the step left, unless it only passed (`working`, `problem`): Back returns to the
 *   step the resident chose from, and past the first step Back leaves the flow.
 * - Every move bumps an epoch. Work started on one step applies its answer only if the epoch is unchanged, so a
 *   resident who went Back (or left) while the backend was asked never sees a stale answer land on them.
 * - "Try again" on `problem` returns to the step that was interrupted and repeats what was tapped there.
 */

type Step = { step: string };
type Retry = () => Promise<IntentOutcome> | IntentOutcome;

export interface StepMakers<V extends Step> {
  working(task: WorkingTask): V;
  problem(problem: BackendProblem): V;
}

export class FlowSteps<V extends Step> {
  #view: V;
  #history: V[] = [];
  #epoch = 0;
  #retry: Retry | null = null;

  constructor(
    initial: V,
    private readonly make: StepMakers<V>,
    private readonly context: FlowContext,
    private readonly logger: KioskLogger,
  ) {
    this.#view = initial;
  }

  get view(): V {
    return this.#view;
  }

  get epoch(): number {
    return this.#epoch;
  }

  /** Whether the resident moved on since `epoch` (or left). */
  stale(epoch: number): boolean {
    return epoch !== this.#epoch;
  }

  go(next: V): IntentOutcome {
    if (!this.#passing(this.#view)) this.#history.push(this.#view);
    return this.#show(next);
  }

  /** Moves on to `next` without remembering the step left (a step passed once for good, such as identify). */
  replace(next: V): IntentOutcome {
    return this.#show(next);
  }

  /** The same step with something changed (a keystroke's results, a slip printed): no new step, no epoch. */
  update(next: V): void {
    this.#view = next;
  }

  /** The previous step, made current by `refresh`; false when there is none (Back then leaves the flow). */
  back(refresh: (view: V) => V = (view) => view): boolean {
    const previous = this.#history.pop();
    if (!previous) return false;
    this.#show(refresh(previous));
    return true;
  }

  /** Returns to the newest remembered step of kind `step`, forgetting the ones after it; false if none. */
  returnTo(step: V['step'], refresh: (view: V) => V = (view) => view): boolean {
    const at = this.#history.map((v) => v.step).lastIndexOf(step);
    if (at < 0) return false;
    const target = this.#history[at]!;
    this.#history = this.#history.slice(0, at);
    this.#show(refresh(target));
    return true;
  }

  /** The newest remembered step of kind `step`. */
  remembered<S extends V['step']>(step: S): Extract<V, { step: S }> | undefined {
    return this.#history.findLast((v) => v.step === step) as Extract<V, { step: S }> | undefined;
  }

  /** After a change is made there is no way back through it. */
  forget(): void {
    this.#history = [];
  }

  problem(problem: BackendProblem, retry: Retry | null): IntentOutcome {
    this.go(this.make.problem(problem));
    this.#retry = retry;
    return ok();
  }

  retry(): Promise<IntentOutcome> | IntentOutcome {
    const again = this.#retry;
    if (this.#view.step !== 'problem' || !again) return err('other-step');
    const from = this.#history.pop();
    if (!from) return err('other-step');
    this.#show(from);
    return again();
  }

  /**
   * Shows `working`, asks, then applies `then` to the answer if the resident is still waiting for it; no answer
   * shows `problem`, whose "Try again" asks again.
   */
  async wait<T>(
    task: WorkingTask,
    work: () => Promise<Result<T, BackendError>>,
    then: (value: T) => IntentOutcome | Promise<IntentOutcome>,
  ): Promise<IntentOutcome> {
    this.go(this.make.working(task));
    const epoch = this.#epoch;
    this.context.stepChanged();
    const result = await work();
    if (this.stale(epoch)) return ok();
    if (result.ok) return then(result.value);
    this.logger.log('booking-backend-unavailable', { call: task, error: result.error.kind });
    return this.problem('unavailable', () => this.wait(task, work, then));
  }

  /** The resident left: nothing that arrives later applies. */
  dispose(): void {
    this.#epoch++;
    this.#history = [];
    this.#retry = null;
  }

  #passing(view: V): boolean {
    return view.step === 'working' || view.step === 'problem';
  }

  #show(next: V): IntentOutcome {
    this.#view = next;
    this.#retry = null;
    this.#epoch++;
    return ok();
  }
}
