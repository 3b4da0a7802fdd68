import type { ManagedCcidReader, ManagedGa467Reader } from '../../../devices/document/index.js';
import type { BarcodeScanner } from '../../../devices/scanner/index.js';
import type { IdentifyMethod } from '../../rpc/flows/identify_contract.js';
import type { DeviceHub, DriverRegistration } from '../../services/device_hub.js';

/**
 * The devices one identification listens to, one per accepted method: the eMRTD reader (a document laid on it),
 * the GA 467 reader (a residence permit laid on it), the scanner (a QR held under it). It listens only while it
 * lives: `stop()` removes every listener, so a flow that is gone hears nothing of the next resident's document.
 */

export interface IdentifyDeviceEvents {
  documentPlaced(): void;
  permitPlaced(): void;
  codeScanned(text: string): void;
}

export interface IdentifyDevices {
  document: DriverRegistration<ManagedCcidReader> | undefined;
  permit: DriverRegistration<ManagedGa467Reader> | undefined;
  scanner: DriverRegistration<BarcodeScanner> | undefined;
}

/** The first configured device of each kind an accepted method needs. */
export function identifyDevices(hub: DeviceHub, methods: readonly IdentifyMethod[]): IdentifyDevices {
  return {
    document: methods.includes('document') ? hub.documentReaders()[0] : undefined,
    permit: methods.includes('residence-permit') ? hub.idCardReaders()[0] : undefined,
    scanner: methods.includes('macao-one-account') ? hub.scanners()[0] : undefined,
  };
}

/** The methods that have their device: a method whose reader is not configured is not offered. */
export function methodsWithDevices(
  devices: IdentifyDevices,
  methods: readonly IdentifyMethod[],
): IdentifyMethod[] {
  return methods.filter((method) => {
    switch (method) {
      case 'document':
        return devices.document !== undefined;
      case 'residence-permit':
        return devices.permit !== undefined;
      case 'macao-one-account':
        return devices.scanner !== undefined;
      default: {
        const unreachable: never = method;
        return unreachable;
      }
    }
  });
}

export function listenToIdentifyDevices(devices: IdentifyDevices, events: IdentifyDeviceEvents): () => void {
  const stops: (() => void)[] = [];
  if (devices.document)
    stops.push(
      devices.document.driver.onCardEvent((event) => {
        if (event === 'inserted') events.documentPlaced();
      }),
    );
  if (devices.permit)
    stops.push(
      devices.permit.driver.onStatus((state) => {
        if (state.state === 'card-present') events.permitPlaced();
      }),
    );
  if (devices.scanner)
    stops.push(
      devices.scanner.driver.onScan((event) => {
        if (event.ok) events.codeScanned(event.value.text);
      }),
    );
  return () => {
    for (const stop of stops) stop();
  };
}

/** Whether a document or permit lies on its reader right now (placed before the step showed). */
export function documentPresent(devices: IdentifyDevices): 'document' | 'residence-permit' | null {
  if (devices.document?.driver.status().state === 'card-present') return 'document';
  if (devices.permit?.driver.status().state === 'card-present') return 'residence-permit';
  return null;
}
