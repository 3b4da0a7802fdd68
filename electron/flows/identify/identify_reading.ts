import {
  type BacMrzInput,
  bacInputFromOcr,
  type ManagedCcidReader,
  type ManagedGa467Reader,
} from '../../../devices/document/index.js';
import { macauDate } from '../../../lib/macau_time.js';
import type { BackendError } from '../../backend/contract/errors.js';
import type { IdentifyMethod, IdentifyRefusal } from '../../rpc/flows/identify_contract.js';
import type { DriverRegistration } from '../../services/device_hub.js';
import { type ChipRefusal, readChip } from './chip_reading.js';
import { HeldIdentity, heldFromChip, heldFromPermit } from './held_identity.js';
import type { IdentifyServices } from './identify_types.js';
import { type PermitRefusal, readPermit } from './permit_reading.js';

/**
 * What the resident presented, read and checked, as one outcome the identification applies: who it is (after the
 * backend's `identifyResident`, with the face made ready for the confirm screen), the MRZ values to type, or why
 * not. Each security-relevant refusal leaves its trace here: a chip that fails passive authentication is written to
 * the audit log (which reader, which check; nothing the chip says about its holder).
 */
export type ReadingOutcome =
  | { outcome: 'identified'; held: HeldIdentity }
  /** A reader without an OCR window (`null`), or values typed that did not open the chip (`no-match`). */
  | { outcome: 'type-mrz'; problem: 'no-match' | null }
  | { outcome: 'refused'; reason: IdentifyRefusal; detail?: string; backendError?: BackendError };

const refused = (reason: IdentifyRefusal, detail?: string): ReadingOutcome => ({
  outcome: 'refused',
  reason,
  ...(detail === undefined ? {} : { detail }),
});

/** An eMRTD on the CCID reader: the MRZ from the OCR window (or `typed`), then the chip, then the backend. */
export async function readDocument(
  reader: DriverRegistration<ManagedCcidReader>,
  services: IdentifyServices,
  typed: BacMrzInput | null,
): Promise<ReadingOutcome> {
  const { clock, documents } = services;
  let bac = typed;
  if (bac === null) {
    const fromOcr = await bacInputFromOcr(reader.driver.capabilities(), new Date(clock.now()));
    if (!fromOcr.ok) {
      switch (fromOcr.error.code) {
        case 'no-ocr-window':
          return { outcome: 'type-mrz', problem: null };
        case 'no-document':
          return refused('card-removed');
        case 'unreadable':
          return refused('unreadable', fromOcr.error.detail);
        default: {
          const unreachable: never = fromOcr.error;
          return unreachable;
        }
      }
    }
    bac = fromOcr.value;
  }
  const started = clock.now();
  // A document just placed gets its chip powered afresh. The reader remembers that the previous resident's document
  // left while powered, and would answer this one's first command with `card-removed` (the next resident's passport
  // was refused as "moved during the read").
  const powered = await reader.driver.powerOn();
  if (!powered.ok && (powered.error.code === 'card-removed' || powered.error.code === 'no-card'))
    return refused('card-removed');
  const chip = await readChip(reader.driver, bac, {
    trustStore: await documents.trustStore.anchors(),
    now: new Date(clock.now()),
  });
  // The read is over, whatever it found: the chip is powered off (its session keys go with it), so the document
  // taken away afterwards is not reported as pulled out mid-read to the next resident's first read.
  await reader.driver.powerOff();
  services.logger.log('identify-document-read', {
    method: 'document',
    outcome: chip.ok ? 'read' : chip.error.code,
    ms: clock.now() - started,
  });
  if (!chip.ok) return chipRefused(chip.error, typed !== null, reader.id, services);
  return identifyHolder(heldFromChip(chip.value, services.config), services);
}

function chipRefused(
  refusal: ChipRefusal,
  typed: boolean,
  readerId: string,
  services: IdentifyServices,
): ReadingOutcome {
  switch (refusal.code) {
    case 'no-match':
      // Typed values that do not open the chip: a digit wrong. Values the OCR read: a misread that passed its checks.
      return typed ? { outcome: 'type-mrz', problem: 'no-match' } : refused('unreadable', 'access-denied');
    case 'card-removed':
      return refused('card-removed');
    case 'unreadable':
      return refused('unreadable', refusal.step);
    case 'not-genuine':
      services.journal.audit.append('system', {
        kind: 'passive-authentication-failed',
        readerId,
        reason: refusal.reason,
      });
      return refused('not-genuine', refusal.reason);
    case 'not-verifiable':
      return refused('not-verifiable');
    case 'expired':
      return refused('expired');
    default: {
      const unreachable: never = refusal;
      return unreachable;
    }
  }
}

/** The residence permit on the GA 467 reader (Hengqin), then the backend. */
export async function readResidencePermit(
  reader: DriverRegistration<ManagedGa467Reader>,
  services: IdentifyServices,
): Promise<ReadingOutcome> {
  const today = macauDate(services.clock.now());
  const permit = await readPermit(reader.driver, today);
  services.logger.log('identify-document-read', {
    method: 'residence-permit',
    outcome: permit.ok ? 'read' : permit.error.code,
  });
  if (!permit.ok) return permitRefused(permit.error);
  return identifyHolder(heldFromPermit(permit.value, services.config), services);
}

function permitRefused(refusal: PermitRefusal): ReadingOutcome {
  switch (refusal.code) {
    case 'card-removed':
      return refused('card-removed');
    case 'unreadable':
      return refused('unreadable', refusal.detail);
    case 'not-a-residence-permit':
      return refused('not-known', 'not-a-residence-permit');
    case 'expired':
      return refused('expired');
    default: {
      const unreachable: never = refusal;
      return unreachable;
    }
  }
}

/** A Macao One Account token: only the backend knows whose it is. */
export async function identifyByOneAccount(
  token: string,
  services: IdentifyServices,
): Promise<ReadingOutcome> {
  const found = await services.backend.identifyResident({ method: 'one-account', token });
  if (!found.ok) return backendRefused(found.error, 'macao-one-account');
  const held = new HeldIdentity('macao-one-account', null, null);
  held.residentRef = found.value.residentRef;
  return { outcome: 'identified', held };
}

/** The backend says who holds a verified document; the face is made ready for the confirm screen meanwhile. */
async function identifyHolder(held: HeldIdentity, services: IdentifyServices): Promise<ReadingOutcome> {
  const details = held.document;
  if (!details) return refused('unreadable');
  const [found] = await Promise.all([
    services.backend.identifyResident({
      method: 'document',
      documentKind: details.kind,
      documentNumber: details.number,
    }),
    held.prepareFace(services.documents.faces, services.logger),
  ]);
  if (!found.ok) {
    held.wipe();
    return backendRefused(found.error, held.method);
  }
  held.residentRef = found.value.residentRef;
  return { outcome: 'identified', held };
}

/** The backend's answer as the resident's message: not known, expired, or not reachable right now. */
export function backendRefused(error: BackendError, method: IdentifyMethod): ReadingOutcome {
  const rejection = error.kind === 'rejected' ? error.rejection : null;
  switch (rejection?.code) {
    case 'not-found':
      return refused('not-known');
    case 'expired':
      return refused(method === 'macao-one-account' ? 'code-expired' : 'expired');
    default:
      return { outcome: 'refused', reason: 'unavailable', backendError: error };
  }
}
