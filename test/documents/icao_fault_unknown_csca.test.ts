import { describe, expect, it } from 'vitest';
import { readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import { DirectCardChannel } from '../../devices/document/icao9303/simulator/direct_card_channel.js';
import { createTestPki } from '../../devices/document/icao9303/simulator/test_pki.js';
import { NOW, testPki, UTOPIA_BAC_INPUT, utopiaChip } from './icao_fixtures.js';

async function readWith(
  trustStore: Uint8Array[],
  documentSignerPki: Awaited<ReturnType<typeof createTestPki>>,
) {
  const { chip } = await utopiaChip({ documentSigner: documentSignerPki.documentSigner });
  const result = await readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
    trustStore,
    dataGroups: [1, 2],
    now: NOW,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.passiveAuthentication;
}

describe('fault: EF.SOD signed by a CSCA we do not trust', () => {
  it("an impostor CSCA using our CSCA's name fails: the DS is not signed by any trusted CSCA", async () => {
    const { csca } = await testPki();
    const impostor = await createTestPki(NOW, 'Utopia CSCA');
    expect(await readWith([csca.der], impostor)).toEqual({
      status: 'failed',
      reason: 'ds-not-signed-by-csca',
    });
  });

  it('a CSCA of another issuer that we hold no certificate for leaves the document unverified', async () => {
    const { csca } = await testPki();
    const foreign = await createTestPki(NOW, 'Atlantis CSCA');
    expect(await readWith([csca.der], foreign)).toMatchObject({
      status: 'unverified',
      reason: 'no-trust-anchor',
    });
  });

  it('the same chip verifies once its CSCA is in the trust store', async () => {
    const { csca } = await testPki();
    const foreign = await createTestPki(NOW, 'Atlantis CSCA');
    expect(await readWith([csca.der, foreign.csca.der], foreign)).toMatchObject({ status: 'verified' });
  });

  it('an expired Document Signer certificate fails passive authentication', async () => {
    const { csca } = await testPki();
    const old = await createTestPki(new Date('2010-01-01T00:00:00Z'), 'Old Utopia CSCA');
    expect(await readWith([csca.der, old.csca.der], old)).toEqual({
      status: 'failed',
      reason: 'certificate-expired',
      certificate: 'csca',
    });
  });
});
