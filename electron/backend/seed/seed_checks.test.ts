import { describe, expect, it } from 'vitest';
import { bundledSeedSources, parseSeedCatalogue, type SeedSources, seedCatalogue } from './seed_catalogue.js';
import { checkCatalogue } from './seed_checks.js';
import type { SeedCatalogue } from './seed_schema.js';

/** A mutable deep copy of the real catalogue, broken by `edit`. */
function broken(edit: (catalogue: SeedCatalogue) => void): SeedCatalogue {
  const copy = structuredClone(seedCatalogue()) as SeedCatalogue;
  edit(copy);
  return copy;
}

function brokenSources(edit: (sources: { [K in keyof SeedSources]: unknown }) => void): SeedSources {
  const copy = structuredClone(bundledSeedSources) as { [K in keyof SeedSources]: unknown };
  edit(copy);
  return copy as SeedSources;
}

const at = <T>(list: T[], index: number): T => {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
};

describe('the seed checks', () => {
  it('find nothing wrong with the real catalogue', () => {
    expect(checkCatalogue(seedCatalogue())).toEqual([]);
  });

  it('report a repeated id', () => {
    const catalogue = broken((c) => {
      at(c.services, 1).id = at(c.services, 0).id;
    });
    expect(checkCatalogue(catalogue)).toContainEqual({
      code: 'duplicate-id',
      kind: 'service',
      id: at(catalogue.services, 0).id,
    });
  });

  it('report a service under an unknown department or at an unknown centre', () => {
    const catalogue = broken((c) => {
      at(c.services, 0).department = 'IACM';
      at(c.services, 1).centres = ['areia-preta-old'];
    });
    const problems = checkCatalogue(catalogue);
    expect(problems).toContainEqual({
      code: 'unknown-department',
      serviceId: at(catalogue.services, 0).id,
      department: 'IACM',
    });
    expect(problems).toContainEqual({
      code: 'unknown-centre',
      serviceId: at(catalogue.services, 1).id,
      centreId: 'areia-preta-old',
    });
  });

  it("report a service id that does not start with its department's code", () => {
    const catalogue = broken((c) => {
      const s = c.services.find((s) => s.id === 'dsi-bir-renewal');
      if (s) s.department = 'CPSP';
    });
    expect(checkCatalogue(catalogue)).toContainEqual({
      code: 'service-id-prefix',
      serviceId: 'dsi-bir-renewal',
      expectedPrefix: 'cpsp-',
    });
  });

  it('report a Hengqin service at a Macau centre or under a Macau department', () => {
    const catalogue = broken((c) => {
      const permit = c.services.find((s) => s.id === 'hq-residence-permit');
      if (permit) permit.centres = ['hengqin-gsc', 'china-plaza'];
      const licence = c.services.find((s) => s.id === 'hq-driving-licence');
      if (licence) licence.department = 'DSAT';
    });
    const problems = checkCatalogue(catalogue);
    expect(problems).toContainEqual({
      code: 'hengqin-service-outside-hengqin',
      serviceId: 'hq-residence-permit',
      centreId: 'china-plaza',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'site-mismatch', id: 'hq-driving-licence' }),
    );
  });

  it('report a Mainland authority placed on the Macau site', () => {
    const catalogue = broken((c) => {
      const authority = c.departments.find((d) => d.mainland);
      if (authority) authority.site = 'macau';
    });
    expect(checkCatalogue(catalogue)).toContainEqual(
      expect.objectContaining({
        code: 'site-mismatch',
        detail: 'Mainland authority not on the Hengqin site',
      }),
    );
  });

  it('report a bookable service whose centres have no counters', () => {
    const catalogue = broken((c) => {
      const s = c.services.find((s) => s.id === 'dsi-passport-application');
      if (s) s.centres = ['flora', 'seac-pai-van'];
    });
    expect(checkCatalogue(catalogue)).toContainEqual({
      code: 'bookable-without-counter',
      serviceId: 'dsi-passport-application',
    });
  });

  it('report a fee the requirements do not ask for', () => {
    const catalogue = broken((c) => {
      const s = c.services.find((s) => s.id === 'dsi-passport-application');
      if (s) s.requirements = ['identity-document', 'photo'];
    });
    expect(checkCatalogue(catalogue)).toContainEqual({
      code: 'fee-not-required',
      serviceId: 'dsi-passport-application',
    });
  });

  it('report a locker point without its centre, or holding more items than compartments', () => {
    const catalogue = broken((c) => {
      at(c.lockerPoints, 0).id = 'locker-nowhere';
      at(c.lockerPoints, 1).occupied = { small: 0, medium: 999, large: 0 };
    });
    const problems = checkCatalogue(catalogue);
    expect(problems).toContainEqual({ code: 'locker-without-centre', lockerId: 'locker-nowhere' });
    expect(problems).toContainEqual({
      code: 'occupied-exceeds-compartments',
      lockerId: at(catalogue.lockerPoints, 1).id,
      size: 'medium',
    });
  });

  it('report two residents with one document, naming the kind but never the number', () => {
    const catalogue = broken((c) => {
      at(c.residents, 2).documents.push({ ...at(at(c.residents, 0).documents, 0) });
    });
    const problems = checkCatalogue(catalogue);
    expect(problems).toContainEqual({ code: 'duplicate-document', residentId: 'R-0003', kind: 'passport' });
    expect(JSON.stringify(problems)).not.toContain('MB2345678');
  });

  it('reject a misspelt field in a services file, naming the file and the entry', () => {
    const sources = brokenSources((s) => {
      const files = s.serviceFiles as Record<string, { services: Record<string, unknown>[] }>;
      const entry = files['dsi.json']?.services[0];
      if (entry) entry.lockerPickUp = true;
    });
    const parsed = parseSeedCatalogue(sources);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toEqual([
      expect.objectContaining({ code: 'invalid-file', file: 'services/dsi.json' }),
    ]);
    expect(JSON.stringify(parsed.error)).toContain('lockerPickUp');
  });

  it('reject a service missing a field that neither it nor its defaults give', () => {
    const sources = brokenSources((s) => {
      const files = s.serviceFiles as Record<string, { defaults: Record<string, unknown> }>;
      if (files['cb.json']) delete files['cb.json'].defaults.feeAvos;
    });
    const parsed = parseSeedCatalogue(sources);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(JSON.stringify(parsed.error)).toMatch(/services\/cb\.json.*feeAvos/);
  });

  it('reject malformed centre hours, a negative fee and a name missing a language', () => {
    const sources = brokenSources((s) => {
      (s.centres as { counterHours: string }[])[0]!.counterHours = '9am to 6pm';
      const files = s.serviceFiles as Record<string, { services: Record<string, unknown>[] }>;
      const iam = files['iam.json']?.services;
      if (iam?.[0]) iam[0].feeAvos = -100;
      if (iam?.[1]) delete (iam[1].name as Record<string, unknown>).pt;
    });
    const parsed = parseSeedCatalogue(sources);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const files = parsed.error.map((e) => (e.code === 'invalid-file' ? e.file : e.code)).sort();
    expect(files).toEqual(['centres.json', 'services/iam.json']);
    const text = JSON.stringify(parsed.error);
    expect(text).toContain('counterHours');
    expect(text).toContain('feeAvos');
    expect(text).toContain('name.pt');
  });
});
