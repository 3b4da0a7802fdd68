import {
  type ActionId,
  actions,
  type DocumentKind,
  documentKinds,
  type Qualifier,
  qualifiers,
  type Subject,
  subjects,
} from './load_vocabulary.js';
import type { SeedCatalogue, SeedService, SeedText } from './seed_schema.js';

/**
 * The load catalogue for tests and benchmarks: the seed catalogue grown to `scale` times its size (scale 10: 6,920
 * services) so that search, paging and start-up are measured on a catalogue far larger than the real one.
 *
 * The seed's departments, centres, locker points and residents are kept, and so are its 692 services (search must
 * still find them among the crowd). Every generated service is `sample: true` and named from load_vocabulary.ts
 * in all four languages: each name is a distinct combination of action, document kind, subject and qualifier, so
 * no two generated names repeat, and a combination whose name the seed already uses is skipped. The vocabulary
 * makes about 10,000 names, enough for scale 15. A subject says which department handles it, and the generated service borrows
 * the centres, site, requirements, booking and locker flags of a real service of that department, so the load
 * catalogue passes the same checks as the seed. About one in 69 generated services is a Hengqin service under a
 * Mainland authority, as in the seed (10 of 692).
 *
 * Deterministic: the combinations are shuffled with a fixed seed, and everything else about generated service `j`
 * depends only on `j`, so the same scale gives the same catalogue and a smaller scale's generated services are
 * the first ones of a larger scale's.
 */

const SHUFFLE_SEED = 0x5eed_ca7a;
const HENGQIN_EVERY = 69;
const FEES_AVOS = [0, 0, 0, 0, 0, 0, 3000, 5000, 10_000, 20_000, 50_000];
const APPOINTMENT_MINUTES = [10, 15, 15, 20, 20, 30, 45];

interface Combination {
  action: ActionId;
  document: DocumentKind;
  subject: Subject;
  qualifier: Qualifier | undefined;
}

let combinations: Combination[] | undefined;

/** Every name the vocabulary can make, in a fixed shuffled order. */
function allCombinations(): Combination[] {
  if (combinations) return combinations;
  const all: Combination[] = [];
  for (const document of documentKinds) {
    const documentQualifiers = [undefined, ...qualifiers.filter((q) => q.documents.includes(document.id))];
    for (const subject of subjects.filter((s) => document.subjects.includes(s.category)))
      for (const action of document.actions)
        for (const qualifier of documentQualifiers) all.push({ action, document, subject, qualifier });
  }
  const random = mulberry32(SHUFFLE_SEED);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  combinations = all;
  return all;
}

export function generateLoadCatalogue(seed: SeedCatalogue, scale: number): SeedCatalogue {
  const generatedCount = scale * seed.services.length - seed.services.length;
  const named = namedCombinations(seed);
  if (!Number.isInteger(scale) || scale < 1 || generatedCount > named.length)
    throw new RangeError(
      `load catalogue scale must be an integer from 1 to ${Math.floor((seed.services.length + named.length) / seed.services.length)}, got ${scale}`,
    );
  const byDepartment = new Map<string, SeedService[]>();
  for (const service of seed.services)
    byDepartment.set(service.department, [...(byDepartment.get(service.department) ?? []), service]);
  const hengqinServices = seed.services.filter((service) => service.site === 'hengqin');
  const generated = named.slice(0, generatedCount).map(({ combination, name }, j) => {
    const random = mulberry32(SHUFFLE_SEED ^ Math.imul(j + 1, 0x9e37_79b1));
    const hengqin = isHengqin(j, hengqinServices);
    const templates = hengqin ? hengqinServices : (byDepartment.get(combination.subject.department) ?? []);
    const template = pick(templates.length > 0 ? templates : seed.services, random);
    return generatedService(j, name, template, hengqin, random);
  });
  return { ...seed, services: [...seed.services, ...generated] };
}

function isHengqin(j: number, hengqinServices: readonly SeedService[]): boolean {
  return hengqinServices.length > 0 && j % HENGQIN_EVERY === HENGQIN_EVERY - 1;
}

/**
 * The combinations in their fixed order with the name each gives as generated service `j` (Hengqin ones get
 * "橫琴 … / em Hengqin"), leaving out any name the seed already uses in some language: a search must not find two
 * services with one name.
 */
function namedCombinations(seed: SeedCatalogue): { combination: Combination; name: SeedText }[] {
  const taken = new Set(seed.services.flatMap((service) => nameKeys(service.name)));
  const hengqinServices = seed.services.filter((service) => service.site === 'hengqin');
  const named: { combination: Combination; name: SeedText }[] = [];
  for (const combination of allCombinations()) {
    const plain = combinationName(combination);
    const name = isHengqin(named.length, hengqinServices) ? inHengqin(plain) : plain;
    if (nameKeys(name).some((key) => taken.has(key))) continue;
    named.push({ combination, name });
  }
  return named;
}

function nameKeys(name: SeedText): string[] {
  return Object.entries(name).map(([language, text]) => `${language}:${text.toLowerCase()}`);
}

function generatedService(
  j: number,
  name: SeedText,
  template: SeedService,
  hengqin: boolean,
  random: () => number,
): SeedService {
  const number = String(j).padStart(5, '0');
  const feeAvos = pick(FEES_AVOS, random);
  const requirements = template.requirements.filter((r) => r !== 'fee');
  return {
    id: hengqin ? `hq-load-${number}` : `${template.department.toLowerCase()}-load-${number}`,
    department: template.department,
    name,
    site: template.site,
    requirements: feeAvos > 0 ? [...requirements, 'fee'] : requirements,
    feeAvos,
    appointmentMinutes: pick(APPOINTMENT_MINUTES, random),
    bookable: template.bookable,
    lockerPickup: template.lockerPickup,
    ...(template.lockerSize ? { lockerSize: template.lockerSize } : {}),
    centres: [...template.centres],
    sample: true,
  };
}

function combinationName({ action, document, subject, qualifier }: Combination): SeedText {
  const [actionHant, actionHans, actionPt, actionEn] = actions[action];
  const [documentHant, documentHans, documentPt, documentEn] = document.words;
  const [subjectHant, subjectHans, subjectPt, subjectEn] = subject.words;
  const [qualifierHant, qualifierHans, qualifierPt, qualifierEn] = qualifier?.words ?? [
    '',
    '',
    undefined,
    '',
  ];
  const ptQualifier = qualifierPt ? ` ${qualifierPt[document.gender]}` : '';
  return {
    'zh-Hant': `${qualifierHant}${subjectHant}${documentHant}${actionHant}`,
    'zh-Hans': `${qualifierHans}${subjectHans}${documentHans}${actionHans}`,
    pt: `${actionPt} ${documentPt}${ptQualifier} ${subjectPt}`,
    en: `${actionEn} ${qualifierEn ? `${qualifierEn} ` : ''}${subjectEn} ${documentEn}`,
  };
}

function inHengqin(name: SeedText): SeedText {
  return {
    'zh-Hant': `橫琴${name['zh-Hant']}`,
    'zh-Hans': `横琴${name['zh-Hans']}`,
    pt: `${name.pt} em Hengqin`,
    en: `${name.en} in Hengqin`,
  };
}

function pick<T>(values: readonly T[], random: () => number): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

/** A small, well-known seeded PRNG (Tommy Ettinger's Mulberry32): the same seed gives the same sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b_79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
