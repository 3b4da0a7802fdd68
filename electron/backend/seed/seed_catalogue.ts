/**
 * The embedded backend's seed catalogue: 36 Macau departments and the Mainland authorities of the Hengqin services,
 * 692 services (682 Macau, 10 Hengqin), the 24-hour centres and the Hengqin centres, the Easy Pickup (智取易) Smart
 * Locker points, and three sample residents whose documents are the simulator's sample documents.
 *
 * The data lives in `data/` as JSON (README.md in this folder says what is sourced and what is sample, and how to
 * edit it). It is imported, not read from disk, so every bundle carries it; it is validated against
 * `seed_schema.ts` and the cross-record rules of `seed_checks.ts` once, on first use. An invalid seed is a bug in
 * this folder, so `seedCatalogue()` throws naming every problem; the tests run the same checks, so the throw is
 * never reached in a build that passed them. The result is frozen: callers share it, and a caller that wants to
 * change it (sort, filter) works on a copy.
 *
 * One sample state worth knowing: `locker-fai-chi-kei` has every large compartment occupied (data/locker_points.json),
 * so the Smart Locker apply flow can show "no free compartment of this size" against the seed.
 *
 * `loadTestCatalogue(scale)` is the generated catalogue for tests and benchmarks (`load_catalogue.ts`).
 */

import { z } from 'zod';
import { err, ok, type Result } from '../../../lib/result.js';
import centres from './data/centres.json' with { type: 'json' };
import departments from './data/departments.json' with { type: 'json' };
import lockerPoints from './data/locker_points.json' with { type: 'json' };
import mainlandAuthorities from './data/mainland_authorities.json' with { type: 'json' };
import residents from './data/residents.json' with { type: 'json' };
import { serviceFiles } from './data/service_files.js';
import { generateLoadCatalogue } from './load_catalogue.js';
import { checkCatalogue, type SeedProblem } from './seed_checks.js';
import {
  type SeedCatalogue,
  SeedCentreSchema,
  SeedDepartmentSchema,
  SeedLockerPointSchema,
  SeedResidentSchema,
  type SeedService,
} from './seed_schema.js';
import { describeIssues, expandServiceFile, type SeedFileIssues } from './seed_service_file.js';

/** The stored seed, as read from its files and not yet validated. */
export interface SeedSources {
  departments: unknown;
  mainlandAuthorities: unknown;
  /** `data/services/<name>.json` by file name. */
  serviceFiles: Readonly<Record<string, unknown>>;
  centres: unknown;
  lockerPoints: unknown;
  residents: unknown;
}

export const bundledSeedSources: SeedSources = {
  departments,
  mainlandAuthorities,
  serviceFiles,
  centres,
  lockerPoints,
  residents,
};

export type SeedLoadError = ({ code: 'invalid-file' } & SeedFileIssues) | SeedProblem;

/** Validates every file, expands the services files, then checks the rules across records. */
export function parseSeedCatalogue(sources: SeedSources): Result<SeedCatalogue, SeedLoadError[]> {
  const errors: SeedLoadError[] = [];
  const parseFile = <T>(file: string, schema: z.ZodType<T>, raw: unknown): T[] => {
    const parsed = z.array(schema).safeParse(raw);
    if (parsed.success) return parsed.data;
    errors.push({ code: 'invalid-file', file, issues: describeIssues(parsed.error) });
    return [];
  };
  const services: SeedService[] = [];
  for (const [file, raw] of Object.entries(sources.serviceFiles)) {
    const expanded = expandServiceFile(`services/${file}`, raw);
    if (expanded.ok) services.push(...expanded.value);
    else errors.push({ code: 'invalid-file', ...expanded.error });
  }
  const catalogue: SeedCatalogue = {
    departments: [
      ...parseFile('departments.json', SeedDepartmentSchema, sources.departments),
      ...parseFile('mainland_authorities.json', SeedDepartmentSchema, sources.mainlandAuthorities),
    ],
    services,
    centres: parseFile('centres.json', SeedCentreSchema, sources.centres),
    lockerPoints: parseFile('locker_points.json', SeedLockerPointSchema, sources.lockerPoints),
    residents: parseFile('residents.json', SeedResidentSchema, sources.residents),
  };
  // Cross-record rules on a partly invalid seed would mostly repeat the file errors as dangling references.
  if (errors.length > 0) return err(errors);
  const problems = checkCatalogue(catalogue);
  return problems.length > 0 ? err(problems) : ok(catalogue);
}

let cached: SeedCatalogue | undefined;

/** The seed catalogue, validated on first use and shared (frozen) afterwards. */
export function seedCatalogue(): SeedCatalogue {
  if (cached) return cached;
  const parsed = parseSeedCatalogue(bundledSeedSources);
  if (!parsed.ok) {
    const lines = parsed.error.map((problem) => JSON.stringify(problem));
    throw new Error(`the seed catalogue in electron/backend/seed/data is invalid:\n${lines.join('\n')}`);
  }
  cached = deepFreeze(parsed.value);
  return cached;
}

/**
 * A catalogue `scale` times the size of the seed (scale 10: 6,920 services) for tests and benchmarks: the seed's
 * departments, centres, locker points and residents, its 692 services, and generated services (all
 * `sample: true`) with varied names in the four languages. The same scale always gives the same catalogue.
 */
export function loadTestCatalogue(scale: number): SeedCatalogue {
  return generateLoadCatalogue(seedCatalogue(), scale);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
