import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { dayMs, macauDate } from '../../../lib/macau_time.js';
import { type Publication, PublicationSchema } from '../contract/publications.js';
import { samplePublications, sampleSlots } from '../seed/data/publications.js';

/**
 * The publications part of the embedded backend (schema step 4): the catalogue of publications as JSON rows
 * (replaced when the seed changes, like the service catalogue), the vending slots of each terminal with their
 * stock, the payments the simulated gateway made under each charge key, the daily machine sales per terminal and
 * publication, and DSAJ's counter sales per day (sample history, so the vending share has something to compare).
 * A wallet code is never stored: a payment keeps which wallet paid, not the code.
 */

/** The tables step 4 adds. */
export const publicationTables = [
  'publications',
  'vending_slots',
  'payments',
  'payment_lost_answers',
  'machine_sales',
  'counter_sales',
] as const;

export function createPublicationTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE publications (id TEXT PRIMARY KEY, position INTEGER NOT NULL, json TEXT NOT NULL) STRICT;
    CREATE TABLE vending_slots (
      terminal_id TEXT NOT NULL,
      slot TEXT NOT NULL,
      publication_id TEXT,
      stock INTEGER NOT NULL CHECK (stock >= 0),
      capacity INTEGER NOT NULL CHECK (capacity > 0),
      PRIMARY KEY (terminal_id, slot)
    ) STRICT;
    CREATE TABLE payments (
      ref TEXT PRIMARY KEY,
      charge_key TEXT NOT NULL UNIQUE,
      terminal_id TEXT NOT NULL,
      wallet TEXT NOT NULL,
      amount_avos INTEGER NOT NULL CHECK (amount_avos >= 0),
      lines_json TEXT NOT NULL,
      charged_at INTEGER NOT NULL,
      refunded_avos INTEGER NOT NULL DEFAULT 0 CHECK (refunded_avos >= 0 AND refunded_avos <= amount_avos),
      dispense_recorded INTEGER NOT NULL DEFAULT 0,
      -- The simulator's "refuses refunds" scenario, decided by the wallet code at charge time.
      refuses_refunds INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    -- Charge keys whose first answer the gateway simulator "lost" (a timeout after charging).
    CREATE TABLE payment_lost_answers (charge_key TEXT PRIMARY KEY) STRICT;
    CREATE TABLE machine_sales (
      day TEXT NOT NULL,
      terminal_id TEXT NOT NULL,
      publication_id TEXT NOT NULL,
      units INTEGER NOT NULL DEFAULT 0,
      revenue_avos INTEGER NOT NULL DEFAULT 0,
      refunded_units INTEGER NOT NULL DEFAULT 0,
      refunded_avos INTEGER NOT NULL DEFAULT 0,
      failed_dispenses INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, terminal_id, publication_id)
    ) STRICT;
    -- Covering indexes, so the fleet's sums per day and publication, and per terminal, stream in index order
    -- without a sort (a year of 100 terminals is 438,000 rows: bench/publications.ts).
    CREATE INDEX machine_sales_by_day_publication ON machine_sales
      (day, publication_id, units, revenue_avos, refunded_units, refunded_avos, failed_dispenses, terminal_id);
    CREATE INDEX machine_sales_by_terminal ON machine_sales
      (terminal_id, day, units, revenue_avos, refunded_units, refunded_avos, failed_dispenses);
    CREATE TABLE counter_sales (
      day TEXT NOT NULL,
      publication_id TEXT NOT NULL,
      units INTEGER NOT NULL CHECK (units >= 0),
      PRIMARY KEY (day, publication_id)
    ) STRICT;
  `);
}

export function publicationsFingerprint(publications: readonly Publication[]): string {
  return createHash('sha256').update(JSON.stringify(publications)).digest('hex');
}

/** Stores the seed's publications when they differ from the file's (a new edition in a new version of the code). */
export function storePublications(db: Database.Database, publications: readonly Publication[]): boolean {
  const fingerprint = publicationsFingerprint(publications);
  const stored = db.prepare("SELECT value FROM meta WHERE key = 'publications'").get() as
    | { value: string }
    | undefined;
  if (stored?.value === fingerprint) return false;
  db.prepare('DELETE FROM publications').run();
  const insert = db.prepare('INSERT INTO publications (id, position, json) VALUES (?, ?, ?)');
  publications.forEach((p, position) => {
    insert.run(p.id, position, JSON.stringify(PublicationSchema.parse(p)));
  });
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('publications', ?)").run(fingerprint);
  return true;
}

export function loadPublications(db: Database.Database): Publication[] {
  const rows = db.prepare('SELECT json FROM publications ORDER BY position').all() as { json: string }[];
  return rows.map((row) => PublicationSchema.parse(JSON.parse(row.json)));
}

/** Gives a terminal the sample planogram when it has no slots yet (a new terminal, or a file from before step 4). */
export function ensureVendingSlots(db: Database.Database, terminalId: string): void {
  const has = db.prepare('SELECT 1 FROM vending_slots WHERE terminal_id = ? LIMIT 1').get(terminalId);
  if (has) return;
  const insert = db.prepare(
    'INSERT INTO vending_slots (terminal_id, slot, publication_id, stock, capacity) VALUES (?, ?, ?, ?, ?)',
  );
  for (const s of sampleSlots) insert.run(terminalId, s.slot, s.publicationId, s.stock, s.capacity);
}

/** A small deterministic hash: the same day and publication always get the same sample figure. */
function sampleFigure(dayIndex: number, publicationIndex: number, modulo: number): number {
  let h = Math.imul(dayIndex + 1, 0x9e37_79b1) ^ Math.imul(publicationIndex + 7, 0x85eb_ca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 13;
  return (h >>> 0) % modulo;
}

export const sampleHistoryDays = 400;

/**
 * Sample history for the sales report: DSAJ's counter sales for every publication over the last 400 days, and the
 * machine sales of `terminalId` over the same days, sized so that the machine's share is near the 13–20 % the
 * Printing Bureau reported for its vending machines. Invented figures, like the rest of the seed.
 */
export function seedSalesHistory(db: Database.Database, terminalId: string, now: number): void {
  const counter = db.prepare(
    'INSERT OR IGNORE INTO counter_sales (day, publication_id, units) VALUES (?, ?, ?)',
  );
  const machine = db.prepare(
    `INSERT OR IGNORE INTO machine_sales (day, terminal_id, publication_id, units, revenue_avos)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (let d = 1; d <= sampleHistoryDays; d++) {
    const day = macauDate(now - d * dayMs);
    samplePublications.forEach((publication, p) => {
      const counterUnits = sampleFigure(d, p, 9);
      if (counterUnits > 0) counter.run(day, publication.id, counterUnits);
      // The share grows over the period, as it did from 13 % to 20 %.
      const machineUnits = sampleFigure(d, p + 100, 3 + Math.floor((sampleHistoryDays - d) / 200));
      if (machineUnits > 1)
        machine.run(
          day,
          terminalId,
          publication.id,
          machineUnits - 1,
          (machineUnits - 1) * publication.priceAvos,
        );
    });
  }
}

/** What a file gets when it reaches schema step 4: the tables, the publications, the sample slots and history. */
export function seedPublicationState(
  db: Database.Database,
  terminalIds: readonly string[],
  historyTerminal: string,
  now: number,
): void {
  storePublications(db, samplePublications);
  for (const id of terminalIds) ensureVendingSlots(db, id);
  seedSalesHistory(db, historyTerminal, now);
}
