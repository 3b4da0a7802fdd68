import pino from 'pino';

/**
 * Structured JSON logs (one line an event). Services log ids, states and reasons, never personal data; the
 * redaction list is the second line of defence for fields that must never reach a log even by mistake.
 */
export function createKioskLogger(
  terminalId: string,
  level = process.env.BALCAO_LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
) {
  const options: pino.LoggerOptions = {
    level,
    base: { terminal: terminalId },
    redact: {
      paths: [
        '*.name',
        '*.nameChinese',
        '*.nameOnDocument',
        '*.documentNumber',
        '*.mrz',
        '*.pin',
        '*.payload',
        '*.bytes',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
export type KioskLogger = ReturnType<typeof createKioskLogger>;
