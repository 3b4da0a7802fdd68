/**
 * What the browser host and its supervisor need from a logger: pino's `(fields, message)` calls, so the kiosk's
 * logger is passed as it is and tests pass a recorder. Fields carry addresses, reasons, codes and ids; never a
 * token, a frame's payload or personal data.
 */
export interface HostLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
