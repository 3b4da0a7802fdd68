import { describe, expect, it } from 'vitest';
import { readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../../devices/document/icao9303/simulator/direct_card_channel.js';
import type { ApduChannel } from '../../devices/document/iso7816/apdu_channel.js';
import { NOW, UTOPIA_BAC_INPUT, utopiaChip } from './icao_fixtures.js';

describe('fault: response with a bad secure-messaging MAC', () => {
  it('the first protected response with a wrong MAC ends the read, and nothing more is sent', async () => {
    const { chip } = await utopiaChip();
    chip.faults.badResponseMac = true;
    const channel = new DirectCardChannel(chip);
    const result = await readEmrtd(channel, UTOPIA_BAC_INPUT, {
      trustStore: [],
      dataGroups: [1, 2],
      now: NOW,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'read', file: 'EF.COM', error: { code: 'sm-mac-mismatch' } },
    });
    // SELECT AID, GET CHALLENGE, EXTERNAL AUTHENTICATE, SELECT EF.COM — then the session is over.
    expect(channel.counters.apdus).toBe(4);
  });

  it('a bad MAC in the middle of DG2 stops there; no data from that response is used', async () => {
    const { chip } = await utopiaChip();
    const direct = new DirectCardChannel(chip);
    let sent = 0;
    const channel: ApduChannel = {
      async transmit(command) {
        sent++;
        if (sent === 11) chip.faults.badResponseMac = true;
        return direct.transmit(command);
      },
    };
    const result = await readEmrtd(channel, UTOPIA_BAC_INPUT, {
      trustStore: [],
      dataGroups: [1, 2],
      now: NOW,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'read', file: 'DG2', error: { code: 'sm-mac-mismatch' } },
    });
    expect(sent).toBe(11);
  });
});
