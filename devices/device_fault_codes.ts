/**
 * Every `code` a driver publishes with `{ state: 'error', code }`, in one list, so staff screens can say what each
 * means in four languages (`maintenance:faultCode.<code>`, kept complete by `test/i18n/maintenance_codes.test.ts`).
 * A driver that starts publishing a new code adds it here; a code not in the list still shows, as "unrecognised"
 * with the code beside it, never as nothing. Groups follow where the code comes from.
 */
export const deviceFaultCodes = [
  // The device manager, before a driver runs (configuration and factories).
  'no-driver',
  'driver-crashed',
  'bad-config',
  'bad-options',
  'missing-port',
  'missing-usb-id',
  'unknown-model',
  'invalid-status',
  // Opening the device (HID, serial, USB).
  'open-failed',
  // Document readers.
  'ccid-unsupported-reader',
  'ccid-hardware-error',
  'ga467-sam',
  // Printers: failure_states.ts, the USB and CUPS A4 routes, the ESC/POS ticket printer.
  'timeout',
  'queue-stopped',
  'spooler-unavailable',
  'job-aborted',
  'media-jam',
  'no-pdf-route',
  'printer-error',
  'offline',
  'port-status-timeout',
  'port-status-stall',
  'port-status-io',
  'port-status-unreadable',
  'usb-stall',
  'usb-io',
  'ipp',
  'ipp-local-io',
  'completed-with-errors',
  'bad-pdf',
  'status-unreadable',
  'cutter-error',
  'unrecoverable-error',
  'auto-recoverable-error',
  'bad-ticket',
  'payload-mismatch',
  // A CUPS queue's printer-state-reasons ending in -error (RFC 8011 §5.4.12, PWG 5100.9) that a kiosk's A4 printer
  // reports; any other such keyword is published as `printer-reported-error` with the keyword as its detail.
  'toner-empty-error',
  'marker-supply-empty-error',
  'marker-waste-full-error',
  'fuser-over-temp-error',
  'fuser-under-temp-error',
  'input-tray-missing-error',
  'output-area-full-error',
  'output-tray-missing-error',
  'spool-area-full-error',
  'other-error',
  'printer-reported-error',
  // The card dispenser.
  'no-answer',
  'line-error',
  'device-error',
  'card-inside',
  'unknown-status',
  'reject-bin-full',
] as const;

export type DeviceFaultCode = (typeof deviceFaultCodes)[number];

const known: ReadonlySet<string> = new Set(deviceFaultCodes);

export function isDeviceFaultCode(code: string): code is DeviceFaultCode {
  return known.has(code);
}
