import { describe, expect, it } from 'vitest';
import { generateHostToken, hostTokenVariable, isHostToken, takeHostToken } from './host_token.js';

describe('the host token handed over by the supervisor', () => {
  it('is read once and removed from the environment, so no child process inherits it', () => {
    const token = generateHostToken();
    const env: NodeJS.ProcessEnv = { [hostTokenVariable]: token, OTHER: 'x' };
    expect(takeHostToken(env)).toEqual({ ok: true, value: token });
    expect(env).toEqual({ OTHER: 'x' });
  });

  it('is absent for a host started by hand, which then makes its own', () => {
    expect(takeHostToken({})).toEqual({ ok: true, value: undefined });
  });

  it.each([
    '',
    'short',
    'a'.repeat(31),
    'a'.repeat(129),
    `${'a'.repeat(31)}=`,
    `${'a'.repeat(32)}\n`,
    '櫃'.repeat(32),
  ])('refuses a malformed token %j without echoing it', (value) => {
    const result = takeHostToken({ [hostTokenVariable]: value });
    expect(result.ok).toBe(false);
    if (!result.ok && value.length > 0) expect(result.error).not.toContain(value);
  });

  it('generates 32 base64url characters, distinct each time', () => {
    const tokens = new Set(Array.from({ length: 100 }, generateHostToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(isHostToken(token)).toBe(true);
  });
});
