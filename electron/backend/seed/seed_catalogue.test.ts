import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeMrz } from '../../../devices/document/icao9303/mrz_parser.js';
import { emrtdSamples, idCardSamples } from '../../../devices/document/simulated_documents.js';
import { serviceFiles } from './data/service_files.js';
import { bundledSeedSources, parseSeedCatalogue, seedCatalogue } from './seed_catalogue.js';

const catalogue = seedCatalogue();
const departmentsByCode = new Map(catalogue.departments.map((d) => [d.code, d]));
const service = (id: string) => {
  const found = catalogue.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
};

describe('the seed catalogue', () => {
  it('validates against its schema and the rules across records', () => {
    const parsed = parseSeedCatalogue(bundledSeedSources);
    expect(parsed.ok ? [] : parsed.error).toEqual([]);
  });

  it('has the 36 Macau departments of the booking, under their current names', () => {
    const macau = catalogue.departments.filter((d) => !d.mainland);
    expect(macau).toHaveLength(36);
    expect(macau.every((d) => d.site === 'macau' && !d.sample)).toBe(true);
    const codes = macau.map((d) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining(['DSI', 'CPSP', 'IAM', 'DSAJ', 'DSEDJ', 'DSEDT', 'DSSCU', 'DSOP']),
    );
    // Renamed or merged bodies appear only under their successors.
    for (const former of ['IACM', 'DSEJ', 'DES', 'DSE', 'DSSOPT', 'GDI', 'IO', 'GDSE'])
      expect(codes).not.toContain(former);
    expect(departmentsByCode.get('IAM')?.name['zh-Hant']).toBe('市政署');
    expect(departmentsByCode.get('DSI')?.name.pt).toBe('Direcção dos Serviços de Identificação');
  });

  it('has 692 services: 682 for Macau and 10 in Hengqin, each under a Mainland authority at the Hengqin centre', () => {
    expect(catalogue.services).toHaveLength(692);
    const hengqin = catalogue.services.filter((s) => s.site === 'hengqin');
    expect(hengqin).toHaveLength(10);
    for (const s of hengqin) {
      const authority = departmentsByCode.get(s.department);
      expect(authority?.mainland, s.id).toBe(true);
      expect(authority?.site, s.id).toBe('hengqin');
      expect(s.centres, s.id).toEqual(['hengqin-gsc']);
    }
    expect(hengqin.map((s) => s.id)).toEqual(
      expect.arrayContaining(['hq-driving-licence', 'hq-residence-permit', 'hq-exit-entry-permit']),
    );
    const macau = catalogue.services.filter((s) => s.site === 'macau');
    expect(macau.every((s) => departmentsByCode.get(s.department)?.mainland === false)).toBe(true);
  });

  it('spreads services as a real catalogue does: the big bureaus have many, small bodies few', () => {
    const counts = new Map<string, number>();
    for (const s of catalogue.services) counts.set(s.department, (counts.get(s.department) ?? 0) + 1);
    for (const big of ['DSI', 'CPSP', 'IAM']) expect(counts.get(big), big).toBeGreaterThanOrEqual(40);
    for (const small of ['CCAC', 'GCS', 'DSFSM']) expect(counts.get(small), small).toBeLessThanOrEqual(6);
    // Every Macau department offers something.
    for (const d of catalogue.departments.filter((d) => !d.mainland))
      expect(counts.get(d.code), d.code).toBeGreaterThan(0);
  });

  it('has unique ids in every list', () => {
    const lists = [
      catalogue.departments.map((d) => d.code),
      catalogue.services.map((s) => s.id),
      catalogue.centres.map((c) => c.id),
      catalogue.lockerPoints.map((l) => l.id),
      catalogue.residents.map((r) => r.id),
    ];
    for (const ids of lists) expect(new Set(ids).size).toBe(ids.length);
  });

  it("resolves every service's department and centres", () => {
    const centreIds = new Set(catalogue.centres.map((c) => c.id));
    for (const s of catalogue.services) {
      expect(departmentsByCode.has(s.department), s.id).toBe(true);
      for (const centre of s.centres) expect(centreIds.has(centre), `${s.id} → ${centre}`).toBe(true);
    }
  });

  it('names the known services under the ids the flows use, sourced, and sends certificates to Easy Pickup', () => {
    const known = [
      'dsi-personal-data-certificate',
      'dsi-criminal-record-certificate',
      'dsaj-civil-registration-certificate',
      'safp-translation',
    ];
    for (const id of known) expect(service(id), id).toMatchObject({ sample: false, lockerPickup: true });
    for (const id of ['dsi-bir-renewal', 'dsi-passport-application', 'dsi-travel-permit-application'])
      expect(service(id), id).toMatchObject({ sample: false, department: 'DSI', bookable: true });
    expect(service('dsi-personal-data-certificate').name['zh-Hant']).toBe('個人資料證明書');
  });

  it('offers Easy Pickup only for the items domain.md lists: DSI, DSAJ, IAM and SAFP', () => {
    const lockerDepartments = new Set(
      catalogue.services.filter((s) => s.lockerPickup).map((s) => s.department),
    );
    expect([...lockerDepartments].sort()).toEqual(['DSAJ', 'DSI', 'IAM', 'SAFP']);
    // Every DSI certificate can go to a locker.
    const dsiCertificates = catalogue.services.filter(
      (s) => s.department === 'DSI' && s.id.endsWith('-certificate'),
    );
    expect(dsiCertificates.length).toBeGreaterThan(5);
    expect(dsiCertificates.filter((s) => !s.lockerPickup).map((s) => s.id)).toEqual([]);
  });

  it('states what is sourced and what is sample: both kinds exist, and every Mainland authority is sample', () => {
    const sampleServices = catalogue.services.filter((s) => s.sample).length;
    expect(sampleServices).toBeGreaterThan(0);
    expect(sampleServices).toBeLessThan(catalogue.services.length);
    expect(catalogue.departments.filter((d) => d.mainland).every((d) => d.sample && d.note)).toBe(true);
  });

  it('has the ten centres, with counters where bookings go and the Areia Preta centre at its new address', () => {
    expect(catalogue.centres.map((c) => c.id).sort()).toEqual(
      [
        'areia-preta',
        'china-plaza',
        'fai-chi-kei',
        'flora',
        'hengqin-gsc',
        'islands',
        'new-neighbourhood',
        'seac-pai-van',
        'taipa-lake',
        'three-lamps',
      ].sort(),
    );
    const areiaPreta = catalogue.centres.find((c) => c.id === 'areia-preta');
    expect(areiaPreta?.address.pt).toContain('Avenida de Venceslau de Morais, n.º 222');
    expect(areiaPreta?.address['zh-Hant']).toContain('望信樓');
    const hengqinCentres = catalogue.centres.filter((c) => c.site === 'hengqin').map((c) => c.id);
    expect(hengqinCentres.sort()).toEqual(['hengqin-gsc', 'new-neighbourhood']);
  });

  it('has the eight Easy Pickup points, open 24 hours, one of them full in one size', () => {
    const ids = catalogue.lockerPoints.map((l) => l.id);
    expect(ids.sort()).toEqual(
      [
        'china-plaza',
        'areia-preta',
        'fai-chi-kei',
        'islands',
        'taipa-lake',
        'seac-pai-van',
        'flora',
        'three-lamps',
      ]
        .map((centre) => `locker-${centre}`)
        .sort(),
    );
    expect(catalogue.lockerPoints.every((l) => l.hours === '24h')).toBe(true);
    const full = catalogue.lockerPoints.flatMap((l) =>
      (['small', 'medium', 'large'] as const)
        .filter((size) => l.compartments[size] > 0 && l.occupied?.[size] === l.compartments[size])
        .map((size) => `${l.id}/${size}`),
    );
    expect(full).toEqual(['locker-fai-chi-kei/large']);
  });

  it("gives the sample residents the simulator's sample documents and the agreed PINs", () => {
    const residents = Object.fromEntries(catalogue.residents.map((r) => [r.id, r]));
    expect(Object.keys(residents).sort()).toEqual(['R-0001', 'R-0002', 'R-0003']);
    expect(residents['R-0001']).toMatchObject({
      collectionPin: '123456',
      documents: [
        { kind: 'passport', number: 'MB2345678' },
        { kind: 'residence-permit', number: '820000199003150017' },
      ],
    });
    expect(residents['R-0002']).toMatchObject({
      collectionPin: '246810',
      documents: [
        { kind: 'passport', number: 'L898902C3' },
        { kind: 'id-card', number: 'D23145890734' },
      ],
    });
    expect(residents['R-0003']).toMatchObject({
      collectionPin: '111111',
      documents: [{ kind: 'passport', number: 'MB7654321' }],
    });
    // The numbers are those the Dev dock's documents carry, so placing one on the reader finds its resident.
    const documentNumber = (lines: readonly string[]) => {
      const decoded = decodeMrz(lines, { today: new Date('2025-01-01') });
      if (!decoded.ok) throw new Error('simulator sample MRZ does not decode');
      return decoded.value.documentNumber;
    };
    expect(documentNumber(emrtdSamples['passport-td3'])).toBe('L898902C3');
    expect(documentNumber(emrtdSamples['id-card-td1'])).toBe('D23145890734');
    expect(idCardSamples['residence-permit'].idNumber).toBe('820000199003150017');
  });

  it('is loaded once and shared frozen, so no caller can change what another sees', () => {
    expect(seedCatalogue()).toBe(catalogue);
    expect(Object.isFrozen(catalogue.services)).toBe(true);
    expect(() => {
      (catalogue.services as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('lists every services file of data/services in data/service_files.ts', () => {
    const onDisk = readdirSync(fileURLToPath(new URL('./data/services', import.meta.url))).filter((f) =>
      f.endsWith('.json'),
    );
    expect(Object.keys(serviceFiles).sort()).toEqual(onDisk.sort());
  });
});
