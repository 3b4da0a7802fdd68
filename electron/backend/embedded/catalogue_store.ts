import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type Catalogue, CatalogueSchema } from '../contract/catalogue.js';
import type { SeedCatalogue } from '../seed/seed_schema.js';

/**
 * The catalogue part of the seed, stored as JSON rows in the order the seed gives, and read back (validated
 * against the contract) into memory at open. When the seed changes (a new catalogue in a new version of the code)
 * the rows are replaced at the next open; bookings and other state keep their ids.
 */

const kinds = [
  ['department', 'departments', 'code'],
  ['service', 'services', 'id'],
  ['centre', 'centres', 'id'],
  ['locker-point', 'lockerPoints', 'id'],
] as const;

/**
 * The seed's catalogue as the contract has it. A seed record's `note` is for maintainers and never reaches a kiosk;
 * a locker point's `occupied` is state, seeded into its own table (seed_database.ts).
 */
export function catalogueOfSeed(seed: SeedCatalogue): Catalogue {
  const published = <T extends { note?: string }>({ note: _note, ...rest }: T) => rest;
  return CatalogueSchema.parse({
    departments: seed.departments.map(published),
    services: seed.services.map(({ lockerSize, ...service }) => ({
      ...published(service),
      lockerSize: service.lockerPickup ? (lockerSize ?? 'small') : null,
    })),
    centres: seed.centres.map(published),
    lockerPoints: seed.lockerPoints.map(({ occupied: _occupied, ...point }) => published(point)),
  });
}

export function catalogueFingerprint(catalogue: Catalogue): string {
  return createHash('sha256').update(JSON.stringify(catalogue)).digest('hex');
}

export function storeCatalogue(db: Database.Database, catalogue: Catalogue): void {
  db.prepare('DELETE FROM catalogue_rows').run();
  const insert = db.prepare('INSERT INTO catalogue_rows (kind, id, position, json) VALUES (?, ?, ?, ?)');
  for (const [kind, field, key] of kinds) {
    catalogue[field].forEach((entry, position) => {
      const id = (entry as unknown as Record<typeof key, string>)[key];
      insert.run(kind, id, position, JSON.stringify(entry));
    });
  }
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('catalogue', ?)").run(
    catalogueFingerprint(catalogue),
  );
}

export function storedCatalogueFingerprint(db: Database.Database): string | undefined {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'catalogue'").get() as
    | { value: string }
    | undefined;
  return row?.value;
}

export function loadCatalogue(db: Database.Database): Catalogue {
  const rows = db.prepare('SELECT kind, json FROM catalogue_rows ORDER BY kind, position').all() as {
    kind: string;
    json: string;
  }[];
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => JSON.parse(r.json) as unknown);
  return CatalogueSchema.parse({
    departments: of('department'),
    services: of('service'),
    centres: of('centre'),
    lockerPoints: of('locker-point'),
  });
}
