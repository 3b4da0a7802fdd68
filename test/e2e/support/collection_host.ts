import { e2eConfig } from './e2e_config.js';

/**
 * The e2e configuration of a kiosk that hands documents out: terminal MO-DEV-01 (where the embedded backend's sample
 * collections wait) with the simulated card dispenser beside the other simulated devices; a card not taken within
 * `takeMs` is drawn back in.
 */
export function collectionHostConfig(
  takeMs: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = e2eConfig(overrides);
  return {
    ...base,
    terminal: { id: 'MO-DEV-01' },
    devices: [
      ...(base.devices as unknown[]),
      {
        id: 'dispenser',
        kind: 'document-dispenser',
        transport: 'simulated',
        options: { simulatedCards: 20, timeouts: { takeMs } },
      },
    ],
  };
}
