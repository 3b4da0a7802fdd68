import { readFileSync } from 'node:fs';
import { e2eConfig } from './e2e_config.js';
import type { KioskHost } from './kiosk_host.js';

/**
 * The e2e terminal selling government publications: the service offered, and the simulated vending unit
 * (test/fixtures/config/publications_vending_unit.json, its slots loaded at start from the embedded backend's
 * sample planogram). The embedded backend's gateway simulator takes the sample wallet codes
 * (electron/backend/embedded/payment_gateway_simulator.ts).
 */
const vendingUnit = JSON.parse(readFileSync('test/fixtures/config/publications_vending_unit.json', 'utf8'));

export function publicationsConfig(overrides: Record<string, unknown> = {}) {
  const base = e2eConfig();
  return e2eConfig({
    services: [...(base.services as string[]), 'publications'],
    devices: [...(base.devices as object[]), vendingUnit],
    ...overrides,
  });
}

/** A code shown to the scanner (a wallet's payment QR code). */
export const scanQr = (host: KioskHost, text: string) =>
  host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text, symbology: 'qr' });
