import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ccidErrorNames, decodeCcidError } from './ccid_errors.js';
import {
  type ChainParameter,
  chainValues,
  decodePcToRdr,
  decodeRdrToPc,
  decodeSlotState,
  encodePcToRdr,
  encodeRdrToPc,
  type PcToRdrMessage,
  powerSelects,
  type RdrToPcMessage,
} from './messages.js';

const hex = (text: string) => Uint8Array.from(text.split(' ').map((byte) => Number.parseInt(byte, 16)));

describe('PC_to_RDR frames (protocols.md §3.1 vectors)', () => {
  it('encodes IccPowerOn seq 0, GetSlotStatus seq 1, XfrBlock(FF CA 00 00 00) seq 2, IccPowerOff seq 3', () => {
    expect(encodePcToRdr({ type: 'IccPowerOn', slot: 0, seq: 0, powerSelect: 'auto' })).toEqual(
      hex('62 00 00 00 00 00 00 00 00 00'),
    );
    expect(encodePcToRdr({ type: 'GetSlotStatus', slot: 0, seq: 1 })).toEqual(
      hex('65 00 00 00 00 00 01 00 00 00'),
    );
    expect(
      encodePcToRdr({
        type: 'XfrBlock',
        slot: 0,
        seq: 2,
        bwi: 0,
        levelParameter: 0,
        data: hex('FF CA 00 00 00'),
      }),
    ).toEqual(hex('6F 05 00 00 00 00 02 00 00 00 FF CA 00 00 00'));
    expect(encodePcToRdr({ type: 'IccPowerOff', slot: 0, seq: 3 })).toEqual(
      hex('63 00 00 00 00 00 03 00 00 00'),
    );
  });

  it('writes dwLength little-endian, bPowerSelect, bBWI and wLevelParameter LE', () => {
    const data = new Uint8Array(0x0123);
    const frame = encodePcToRdr({
      type: 'XfrBlock',
      slot: 1,
      seq: 0xfe,
      bwi: 4,
      levelParameter: 0x0210,
      data,
    });
    expect([...frame.subarray(0, 10)]).toEqual([0x6f, 0x23, 0x01, 0x00, 0x00, 0x01, 0xfe, 0x04, 0x10, 0x02]);
    expect(encodePcToRdr({ type: 'IccPowerOn', slot: 0, seq: 9, powerSelect: '1.8V' })[7]).toBe(0x03);
    expect(encodePcToRdr({ type: 'Abort', slot: 0, seq: 5 })).toEqual(hex('72 00 00 00 00 00 05 00 00 00'));
  });

  it('decodes the §3.1 XfrBlock back to its APDU', () => {
    const decoded = decodePcToRdr(hex('6F 05 00 00 00 00 02 00 00 00 FF CA 00 00 00'));
    expect(decoded).toEqual({
      ok: true,
      value: { type: 'XfrBlock', slot: 0, seq: 2, bwi: 0, levelParameter: 0, data: hex('FF CA 00 00 00') },
    });
  });
});

describe('RDR_to_PC frames', () => {
  it('decodes a DataBlock carrying an ATR', () => {
    const frame = hex('80 06 00 00 00 00 00 00 00 00 3B 81 80 01 80 80');
    const decoded = decodeRdrToPc(frame);
    expect(decoded).toEqual({
      ok: true,
      value: {
        type: 'DataBlock',
        slot: 0,
        seq: 0,
        state: { icc: 'present-active', command: { kind: 'ok' } },
        chain: 'complete',
        data: hex('3B 81 80 01 80 80'),
      },
    });
  });

  it('decodes a SlotStatus with no card (bStatus 42, bError FE ICC_MUTE) and clock stopped', () => {
    const decoded = decodeRdrToPc(hex('81 00 00 00 00 00 07 42 FE 01'));
    expect(decoded.ok && decoded.value).toEqual({
      type: 'SlotStatus',
      slot: 0,
      seq: 7,
      state: { icc: 'absent', command: { kind: 'failed', error: { name: 'ICC_MUTE', code: 0xfe } } },
      clock: 'stopped-low',
    });
  });

  it('decodes a time extension (bStatus 80) with its BWT multiplier', () => {
    expect(decodeSlotState(0x80, 0x05)).toEqual({
      icc: 'present-active',
      command: { kind: 'time-extension', multiplier: 5 },
    });
  });

  it('decodes bmICCStatus and bmCommandStatus from every bStatus', () => {
    expect(decodeSlotState(0x01, 0).icc).toBe('present-inactive');
    expect(decodeSlotState(0x02, 0).icc).toBe('absent');
    expect(decodeSlotState(0x03, 0).icc).toBe('rfu');
    expect(decodeSlotState(0xc0, 0).command).toEqual({ kind: 'rfu' });
  });

  it('decodes every chain parameter and rejects others', () => {
    for (const [name, value] of Object.entries(chainValues)) {
      const decoded = decodeRdrToPc(Uint8Array.of(0x80, 0, 0, 0, 0, 0, 1, 0, 0, value));
      expect(decoded.ok && decoded.value.type === 'DataBlock' && decoded.value.chain).toBe(name);
    }
    expect(decodeRdrToPc(Uint8Array.of(0x80, 0, 0, 0, 0, 0, 1, 0, 0, 0x04))).toMatchObject({
      ok: false,
      error: { code: 'bad-chain-parameter', value: 4 },
    });
  });

  it('decodes Parameters (bProtocolNum) and Escape', () => {
    const parameters = decodeRdrToPc(hex('82 07 00 00 00 00 03 00 00 01 11 10 00 4D 00 FE 00'));
    expect(parameters.ok && parameters.value).toMatchObject({ type: 'Parameters', protocol: 1, seq: 3 });
    const escapeMessage = decodeRdrToPc(hex('83 02 00 00 00 00 04 00 00 00 AB CD'));
    expect(escapeMessage.ok && escapeMessage.value).toMatchObject({ type: 'Escape', data: hex('AB CD') });
  });

  it('reports truncated headers, truncated data and trailing bytes as typed errors', () => {
    expect(decodeRdrToPc(hex('80 05 00 00'))).toEqual({
      ok: false,
      error: { code: 'truncated-header', length: 4 },
    });
    expect(decodeRdrToPc(hex('80 05 00 00 00 00 02 00 00 00 90'))).toMatchObject({
      ok: false,
      error: { code: 'truncated-data', declared: 5, actual: 1, seq: 2 },
    });
    expect(decodeRdrToPc(hex('81 00 00 00 00 00 02 00 00 00 90'))).toMatchObject({
      ok: false,
      error: { code: 'trailing-bytes' },
    });
    expect(decodeRdrToPc(hex('99 00 00 00 00 00 02 00 00 00'))).toMatchObject({
      ok: false,
      error: { code: 'unknown-message-type', messageType: 0x99 },
    });
  });
});

describe('bError names', () => {
  it('names every code of the specification and libccid', () => {
    expect(decodeCcidError(0xff).name).toBe('CMD_ABORTED');
    expect(decodeCcidError(0xfe).name).toBe('ICC_MUTE');
    expect(decodeCcidError(0xfd).name).toBe('XFR_PARITY_ERROR');
    expect(decodeCcidError(0xfc).name).toBe('XFR_OVERRUN');
    expect(decodeCcidError(0xfb).name).toBe('HW_ERROR');
    expect(decodeCcidError(0xf8).name).toBe('BAD_ATR_TS');
    expect(decodeCcidError(0xf7).name).toBe('BAD_ATR_TCK');
    expect(decodeCcidError(0xf6).name).toBe('ICC_PROTOCOL_NOT_SUPPORTED');
    expect(decodeCcidError(0xf5).name).toBe('ICC_CLASS_NOT_SUPPORTED');
    expect(decodeCcidError(0xf4).name).toBe('PROCEDURE_BYTE_CONFLICT');
    expect(decodeCcidError(0xf3).name).toBe('DEACTIVATED_PROTOCOL');
    expect(decodeCcidError(0xf2).name).toBe('BUSY_WITH_AUTO_SEQUENCE');
    expect(decodeCcidError(0xf0).name).toBe('PIN_TIMEOUT');
    expect(decodeCcidError(0xef).name).toBe('PIN_CANCELLED');
    expect(decodeCcidError(0xe0).name).toBe('CMD_SLOT_BUSY');
    expect(decodeCcidError(0x00).name).toBe('CMD_NOT_SUPPORTED');
    expect(decodeCcidError(0x01)).toEqual({ name: 'BAD_PARAMETER', code: 1, offset: 1 });
    expect(decodeCcidError(0x05)).toEqual({ name: 'BAD_PARAMETER', code: 5, offset: 5 });
    expect(decodeCcidError(0xa2).name).toBe('VENDOR_CARD_SHORT_CIRCUIT');
    expect(decodeCcidError(0xc0).name).toBe('UNKNOWN');
    expect(Object.keys(ccidErrorNames)).toHaveLength(23);
  });
});

const byte = fc.integer({ min: 0, max: 255 });
const data = fc.uint8Array({ maxLength: 300 });
const pcToRdr: fc.Arbitrary<PcToRdrMessage> = fc.oneof(
  fc.record({
    type: fc.constant('IccPowerOn' as const),
    slot: byte,
    seq: byte,
    powerSelect: fc.constantFrom(...powerSelects),
  }),
  fc.record({
    type: fc.constantFrom(
      'IccPowerOff' as const,
      'GetSlotStatus' as const,
      'GetParameters' as const,
      'Abort' as const,
    ),
    slot: byte,
    seq: byte,
  }),
  fc.record({ type: fc.constant('Escape' as const), slot: byte, seq: byte, data }),
  fc.record({
    type: fc.constant('XfrBlock' as const),
    slot: byte,
    seq: byte,
    bwi: byte,
    levelParameter: fc.integer({ min: 0, max: 0xffff }),
    data,
  }),
);
const state = fc.record({
  icc: fc.constantFrom(
    'present-active' as const,
    'present-inactive' as const,
    'absent' as const,
    'rfu' as const,
  ),
  command: fc.oneof(
    fc.constant({ kind: 'ok' as const }),
    fc.constant({ kind: 'rfu' as const }),
    fc.integer({ min: 0, max: 255 }).map((multiplier) => ({ kind: 'time-extension' as const, multiplier })),
    byte.map((code) => ({ kind: 'failed' as const, error: decodeCcidError(code) })),
  ),
});
const rdrToPc: fc.Arbitrary<RdrToPcMessage> = fc.oneof(
  fc.record({
    type: fc.constant('DataBlock' as const),
    slot: byte,
    seq: byte,
    state,
    chain: fc.constantFrom(...(Object.keys(chainValues) as ChainParameter[])),
    data,
  }),
  fc.record({
    type: fc.constant('SlotStatus' as const),
    slot: byte,
    seq: byte,
    state,
    clock: fc.constantFrom(
      'running' as const,
      'stopped-low' as const,
      'stopped-high' as const,
      'stopped-unknown' as const,
      'rfu' as const,
    ),
  }),
  fc.record({ type: fc.constant('Parameters' as const), slot: byte, seq: byte, state, protocol: byte, data }),
  fc.record({ type: fc.constant('Escape' as const), slot: byte, seq: byte, state, data }),
);

describe('properties', () => {
  it('PC_to_RDR: encode → decode is the identity', () => {
    fc.assert(
      fc.property(pcToRdr, (message) => {
        expect(decodePcToRdr(encodePcToRdr(message))).toEqual({ ok: true, value: message });
      }),
    );
  });

  it('RDR_to_PC: encode → decode is the identity', () => {
    fc.assert(
      fc.property(rdrToPc, (message) => {
        expect(decodeRdrToPc(encodeRdrToPc(message))).toEqual({ ok: true, value: message });
      }),
    );
  });

  it('arbitrary bytes give a value or a typed error, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        for (const result of [decodeRdrToPc(bytes), decodePcToRdr(bytes)]) {
          if (!result.ok) expect(typeof result.error.code).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a frame with a valid header but arbitrary body decodes or fails typed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0x80, 0x81, 0x82, 0x83, 0x62, 0x6f),
        fc.uint8Array({ minLength: 9, maxLength: 40 }),
        (type, rest) => {
          const bytes = Uint8Array.from([type, ...rest]);
          bytes[1] = rest.length - 9;
          bytes[2] = 0;
          bytes[3] = 0;
          bytes[4] = 0;
          const decoded = type >= 0x80 ? decodeRdrToPc(bytes) : decodePcToRdr(bytes);
          if (decoded.ok) expect(decoded.value.seq).toBe(bytes[6]);
          else expect(['bad-chain-parameter', 'bad-power-select']).toContain(decoded.error.code);
        },
      ),
    );
  });
});
