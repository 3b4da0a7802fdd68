/**
 * Identity and travel documents: the CCID eMRTD reader (`document-reader`), the GA 467 residence-permit reader
 * (`id-card-reader`) and the sample documents of the simulated readers. This is the folder's public surface: code
 * outside devices/ imports from here only (test/architecture/import_rules.test.ts checks it; the `balcao` field
 * tool, tests and benchmarks may reach inside). The resident flows that read a chip will export the reading API
 * (icao9303/read_emrtd.ts, the MRZ helpers) from here as they need it.
 */
export { simulatedCcidReaderFactory, usbCcidReaderFactory } from './ccid/ccid_reader_factory.js';
export type { ManagedCcidReader } from './ccid/managed_ccid_reader.js';
export type { DocumentReaderSimulatorControls } from './ccid/simulator/ccid_simulator_controls.js';
// The reading API, for the maintenance screen's test read (and the resident flows that read a chip).
export { faceImageForDisplay } from './face_image/face_image_for_display.js';
export { simulatedGa467ReaderFactory, usbGa467ReaderFactory } from './ga467/ga467_reader_factory.js';
export type { ManagedGa467Reader } from './ga467/managed_ga467_reader.js';
export type { IdCardReaderSimulatorControls } from './ga467/simulator/ga467_simulator_controls.js';
export { bacInputFromMrz } from './icao9303/mrz_information.js';
export { type DecodedMrz, parseMrz } from './icao9303/mrz_parser.js';
export type { PassiveAuthenticationResult } from './icao9303/passive_authentication.js';
export { type ReadEmrtdError, readEmrtd } from './icao9303/read_emrtd.js';
export type { EmrtdSample, IdCardSample } from './simulated_documents.js';
export { emrtdSamples, idCardSamples, simulatorTrustAnchor } from './simulated_documents.js';
