import type { BarcodeScanner } from '../../../devices/scanner/index.js';
import { err, ok, type Result } from '../../../lib/result.js';
import type { BookingLocator } from '../../backend/contract/bookings.js';
import type { DriverRegistration } from '../../services/device_hub.js';

/**
 * How a resident names a booking: by scanning the QR code of its slip (`MOBK1:<reference>:<token>`; a slip
 * printed before the code carried a token holds the reference alone) or by typing the reference. Typing is read
 * as people write it: case, spaces and dashes do not matter, and the letters Crockford's alphabet leaves out are
 * read as the digits they look like (O → 0, I and L → 1), so `sa mp 0oo1` is `SAMP-0001`.
 *
 * Whatever was scanned or typed is checked here and never shown back, logged or kept: a code that is not a
 * booking's is refused as a value.
 */

const crockford = /^[0-9A-HJKMNP-TV-Z]{8}$/;
const bookingQr = /^MOBK1:([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}):([A-Za-z0-9_-]{16})$/;

/** The reference a resident typed, in its canonical `XXXX-XXXX` form, or null. */
export function readReference(typed: string): string | null {
  const compact = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!crockford.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** The booking a scanned code names, or null when it is not a booking's code. */
export function readBookingCode(scanned: string): BookingLocator | null {
  const text = scanned.trim();
  if (text.length > 64) return null;
  if (bookingQr.test(text)) return { qrText: text };
  // An older slip's QR code carries the reference alone.
  const reference = /^[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(text) ? readReference(text) : null;
  return reference === null ? null : { reference };
}

/** The reference a locator names (for a reference-only call such as rescheduling). */
export function referenceOf(locator: BookingLocator): string {
  return 'reference' in locator ? locator.reference : (locator.qrText.split(':')[1] ?? '');
}

export type ScannedBooking = Result<BookingLocator, 'not-a-booking-code' | 'scan-failed'>;

/** Follows every scanner; `onCode` hears each code read, already sorted into booking or not. */
export function followScanners(
  scanners: readonly DriverRegistration<BarcodeScanner>[],
  onCode: (scanned: ScannedBooking) => void,
): () => void {
  const stops = scanners.map(({ driver }) =>
    driver.onScan((event) => {
      if (!event.ok) return onCode(err('scan-failed'));
      const booking = readBookingCode(event.value.text);
      onCode(booking ? ok(booking) : err('not-a-booking-code'));
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
