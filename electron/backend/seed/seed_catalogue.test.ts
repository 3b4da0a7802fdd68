import { describe, expect, it } from 'vitest';
import { loadTestCatalogue, seedCatalogue } from './seed_catalogue.js';

/** What the backend needs from any seed catalogue (the placeholder now, the real one after the merge). */

describe('seed catalogue', () => {
  const seed = seedCatalogue();

  it('has the centres, the sample residents and their documents the flows and the simulators use', () => {
    const centres = seed.centres.map((c) => c.id);
    for (const id of [
      'china-plaza',
      'flora',
      'fai-chi-kei',
      'areia-preta',
      'taipa-lake',
      'islands',
      'seac-pai-van',
      'three-lamps',
      'new-neighbourhood',
      'hengqin-gsc',
    ]) {
      expect(centres).toContain(id);
    }
    const documents = Object.fromEntries(
      seed.residents.map((r) => [r.id, r.documents.map((d) => d.number).sort()]),
    );
    expect(documents).toMatchObject({
      'R-0001': ['820000199003150017', 'MB2345678'],
      'R-0002': ['D23145890734', 'L898902C3'],
      'R-0003': ['MB7654321'],
    });
  });

  it('refers only to departments and centres it has, with unique ids', () => {
    const codes = new Set(seed.departments.map((d) => d.code));
    const centres = new Set(seed.centres.map((c) => c.id));
    expect(new Set(seed.services.map((s) => s.id)).size).toBe(seed.services.length);
    for (const s of seed.services) {
      expect(codes.has(s.department), s.id).toBe(true);
      for (const c of s.centres) expect(centres.has(c), `${s.id} at ${c}`).toBe(true);
    }
    expect(seed.services.some((s) => s.bookable && s.centres.includes('china-plaza'))).toBe(true);
    expect(seed.services.some((s) => s.lockerPickup)).toBe(true);
  });

  // TODO(merge): un-skip when the real catalogue replaces the placeholder seed_catalogue.ts.
  it.skip('has the 36 departments and 692 services of Macao One Account, 10 of them in Hengqin', () => {
    expect(seed.departments.filter((d) => !d.mainland)).toHaveLength(36);
    expect(seed.services).toHaveLength(692);
    expect(seed.services.filter((s) => s.site === 'hengqin')).toHaveLength(10);
  });

  it('generates a load catalogue ten times the size of the real one', () => {
    const load = loadTestCatalogue(10);
    expect(load.services.length).toBe(6920);
    expect(new Set(load.services.map((s) => s.id)).size).toBe(6920);
  });
});
