/**
 * The kiosk's heartbeat: its state reported to the backend every `heartbeat.intervalSeconds` and shortly after
 * every change (kiosk status, a device's state; changes within two seconds make one report). Each report goes
 * into the journal's queue first (heartbeat_queue.ts) and the queue is sent oldest first, one at a time:
 *
 * - the backend has it: removed, next;
 * - no answer (unreachable, timeout, server error): sending stops and is tried again at the next beat — the
 *   reports wait in order, bounded; the log says once that the backend cannot be reached, and once that the
 *   backlog went through;
 * - refused as outside the contract (a bug): removed and logged, so one bad report never blocks the others.
 */
import type { Backend } from '../backend/contract/backend.js';
import { isRetryable } from '../backend/contract/errors.js';
import type { HeartbeatReport } from '../backend/contract/heartbeat.js';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import type { Clock } from '../services/clock.js';
import type { HeartbeatQueue } from './heartbeat_queue.js';

/** Changes this close together make one report. */
export const heartbeatDebounceMs = 2000;

export interface HeartbeatServiceOptions {
  backend: Pick<Backend, 'reportHeartbeat'>;
  queue: HeartbeatQueue;
  clock: Clock;
  logger: KioskLogger;
  intervalSeconds: number;
  /** The terminal's state now. */
  build: () => HeartbeatReport;
}

export class HeartbeatService {
  readonly #options: HeartbeatServiceOptions;
  #cancelBeat: () => void = () => {};
  #cancelChange: (() => void) | null = null;
  #sending: Promise<void> | null = null;
  #again = false;
  #offline = false;
  #sentWhileOffline = 0;
  #closed = false;

  constructor(options: HeartbeatServiceOptions) {
    this.#options = options;
  }

  /** Reports now (the kiosk started), then on every beat. */
  start(): void {
    void this.report();
    this.#beat();
  }

  /** Something a fleet view shows changed: a report soon, one for all changes close together. */
  changed(): void {
    if (this.#closed || this.#cancelChange !== null) return;
    this.#cancelChange = this.#options.clock.setTimeout(() => {
      this.#cancelChange = null;
      void this.report();
    }, heartbeatDebounceMs);
  }

  /** Queues the state now and sends what is queued. Resolves when this round of sending ends. */
  report(): Promise<void> {
    const { queue, logger, build } = this.#options;
    const dropped = queue.enqueue(build());
    if (dropped > 0) logger.log('heartbeat-queue-full', { dropped, kept: queue.size() });
    return this.send();
  }

  /** Sends the queue, oldest first, until it is empty or the backend does not answer. */
  send(): Promise<void> {
    if (this.#sending) {
      this.#again = true;
      return this.#sending;
    }
    this.#sending = this.#drain().finally(() => {
      this.#sending = null;
      if (this.#again && !this.#closed) {
        this.#again = false;
        void this.send();
      }
    });
    return this.#sending;
  }

  close(): void {
    this.#closed = true;
    this.#cancelBeat();
    this.#cancelChange?.();
  }

  #beat(): void {
    this.#cancelBeat = this.#options.clock.setTimeout(() => {
      if (this.#closed) return;
      void this.report();
      this.#beat();
    }, this.#options.intervalSeconds * 1000);
  }

  async #drain(): Promise<void> {
    const { queue, backend, logger } = this.#options;
    for (let next = queue.oldest(); next !== undefined && !this.#closed; next = queue.oldest()) {
      const sent = await backend.reportHeartbeat({
        idempotencyKey: next.idempotencyKey,
        report: next.report,
      });
      if (sent.ok) {
        queue.remove(next.id);
        logger.log('heartbeat-sent', { sentAt: next.report.sentAt, latest: sent.value.latest });
        if (this.#offline) this.#sentWhileOffline += 1;
        continue;
      }
      if (isRetryable(sent.error)) {
        if (!this.#offline)
          logger.log('heartbeat-backend-unreachable', { error: sent.error.kind, queued: queue.size() });
        this.#offline = true;
        return;
      }
      queue.remove(next.id);
      logger.log('heartbeat-refused', { error: sent.error.kind });
    }
    if (this.#offline && queue.size() === 0) {
      logger.log('heartbeat-backlog-sent', { reports: this.#sentWhileOffline });
      this.#offline = false;
      this.#sentWhileOffline = 0;
    }
  }
}
