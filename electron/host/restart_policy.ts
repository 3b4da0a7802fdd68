import { exitStatus } from '../startup/exit_status.js';

/**
 * When the browser-mode host process ends, should the supervisor start it again, and when?
 *
 * - Exit 0 is a host that was asked to stop (SIGTERM, SIGINT) and did: the kiosk is being shut down. Stop.
 * - The sysexits statuses a restart cannot cure — 64 (usage: a bad flag), 74 (the journal cannot be opened),
 *   78 (a bad configuration) — stop too, with the host's status, so a broken installation shows its one error
 *   message instead of a loop of them.
 * - 75 is a restart staff asked for (maintenance → Terminal): start again at once, and it is no crash — the count
 *   of crashes in a row starts again.
 * - Anything else (an uncaught exception's 1, a signal such as SIGKILL from the OOM killer or SIGSEGV from a
 *   native module) is a crash: restart after a delay that doubles from `firstDelayMs` up to `maxDelayMs`.
 *
 * It never gives up. A kiosk runs unattended through the night; a host that keeps crashing is retried at the
 * steady cap (every 30 s by default, each attempt logged), so a fault that clears — a device that stops
 * misbehaving, a port that frees up — brings the screen back without anyone there. A host that ran for
 * `stableAfterMs` before crashing starts the count again from the first delay.
 */

export interface RestartPolicyOptions {
  firstDelayMs: number;
  maxDelayMs: number;
  stableAfterMs: number;
}

export const defaultRestartPolicy: RestartPolicyOptions = {
  firstDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

export type StopReason = 'clean-exit' | 'usage-error' | 'journal-error' | 'configuration-error';

export interface HostExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  ranForMs: number;
}

export type ExitDecision =
  | { kind: 'restart'; delayMs: number /** Crashes in a row, this one included. */; crashesInARow: number }
  | { kind: 'stop'; exitCode: number; reason: StopReason };

const permanentFailures: ReadonlyMap<number, StopReason> = new Map([
  [exitStatus.usage, 'usage-error'],
  [exitStatus.ioError, 'journal-error'],
  [exitStatus.config, 'configuration-error'],
]);

export class RestartPolicy {
  readonly #options: RestartPolicyOptions;
  #crashesInARow = 0;

  constructor(options: RestartPolicyOptions = defaultRestartPolicy) {
    this.#options = options;
  }

  decide(exit: HostExit): ExitDecision {
    if (exit.code === exitStatus.ok) return { kind: 'stop', exitCode: exitStatus.ok, reason: 'clean-exit' };
    const permanent = exit.code === null ? undefined : permanentFailures.get(exit.code);
    if (permanent !== undefined && exit.code !== null)
      return { kind: 'stop', exitCode: exit.code, reason: permanent };
    if (exit.code === exitStatus.restartRequested) {
      this.#crashesInARow = 0;
      return { kind: 'restart', delayMs: 0, crashesInARow: 0 };
    }
    if (exit.ranForMs >= this.#options.stableAfterMs) this.#crashesInARow = 0;
    const delayMs = Math.min(this.#options.firstDelayMs * 2 ** this.#crashesInARow, this.#options.maxDelayMs);
    this.#crashesInARow += 1;
    return { kind: 'restart', delayMs, crashesInARow: this.#crashesInARow };
  }
}
