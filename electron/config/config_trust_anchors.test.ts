import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from './config_loader.js';

const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;

function problems(overrides: Record<string, unknown>): string[] {
  const result = parseConfig({ ...shipped, ...overrides });
  if (result.ok) return [];
  return result.error.code === 'invalid' ? result.error.problems : [result.error.code];
}

/** Passive authentication is only as good as the CSCA list it trusts: the configuration guards it. */
describe('configuration: the CSCA trust store', () => {
  it('development may trust the simulator CSCA; the shipped file does, the Hengqin example names its CSCA files', () => {
    expect(problems({})).toEqual([]);
    const hengqin = loadConfigFile('config/examples/hengqin.config.json');
    expect(hengqin.ok && hengqin.value.documents).toMatchObject({
      trustSimulatorCsca: false,
      trustAnchors: ['/etc/balcao/csca/chn-csca.pem', '/etc/balcao/csca/mac-csca.pem'],
    });
  });

  it('production refuses the simulator CSCA, and a document reader with no CSCA to check chips against', () => {
    const production = {
      mode: 'production',
      documents: { signingKeyFile: '/etc/balcao/key.pem', trustSimulatorCsca: true },
    };
    const found = problems(production);
    expect(found).toContainEqual(
      expect.stringMatching(/^documents\.trustSimulatorCsca: is refused in production/),
    );
    expect(found).toContainEqual(expect.stringMatching(/^documents\.trustAnchors: needs at least one CSCA/));
    const fixed = problems({
      ...production,
      documents: { signingKeyFile: '/etc/balcao/key.pem', trustAnchors: ['/etc/balcao/csca.pem'] },
    });
    expect(fixed.filter((p) => p.startsWith('documents.'))).toEqual([]);
  });
});
