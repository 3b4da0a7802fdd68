import { describe, expect, it } from 'vitest';
import {
  LARGE_FILE,
  readBinary,
  readerWithCard,
  SMALL_FILE,
  selectFile,
  testCard,
} from '../../../test/documents/ccid_test_cards.js';
import type { ReaderState } from '../../device_status.js';
import { CcidReader } from './ccid_reader.js';
import { ccidCardInfo, ccidSlotStatus } from './cli_commands.js';
import { CcidReaderSimulator } from './simulator/ccid_reader_simulator.js';

const hex = (text: string) => Uint8Array.from(text.split(' ').map((byte) => Number.parseInt(byte, 16)));

describe('CcidReader against the simulated reader', () => {
  it('sends exactly the §3.1 frames for power on, slot status, GET DATA UID and power off', async () => {
    const simulator = new CcidReaderSimulator({ uid: hex('04 A2 2B 7A') });
    simulator.insertCard(testCard());
    const reader = new CcidReader(simulator, { responseTimeoutMs: 200 });
    const atr = await reader.powerOn();
    expect(atr.ok && atr.value.interface.kind).toBe('contactless-iso14443-4');
    expect(await reader.getSlotStatus()).toEqual({ ok: true, value: { icc: 'present-active' } });
    expect(await reader.transmit(hex('FF CA 00 00 00'))).toEqual({
      ok: true,
      value: hex('04 A2 2B 7A 90 00'),
    });
    expect(await reader.powerOff()).toEqual({ ok: true, value: { icc: 'present-inactive' } });
    expect(simulator.hostFrames).toEqual([
      hex('62 00 00 00 00 00 00 00 00 00'),
      hex('65 00 00 00 00 00 01 00 00 00'),
      hex('6F 05 00 00 00 00 02 00 00 00 FF CA 00 00 00'),
      hex('63 00 00 00 00 00 03 00 00 00'),
    ]);
  });

  it('powers the card on by itself and reads a file with SELECT / READ BINARY', async () => {
    const { reader, card } = readerWithCard();
    expect(await reader.transmit(selectFile(SMALL_FILE))).toEqual({ ok: true, value: hex('90 00') });
    const read = await reader.transmit(readBinary(0, 22));
    expect(read.ok && read.value.subarray(0, 22)).toEqual(card.fileContent(SMALL_FILE));
    expect(read.ok && [...read.value.subarray(22)]).toEqual([0x90, 0x00]);
  });

  it('wraps bSeq after 255 commands', async () => {
    const { reader, simulator } = readerWithCard();
    for (let index = 0; index < 260; index++) {
      const status = await reader.getSlotStatus();
      expect(status.ok).toBe(true);
    }
    expect(simulator.hostFrames[256]?.[6]).toBe(0);
    expect(simulator.hostFrames[259]?.[6]).toBe(3);
  });

  it('reports no-card when the slot is empty, and card-present / ready states from NotifySlotChange', async () => {
    const simulator = new CcidReaderSimulator();
    const reader = new CcidReader(simulator, { responseTimeoutMs: 200, interruptPollMs: 20 });
    const states: ReaderState[] = [];
    reader.onStateChange((state) => states.push(state));
    expect(await reader.transmit(selectFile(SMALL_FILE))).toEqual({ ok: false, error: { code: 'no-card' } });
    reader.startMonitoring();
    simulator.insertCard(testCard());
    await expect.poll(() => reader.state).toEqual({ state: 'card-present' });
    simulator.removeCard();
    await expect.poll(() => reader.state).toEqual({ state: 'ready' });
    await reader.close();
    expect(states).toEqual([
      { state: 'ready' },
      { state: 'card-present' },
      { state: 'ready' },
      { state: 'disconnected' },
    ]);
  });

  it('chains a long APDU and a long response at extended-APDU level (wLevelParameter / bChainParameter)', async () => {
    const card = testCard({ extendedLength: true });
    const { reader, simulator } = readerWithCard(
      { maxMessageLength: 64 },
      { maxMessageLength: 64, extendedApdu: true },
      card,
    );
    expect(await reader.transmit(selectFile(LARGE_FILE))).toEqual({ ok: true, value: hex('90 00') });
    // Extended-length READ BINARY of 1000 bytes: 00 B0 00 00 00 03 E8.
    const read = await reader.transmit(hex('00 B0 00 00 00 03 E8'));
    expect(read.ok && read.value.length).toBe(1002);
    expect(read.ok && read.value.subarray(0, 1000)).toEqual(card.fileContent(LARGE_FILE)?.subarray(0, 1000));
    const levels = simulator.hostFrames
      .filter((frame) => frame[0] === 0x6f)
      .map((frame) => frame[8]! | (frame[9]! << 8));
    expect(levels.filter((level) => level === 0x10).length).toBe(Math.ceil(1002 / 54) - 1);
    // A 300-byte UPDATE BINARY goes out as begins, continues…, ends.
    const update = Uint8Array.from([
      0x00,
      0xd6,
      0x00,
      0x00,
      0x00,
      0x01,
      0x2c,
      ...new Uint8Array(300).fill(0x5a),
    ]);
    expect(await reader.transmit(update)).toEqual({ ok: true, value: hex('90 00') });
    const sent = simulator.hostFrames.slice(-6).map((frame) => frame[8]);
    expect(sent).toEqual([0x01, 0x03, 0x03, 0x03, 0x03, 0x02]);
    expect(card.fileContent(LARGE_FILE)?.subarray(0, 300)).toEqual(new Uint8Array(300).fill(0x5a));
  });

  it('aborts with the class request and a PC_to_RDR_Abort carrying the same bSeq', async () => {
    const { reader, simulator } = readerWithCard();
    await reader.powerOn();
    expect(await reader.abort()).toEqual({ ok: true, value: { icc: 'present-active' } });
    expect(simulator.hostFrames.at(-1)).toEqual(hex('72 00 00 00 00 00 01 00 00 00'));
  });

  it('refuses an APDU longer than a short-APDU reader accepts, without sending it', async () => {
    const { reader, simulator } = readerWithCard();
    await reader.powerOn();
    const before = simulator.hostFrames.length;
    const result = await reader.transmit(new Uint8Array(400));
    expect(result).toMatchObject({ ok: false, error: { code: 'transport' } });
    expect(simulator.hostFrames.length).toBe(before);
  });

  it('turns an unplugged reader into `disconnected`, and an overcurrent into an error state', async () => {
    const { reader, simulator } = readerWithCard({}, { interruptPollMs: 20 });
    reader.startMonitoring();
    await reader.powerOn();
    simulator.signalHardwareError(0x01);
    await expect
      .poll(() => reader.state)
      .toEqual({ state: 'error', code: 'ccid-hardware-error', detail: 'overcurrent' });
    // The card lost power with the overcurrent: the session with it is over.
    expect(await reader.transmit(selectFile(SMALL_FILE))).toEqual({
      ok: false,
      error: { code: 'card-removed' },
    });
    // The next exchange powers it on again, and a good answer clears the error state.
    expect(await reader.transmit(selectFile(SMALL_FILE))).toEqual({ ok: true, value: hex('90 00') });
    expect(reader.state).toEqual({ state: 'card-present' });
    simulator.unplug();
    expect(await reader.transmit(selectFile(SMALL_FILE))).toEqual({
      ok: false,
      error: { code: 'disconnected' },
    });
    expect(reader.state).toEqual({ state: 'disconnected' });
    await reader.close();
  });
});

describe('CCID CLI commands', () => {
  it('ccidCardInfo prints ATR, interface and UID; ccidSlotStatus the slot', async () => {
    const simulator = new CcidReaderSimulator({ uid: hex('04 A2 2B 7A') });
    const reader = new CcidReader(simulator, { responseTimeoutMs: 200 });
    expect((await ccidCardInfo(reader)).exitCode).toBe(2);
    simulator.insertCard(testCard());
    expect(JSON.parse((await ccidSlotStatus(reader)).json)).toMatchObject({
      ok: true,
      icc: 'present-inactive',
    });
    const info = await ccidCardInfo(reader);
    expect(info.exitCode).toBe(0);
    expect(JSON.parse(info.json)).toEqual({
      ok: true,
      atr: '3B 81 80 01 80 80',
      interface: { kind: 'contactless-iso14443-4' },
      protocols: ['T=0', 'T=1'],
      historical: '80',
      uid: '04 A2 2B 7A',
    });
  });
});
