import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatorTrustAnchor } from '../../../devices/document/index.js';
import { certificatesInFile, loadCscaTrustStore } from './csca_trust_store.js';

const pem = (der: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;

describe('the CSCA trust store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csca-'));
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads PEM files (several certificates each) and DER files, and adds the simulator CSCA only when asked', async () => {
    const csca = await simulatorTrustAnchor();
    const both = file('two.pem', `# the country's CSCA list\n${pem(csca)}${pem(csca)}`);
    const der = file('one.der', csca);
    expect(certificatesInFile(new TextEncoder().encode(pem(csca)))).toEqual([csca]);
    const loaded = loadCscaTrustStore({ trustAnchors: [both, der], trustSimulatorCsca: false });
    if (!loaded.ok) throw new Error(loaded.error);
    expect(await loaded.value.anchors()).toEqual([csca, csca, csca]);
    const withSimulator = loadCscaTrustStore({ trustAnchors: [], trustSimulatorCsca: true });
    expect(withSimulator.ok && (await withSimulator.value.anchors())).toEqual([csca]);
  });

  it('names the file that is missing, empty or not a certificate', () => {
    const missing = join(dir, 'absent.pem');
    expect(loadCscaTrustStore({ trustAnchors: [missing], trustSimulatorCsca: false })).toMatchObject({
      ok: false,
      error: expect.stringContaining(`${missing} cannot be read`),
    });
    const empty = file('empty.pem', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
    expect(loadCscaTrustStore({ trustAnchors: [empty], trustSimulatorCsca: false })).toEqual({
      ok: false,
      error: `the CSCA file ${empty} holds no certificate`,
    });
    const garbage = file('garbage.der', Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00));
    expect(loadCscaTrustStore({ trustAnchors: [garbage], trustSimulatorCsca: false })).toEqual({
      ok: false,
      error: `certificate 1 of the CSCA file ${garbage} is not an X.509 certificate`,
    });
  });
});
