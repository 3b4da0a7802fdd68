import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEmrtd } from '../../devices/document/icao9303/read_emrtd.js';
import {
  applyDerMutations,
  derMutationsArbitrary,
  derNodeIndex,
} from '../../devices/document/icao9303/simulator/der_mutations.js';
import { DirectCardChannel } from '../../devices/document/icao9303/simulator/direct_card_channel.js';
import { createTestPki } from '../../devices/document/icao9303/simulator/test_pki.js';
import { chipWithFiles, NOW, testPki, UTOPIA_BAC_INPUT, utopiaChip } from './icao_fixtures.js';

const SOD = 0x011d;

async function readChip(chip: Awaited<ReturnType<typeof utopiaChip>>['chip']) {
  const { csca } = await testPki();
  return readEmrtd(new DirectCardChannel(chip), UTOPIA_BAC_INPUT, {
    trustStore: [csca.der],
    dataGroups: [1, 2],
    now: NOW,
  });
}

/** The Utopia chip with its EF.SOD replaced by `edit(genuine SOD)`. */
async function chipWithSod(edit: (sod: Uint8Array) => Uint8Array) {
  const built = await utopiaChip();
  const files = new Map(built.files);
  files.set(SOD, edit(files.get(SOD)!));
  return chipWithFiles(built, files);
}

describe('fault: a forged EF.SOD read from the chip', () => {
  it('genuine DS certificate copied beside the forger’s, signer named by SKI: failed, not verified', async () => {
    const { documentSigner } = await testPki();
    const forger = await createTestPki(NOW, 'Utopia CSCA');
    const { chip } = await utopiaChip({
      documentSigner: forger.documentSigner,
      sod: {
        certificates: [documentSigner, forger.documentSigner],
        signerIdentifier: 'subject-key-identifier',
      },
    });
    const result = await readChip(chip);
    expect(result.ok && result.value.passiveAuthentication).toEqual({
      status: 'failed',
      reason: 'ds-not-signed-by-csca',
    });
  });
});

describe('fault: malformed CMS inside EF.SOD', () => {
  // 77 → ContentInfo → [0] → SignedData → encapContentInfo → [0] → eContent.
  const E_CONTENT = [0, 1, 0, 2, 1, 0];

  it('an eContent that is not an OCTET STRING is sod-malformed, and the read still returns its data', async () => {
    const chip = await chipWithSod((sod) =>
      applyDerMutations(sod, [{ kind: 'retag', node: derNodeIndex(sod, E_CONTENT), tag: 0x30 }]),
    );
    const result = await readChip(chip);
    expect(result.ok && result.value.mrz.documentNumber).toBe('L898902C');
    expect(result.ok && result.value.passiveAuthentication).toMatchObject({
      status: 'failed',
      reason: 'sod-malformed',
    });
  });

  it('property: whatever a mutated SOD holds, readEmrtd resolves with a passive-authentication status', async () => {
    await fc.assert(
      fc.asyncProperty(derMutationsArbitrary, async (mutations) => {
        const chip = await chipWithSod((sod) => applyDerMutations(sod, mutations));
        const result = await readChip(chip);
        // A mutation can make EF.SOD unreadable as a file (its outer header); otherwise the verdict is typed.
        if (result.ok)
          expect(['verified', 'unverified', 'failed']).toContain(result.value.passiveAuthentication.status);
        else expect(result.error).toMatchObject({ code: 'read', file: 'EF.SOD' });
      }),
      { numRuns: 40 },
    );
  });
});
