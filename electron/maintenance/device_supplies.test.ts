import { describe, expect, it } from 'vitest';
import { CupsDocumentPrinter } from '../../devices/printer/document/cups_document_printer.js';
import { FakeCups } from '../../devices/printer/simulator/fake_cups.js';
import { suppliesOf } from './device_supplies.js';

/**
 * The Devices tool's supplies: what each device's driver really reads (sensors, CUPS marker levels), said as such;
 * a device without supplies says so; one that reads them but is not answering now has no reading, not an old one.
 */
describe('supplies of each device kind', () => {
  it('ticket printer: the roll’s near-end and end sensors; nothing while it cannot say', () => {
    const roll = (state: 'ready' | 'paper-low' | 'no-paper') => suppliesOf('ticket-printer', { state });
    expect(roll('ready')).toEqual({ kind: 'reported', readings: [{ supply: 'paper-roll', level: 'ok' }] });
    expect(roll('paper-low')).toEqual({
      kind: 'reported',
      readings: [{ supply: 'paper-roll', level: 'near-end' }],
    });
    expect(roll('no-paper')).toEqual({
      kind: 'reported',
      readings: [{ supply: 'paper-roll', level: 'out' }],
    });
    for (const state of ['disconnected', 'busy', 'cover-open'] as const)
      expect(suppliesOf('ticket-printer', { state })).toEqual({ kind: 'unknown-now' });
    expect(suppliesOf('ticket-printer', { state: 'error', code: 'cutter-error' })).toEqual({
      kind: 'unknown-now',
    });
  });

  it('A4 printer: paper, and toner only if the printer reports it — otherwise it says it does not', () => {
    expect(suppliesOf('document-printer', { state: 'paper-low' })).toEqual({
      kind: 'reported',
      readings: [{ supply: 'paper', level: 'low' }, { supply: 'markers-not-reported' }],
    });
    expect(
      suppliesOf(
        'document-printer',
        { state: 'ready' },
        { markers: [{ name: 'Black Toner', type: 'toner', percent: 8 }] },
      ),
    ).toEqual({
      kind: 'reported',
      readings: [
        { supply: 'paper', level: 'no-warning' },
        { supply: 'marker', name: 'Black Toner', markerType: 'toner', percent: 8 },
      ],
    });
    expect(suppliesOf('document-printer', { state: 'disconnected' }, { markers: [] })).toEqual({
      kind: 'unknown-now',
    });
  });

  it('card dispenser: the stacker and reject-bin sensors as last read; unread, nothing', () => {
    expect(
      suppliesOf(
        'document-dispenser',
        { state: 'low' },
        { dispenser: { stacker: 'low', rejectBin: 'full' } },
      ),
    ).toEqual({
      kind: 'reported',
      readings: [
        { supply: 'card-stacker', level: 'low' },
        { supply: 'reject-bin', level: 'full' },
      ],
    });
    expect(
      suppliesOf(
        'document-dispenser',
        { state: 'ready' },
        { dispenser: { stacker: 'ok', rejectBin: 'unknown' } },
      ),
    ).toEqual({ kind: 'reported', readings: [{ supply: 'card-stacker', level: 'ok' }] });
    expect(
      suppliesOf(
        'document-dispenser',
        { state: 'ready' },
        { dispenser: { stacker: 'not-read', rejectBin: 'not-read' } },
      ),
    ).toEqual({ kind: 'unknown-now' });
    expect(
      suppliesOf(
        'document-dispenser',
        { state: 'disconnected' },
        { dispenser: { stacker: 'ok', rejectBin: 'ok' } },
      ),
    ).toEqual({ kind: 'unknown-now' });
  });

  it('scanners, readers, lockers and keypads have none', () => {
    for (const kind of [
      'barcode-scanner',
      'document-reader',
      'id-card-reader',
      'locker-controller',
      'tactile-keypad',
    ] as const)
      expect(suppliesOf(kind, { state: 'ready' })).toEqual({ kind: 'none' });
  });
});

describe('the CUPS route passes on the marker levels the spooler lists', () => {
  it('before any answer: undefined; a printer with none: []; with toner: its levels', async () => {
    const cups = new FakeCups('Kiosk_A4');
    const printer = new CupsDocumentPrinter({ client: cups, pollIntervalMs: 1 });
    expect(printer.markerLevels()).toBeUndefined();
    await printer.refreshStatus();
    expect(printer.markerLevels()).toEqual([]);
    cups.markers = [
      { name: 'Black Toner', type: 'toner', percent: 41 },
      { name: 'Drum', type: 'opc', percent: null },
    ];
    await printer.refreshStatus();
    expect(printer.markerLevels()).toEqual(cups.markers);
    // The spooler gone: the last levels are kept for the inventory, the printer's state says it is unreachable.
    cups.running = false;
    expect((await printer.refreshStatus()).state).toBe('error');
    expect(suppliesOf('document-printer', printer.status(), { markers: printer.markerLevels() })).toEqual({
      kind: 'unknown-now',
    });
  });
});
