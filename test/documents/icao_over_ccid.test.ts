/**
 * The eMRTD chip simulator hosted by the CCID reader simulator, read by the real CCID driver: the stack a kiosk
 * runs (readEmrtd → CcidReader → USB transport) with only the hardware replaced.
 */
import { describe, expect, it } from 'vitest';
import { CcidReader } from '../../devices/document/ccid/ccid_reader.js';
import { CcidReaderSimulator } from '../../devices/document/ccid/simulator/ccid_reader_simulator.js';
import { isCardRemoved, readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import type { ApduChannel } from '../../devices/document/iso7816/apdu_channel.js';
import { FACE_JPEG, NOW, testPki, toHex, UTOPIA_BAC_INPUT, utopiaChip } from './icao_fixtures.js';

describe('eMRTD read through the CCID reader', () => {
  it('reads and verifies the Utopia passport through CCID frames', async () => {
    const { csca } = await testPki();
    const { chip } = await utopiaChip();
    const simulator = new CcidReaderSimulator();
    simulator.insertCard(chip);
    const reader = new CcidReader(simulator, { responseTimeoutMs: 500 });
    const result = await readEmrtd(reader, UTOPIA_BAC_INPUT, {
      trustStore: [csca.der],
      dataGroups: [1, 2],
      now: NOW,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.mrz.name.full).toBe('ERIKSSON ANNA MARIA');
    expect(toHex(result.value.faceImage!.bytes)).toBe(toHex(FACE_JPEG));
    expect(result.value.passiveAuthentication.status).toBe('verified');
    await simulator.close();
  });

  it('a card lifted during DG2 surfaces as card-removed from the reader', async () => {
    const { chip } = await utopiaChip();
    const simulator = new CcidReaderSimulator();
    simulator.insertCard(chip);
    const reader = new CcidReader(simulator, { responseTimeoutMs: 500 });
    let sent = 0;
    const channel: ApduChannel = {
      transmit(command) {
        if (++sent === 10) simulator.removeCardDuringNextTransfer();
        return reader.transmit(command);
      },
    };
    const result = await readEmrtd(channel, UTOPIA_BAC_INPUT, {
      trustStore: [],
      dataGroups: [1, 2],
      now: NOW,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && isCardRemoved(result.error)).toBe(true);
    expect(!result.ok && result.error.code === 'read' && result.error.file).toBe('DG2');
    await simulator.close();
  });
});
