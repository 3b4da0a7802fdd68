import { describe, expect, it } from 'vitest';
import { DeviceConfigSchema } from '../device_config.js';
import { createDocumentPrinter, createTicketPrinter, parseTicketPrinterOptions } from './printer_drivers.js';
import { EscPosTicketPrinterSimulator } from './simulator/escpos_ticket_printer_simulator.js';
import { FakeCups } from './simulator/fake_cups.js';

describe('printer drivers built from the terminal config', () => {
  it('fills defaults: PC858, 576 dots, Epson status layout', () => {
    expect(parseTicketPrinterOptions({})).toMatchObject({
      ok: true,
      value: { codePage: 'pc858', dotsPerLine: 576, statusLayout: 'epson', transferTimeoutMs: 1000 },
    });
  });

  it('rejects a bad or unknown option with a message naming it', () => {
    const result = parseTicketPrinterOptions({ codePage: 'utf-8', dotsPerLine: 576 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.detail).toContain('codePage');
    const unknown = parseTicketPrinterOptions({ codepage: 'pc858' });
    expect(!unknown.ok && unknown.error.detail).toContain('codepage');
  });

  it('builds a working ticket printer from a config entry', async () => {
    const config = DeviceConfigSchema.parse({
      id: 'ticket-printer',
      kind: 'ticket-printer',
      transport: 'simulated',
      model: 'escpos',
      options: { codePage: 'pc860', dotsPerLine: 384 },
    });
    const sim = new EscPosTicketPrinterSimulator();
    const built = createTicketPrinter(config, async () => sim.open());
    if (!built.ok) throw new Error(built.error.detail);
    expect(await built.value.printTicket({ blocks: [{ kind: 'text', text: 'Atenção: 58 mm' }] })).toEqual({
      ok: true,
    });
    expect(sim.engine.textLines()).toEqual(['Atenção: 58 mm']);
  });

  it('a document printer needs a route', () => {
    const config = DeviceConfigSchema.parse({
      id: 'a4',
      kind: 'document-printer',
      transport: 'usb',
      options: {},
    });
    expect(createDocumentPrinter(config, undefined, () => new FakeCups())).toMatchObject({
      ok: false,
      error: { code: 'bad-options' },
    });
    const withQueue = DeviceConfigSchema.parse({ ...config, options: { cupsQueue: 'Kiosk_A4' } });
    expect(createDocumentPrinter(withQueue, undefined, () => new FakeCups()).ok).toBe(true);
    // A config that skipped the loader's check is still refused by the factory.
    const badQueue = { ...config, options: { cupsQueue: 'a b' } };
    expect(createDocumentPrinter(badQueue, undefined, () => new FakeCups()).ok).toBe(false);
  });
});
