import pino from 'pino';
import { type LogEventId, logEvents } from './log_events.js';
import { redactPersonalData } from './redaction.js';

/** What a log line carries besides its event: ids, states, codes, counts — never personal data. */
export type LogFields = Record<string, unknown>;

/**
 * The one logger of the kiosk. Every line names an event of the catalogue (log_events.ts); its level, its
 * disposition (success / failure / info) and its message come from there, so a call site says *what* happened and
 * nothing else. Services take it as a required dependency: there is no "maybe log" in the kiosk.
 */
export interface KioskLogger {
  log(event: LogEventId, fields?: LogFields): void;
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelSetting = (typeof logLevels)[number];

export function isLogLevelSetting(value: string): value is LogLevelSetting {
  return (logLevels as readonly string[]).includes(value);
}

export interface KioskLoggerOptions {
  /** Absent before the configuration is read (a boot failure is logged without it). */
  terminalId?: string;
  level?: LogLevelSetting;
  /** Where the JSON lines go: stdout unless given (tests pass a stream). */
  destination?: pino.DestinationStream;
}

/**
 * JSON lines through pino: `{"level":"warn","time":…,"terminal":"MO-CP-07","event":"device-paper-out",
 * "disposition":"failure","deviceId":"ticket-printer","msg":"A printer ran out of paper."}`. Every line's fields
 * pass through `redactPersonalData` inside pino's own formatter, so nothing reaches the stream unredacted.
 */
export function createKioskLogger(options: KioskLoggerOptions = {}): KioskLogger {
  const pinoOptions: pino.LoggerOptions = {
    level: options.level ?? 'info',
    base: options.terminalId === undefined ? {} : { terminal: options.terminalId },
    formatters: {
      level: (label) => ({ level: label }),
      log: (fields) => redactPersonalData(fields),
    },
    // Errors were already turned into `{ type, message, stack }` (masked) by the redaction above.
    serializers: { err: (value: unknown) => value },
  };
  // Synchronous writes: a line is on stdout before the next statement runs, so nothing is lost when the kiosk
  // exits or crashes, and log lines keep their order with the host's own stdout lines.
  const out = pino(pinoOptions, options.destination ?? pino.destination({ dest: 1, sync: true }));
  return {
    log(event, fields = {}) {
      const details = logEvents[event];
      // The event and its disposition go last, so a field can never pass for another event.
      out[details.level]({ ...fields, event, disposition: details.disposition }, details.meaning);
    },
  };
}
