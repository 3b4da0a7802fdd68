/**
 * Publications vending units (spiral motors and a drop sensor on a USB HID relay board): this folder's public
 * surface. Code outside devices/ imports the vending unit from here only (test/architecture/import_rules.test.ts
 * checks it); tests and benchmarks may reach inside.
 */
export type { VendingUnit } from './vending_driver.js';
