import { readFileSync } from 'node:fs';
import { parseTrustStore, simulatorTrustAnchor } from '../../../devices/document/index.js';
import { err, ok, type Result } from '../../../lib/result.js';

/**
 * The CSCA certificates passive authentication trusts (ICAO 9303-11 §5.1): a chip is genuine only when its
 * Document Signer was signed by one of them. They come from the configuration's `documents.trustAnchors` files,
 * read and checked once at start-up so a missing or broken file stops the kiosk (exit 78) instead of refusing
 * every resident's passport. A development or test configuration may also trust the simulator's CSCA
 * (`documents.trustSimulatorCsca`, refused in production by the configuration schema).
 */
export interface CscaTrustStore {
  /** The anchors, DER. */
  anchors(): Promise<readonly Uint8Array[]>;
}

export interface TrustStoreSettings {
  trustAnchors: readonly string[];
  trustSimulatorCsca: boolean;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

/** The certificates of one file: every PEM block in it, or the whole file as one DER certificate. */
export function certificatesInFile(bytes: Uint8Array): Uint8Array[] {
  const text = new TextDecoder('latin1').decode(bytes);
  if (!text.includes('-----BEGIN')) return [bytes];
  return [...text.matchAll(PEM_CERTIFICATE)].map(
    (match) => new Uint8Array(Buffer.from((match[1] ?? '').replace(/\s/g, ''), 'base64')),
  );
}

/** Reads and checks every configured file; the message names the file that cannot be used. */
export function loadCscaTrustStore(settings: TrustStoreSettings): Result<CscaTrustStore, string> {
  const fromFiles: Uint8Array[] = [];
  for (const file of settings.trustAnchors) {
    let bytes: Uint8Array;
    try {
      // A plain copy: a Buffer's `slice()` is a view into Node's shared pool, which the certificate parser reads whole.
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      return err(`the CSCA file ${file} cannot be read (${(error as Error).message})`);
    }
    const certificates = certificatesInFile(bytes);
    if (certificates.length === 0) return err(`the CSCA file ${file} holds no certificate`);
    const parsed = parseTrustStore(certificates);
    if (!parsed.ok)
      return err(
        `certificate ${parsed.error.index + 1} of the CSCA file ${file} is not an X.509 certificate`,
      );
    fromFiles.push(...certificates);
  }
  const simulator = settings.trustSimulatorCsca;
  return ok({
    anchors: async () => (simulator ? [...fromFiles, await simulatorTrustAnchor()] : fromFiles),
  });
}
