import { describe, expect, it } from 'vitest';
import { ga467ReaderWithPermit, idCard, macaoPermit } from '../../../test/documents/ga467_test_cards.js';
import type { ReaderState } from '../../device_status.js';
import type { UsbTransport } from '../../transport/usb_transport.js';
import { readerStatus, readIdentityCard, readResidencePermit } from './cli_commands.js';
import { commandFrame } from './commands.js';
import { Ga467UsbLink } from './ga467_link.js';
import { Ga467Reader } from './ga467_reader.js';
import { Ga467ReaderSimulator } from './simulator/ga467_reader_simulator.js';

describe('Ga467Reader against the simulated reader', () => {
  it('reads a residence permit with find → select → read, sending exactly the §7.2 frames', async () => {
    const { reader, simulator } = ga467ReaderWithPermit();
    const read = await reader.readIdentity();
    expect(read.ok && read.value.text).toEqual({ ...macaoPermit, sex: 'male', region: 'macao' });
    expect(read.ok && read.value.photo.length).toBe(1024);
    expect(simulator.hostFrames).toEqual([
      commandFrame('findCard'),
      commandFrame('selectCard'),
      commandFrame('readTextAndPhoto'),
    ]);
  });

  it('reads with fingerprint (30 10) when asked', async () => {
    const simulator = new Ga467ReaderSimulator();
    simulator.placeCard({
      ...idCard(macaoPermit),
      fingerprint: new Uint8Array(1024).fill(0x43),
    });
    const reader = new Ga467Reader(new Ga467UsbLink(simulator));
    const read = await reader.readIdentity({ fingerprint: true });
    expect(read.ok && read.value.fingerprint?.length).toBe(1024);
    expect(simulator.hostFrames.at(-1)).toEqual(commandFrame('readTextPhotoAndFingerprint'));
  });

  it('reports no-card and publishes ready / card-present from polling', async () => {
    const { reader, simulator } = ga467ReaderWithPermit({ pollIntervalMs: 20 });
    const states: ReaderState[] = [];
    reader.onStateChange((state) => states.push(state));
    simulator.takeCard();
    expect(await reader.readIdentity()).toEqual({ ok: false, error: { code: 'no-card' } });
    reader.startPolling();
    simulator.placeCard(idCard(macaoPermit));
    await expect.poll(() => reader.state).toEqual({ state: 'card-present' });
    simulator.takeCard();
    await expect.poll(() => reader.state).toEqual({ state: 'ready' });
    reader.stopPolling();
    expect(states).toEqual([{ state: 'ready' }, { state: 'card-present' }, { state: 'ready' }]);
  });

  it('answers SAM status and SAM id, and turns a failed SAM self-test into an error state', async () => {
    const { reader, simulator } = ga467ReaderWithPermit();
    expect(await reader.samStatus()).toEqual({ ok: true, value: { sw3: 0x90, name: 'success' } });
    const samId = await reader.samId();
    expect(samId.ok && samId.value.hex).toBe('05012010111100123456789012345678');
    simulator.failSamSelfTest(true);
    expect(await reader.samStatus()).toEqual({
      ok: false,
      error: { code: 'sam-status', sw3: 0x60, name: 'sam-self-test-failed' },
    });
    expect(reader.state).toEqual({ state: 'error', code: 'ga467-sam', detail: 'sam-self-test-failed' });
    simulator.failSamSelfTest(false);
    expect((await reader.samStatus()).ok).toBe(true);
    expect(reader.state).toEqual({ state: 'ready' });
  });

  it('turns an unplugged reader into `disconnected`', async () => {
    const { reader, simulator } = ga467ReaderWithPermit();
    simulator.unplug();
    expect(await reader.readIdentity()).toEqual({ ok: false, error: { code: 'disconnected' } });
    expect(reader.state).toEqual({ state: 'disconnected' });
  });

  it('reassembles a 1295-byte answer from 64-byte Bulk-IN packets and skips noise before the preamble', async () => {
    const { simulator } = ga467ReaderWithPermit();
    const link = new Ga467UsbLink(simulator, { readSize: 64 });
    await link.exchange(commandFrame('findCard'), 300);
    await link.exchange(commandFrame('selectCard'), 300);
    const read = await link.exchange(commandFrame('readTextAndPhoto'), 300);
    expect(read.ok && read.value.length).toBe(1295);
    // A stream with noise before the preamble, split mid-frame across transfers.
    const answer = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x80, 0x84);
    const transfers = [Uint8Array.of(0x00, 0xaa, 0x13, ...answer.subarray(0, 6)), answer.subarray(6)];
    const noisy: UsbTransport = {
      bulkOut: async () => ({ ok: true, value: undefined }),
      bulkIn: async () => {
        const next = transfers.shift();
        return next === undefined ? { ok: false, error: { code: 'timeout' } } : { ok: true, value: next };
      },
      interruptIn: async () => ({ ok: false, error: { code: 'timeout' } }),
      controlIn: async () => ({ ok: false, error: { code: 'stall' } }),
      controlOut: async () => ({ ok: false, error: { code: 'stall' } }),
      close: async () => undefined,
    };
    expect(await new Ga467UsbLink(noisy).exchange(commandFrame('findCard'), 100)).toEqual({
      ok: true,
      value: answer,
    });
    expect(await new Ga467UsbLink(noisy).exchange(commandFrame('findCard'), 50)).toEqual({
      ok: false,
      error: { code: 'timeout' },
    });
  });
});

describe('GA 467 CLI commands', () => {
  it('readResidencePermit prints the decoded fields and the photo size, exit 0', async () => {
    const { reader } = ga467ReaderWithPermit();
    const output = await readResidencePermit(reader);
    expect(output.exitCode).toBe(0);
    const parsed = JSON.parse(output.json);
    expect(parsed.permit).toMatchObject({
      name: '陳大文',
      idNumber: '820000199003150017',
      region: 'macao',
      issueCount: 1,
    });
    expect(parsed.permit.photo).toEqual({ format: 'wlt', bytes: 1024 });
  });

  it('exits 2 with no card, 3 for a card that is not a residence permit, and reports status', async () => {
    const { reader, simulator } = ga467ReaderWithPermit();
    simulator.takeCard();
    expect((await readResidencePermit(reader)).exitCode).toBe(2);
    simulator.placeCard(
      idCard({
        kind: 'resident-id-card',
        name: '李小梅',
        sexCode: '2',
        nationCode: '01',
        birthDate: '1965-11-30',
        address: '广东省珠海市香洲区人民东路1号',
        idNumber: '44040019651130002X',
        issuingAuthority: '珠海市公安局香洲分局',
        validFrom: '2015-06-01',
        validUntil: { kind: 'long-term' },
      }),
    );
    expect((await readResidencePermit(reader)).exitCode).toBe(3);
    const any = await readIdentityCard(reader);
    expect(JSON.parse(any.json).card.validUntil).toEqual({ kind: 'long-term' });
    const status = await readerStatus(reader);
    expect(JSON.parse(status.json)).toMatchObject({
      ok: true,
      sam: { status: 'success' },
      cardPresent: true,
    });
  });
});
