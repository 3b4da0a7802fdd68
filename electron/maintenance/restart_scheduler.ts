/**
 * "Restart the app now or at a time" from the maintenance screen. A time is the next occurrence of that hour and
 * minute in Macau (UTC+8 all year, no daylight saving). When it comes, the restart waits for the kiosk to be free —
 * no session on the screen, no resident transaction under way — and asks again every half minute until it is.
 * The restart itself is the host's (the browser-mode host exits for its supervisor to start it again; the Electron
 * shell relaunches); without one (tests) the request is refused as `unavailable`.
 */
import { err, ok, type Result } from '../../lib/result.js';
import type { AuditLog } from '../journal/audit_log.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { Clock } from '../services/clock.js';

const macauOffsetMs = 8 * 3_600_000;
const busyRetryMs = 30_000;

/** The next instant (epoch ms) after `now` at which Macau's clock shows `hh:mm`. */
export function nextMacauTime(now: number, hour: number, minute: number): number {
  const local = new Date(now + macauOffsetMs);
  let at =
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, minute) - macauOffsetMs;
  if (at <= now) at += 24 * 3_600_000;
  return at;
}

export interface RestartSchedulerOptions {
  clock: Clock;
  /** Only appends: who asked for a restart, and for when. */
  audit: Pick<AuditLog, 'append'>;
  logger: KioskLogger;
  /** Whether someone is using the kiosk right now (a session on the screen, a resident transaction). */
  busy: () => boolean;
  /** The host's restart; absent where nothing can restart the kiosk (tests). */
  restart: (() => void) | undefined;
}

export class RestartScheduler {
  readonly #options: RestartSchedulerOptions;
  #scheduledAt: number | null = null;
  #cancel: () => void = () => {};

  constructor(options: RestartSchedulerOptions) {
    this.#options = options;
  }

  get available(): boolean {
    return this.#options.restart !== undefined;
  }

  /** Epoch ms of the scheduled restart, or null. */
  get scheduledAt(): number | null {
    return this.#scheduledAt;
  }

  /** Restarts now (staff are at the kiosk: their own session does not hold it back). */
  restartNow(staffId: string): Result<void, 'unavailable'> {
    const restart = this.#options.restart;
    if (!restart) return err('unavailable');
    this.#audit(staffId, 'now');
    this.#options.logger.log('restart-requested', { staffId });
    restart();
    return ok();
  }

  schedule(staffId: string, hour: number, minute: number): Result<number, 'unavailable'> {
    if (!this.#options.restart) return err('unavailable');
    this.#cancel();
    const at = nextMacauTime(this.#options.clock.now(), hour, minute);
    this.#scheduledAt = at;
    this.#audit(staffId, new Date(at).toISOString());
    this.#options.logger.log('restart-scheduled', { staffId, at: new Date(at).toISOString() });
    this.#cancel = this.#options.clock.setTimeout(() => this.#due(), at - this.#options.clock.now());
    return ok(at);
  }

  cancel(staffId: string): void {
    if (this.#scheduledAt === null) return;
    const at = new Date(this.#scheduledAt).toISOString();
    this.#cancel();
    this.#scheduledAt = null;
    const recorded = this.#options.audit.append({ staffId }, { kind: 'restart-cancelled', at });
    if (!recorded.ok)
      this.#options.logger.log('audit-append-failed', {
        auditKind: 'restart-cancelled',
        code: recorded.error.code,
      });
    this.#options.logger.log('restart-scheduled', { staffId, cancelled: at });
  }

  close(): void {
    this.#cancel();
  }

  #due(): void {
    if (this.#options.busy()) {
      this.#cancel = this.#options.clock.setTimeout(() => this.#due(), busyRetryMs);
      return;
    }
    this.#scheduledAt = null;
    this.#options.logger.log('restart-requested', { scheduled: true });
    this.#options.restart?.();
  }

  #audit(staffId: string, at: string): void {
    const recorded = this.#options.audit.append({ staffId }, { kind: 'restart-requested', at });
    if (!recorded.ok)
      this.#options.logger.log('audit-append-failed', {
        auditKind: 'restart-requested',
        code: recorded.error.code,
      });
  }
}
