import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { dayMs, macauDate, minuteMs } from '../../../lib/macau_time.js';
import type { Service } from '../contract/catalogue.js';
import type { CollectableKindSchema } from '../contract/collection.js';
import type { LocalisedText } from '../contract/common.js';
import type { CatalogueIndex } from './embedded_context.js';
import { freeSlots, slotCapacity, slotId } from './slots.js';

/**
 * The sample state a fresh embedded backend starts with, relative to its clock at first start, so that every
 * resident flow has something to find with the simulator's sample documents:
 *
 * | what | who | details |
 * | --- | --- | --- |
 * | booking `SAMP-0001` | R-0001 | today at China Plaza, in the quarter hour now running: check-in is open |
 * | booking `SAMP-0002` | R-0001 | a week or more ahead at China Plaza |
 * | booking `SAMP-0003` | R-0002 | cancelled |
 * | collections at `MO-DEV-01` | R-0001, R-0002 | a BIR card (R-0001) and a passport (R-0002) |
 * | collections at `HQ-GSC-01` | R-0001 | a BIR card and a passport |
 * | locker `LA-SAMPLE-1` | R-0001 | ready, pickup digits `123456789018`, compartment A01, expires in 7 days |
 * | locker `LA-SAMPLE-2` | R-0001 | picked up yesterday (digits `876543210988`) |
 * | locker `LA-SAMPLE-3` | R-0002 | ready but its pickup expired yesterday (digits `112233445563`) |
 * | locker `LA-SAMPLE-4` | R-0003 | submitted, not ready yet |
 *
 * Services and locker points are chosen from the catalogue (the preferred ids when present), so the samples
 * follow whatever catalogue is seeded.
 */

const quarterMs = 15 * minuteMs;

function pickService(
  catalogue: CatalogueIndex,
  preferred: string,
  fits: (service: Service) => boolean,
  except: readonly string[] = [],
): Service {
  const wanted = catalogue.services.get(preferred);
  if (wanted && fits(wanted) && !except.includes(wanted.id)) return wanted;
  const other = catalogue.catalogue.services.find((s) => fits(s) && !except.includes(s.id));
  if (!other) throw new Error(`the seed catalogue has no service for the sample state (wanted ${preferred})`);
  return other;
}

function seedBookings(db: Database.Database, catalogue: CatalogueIndex, now: number): void {
  const centre = 'china-plaza';
  const atCentre = (s: Service) => s.bookable && s.centres.includes(centre);
  const today = pickService(catalogue, 'dsi-bir-renewal', atCentre);
  const later = pickService(catalogue, 'dsi-criminal-record-certificate', atCentre, [today.id]);
  // Today's slot is the quarter hour now running, whatever the counter hours: the sample is for trying check-in.
  const todayStart = Math.floor(now / quarterMs) * quarterMs;
  const todaySlot = slotId(centre, todayStart);
  db.prepare(
    'INSERT OR IGNORE INTO slots (id, centre_id, starts_at, ends_at, capacity) VALUES (?, ?, ?, ?, ?)',
  ).run(todaySlot, centre, todayStart, todayStart + quarterMs, slotCapacity);
  const [future] = freeSlots(db, centre, now + 7 * dayMs, Number.MAX_SAFE_INTEGER, 1);
  const insert = db.prepare(
    `INSERT INTO bookings (reference, qr_token, service_id, centre_id, slot_id, resident_id, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const take = db.prepare('UPDATE slots SET booked = booked + 1 WHERE id = ?');
  insert.run('SAMP-0001', 'SAMPLE0000000001', today.id, centre, todaySlot, 'R-0001', 'booked', now - dayMs);
  take.run(todaySlot);
  if (future) {
    insert.run('SAMP-0002', 'SAMPLE0000000002', later.id, centre, future.id, 'R-0001', 'booked', now - dayMs);
    take.run(future.id);
    insert.run(
      'SAMP-0003',
      'SAMPLE0000000003',
      today.id,
      centre,
      future.id,
      'R-0002',
      'cancelled',
      now - dayMs,
    );
  }
}

type CollectableKind = z.infer<typeof CollectableKindSchema>;
const collectableTitles: Record<CollectableKind, LocalisedText> = {
  'bir-card': {
    'zh-Hant': '澳門居民身份證',
    'zh-Hans': '澳门居民身份证',
    pt: 'Bilhete de Identidade de Residente de Macau',
    en: 'Macao Resident Identity Card',
  },
  passport: {
    'zh-Hant': '澳門特別行政區護照',
    'zh-Hans': '澳门特别行政区护照',
    pt: 'Passaporte da RAEM',
    en: 'MSAR passport',
  },
  'travel-permit': {
    'zh-Hant': '澳門特別行政區旅行證',
    'zh-Hans': '澳门特别行政区旅行证',
    pt: 'Título de Viagem da RAEM',
    en: 'MSAR travel permit',
  },
  'hk-visit-permit': {
    'zh-Hant': '澳門居民往來香港特別行政區旅遊證',
    'zh-Hans': '澳门居民往来香港特别行政区旅游证',
    pt: 'Salvo-conduto para a RAEHK',
    en: 'Visit permit to the HKSAR',
  },
};

function seedCollections(db: Database.Database, now: number): void {
  const insert = db.prepare(
    `INSERT INTO collections (id, resident_id, terminal_id, kind, format, department, title_json, ready_since, status,
     compartment) VALUES (?, ?, ?, ?, ?, 'DSI', ?, ?, 'ready', ?)`,
  );
  // Booklets wait behind a door of the kiosk's locker (the development and Hengqin configurations' door A2).
  const samples: [string, string, string, CollectableKind][] = [
    ['C-SAMPLE-MO-1', 'R-0001', 'MO-DEV-01', 'bir-card'],
    ['C-SAMPLE-MO-2', 'R-0002', 'MO-DEV-01', 'passport'],
    ['C-SAMPLE-HQ-1', 'R-0001', 'HQ-GSC-01', 'bir-card'],
    ['C-SAMPLE-HQ-2', 'R-0001', 'HQ-GSC-01', 'passport'],
  ];
  for (const [id, resident, terminal, kind] of samples) {
    const format = kind === 'bir-card' ? 'card' : 'booklet';
    insert.run(
      id,
      resident,
      terminal,
      kind,
      format,
      JSON.stringify(collectableTitles[kind]),
      now - 2 * dayMs,
      format === 'booklet' ? 'A2' : null,
    );
  }
}

function seedLockers(db: Database.Database, catalogue: CatalogueIndex, now: number): void {
  const points = catalogue.catalogue.lockerPoints;
  const point = points.find((p) => p.compartments.small > 3) ?? points[0];
  if (!point) return;
  const lockerService = (s: Service) => s.lockerPickup;
  const first = pickService(catalogue, 'dsi-personal-data-certificate', lockerService);
  const second = pickService(catalogue, 'dsi-criminal-record-certificate', lockerService);
  const application = db.prepare(
    `INSERT INTO locker_applications (id, service_id, resident_id, point_id, size, status, submitted_at,
     expected_ready_date) VALUES (?, ?, ?, ?, 'small', ?, ?, ?)`,
  );
  const pickup = db.prepare(
    `INSERT INTO pickups (application_id, digits, point_id, compartment, placed_at, expires_at, picked_up_at,
     picked_up_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const date = macauDate;
  application.run('LA-SAMPLE-1', first.id, 'R-0001', point.id, 'ready', now - 4 * dayMs, date(now - dayMs));
  pickup.run('LA-SAMPLE-1', '123456789018', point.id, 'A01', now - dayMs, now + 7 * dayMs, null, null);
  application.run(
    'LA-SAMPLE-2',
    second.id,
    'R-0001',
    point.id,
    'collected',
    now - 9 * dayMs,
    date(now - 6 * dayMs),
  );
  pickup.run(
    'LA-SAMPLE-2',
    '876543210988',
    point.id,
    'B02',
    now - 5 * dayMs,
    now + 2 * dayMs,
    now - dayMs,
    'MO-DEV-01',
  );
  application.run(
    'LA-SAMPLE-3',
    first.id,
    'R-0002',
    point.id,
    'ready',
    now - 12 * dayMs,
    date(now - 9 * dayMs),
  );
  pickup.run('LA-SAMPLE-3', '112233445563', point.id, 'A03', now - 8 * dayMs, now - dayMs, null, null);
  application.run(
    'LA-SAMPLE-4',
    second.id,
    'R-0003',
    point.id,
    'submitted',
    now - dayMs,
    date(now + 2 * dayMs),
  );
}

export function seedSampleState(db: Database.Database, catalogue: CatalogueIndex, now: number): void {
  seedBookings(db, catalogue, now);
  seedCollections(db, now);
  seedLockers(db, catalogue, now);
}
