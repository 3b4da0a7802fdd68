import {
  type FaceImage,
  type FaceImageDecoder,
  faceImageForDisplay,
} from '../../../devices/document/index.js';
import type { KioskConfig } from '../../config/config_schema.js';
import type { KioskLogger } from '../../logging/kiosk_logger.js';
import { defaultMaskPolicy, maskDocumentNumber } from '../../printed/templates/document_number_mask.js';
import { maskName } from '../../printed/templates/name_mask.js';
import type { IdentifiedDocument, IdentifyMethod } from '../../rpc/flows/identify_contract.js';
import type { ChipIdentity } from './chip_reading.js';
import type { IdentityDocumentDetails } from './identify_types.js';
import type { PermitIdentity } from './permit_reading.js';

/** What the confirm screen shows: the face and masked facts, nothing the resident did not bring to the kiosk. */
export interface ConfirmDisplay {
  document: IdentifiedDocument;
  /** A data URL of the chip's face, ready for an <img>; null when the document has none or it cannot be shown. */
  face: string | null;
  name: string;
  documentNumber: string;
}

/**
 * Everything an identification holds about the resident between the read and the hand-over to the host: the
 * document's details, the masked display and the face. One object, so that one `wipe()` drops all of it and zeroes
 * the bytes that can be zeroed (JavaScript strings cannot be: their last reference is dropped instead).
 */
export class HeldIdentity {
  readonly method: IdentifyMethod;
  residentRef = '';
  document: IdentityDocumentDetails | null;
  display: ConfirmDisplay | null;
  #face: FaceImage | undefined;
  #faceShown: Uint8Array | undefined;

  constructor(
    method: IdentifyMethod,
    document: IdentityDocumentDetails | null,
    display: ConfirmDisplay | null,
    face?: FaceImage,
  ) {
    this.method = method;
    this.document = document;
    this.display = display;
    this.#face = face;
  }

  /** Decodes the chip's face in the decoder worker (JPEG or JPEG 2000) into the image the screen shows. */
  async prepareFace(decoder: FaceImageDecoder, logger: KioskLogger): Promise<void> {
    const face = this.#face;
    if (!face || !this.display) return;
    const shown = await faceImageForDisplay(face, {}, { decoder });
    if (!this.display) return;
    if (!shown.ok) {
      // The resident still confirms by the masked name; the log says why there is no photo (no image data).
      logger.log('identify-face-unavailable', { code: shown.error.code });
      return;
    }
    this.#faceShown = shown.value.bytes;
    this.display.face = `data:${shown.value.mimeType};base64,${Buffer.from(shown.value.bytes).toString('base64')}`;
  }

  wipe(): void {
    this.#face?.bytes.fill(0);
    this.#faceShown?.fill(0);
    this.#face = undefined;
    this.#faceShown = undefined;
    this.display = null;
    this.document = null;
    this.residentRef = '';
  }
}

function maskPolicy(config: KioskConfig) {
  return config.documents.documentNumberMask ?? defaultMaskPolicy;
}

export function heldFromChip(chip: ChipIdentity, config: KioskConfig): HeldIdentity {
  const document: IdentityDocumentDetails = {
    kind: chip.document,
    number: chip.number,
    nameOnDocument: chip.fullName,
    surname: chip.surname,
    givenNames: chip.givenNames,
    birthDate: chip.birthDate,
    expiryDate: chip.expiryDate,
    sex: chip.sex,
    nationality: chip.nationality,
    issuer: chip.issuer,
  };
  const display: ConfirmDisplay = {
    document: chip.document,
    face: null,
    name: maskName({ surname: chip.surname, givenNames: chip.givenNames, fullName: chip.fullName }),
    documentNumber: maskDocumentNumber(chip.number, maskPolicy(config)),
  };
  return new HeldIdentity('document', document, display, chip.face);
}

export function heldFromPermit(permit: PermitIdentity, config: KioskConfig): HeldIdentity {
  const document: IdentityDocumentDetails = {
    kind: 'residence-permit',
    number: permit.number,
    nameOnDocument: permit.fullName,
    birthDate: permit.birthDate,
    expiryDate: permit.expiryDate,
    sex: permit.sex,
    nationality: 'CHN',
    issuer: 'CHN',
  };
  const display: ConfirmDisplay = {
    document: 'residence-permit',
    face: null,
    name: maskName({ fullName: permit.fullName }),
    documentNumber: maskDocumentNumber(permit.number, maskPolicy(config)),
  };
  return new HeldIdentity('residence-permit', document, display);
}
