import { readFileSync } from 'node:fs';

/**
 * What turns the shipped (development) configuration into one production accepts, besides `mode`: the shipped file
 * trusts the development staff-badge key and the development Smart Locker issuing key (config/dev), and production
 * refuses both. A production file trusts its own staff office (none here) and its own issuer.
 */
export function productionTrust(): Record<string, unknown> {
  const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as {
    lockerStation?: Record<string, unknown>;
  };
  return {
    staff: {},
    ...(shipped.lockerStation
      ? {
          lockerStation: {
            ...shipped.lockerStation,
            // An Ed25519 public key that is not the development one (from the config loader's tests).
            issuerKeys: { 'easy-pickup': 'UYNUIMCQAAbMlJvqznRkYanggJ/1Rc8z4b9TMxxBq1A=' },
          },
        }
      : {}),
  };
}
