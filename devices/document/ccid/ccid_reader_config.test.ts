import { describe, expect, it } from 'vitest';
import { DeviceConfigSchema } from '../../device_config.js';
import { ga467OptionsFromConfig } from '../ga467/ga467_reader_config.js';
import { ccidReaderOptionsFromConfig } from './ccid_reader_config.js';

describe('reader options from the terminal configuration', () => {
  it('accepts a configured CCID reader and rejects typos and impossible values', () => {
    const config = DeviceConfigSchema.parse({
      id: 'passport-reader',
      kind: 'document-reader',
      transport: 'usb',
      vendorId: '0x072f',
      productId: '0x2200',
      options: { responseTimeoutMs: 3000, extendedApdu: true, maxMessageLength: 65_544 },
    });
    expect(ccidReaderOptionsFromConfig(config.options)).toEqual({
      ok: true,
      value: {
        reader: { responseTimeoutMs: 3000, extendedApdu: true, maxMessageLength: 65_544 },
        ocrWindow: undefined,
      },
    });
    expect(ccidReaderOptionsFromConfig({ ocrWindow: false })).toEqual({
      ok: true,
      value: { reader: {}, ocrWindow: false },
    });
    const typo = ccidReaderOptionsFromConfig({ responseTimeout: 3000 });
    expect(typo.ok).toBe(false);
    expect(ccidReaderOptionsFromConfig({ maxMessageLength: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-options' },
    });
  });

  it('splits GA 467 options between the reader and its USB link', () => {
    expect(ga467OptionsFromConfig({ readTimeoutMs: 4000, readSize: 64 })).toEqual({
      ok: true,
      value: { reader: { readTimeoutMs: 4000 }, link: { readSize: 64 } },
    });
    expect(ga467OptionsFromConfig({ pollIntervalMs: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-options' },
    });
  });
});
