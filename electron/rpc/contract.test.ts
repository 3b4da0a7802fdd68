import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { events, methods } from './contract.js';
import { devMethods } from './dev_contract.js';
import { flowMethods } from './flow_contract.js';
import { guidanceDevMethods, guidanceEvents, helpMethods, speechMethods } from './guidance_contract.js';
import { kioskEvents, kioskMethods } from './kiosk_contract.js';
import { printEvents } from './print_contract.js';
import { sessionEvents, sessionMethods } from './session_contract.js';

const domainMethods = [
  kioskMethods,
  sessionMethods,
  flowMethods,
  devMethods,
  speechMethods,
  helpMethods,
  guidanceDevMethods,
];
const domainEvents = [kioskEvents, sessionEvents, printEvents, guidanceEvents];

/** Whether a params schema refuses fields it does not declare (every option of a union must). */
function refusesUnknownFields(schema: z.ZodType): boolean {
  const def = schema.def as { type: string; catchall?: z.ZodType; options?: z.ZodType[] };
  if (def.type === 'object') return def.catchall?.def.type === 'never';
  if (def.type === 'union') return (def.options ?? []).every(refusesUnknownFields);
  return false;
}

describe('the contract, composed from its domains', () => {
  it('holds every domain’s methods and events, none declared twice (a spread would hide the first)', () => {
    const methodCount = domainMethods.reduce((n, domain) => n + Object.keys(domain).length, 0);
    expect(Object.keys(methods)).toHaveLength(methodCount);
    const eventCount = domainEvents.reduce((n, domain) => n + Object.keys(domain).length, 0);
    expect(Object.keys(events)).toHaveLength(eventCount);
  });

  it('refuses unknown fields in the params of every method, so nothing rides along unvalidated', () => {
    const loose = Object.entries(methods)
      .filter(([, spec]) => !refusesUnknownFields(spec.params))
      .map(([name]) => name);
    expect(loose).toEqual([]);
  });
});
