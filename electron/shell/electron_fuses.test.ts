import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The `electronFuses` block of electron-builder.yml as key → value (a flat map of booleans). */
function fuses(): Record<string, string> {
  const lines = readFileSync('electron-builder.yml', 'utf8').split('\n');
  const start = lines.indexOf('electronFuses:');
  expect(start).toBeGreaterThan(-1);
  const block: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    const match = /^ {2}(\w+): (\S+)$/.exec(line);
    if (match) block[match[1]!] = match[2]!;
  }
  return block;
}

describe('the Electron fuses a packaged build is flipped with', () => {
  it('turns off every way into the main process and file:// privileges, and checks the asar', () => {
    expect(fuses()).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      enableCookieEncryption: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('names only fuses electron-builder knows (a typo would be ignored at packaging)', () => {
    const scheme = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
      definitions: Record<string, { properties?: Record<string, unknown> }>;
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1?.properties ?? {});
    expect(known.length).toBeGreaterThan(0);
    for (const name of Object.keys(fuses())) expect(known, name).toContain(name);
  });
});
