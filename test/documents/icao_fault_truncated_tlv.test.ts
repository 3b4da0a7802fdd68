import { describe, expect, it } from 'vitest';
import { encodeTlv } from '../../devices/document/icao9303/ber_tlv.js';
import { readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../../devices/document/icao9303/simulator/direct_card_channel.js';
import { chipWithFiles, NOW, testPki, UTOPIA_BAC_INPUT, utopiaChip } from './icao_fixtures.js';

const DG1 = 0x0101;
const DG2 = 0x0102;
const SOD = 0x011d;

async function readFiles(edit: (files: Map<number, Uint8Array>) => void) {
  const { csca } = await testPki();
  const built = await utopiaChip();
  const files = new Map(built.files);
  edit(files);
  const chip = chipWithFiles(built, files);
  return readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
    trustStore: [csca.der],
    dataGroups: [1, 2],
    now: NOW,
  });
}

describe('fault: truncated TLV in a file from the chip', () => {
  it('a file shorter than its TLV header declares is reported as truncated (the chip answers 6282)', async () => {
    const result = await readFiles((files) => files.set(DG1, files.get(DG1)!.subarray(0, 40)));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'read',
        file: 'DG1',
        error: { code: 'file-truncated', fileId: DG1, expected: 93, got: 40 },
      },
    });
  });

  it('a file cut inside its header is a typed header error', async () => {
    const result = await readFiles((files) => files.set(DG2, Uint8Array.of(0x75, 0x82, 0x4e)));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'read',
        file: 'DG2',
        error: { code: 'file-header', fileId: DG2, tlv: { code: 'tlv-truncated-length', offset: 1 } },
      },
    });
  });

  it('a truncated inner TLV in DG2 (outer length consistent) is a typed DG2 error', async () => {
    const inner = Uint8Array.of(0x7f, 0x61, 0x10, 0x02, 0x01, 0x01);
    const result = await readFiles((files) => files.set(DG2, encodeTlv(0x75, inner)));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'dg2',
        error: {
          code: 'dg2-tlv',
          tlv: { code: 'tlv-truncated-value', offset: 0, declared: 16, available: 3 },
        },
      },
    });
  });

  it('a truncated CMS structure inside EF.SOD fails passive authentication as malformed', async () => {
    const result = await readFiles((files) => {
      const sod = files.get(SOD)!;
      files.set(SOD, encodeTlv(0x77, sod.subarray(4, 200)));
    });
    expect(result.ok && result.value.passiveAuthentication).toMatchObject({
      status: 'failed',
      reason: 'sod-malformed',
    });
  });
});
