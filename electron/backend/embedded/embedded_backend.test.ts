import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../contract/backend.js';
import { seedCatalogue } from '../seed/seed_catalogue.js';
import type { SeedCatalogue } from '../seed/seed_schema.js';
import { openEmbeddedBackend } from './embedded_backend.js';
import { publicationTables } from './publication_tables.js';

/**
 * What only the embedded backend has: its own file, created and seeded on first start, kept across restarts,
 * topped up with slots as time passes, and holding no PIN or personal data it does not need.
 */

const dir = mkdtempSync(join(tmpdir(), 'balcao-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const monday = Date.parse('2026-03-02T10:07:00+08:00');
const day = 86_400_000;

function open(
  path: string,
  now = monday,
  seed: SeedCatalogue = seedCatalogue(),
  terminal?: { id: string; centreId: string },
) {
  const opened = openEmbeddedBackend({ path, seed, now: () => now, terminal });
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  return opened.value;
}

async function value<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const key = () => crypto.randomUUID();

describe('embedded backend', () => {
  it('creates and seeds its file on first start, and keeps its state across restarts without seeding again', async () => {
    const path = join(dir, 'restart.sqlite');
    let backend: Backend = open(path);
    const before = await value(backend.residentBookings({ residentRef: 'R-0001' }));
    expect(before.bookings.map((b) => b.reference).sort()).toEqual(['SAMP-0001', 'SAMP-0002']);
    await value(
      backend.checkIn({
        idempotencyKey: 'restart-check-in-0001',
        booking: { reference: 'SAMP-0001' },
        centreId: 'china-plaza',
        terminalId: 'MO-DEV-01',
      }),
    );
    await backend.close();
    backend = open(path, monday + 60_000);
    const after = await value(backend.residentBookings({ residentRef: 'R-0001' }));
    expect(after.bookings).toHaveLength(2);
    expect(after.bookings.find((b) => b.reference === 'SAMP-0001')?.status).toBe('checked-in');
    await backend.close();
  });

  it('seeds its sample state relative to its clock: today’s booking is open for check-in at China Plaza', async () => {
    const thursday = Date.parse('2026-07-16T15:40:00+08:00');
    const backend = open(join(dir, 'relative.sqlite'), thursday);
    const today = await value(backend.findBooking({ booking: { reference: 'SAMP-0001' } }));
    expect(today.centreId).toBe('china-plaza');
    expect(today.start.slice(0, 10)).toBe('2026-07-16');
    const ticket = await value(
      backend.checkIn({
        idempotencyKey: key(),
        booking: { qrText: today.qrText },
        centreId: 'china-plaza',
        terminalId: 'MO-DEV-01',
      }),
    );
    expect(ticket.reference).toBe('SAMP-0001');
    await backend.close();
  });

  it('offers slots weeks ahead however long it has been running', async () => {
    const path = join(dir, 'slots.sqlite');
    const later = monday + 90 * day;
    await open(path).close();
    const backend = open(path, later);
    const catalogue = await value(backend.catalogue({}));
    const service = catalogue.services.find((s) => s.bookable && s.centres.includes('china-plaza'))!;
    const from = new Date(later + 7 * day + 8 * 3_600_000).toISOString().slice(0, 10);
    const to = new Date(later + 11 * day + 8 * 3_600_000).toISOString().slice(0, 10);
    const { slots } = await value(
      backend.availability({ serviceId: service.id, centreId: 'china-plaza', from, to }),
    );
    expect(slots.length).toBeGreaterThan(0);
    await backend.close();
  });

  it('keeps PINs as scrypt hashes and never writes a PIN it checked into its file', async () => {
    const path = join(dir, 'pins.sqlite');
    const backend = open(path);
    await value(
      backend.checkStaffPin({
        idempotencyKey: key(),
        staffId: 'S0001',
        terminalId: 'MO-DEV-01',
        pin: '135790',
      }),
    );
    await backend.checkCollectionPin({
      idempotencyKey: key(),
      residentRef: 'R-0003',
      terminalId: 'MO-DEV-01',
      pin: '975310',
    });
    await backend.close();
    const db = new Database(path, { readonly: true });
    const hashes = db
      .prepare('SELECT pin_hash FROM residents UNION ALL SELECT pin_hash FROM staff')
      .all() as {
      pin_hash: string;
    }[];
    db.close();
    expect(hashes.length).toBeGreaterThan(0);
    for (const { pin_hash } of hashes) expect(pin_hash).toMatch(/^scrypt\$/);
    const bytes = readFileSync(path).toString('latin1');
    for (const pin of ['135790', '246802', '975310', '111111', '246810']) expect(bytes).not.toContain(pin);
  });

  it('registers the kiosk’s own terminal at its configured centre', async () => {
    const backend = open(join(dir, 'terminal.sqlite'), monday, seedCatalogue(), {
      id: 'MO-TL-03',
      centreId: 'taipa-lake',
    });
    expect(await value(backend.terminalProfile({ terminalId: 'MO-TL-03' }))).toMatchObject({
      centreId: 'taipa-lake',
      site: 'macau',
    });
    await backend.close();
  });

  it('replaces its catalogue when the seed changes, keeping bookings', async () => {
    const path = join(dir, 'reseed.sqlite');
    await open(path).close();
    const seed = seedCatalogue();
    const renamed = {
      ...seed,
      services: seed.services.map((s, i) =>
        i === 0 ? { ...s, name: { ...s.name, en: 'Renamed service' } } : s,
      ),
    };
    const backend = open(path, monday, renamed);
    const catalogue = await value(backend.catalogue({}));
    expect(catalogue.services[0]!.name.en).toBe('Renamed service');
    expect((await value(backend.residentBookings({ residentRef: 'R-0001' }))).bookings).toHaveLength(2);
    await backend.close();
  });

  it('refuses a file written by a newer version, and a path it cannot create', () => {
    const path = join(dir, 'newer.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(openEmbeddedBackend({ path, seed: seedCatalogue() })).toMatchObject({
      ok: false,
      error: { code: 'newer-than-code', version: 99 },
    });
    expect(
      openEmbeddedBackend({ path: join(path, 'inside-a-file.sqlite'), seed: seedCatalogue() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'cannot-open' },
    });
  });

  it('upgrades a file of the first version: booklets then say which kiosk locker door they wait behind', async () => {
    const path = join(dir, 'version-1.sqlite');
    await open(path).close();
    // What a version-1 file looked like: no compartment column, no publications (step 4).
    const db = new Database(path);
    db.exec('ALTER TABLE collections DROP COLUMN compartment');
    for (const table of publicationTables) db.exec(`DROP TABLE ${table}`);
    db.pragma('user_version = 1');
    db.close();
    const backend = open(path);
    const ready = await value(backend.documentsReady({ residentRef: 'R-0002', terminalId: 'MO-DEV-01' }));
    // Loaded before the upgrade: nobody recorded a door.
    expect(ready.documents).toMatchObject([{ format: 'booklet', compartment: null }]);
    await backend.close();
    const fresh = open(join(dir, 'fresh.sqlite'));
    const sample = await value(fresh.documentsReady({ residentRef: 'R-0002', terminalId: 'MO-DEV-01' }));
    expect(sample.documents).toMatchObject([{ kind: 'passport', format: 'booklet', compartment: 'A2' }]);
    const card = await value(fresh.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' }));
    expect(card.documents).toMatchObject([{ kind: 'bir-card', format: 'card', compartment: null }]);
    await fresh.close();
  });

  it('upgrades a file of one key per terminal (before step 7): each key is kept, in use from its registration', async () => {
    const path = join(dir, 'version-4.sqlite');
    await open(path).close();
    const key = Buffer.alloc(32, 5).toString('base64');
    const db = new Database(path);
    db.exec(`
      DROP TABLE public_key_periods;
      CREATE TABLE public_keys (
        key_id TEXT NOT NULL, purpose TEXT NOT NULL, public_key TEXT NOT NULL, registered_at INTEGER NOT NULL,
        PRIMARY KEY (key_id, purpose)
      ) STRICT;
    `);
    db.prepare('INSERT INTO public_keys VALUES (?, ?, ?, ?)').run(
      'MO-OLD-01',
      'document-signing',
      key,
      monday - day,
    );
    db.pragma('user_version = 4');
    db.close();
    const backend = open(path);
    const { keys } = await value(backend.keyTable({}));
    expect(keys.filter((k) => k.keyId === 'MO-OLD-01')).toEqual([
      {
        keyId: 'MO-OLD-01',
        purpose: 'document-signing',
        publicKey: key,
        registeredAt: '2026-03-01T10:07:00+08:00',
        validFrom: '2026-03-01T10:07:00+08:00',
        validTo: null,
        revokedAt: null,
      },
    ]);
    await backend.close();
  });
});
