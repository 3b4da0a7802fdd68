import { e2eConfig } from './e2e_config.js';

/**
 * The e2e terminal as the collection specs need it: `MO-DEV-01` (where the backend's sample collections wait) with a
 * simulated card dispenser whose card waits `takeMs` at the gate, plus any other setting of the spec's.
 */
export function collectTerminalConfig(takeMs: number, extra: Record<string, unknown> = {}) {
  const base = e2eConfig();
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
    ...extra,
  };
}
