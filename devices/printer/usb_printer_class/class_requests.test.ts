import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ControlSetup, TransferResult, UsbTransport } from '../../transport/usb_transport.js';
import { EscPosTicketPrinterSimulator } from '../simulator/escpos_ticket_printer_simulator.js';
import {
  decodePortStatus,
  getDeviceIdSetup,
  getPortStatusSetup,
  readDeviceId,
  readPortStatus,
  softReset,
  softResetSetups,
} from './class_requests.js';

describe('printer class request setups (USB printer class 1.1 table)', () => {
  it('GET_DEVICE_ID: 0xA1, bRequest 0, wValue = config index, wIndex = interface << 8 | alt', () => {
    expect(getDeviceIdSetup({ interfaceNumber: 1, alternateSetting: 2, configIndex: 0 })).toEqual({
      requestType: 0xa1,
      request: 0,
      value: 0,
      index: 0x0102,
    });
  });

  it('GET_PORT_STATUS: 0xA1, bRequest 1, wIndex = interface', () => {
    expect(getPortStatusSetup({ interfaceNumber: 1, alternateSetting: 0, configIndex: 0 })).toEqual({
      requestType: 0xa1,
      request: 1,
      value: 0,
      index: 1,
    });
  });

  it('SOFT_RESET: 0x23 (usblp, CUPS first) then 0x21 (spec)', () => {
    const [first, second] = softResetSetups({ interfaceNumber: 0, alternateSetting: 0, configIndex: 0 });
    expect(first).toEqual({ requestType: 0x23, request: 2, value: 0, index: 0 });
    expect(second).toEqual({ requestType: 0x21, request: 2, value: 0, index: 0 });
  });
});

describe('port status byte', () => {
  it('decodes a healthy printer (0x18), paper empty (0x20), off-line with an error (0x00)', () => {
    expect(decodePortStatus(Uint8Array.of(0x18))).toEqual({
      ok: true,
      value: { paperEmpty: false, selected: true, noError: true },
    });
    expect(decodePortStatus(Uint8Array.of(0x38))).toEqual({
      ok: true,
      value: { paperEmpty: true, selected: true, noError: true },
    });
    expect(decodePortStatus(Uint8Array.of(0x00))).toEqual({
      ok: true,
      value: { paperEmpty: false, selected: false, noError: false },
    });
  });

  it('rejects empty replies and reserved bits', () => {
    expect(decodePortStatus(new Uint8Array(0))).toEqual({ ok: false, error: { code: 'empty-reply' } });
    expect(decodePortStatus(Uint8Array.of(0x98))).toEqual({
      ok: false,
      error: { code: 'reserved-bits-set', byte: 0x98 },
    });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4 }), (bytes) => {
        const r = decodePortStatus(bytes);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});

describe('class requests over a transport', () => {
  it('reads the device ID and port status of the simulated TM-T88V', async () => {
    const sim = new EscPosTicketPrinterSimulator();
    const handle = sim.open();
    if (!handle.ok) throw new Error('simulator not open');
    const iface = { interfaceNumber: 0, alternateSetting: 0, configIndex: 0 };
    expect(await readDeviceId(handle.value, iface, 100)).toMatchObject({
      ok: true,
      value: { manufacturer: 'EPSON', model: 'TM-T88V', commandSet: ['ESC/POS'] },
    });
    expect(await readPortStatus(handle.value, iface, 100)).toEqual({
      ok: true,
      value: { paperEmpty: false, selected: true, noError: true },
    });
    sim.loadPaper(0);
    expect(await readPortStatus(handle.value, iface, 100)).toMatchObject({
      ok: true,
      value: { paperEmpty: true },
    });
  });

  it('falls back to 0x21 when the printer stalls SOFT_RESET sent to "other"', async () => {
    const sim = new EscPosTicketPrinterSimulator({ softResetRequestTypes: [0x21] });
    const handle = sim.open();
    if (!handle.ok) throw new Error('simulator not open');
    const iface = { interfaceNumber: 0, alternateSetting: 0, configIndex: 0 };
    expect(await softReset(handle.value, iface, 100)).toEqual({ ok: true, value: 0x21 });
    expect(sim.softResets).toEqual([0x21]);
  });

  it('does not retry SOFT_RESET on a device that is gone', async () => {
    const sent: ControlSetup[] = [];
    const gone: UsbTransport = {
      bulkOut: async () => ({ ok: false, error: { code: 'disconnected' } }),
      bulkIn: async () => ({ ok: false, error: { code: 'disconnected' } }),
      interruptIn: async () => ({ ok: false, error: { code: 'disconnected' } }),
      controlIn: async () => ({ ok: false, error: { code: 'disconnected' } }),
      controlOut: async (setup): Promise<TransferResult<void>> => {
        sent.push(setup);
        return { ok: false, error: { code: 'disconnected' } };
      },
      close: async () => undefined,
    };
    const iface = { interfaceNumber: 0, alternateSetting: 0, configIndex: 0 };
    expect(await softReset(gone, iface, 100)).toEqual({
      ok: false,
      error: { code: 'transfer', failure: { code: 'disconnected' } },
    });
    expect(sent).toHaveLength(1);
  });
});
