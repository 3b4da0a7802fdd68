import { describe, expect, it } from 'vitest';
import { readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../../devices/document/icao9303/simulator/direct_card_channel.js';
import { NOW, testPki, UTOPIA_BAC_INPUT, utopiaChip } from './icao_fixtures.js';

describe('fault: slow chip', () => {
  it('a chip that takes 20 ms per APDU still reads completely, just slower', async () => {
    const { csca } = await testPki();
    const { chip } = await utopiaChip();
    chip.faults.delayMs = 20;
    const channel = new DirectCardChannel(chip);
    const started = performance.now();
    const result = await readEmrtd(channel, UTOPIA_BAC_INPUT, {
      trustStore: [csca.der],
      dataGroups: [1, 2],
      now: NOW,
    });
    const elapsed = performance.now() - started;
    expect(result.ok && result.value.passiveAuthentication.status).toBe('verified');
    expect(elapsed).toBeGreaterThanOrEqual(channel.counters.apdus * 20 - 5);
  });
});
