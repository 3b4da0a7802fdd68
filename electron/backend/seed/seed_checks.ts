import { type CompartmentSize, compartmentSizes, type SeedCatalogue } from './seed_schema.js';

/**
 * The rules that hold across records of the seed catalogue, which no single record's schema can state: ids are
 * unique, every reference resolves, a Hengqin service sits under a Mainland authority at a Hengqin centre, a
 * bookable service has a centre with counters, a service that costs something asks for the fee, a locker point belongs to a centre and holds no more items than it
 * has compartments, and no two residents share a document. `checkCatalogue` lists every broken rule (not just the
 * first), so one run of the tests shows all that a data edit broke.
 */

export type SeedRecordKind = 'department' | 'service' | 'centre' | 'locker-point' | 'resident';

export type SeedProblem =
  | { code: 'duplicate-id'; kind: SeedRecordKind; id: string }
  | { code: 'unknown-department'; serviceId: string; department: string }
  | { code: 'unknown-centre'; serviceId: string; centreId: string }
  /** `<department code lower-case>-…` for Macau departments, `hq-…` for Mainland authorities. */
  | { code: 'service-id-prefix'; serviceId: string; expectedPrefix: string }
  /** A Mainland authority outside Hengqin, or a service whose site differs from its department's. */
  | { code: 'site-mismatch'; id: string; detail: string }
  /** A Hengqin service listed at a Macau centre. */
  | { code: 'hengqin-service-outside-hengqin'; serviceId: string; centreId: string }
  | { code: 'bookable-without-counter'; serviceId: string }
  /** A fee above zero that the service's requirements do not ask the resident to pay. */
  | { code: 'fee-not-required'; serviceId: string }
  /** Locker point ids are `locker-<centre id>`. */
  | { code: 'locker-without-centre'; lockerId: string }
  | { code: 'occupied-exceeds-compartments'; lockerId: string; size: CompartmentSize }
  /** Names the kind only: a document number is personal data and stays out of messages and logs. */
  | { code: 'duplicate-document'; residentId: string; kind: string };

export function checkCatalogue(catalogue: SeedCatalogue): SeedProblem[] {
  return [
    ...duplicateIds(catalogue),
    ...serviceReferences(catalogue),
    ...departmentSites(catalogue),
    ...lockerPoints(catalogue),
    ...residentDocuments(catalogue),
  ];
}

function duplicateIds(catalogue: SeedCatalogue): SeedProblem[] {
  const lists: [SeedRecordKind, string[]][] = [
    ['department', catalogue.departments.map((d) => d.code)],
    ['service', catalogue.services.map((s) => s.id)],
    ['centre', catalogue.centres.map((c) => c.id)],
    ['locker-point', catalogue.lockerPoints.map((l) => l.id)],
    ['resident', catalogue.residents.map((r) => r.id)],
  ];
  return lists.flatMap(([kind, ids]) =>
    repeated(ids).map((id) => ({ code: 'duplicate-id' as const, kind, id })),
  );
}

function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return [...twice];
}

function serviceReferences(catalogue: SeedCatalogue): SeedProblem[] {
  const departments = new Map(catalogue.departments.map((d) => [d.code, d]));
  const centres = new Map(catalogue.centres.map((c) => [c.id, c]));
  const problems: SeedProblem[] = [];
  for (const service of catalogue.services) {
    const department = departments.get(service.department);
    if (!department) {
      problems.push({ code: 'unknown-department', serviceId: service.id, department: service.department });
    } else {
      const expectedPrefix = department.mainland ? 'hq-' : `${department.code.toLowerCase()}-`;
      if (!service.id.startsWith(expectedPrefix))
        problems.push({ code: 'service-id-prefix', serviceId: service.id, expectedPrefix });
      if (service.site !== department.site)
        problems.push({
          code: 'site-mismatch',
          id: service.id,
          detail: `service on ${service.site}, department ${department.code} on ${department.site}`,
        });
    }
    let hasCounter = false;
    for (const centreId of service.centres) {
      const centre = centres.get(centreId);
      if (!centre) {
        problems.push({ code: 'unknown-centre', serviceId: service.id, centreId });
        continue;
      }
      if (centre.counterHours !== '24h') hasCounter = true;
      if (service.site === 'hengqin' && centre.site !== 'hengqin')
        problems.push({ code: 'hengqin-service-outside-hengqin', serviceId: service.id, centreId });
    }
    if (service.bookable && !hasCounter)
      problems.push({ code: 'bookable-without-counter', serviceId: service.id });
    if (service.feeAvos > 0 && !service.requirements.includes('fee'))
      problems.push({ code: 'fee-not-required', serviceId: service.id });
  }
  return problems;
}

function departmentSites(catalogue: SeedCatalogue): SeedProblem[] {
  return catalogue.departments
    .filter((d) => d.mainland !== (d.site === 'hengqin'))
    .map((d) => ({
      code: 'site-mismatch' as const,
      id: d.code,
      detail: d.mainland
        ? 'Mainland authority not on the Hengqin site'
        : 'Macau department on the Hengqin site',
    }));
}

function lockerPoints(catalogue: SeedCatalogue): SeedProblem[] {
  const centreIds = new Set(catalogue.centres.map((c) => c.id));
  const problems: SeedProblem[] = [];
  for (const point of catalogue.lockerPoints) {
    if (!point.id.startsWith('locker-') || !centreIds.has(point.id.slice('locker-'.length)))
      problems.push({ code: 'locker-without-centre', lockerId: point.id });
    for (const size of compartmentSizes) {
      if ((point.occupied?.[size] ?? 0) > point.compartments[size])
        problems.push({ code: 'occupied-exceeds-compartments', lockerId: point.id, size });
    }
  }
  return problems;
}

function residentDocuments(catalogue: SeedCatalogue): SeedProblem[] {
  const owners = new Map<string, string>();
  const problems: SeedProblem[] = [];
  for (const resident of catalogue.residents) {
    for (const document of resident.documents) {
      const key = `${document.kind}:${document.number}`;
      if (owners.has(key))
        problems.push({ code: 'duplicate-document', residentId: resident.id, kind: document.kind });
      else owners.set(key, resident.id);
    }
  }
  return problems;
}
