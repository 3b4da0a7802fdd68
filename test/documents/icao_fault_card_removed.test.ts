import { describe, expect, it } from 'vitest';
import { isCardRemoved, readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../../devices/document/icao9303/simulator/direct_card_channel.js';
import { NOW, testPki, UTOPIA_BAC_INPUT, utopiaChip } from './icao_fixtures.js';

describe('fault: card removed mid-read', () => {
  it('removal while DG2 is being read ends the read with card-removed, naming DG2', async () => {
    const { csca } = await testPki();
    const { chip } = await utopiaChip();
    // select, challenge, authenticate, EF.COM (select + 2 reads), DG1 (select + 2 reads), DG2 select + 1 read.
    chip.faults.removeAfterApdus = 11;
    const channel = new DirectCardChannel(chip);
    const result = await readEmrtd(channel, UTOPIA_BAC_INPUT, {
      trustStore: [csca.der],
      dataGroups: [1, 2],
      now: NOW,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'read', file: 'DG2', error: { code: 'transport', failure: { code: 'card-removed' } } },
    });
    expect(!result.ok && isCardRemoved(result.error)).toBe(true);
    // Nothing more is sent once the card has gone.
    expect(channel.counters.apdus).toBe(11);
  });

  it('removal during BAC is reported at the access-control step', async () => {
    const { chip } = await utopiaChip();
    chip.faults.removeAfterApdus = 2;
    const result = await readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
      trustStore: [],
      dataGroups: [1, 2],
      now: NOW,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'access-control',
        error: { code: 'transport', step: 'external-authenticate', failure: { code: 'card-removed' } },
      },
    });
  });

  it('removal after any number of APDUs gives a typed card-removed error, never a throw', async () => {
    const full = await utopiaChip();
    const complete = new DirectCardChannel(full.chip);
    const ok = await readEmrtd(complete, UTOPIA_BAC_INPUT, { trustStore: [], dataGroups: [1, 2], now: NOW });
    expect(ok.ok).toBe(true);
    for (let n = 0; n < complete.counters.apdus; n++) {
      const { chip } = await utopiaChip();
      chip.faults.removeAfterApdus = n;
      const result = await readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
        trustStore: [],
        dataGroups: [1, 2],
        now: NOW,
      });
      expect(result.ok).toBe(false);
      expect(!result.ok && isCardRemoved(result.error)).toBe(true);
    }
  });

  it('a re-inserted card needs a fresh BAC: the chip forgot its session keys', async () => {
    const { chip } = await utopiaChip();
    chip.faults.removeAfterApdus = 6;
    await readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
      trustStore: [],
      dataGroups: [1, 2],
      now: NOW,
    });
    chip.faults.removeAfterApdus = undefined;
    chip.reset();
    const again = await readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
      trustStore: [],
      dataGroups: [1, 2],
      now: NOW,
    });
    expect(again.ok).toBe(true);
  });
});
