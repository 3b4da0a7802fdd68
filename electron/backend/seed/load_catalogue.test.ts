import { describe, expect, it, vi } from 'vitest';
import { loadTestCatalogue, seedCatalogue } from './seed_catalogue.js';
import { checkCatalogue } from './seed_checks.js';
import { catalogueTexts, post1990Spellings, simplifiedChineseProblem } from './seed_language_rules.js';

const seed = seedCatalogue();
const load = loadTestCatalogue(10);
const generated = load.services.slice(seed.services.length);
const languages = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;

describe('the load catalogue', () => {
  it('is ten times the seed at scale 10: 6,920 services with unique ids', () => {
    expect(load.services).toHaveLength(6920);
    expect(new Set(load.services.map((s) => s.id)).size).toBe(6920);
  });

  it("keeps the seed's services, departments, centres, locker points and residents", () => {
    expect(load.services.slice(0, seed.services.length)).toEqual(seed.services);
    expect(load.departments).toEqual(seed.departments);
    expect(load.centres).toEqual(seed.centres);
    expect(load.lockerPoints).toEqual(seed.lockerPoints);
    expect(load.residents).toEqual(seed.residents);
  });

  it('marks every generated service as sample data', () => {
    expect(generated).toHaveLength(6920 - 692);
    expect(generated.every((s) => s.sample)).toBe(true);
  });

  it('passes the same checks as the seed (references, sites, counters for bookings)', () => {
    expect(checkCatalogue(load)).toEqual([]);
  });

  it('names every service differently in each language, never reusing a seed name', () => {
    for (const language of languages) {
      const names = load.services.map((s) => s.name[language].toLowerCase());
      expect(new Set(names).size, language).toBe(names.length);
    }
  });

  it('gives varied, realistic names: many words, four languages, Simplified and pre-1990 rules kept', () => {
    const words = new Set(generated.flatMap((s) => s.name.en.split(' ')));
    expect(words.size).toBeGreaterThan(150);
    const texts = catalogueTexts({ ...load, services: generated }).filter((t) =>
      t.where.startsWith('service'),
    );
    const bad = texts.flatMap(({ where, text }) => {
      const problems = [simplifiedChineseProblem(text), ...post1990Spellings(text.pt)].filter(Boolean);
      return problems.length > 0 ? [`${where}: ${problems.join('; ')}`] : [];
    });
    expect(bad).toEqual([]);
    expect(generated.some((s) => /\bMacau\b/.test(s.name.en))).toBe(false);
  });

  it('spreads generated services over many departments and keeps a Hengqin share like the seed', () => {
    expect(new Set(generated.map((s) => s.department)).size).toBeGreaterThan(25);
    const hengqin = generated.filter((s) => s.site === 'hengqin');
    expect(hengqin.length / generated.length).toBeCloseTo(10 / 692, 2);
    const mainland = new Set(seed.departments.filter((d) => d.mainland).map((d) => d.code));
    expect(hengqin.every((s) => mainland.has(s.department) && s.name['zh-Hant'].startsWith('橫琴'))).toBe(
      true,
    );
  });

  it('is deterministic: the same scale gives the same catalogue, even from a fresh module', async () => {
    expect(loadTestCatalogue(10)).toEqual(load);
    vi.resetModules();
    const fresh = await import('./seed_catalogue.js');
    expect(fresh.loadTestCatalogue(10)).toEqual(load);
  });

  it("grows by extension: a smaller scale's services are the first ones of a larger scale's", () => {
    const five = loadTestCatalogue(5);
    expect(five.services).toHaveLength(3460);
    expect(load.services.slice(0, 3460)).toEqual(five.services);
  });

  it('is the seed itself at scale 1', () => {
    expect(loadTestCatalogue(1).services).toEqual(seed.services);
  });

  it('refuses a scale it cannot fill with distinct names, or that is not a whole number', () => {
    for (const scale of [0, -1, 2.5, Number.NaN, 1000])
      expect(() => loadTestCatalogue(scale)).toThrow(RangeError);
  });
});
