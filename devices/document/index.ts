/**
 * Identity and travel documents: the CCID eMRTD reader (`document-reader`) and the GA 467 residence-permit reader
 * (`id-card-reader`), how a chip is read, and the sample documents of the simulated readers. This is the folder's
 * public surface: code outside devices/ imports from here only (test/import_boundaries.test.ts checks it; the
 * `balcao` field tool, tests and benchmarks may reach inside).
 */
export { simulatedCcidReaderFactory, usbCcidReaderFactory } from './ccid/ccid_reader_factory.js';
export type { ManagedCcidReader } from './ccid/managed_ccid_reader.js';
export type { DocumentReaderSimulatorControls } from './ccid/simulator/ccid_simulator_controls.js';
export { simulatedGa467ReaderFactory, usbGa467ReaderFactory } from './ga467/ga467_reader_factory.js';
export type { ManagedGa467Reader } from './ga467/managed_ga467_reader.js';
export type { IdCardReaderSimulatorControls } from './ga467/simulator/ga467_simulator_controls.js';
export type { BacMrzInput } from './icao9303/mrz_information.js';
export { bacInputFromMrz, bacInputFromTyped } from './icao9303/mrz_information.js';
export { parseMrz } from './icao9303/mrz_parser.js';
export type { EmrtdReading, ReadEmrtdError, ReadEmrtdOptions } from './icao9303/read_emrtd.js';
export { isCardRemoved, readEmrtd } from './icao9303/read_emrtd.js';
export type { EmrtdSample, IdCardSample } from './simulated_documents.js';
export { emrtdSamples, idCardSamples, simulatorTrustAnchor } from './simulated_documents.js';
