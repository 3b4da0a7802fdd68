/**
 * The Macao One Account (一戶通) identification QR a resident opens in the app and holds under the scanner. Its text
 * is a bearer token `moa1:<opaque>` (the backend README; `moa1:sample:R-0001` for the embedded backend's samples):
 * the kiosk only checks that it is one, and hands it to the backend, which says who it names or that it expired.
 * Anything else scanned at the identify step (a booking slip, a pickup code, a URL) is not a One Account code.
 */

const prefix = 'moa1:';
/** The backend contract's OneAccountToken: 8–512 characters of a URL-safe alphabet. */
const tokenShape = /^[A-Za-z0-9._:-]{8,512}$/;

export function oneAccountToken(scanned: string): string | null {
  const text = scanned.trim();
  if (!text.startsWith(prefix) || text.length === prefix.length) return null;
  return tokenShape.test(text) ? text : null;
}
