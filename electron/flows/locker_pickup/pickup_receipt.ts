import { macauIso } from '../../../lib/macau_time.js';
import type { LocalisedText } from '../../backend/contract/common.js';
import type { LockerPickupReceipt } from '../../printed/templates/locker_pickup_receipt.js';
import type { Language } from '../../rpc/languages.js';
import { catalogueCacheOf } from '../booking/catalogue_cache.js';
import type { FlowServices } from '../flow.js';

/**
 * The pickup receipt a resident may ask for on the done step ("a slip if asked for"): which application, at which
 * point, which door, when. Offered only where the station has a ticket printer. The point is named as the catalogue
 * names it; while the catalogue cannot be read, by the site's own name (the station stands there).
 */

export interface PickupFacts {
  applicationId: string;
  compartment: string;
  pickedUpAt: number;
}

export async function pickupReceiptInput(
  services: Pick<FlowServices, 'backend' | 'clock' | 'config'>,
  pointId: string,
  facts: PickupFacts,
  language: Language,
): Promise<LockerPickupReceipt> {
  const { backend, clock, config } = services;
  const catalogue = await catalogueCacheOf(backend, () => clock.now()).load();
  const named = catalogue.ok
    ? catalogue.value.catalogue.lockerPoints.find((point) => point.id === pointId)?.name
    : undefined;
  const lockerPoint: LocalisedText = named ?? config.site.name;
  return {
    language,
    applicationId: facts.applicationId,
    lockerPoint,
    compartment: facts.compartment,
    pickedUpAt: macauIso(facts.pickedUpAt),
    terminalId: config.terminal.id,
  };
}

/** Whether this station can print a receipt at all: it has a ticket printer configured. */
export function receiptOffered(services: Pick<FlowServices, 'devices'>): boolean {
  return services.devices.ticketPrinters().length > 0;
}
