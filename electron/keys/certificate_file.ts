import { readFileSync } from 'node:fs';

/** A certificate file (a CSCA for passive authentication), DER or PEM, as DER bytes. Throws if unreadable. */
export function readCertificateFile(path: string): Uint8Array {
  const bytes = readFileSync(path);
  const text = bytes.toString('latin1');
  if (!text.includes('-----BEGIN CERTIFICATE-----')) return new Uint8Array(bytes);
  const base64 = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(base64, 'base64'));
}
