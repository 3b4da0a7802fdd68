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
export { simulatedGa467ReaderFactory, usbGa467ReaderFactory } from './ga467/ga467_reader_factory.js';
export type { ManagedGa467Reader } from './ga467/managed_ga467_reader.js';
export type { IdCardReaderSimulatorControls } from './ga467/simulator/ga467_simulator_controls.js';
export type { EmrtdSample, IdCardSample } from './simulated_documents.js';
export { emrtdSamples, idCardSamples, simulatorTrustAnchor } from './simulated_documents.js';
