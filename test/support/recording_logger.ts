import type { KioskLogger, LogFields } from '../../electron/logging/kiosk_logger.js';
import type { LogEventId } from '../../electron/logging/log_events.js';

export interface RecordedLogLine {
  event: LogEventId;
  fields: LogFields;
}

/** A `KioskLogger` for tests: keeps every line in memory so a test can assert what was logged. */
export function recordingLogger(): KioskLogger & {
  lines: RecordedLogLine[];
  /** The fields of every line of `event`, in order. */
  of(event: LogEventId): LogFields[];
} {
  const lines: RecordedLogLine[] = [];
  return {
    lines,
    log(event, fields = {}) {
      lines.push({ event, fields });
    },
    of(event) {
      return lines.filter((line) => line.event === event).map((line) => line.fields);
    },
  };
}
