/**
 * Barcode scanners (HID POS, keyboard wedge): this folder's public surface. Code outside devices/ imports the
 * scanner from here only (test/architecture/import_rules.test.ts checks it); tests and benchmarks may reach inside.
 */
export type { BarcodeScanner } from './barcode_scanner_driver.js';
export type { ScanEvent, ScannedCode, Symbology } from './scan_event.js';
export { symbologies } from './scan_event.js';
export { hidScannerFactory, simulatedScannerFactory } from './scanner_factory.js';
export type { ScannerSimulatorControls } from './simulator/scanner_simulator_controls.js';
