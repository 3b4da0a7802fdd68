import { describe, expect, it } from 'vitest';
import { readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../../devices/document/icao9303/simulator/direct_card_channel.js';
import { NOW, testPki, UTOPIA_BAC_INPUT, utopiaChip } from './icao_fixtures.js';

describe('fault: a data group altered after the SOD was signed', () => {
  it.each([1, 2] as const)(
    'DG%i altered → passive authentication fails with its hash mismatch',
    async (dataGroup) => {
      const { csca } = await testPki();
      const { chip } = await utopiaChip({ tamperDataGroup: dataGroup });
      const result = await readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
        trustStore: [csca.der],
        dataGroups: [1, 2],
        now: NOW,
      });
      // The read itself succeeds (the altered file is well-formed): the verdict is what tells the kiosk.
      expect(result.ok && result.value.passiveAuthentication).toEqual({
        status: 'failed',
        reason: 'dg-hash-mismatch',
        dataGroup,
      });
    },
  );

  it('a mismatch is a failure even without a trust anchor (it is not merely "unverified")', async () => {
    const { chip } = await utopiaChip({ tamperDataGroup: 2 });
    const result = await readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
      trustStore: [],
      dataGroups: [1, 2],
      now: NOW,
    });
    expect(result.ok && result.value.passiveAuthentication).toEqual({
      status: 'failed',
      reason: 'dg-hash-mismatch',
      dataGroup: 2,
    });
  });
});
