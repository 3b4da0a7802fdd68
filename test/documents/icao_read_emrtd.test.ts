import { describe, expect, it } from 'vitest';
import { encodeTlv } from '../../devices/document/icao9303/ber_tlv.js';
import { parseDg2 } from '../../devices/document/icao9303/dg2.js';
import { readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../../devices/document/icao9303/simulator/direct_card_channel.js';
import { buildDg2, buildEfCom } from '../../devices/document/icao9303/simulator/lds_builder.js';
import { minimalJpeg } from '../../devices/document/icao9303/simulator/minimal_jpeg.js';
import type { ApduChannel } from '../../devices/document/iso7816/apdu_channel.js';
import {
  chipWithFiles,
  FACE_JPEG,
  hex,
  icaoChipRandom,
  icaoTerminalRandom,
  NOW,
  testPki,
  toHex,
  UTOPIA_BAC_INPUT,
  utopiaChip,
} from './icao_fixtures.js';

describe('readEmrtd against the simulated Utopia chip', () => {
  it('reads DG1 and DG2, and passive authentication verifies against the CSCA', async () => {
    const { csca } = await testPki();
    const { chip } = await utopiaChip();
    const result = await readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
      trustStore: [csca.der],
      dataGroups: [1, 2],
      now: NOW,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { mrz, faceImage, passiveAuthentication, efCom } = result.value;
    expect(mrz.documentNumber).toBe('L898902C');
    expect(mrz.name.full).toBe('ERIKSSON ANNA MARIA');
    expect(mrz.birthDate?.iso).toBe('1969-08-06');
    // The specimen expired on 1994-06-23: the reading says so against the same "now" as the certificates.
    expect(mrz.expired).toBe(true);
    expect(mrz.checkDigits.every((c) => c.valid)).toBe(true);
    expect(faceImage?.format).toBe('jpeg');
    expect(toHex(faceImage!.bytes)).toBe(toHex(FACE_JPEG));
    expect(efCom).toEqual({ ldsVersion: '0107', unicodeVersion: '040000', dataGroups: [1, 2] });
    expect(passiveAuthentication).toMatchObject({ status: 'verified' });
  });

  it('is unverified (not failed) when no CSCA is configured', async () => {
    const { chip } = await utopiaChip();
    const result = await readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
      trustStore: [],
      dataGroups: [1, 2],
      now: NOW,
    });
    expect(result.ok && result.value.passiveAuthentication).toMatchObject({
      status: 'unverified',
      reason: 'no-trust-anchor',
    });
  });

  it('with the ICAO random values on both sides, the wire carries the exact App. D.3/D.4 bytes', async () => {
    const { chip } = await utopiaChip({ random: icaoChipRandom(), ldsVersion: '0106' });
    const direct = new DirectCardChannel(chip);
    const log: string[] = [];
    const recording: ApduChannel = {
      async transmit(command) {
        const answer = await direct.transmit(command);
        log.push(`${toHex(command)} -> ${answer.ok ? toHex(answer.value) : answer.error.code}`);
        return answer;
      },
    };
    const result = await readEmrtd(recording, UTOPIA_BAC_INPUT, {
      trustStore: [],
      dataGroups: [1],
      now: NOW,
      bac: { random: icaoTerminalRandom() },
    });
    expect(result.ok).toBe(true);
    expect(log.slice(0, 6)).toEqual([
      '00A4040C07A0000002471001 -> 9000',
      '0084000008 -> 4608F919887022129000',
      '0082000028' +
        '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A728 -> ' +
        '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000',
      '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800 -> 990290008E08FA855A5D4C50A8ED9000',
      '0CB000000D9701048E08ED6705417E96BA5500 -> 8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000',
      '0CB000040D9701128E082EA28A70F3C7B53500 -> ' +
        '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000',
    ]);
  });

  it('refuses access when the MRZ is wrong (BAC fails, chip answers 6300)', async () => {
    const { chip } = await utopiaChip();
    const result = await readEmrtd(
      new DirectCardChannel(chip),
      { ...UTOPIA_BAC_INPUT, birthDate: '690807' },
      {
        trustStore: [],
        dataGroups: [1, 2],
        now: NOW,
      },
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'access-control', error: { code: 'access-denied', sw: 0x6300 } },
    });
  });

  it('reads a 20 KB face in chunks that keep each protected response within 256 bytes', async () => {
    const { chip, files } = await utopiaChip({
      face: {
        bytes: new Uint8Array([...hex('0000000C6A5020200D0A870A'), ...new Uint8Array(20_000)]),
        width: 480,
        height: 640,
        format: 'jpeg2000',
      },
    });
    let largest = 0;
    const direct = new DirectCardChannel(chip);
    const measuring: ApduChannel = {
      async transmit(command) {
        const answer = await direct.transmit(command);
        if (answer.ok) largest = Math.max(largest, answer.value.length);
        return answer;
      },
    };
    const result = await readEmrtd(measuring, UTOPIA_BAC_INPUT, {
      trustStore: [],
      dataGroups: [1, 2],
      now: NOW,
    });
    expect(result.ok && result.value.faceImage?.format).toBe('jpeg2000');
    expect(result.ok && result.value.faceImage?.width).toBe(480);
    expect(largest).toBeLessThanOrEqual(258);
    expect(files.get(0x0102)!.length).toBeGreaterThan(20_000);
  });

  it('reads a 40 KB face: offsets beyond 32767 use READ BINARY B1 (DO54 offset, DO85/DO53 response)', async () => {
    const { csca } = await testPki();
    const face = minimalJpeg(40_000);
    const { chip } = await utopiaChip({ face: { bytes: face, width: 480, height: 640, format: 'jpeg' } });
    const direct = new DirectCardChannel(chip);
    const instructions = new Set<number>();
    const recording: ApduChannel = {
      async transmit(command) {
        instructions.add(command[1]!);
        return direct.transmit(command);
      },
    };
    const result = await readEmrtd(recording, UTOPIA_BAC_INPUT, {
      trustStore: [csca.der],
      dataGroups: [1, 2],
      now: NOW,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(toHex(result.value.faceImage!.bytes)).toBe(toHex(face));
    expect(result.value.passiveAuthentication.status).toBe('verified');
    expect(instructions.has(0xb1)).toBe(true);
  });

  it('skips DG3 when the chip refuses it without Extended Access Control, and still verifies', async () => {
    const { csca } = await testPki();
    const built = await utopiaChip();
    const files = new Map(built.files);
    files.set(0x011e, buildEfCom([1, 2, 3]));
    files.set(0x0103, encodeTlv(0x63, new Uint8Array(40)));
    const chip = chipWithFiles(built, files, new Set([0x0103]));
    const result = await readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
      trustStore: [csca.der],
      dataGroups: [1, 2, 3],
      now: NOW,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.dataGroupsRead).toEqual([1, 2]);
    expect(result.value.dataGroupsSkipped).toEqual([{ dataGroup: 3, reason: 'access-denied' }]);
    expect(result.value.passiveAuthentication.status).toBe('verified');
  });

  it('DG2 parsing finds the image inside the 19794-5 record and detects JPEG by magic bytes', () => {
    const dg2 = buildDg2(FACE_JPEG, 8, 8, 1);
    // The record claims JPEG 2000 (type 1) but the bytes are JPEG: the magic bytes win.
    expect(parseDg2(dg2)).toMatchObject({ ok: true, value: { format: 'jpeg', width: 8, height: 8 } });
    const unknown = buildDg2(hex('89504E470D0A1A0A'), 1, 1);
    expect(parseDg2(unknown)).toEqual({
      ok: false,
      error: { code: 'dg2-unknown-image-format', magic: '89504e47' },
    });
  });
});
