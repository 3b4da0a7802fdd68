import type { DeviceKind } from '../../devices/device_status.js';
import type { ServiceNeed } from '../rpc/kiosk_contract.js';
import type { ServiceId } from '../rpc/service_ids.js';

interface ServiceDefinition {
  /** Device kinds the service cannot run without; its tile is disabled while any of them is unusable. */
  requires: DeviceKind[];
  needs: ServiceNeed[];
  minutes: number;
  /** Whether this release has the service's flow at the kiosk; tiles of the others explain where to go instead. */
  flowReady: boolean;
  /**
   * Set when the service can run while the government systems cannot be reached; without it the home screen marks
   * the tile "cannot reach the government systems" while the backend is unreachable (every service today calls it).
   */
  worksOffline?: true;
}

/** What each resident service needs of the kiosk and of the resident. */
export const serviceCatalogue: Record<ServiceId, ServiceDefinition> = {
  'book-appointment': {
    requires: ['ticket-printer'],
    needs: ['identity-document'],
    minutes: 3,
    flowReady: true,
  },
  'check-in': {
    requires: ['barcode-scanner', 'ticket-printer'],
    needs: ['booking-qr'],
    minutes: 1,
    flowReady: true,
  },
  'collect-document': {
    requires: ['document-reader', 'ticket-printer'],
    needs: ['identity-document', 'pin'],
    minutes: 3,
    flowReady: true,
  },
  'proof-of-identity': {
    requires: ['document-reader', 'document-printer'],
    needs: ['identity-document', 'pin'],
    minutes: 3,
    flowReady: true,
  },
  'locker-pickup': {
    requires: ['barcode-scanner', 'locker-controller'],
    needs: ['pickup-code'],
    minutes: 1,
    flowReady: true,
  },
  'locker-apply': {
    requires: ['document-reader', 'ticket-printer'],
    needs: ['identity-document', 'pin'],
    minutes: 3,
    flowReady: true,
  },
  // Anyone may check a printed proof: nothing of theirs is asked, only the proof's QR under the scanner.
  'check-proof': {
    requires: ['barcode-scanner'],
    needs: ['printed-proof'],
    minutes: 1,
    flowReady: true,
  },
  // Government publications sold from the kiosk's vending unit, paid with a wallet's payment code.
  publications: {
    requires: ['barcode-scanner', 'vending-unit', 'ticket-printer'],
    needs: ['wallet-payment-code'],
    minutes: 3,
    flowReady: true,
  },
};
