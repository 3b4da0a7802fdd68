/**
 * Identity and travel documents: the CCID eMRTD reader (`document-reader`), the GA 467 residence-permit reader
 * (`id-card-reader`), the sample documents of the simulated readers, and the reading API the kiosk's identify step
 * uses (the MRZ for BAC from the OCR window or typed, the chip read with passive authentication, the face for the
 * screen, the residence permit's fields). This is the folder's public surface: code outside devices/ imports from
 * here only (test/architecture/import_rules.test.ts checks it; the `balcao` field tool, tests and benchmarks may
 * reach inside).
 */

export type { CardEvent } from './ccid/ccid_reader.js';
export { simulatedCcidReaderFactory, usbCcidReaderFactory } from './ccid/ccid_reader_factory.js';
export type { ManagedCcidReader } from './ccid/managed_ccid_reader.js';
export type { DocumentReaderSimulatorControls } from './ccid/simulator/ccid_simulator_controls.js';
export { FaceImageDecoder, sharedFaceImageDecoder } from './face_image/face_image_decoder.js';
export { faceImageForDisplay } from './face_image/face_image_for_display.js';
export type { DisplayableFaceImage, FaceImageResult } from './face_image/face_image_result.js';
export { simulatedGa467ReaderFactory, usbGa467ReaderFactory } from './ga467/ga467_reader_factory.js';
export type { ManagedGa467Reader } from './ga467/managed_ga467_reader.js';
export type { IdCardReaderSimulatorControls } from './ga467/simulator/ga467_simulator_controls.js';
export type { FaceImage } from './icao9303/dg2.js';
export {
  type BacMrzInput,
  bacInputFromTyped,
  type TypedMrzInputError,
} from './icao9303/mrz_information.js';
export type { DecodedMrz } from './icao9303/mrz_parser.js';
export {
  type PassiveAuthenticationResult,
  parseTrustStore,
} from './icao9303/passive_authentication.js';
export {
  type EmrtdReading,
  isCardRemoved,
  type ReadEmrtdError,
  readEmrtd,
} from './icao9303/read_emrtd.js';
export type { ApduChannel } from './iso7816/apdu_channel.js';
export { bacInputFromOcr, type MrzFromOcrError } from './mrz_from_ocr.js';
export { createGa467Profile } from './reader_profiles/ga467_profile.js';
export type { IdentityFields, ProfileReadError } from './reader_profiles/vendor_profile.js';
export type { EmrtdSample, IdCardSample } from './simulated_documents.js';
export { emrtdSamples, idCardSamples, simulatorTrustAnchor } from './simulated_documents.js';
