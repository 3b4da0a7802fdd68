import type { IdentifiedDocument, IdentifyMethod } from '../../rpc/flows/identify_contract.js';
import type { ServiceId } from '../../rpc/service_ids.js';
import type { FlowServices } from '../flow.js';

/** What a host flow asks of its identification. */
export interface IdentifyOptions {
  /** The host's service: said on screen ("to collect your document") and in the log. */
  purpose: ServiceId;
  /**
   * The ways the host accepts, in the order the screen offers them. `residence-permit` counts only at a Hengqin
   * terminal (`site.kind`), and a host lists it only for the services Hengqin residents use it for; a method whose
   * device is not configured is dropped.
   */
  methods: readonly IdentifyMethod[];
  /** A collection PIN follows (collection, proof of identity, Smart Locker apply: yes; booking: no). */
  pin: boolean;
}

/** What the chip or the permit said about the holder. Personal data: the host wipes it in its own `dispose()`. */
export interface IdentityDocumentDetails {
  kind: IdentifiedDocument;
  /** As the backend knows it: without fillers. */
  number: string;
  /** Exactly as printed on the document, in one piece (family name first). */
  nameOnDocument: string;
  /** The family name apart, when the document separates it (MRZ). */
  surname?: string;
  givenNames?: string;
  birthDate?: string;
  expiryDate?: string;
  sex: 'female' | 'male' | 'unspecified';
  /** ICAO code (CHN for Macao SAR passports) or CHN for a residence permit. */
  nationality: string;
  issuer: string;
}

/** Who the resident is, handed to the host once identification is done. */
export interface IdentifiedResident {
  /** The backend's opaque reference: handed back to it, never shown or logged with anything personal. */
  residentRef: string;
  method: IdentifyMethod;
  /** The document, when one was read (not for a Macao One Account code). */
  document: IdentityDocumentDetails | null;
  /** When a PIN was checked: the backend's short-lived proof of it (collection needs it to reserve). */
  pinAuthorisation: { authorisation: string; expiresAt: string } | null;
}

export interface IdentifyCallbacks {
  /** Identification succeeded: the host moves to its next step (and takes over the data it was given). */
  onIdentified(resident: IdentifiedResident): void;
  /** The resident left: `back` to the host's step before, `cancel` out of the host's service. */
  onLeave(why: 'back' | 'cancel'): void;
}

/** The kiosk services an identification uses. */
export type IdentifyServices = Pick<
  FlowServices,
  'clock' | 'logger' | 'devices' | 'backend' | 'config' | 'documents' | 'journal'
>;

/** What the flow runner needs to hand an identification its context. */
export interface IdentifyContext {
  readonly sessionId: string;
  /** The stage changed outside an intent (a device event, a backend reply): show it now. */
  stepChanged(): void;
}
