import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIssuerKey } from './issuer_key_file.js';
import { publicKeyEntry, publicKeyFrom, readKeyTable, tableEntry } from './key_table.js';

const dir = mkdtempSync(join(tmpdir(), 'balcao-keys-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('key tables', () => {
  it('reads a table of signer id → public key', () => {
    const key = generateIssuerKey('locker-pickup', 'EP-1');
    const table = readKeyTable(file('good.json', JSON.stringify({ 'EP-1': publicKeyEntry(key.privateKey) })));
    expect(table.ok && publicKeyFrom(table.value['EP-1']!)?.asymmetricKeyType).toBe('ed25519');
  });

  it.each([
    ['null', 'null'],
    ['an array', '["a"]'],
    ['a number', '42'],
    ['an object of numbers', '{"a": 1}'],
    ['not JSON', '{'],
    ['empty', ''],
  ])('refuses %s as cannot-read', (_what, text) => {
    const result = readKeyTable(file(`bad-${text.length}-${_what}.json`, text));
    expect(result.ok ? 'read' : result.error.code).toBe('cannot-read');
  });

  it('refuses a missing file as cannot-read', () => {
    expect(readKeyTable(join(dir, 'absent.json'))).toMatchObject({
      ok: false,
      error: { code: 'cannot-read' },
    });
  });

  it('never takes an entry from Object.prototype', () => {
    expect(tableEntry({}, 'constructor')).toBeUndefined();
    expect(tableEntry({}, '__proto__')).toBeUndefined();
  });

  it('refuses public keys that are not Ed25519 keys', () => {
    expect(publicKeyFrom('AAAA')).toBeUndefined();
    expect(publicKeyFrom(Buffer.alloc(31).toString('base64'))).toBeUndefined();
    expect(publicKeyFrom('-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----')).toBeUndefined();
  });
});
