import type Database from 'better-sqlite3';
import { compartmentSizes, type SeedCatalogue } from '../seed/seed_schema.js';
import type { CatalogueIndex } from './embedded_context.js';
import { hashPin, tokenDigest } from './secrets.js';

/**
 * First start of an embedded backend: residents (ids, document numbers, hashed PINs), their sample Macao One
 * Account tokens, the two sample staff members, the example terminals and the compartments already occupied. The catalogue itself is stored by
 * catalogue_store.ts, the sample bookings, collections and locker applications by sample_state.ts.
 */

/** Staff members of the embedded backend (sample data: a real backend has its own directory). */
export const sampleStaff = [
  { id: 'S0001', pin: '135790', roles: ['technician'] },
  { id: 'S0002', pin: '246802', roles: ['supervisor'] },
] as const;

/** The Macao One Account QR token the Dev dock scans for each sample resident. */
export function sampleOneAccountToken(residentId: string): string {
  return `moa1:sample:${residentId}`;
}

/** The development terminal and the Hengqin example terminal (config/examples/hengqin.config.json). */
export const exampleTerminals = [
  { id: 'MO-DEV-01', centreId: 'china-plaza' },
  { id: 'HQ-GSC-01', centreId: 'hengqin-gsc' },
] as const;

export function seedResidentsAndStaff(db: Database.Database, seed: SeedCatalogue): void {
  const resident = db.prepare('INSERT INTO residents (id, pin_hash) VALUES (?, ?)');
  const document = db.prepare('INSERT INTO resident_documents (kind, number, resident_id) VALUES (?, ?, ?)');
  const token = db.prepare('INSERT INTO one_account_tokens (token_digest, resident_id) VALUES (?, ?)');
  for (const r of seed.residents) {
    resident.run(r.id, hashPin(r.collectionPin));
    for (const d of r.documents) document.run(d.kind, d.number, r.id);
    token.run(tokenDigest(sampleOneAccountToken(r.id)), r.id);
  }
  const staff = db.prepare('INSERT INTO staff (id, pin_hash, roles_json) VALUES (?, ?, ?)');
  for (const s of sampleStaff) staff.run(s.id, hashPin(s.pin), JSON.stringify(s.roles));
}

/** The seed's occupied compartments per locker point and size (e.g. `locker-fai-chi-kei` full in large). */
export function seedLockerOccupancy(db: Database.Database, seed: SeedCatalogue): void {
  const insert = db.prepare('INSERT INTO locker_occupied (point_id, size, count) VALUES (?, ?, ?)');
  for (const point of seed.lockerPoints) {
    for (const size of compartmentSizes) {
      const count = point.occupied?.[size] ?? 0;
      if (count > 0) insert.run(point.id, size, count);
    }
  }
}

/** Records where a terminal stands, when its centre is in the catalogue (the kiosk's own one, at every open). */
export function registerTerminal(
  db: Database.Database,
  catalogue: CatalogueIndex,
  terminal: { id: string; centreId: string },
): boolean {
  if (!catalogue.centres.has(terminal.centreId)) return false;
  db.prepare(
    'INSERT INTO terminals (id, centre_id) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET centre_id = excluded.centre_id',
  ).run(terminal.id, terminal.centreId);
  return true;
}
