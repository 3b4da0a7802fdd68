/**
 * Personal data must leave the journal's files after a proof of identity and a document collection, not only its
 * rows: once each flow has finished and the session has ended, neither the SQLite file (its live and its free
 * pages), nor its write-ahead log, holds the resident's document number, name, birth date, PIN or the chip's face.
 * The test reads the raw files byte for byte, as someone who copied the kiosk's disk would — the sibling of
 * test/printed/print_residue.test.ts (the print jobs' bytes), for these two transaction kinds.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minimalJpeg } from '../../devices/document/icao9303/simulator/minimal_jpeg.js';
import { type KioskAppFixture, startKioskAppFixture } from '../support/kiosk_app_fixture.js';

const devices = [
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
  { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
  { id: 'a4', kind: 'document-printer', transport: 'simulated' },
  { id: 'reader', kind: 'document-reader', transport: 'simulated' },
  {
    id: 'dispenser',
    kind: 'document-dispenser',
    transport: 'simulated',
    options: { simulatedCards: 50, timeouts: { takeMs: 5000 } },
  },
];

/** R-0001's sample passport (devices/document/simulated_documents.ts) and PIN, in every form the kiosk met them. */
const face = minimalJpeg(20_000);
const personal: Record<string, Buffer> = {
  'document number': Buffer.from('MB2345678'),
  'MRZ line 2': Buffer.from('MB23456788CHN9003152M3305201'),
  'MRZ name': Buffer.from('CHAN<<TAI<MAN'),
  name: Buffer.from('CHAN TAI MAN'),
  'given names': Buffer.from('TAI MAN'),
  'birth date': Buffer.from('1990-03-15'),
  'birth date (MRZ)': Buffer.from('900315'),
  PIN: Buffer.from('123456'),
  // The portrait's entropy-coded tail (its head is padding any JPEG may share), raw and in base64.
  face: Buffer.from(face.subarray(face.length - 64, face.length - 16)),
  'face (base64)': Buffer.from(Buffer.from(face).toString('base64').slice(-88, -24)),
};

function journalFiles(path: string): { name: string; bytes: Buffer }[] {
  return [path, `${path}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => ({ name: file, bytes: readFileSync(file) }));
}

/** Which personal value is in which file, e.g. `name in journal.sqlite-wal`. */
function personalDataIn(path: string): string[] {
  const found: string[] = [];
  for (const file of journalFiles(path))
    for (const [what, bytes] of Object.entries(personal))
      if (file.bytes.includes(bytes))
        found.push(`${what} in ${file.name.slice(file.name.lastIndexOf('/') + 1)}`);
  return found;
}

describe('no personal data survives in the journal files after a proof and a collection', () => {
  let dir: string;
  let path: string;
  let kiosk: KioskAppFixture;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-identity-residue-'));
    path = join(dir, 'journal.sqlite');
    kiosk = await startKioskAppFixture(
      {
        terminal: { id: 'MO-DEV-01' },
        site: {
          kind: 'macau',
          centreId: 'china-plaza',
          name: { 'zh-Hant': '中華廣場', 'zh-Hans': '中华广场', pt: 'China Plaza', en: 'China Plaza' },
        },
        services: ['proof-of-identity', 'collect-document'],
        devices,
        documents: { trustSimulatorCsca: true },
      },
      { clockStart: Date.now(), backend: 'embedded', journalPath: path },
    );
  });

  afterEach(async () => {
    await kiosk.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const flow = () => {
    const view = kiosk.app.session.view();
    return view.phase === 'active' ? view.flow : null;
  };
  const stepBecomes = (step: string) => expect.poll(() => flow()?.step, { timeout: 15_000 }).toBe(step);

  async function identify(service: 'proof-of-identity' | 'collect-document', next: string): Promise<void> {
    await kiosk.call('session.start', { language: 'pt' });
    await kiosk.call('home.chooseLanguage', { language: 'pt' });
    await kiosk.call('home.openService', { service });
    expect(await kiosk.call('home.startService')).toEqual({ ok: true });
    await kiosk.devices.simulate({ action: 'document', deviceId: 'reader', sample: 'passport-macao' });
    await expect
      .poll(
        () => {
          const view = flow();
          return view && 'identify' in view ? view.identify.stage : null;
        },
        { timeout: 15_000 },
      )
      .toBe('confirm');
    await kiosk.call('identify.confirm');
    await kiosk.devices.simulate({ action: 'document', deviceId: 'reader', sample: null });
    await kiosk.call('identify.submitPin', { pin: '123456' });
    await stepBecomes(next);
  }

  /** A second connection to the journal file, as `balcao audit verify` opens one beside the kiosk. */
  function beside<T>(use: (db: Database.Database) => T): T {
    const db = new Database(path);
    try {
      return use(db);
    } finally {
      db.close();
    }
  }

  /** Every print job reached its end (confirmed, its bytes scrubbed): nothing waits that may rightly hold data. */
  const printsSettled = () =>
    expect
      .poll(
        () =>
          beside(
            (db) =>
              (
                db.prepare('SELECT COUNT(*) AS n FROM print_jobs WHERE payload IS NOT NULL').get() as {
                  n: number;
                }
              ).n,
          ),
        { timeout: 15_000 },
      )
      .toBe(0);

  it('reads the raw database, its free pages and its WAL: none holds the passport’s facts, the PIN or the face', async () => {
    // A proof of identity, printed and registered, then the session ended by the resident.
    await identify('proof-of-identity', 'choose');
    await kiosk.call('proof-of-identity.choose', { languages: 'zh-pt' });
    await stepBecomes('preview');
    await kiosk.call('proof-of-identity.print');
    await stepBecomes('done');
    await kiosk.call('proof-of-identity.finish');
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });

    // A collection: the BIR card released, taken, confirmed, the receipt printed; then the session ends.
    await identify('collect-document', 'choose');
    await kiosk.call('collect-document.choose', { collectionId: 'C-SAMPLE-MO-1' });
    await expect
      .poll(() => flow(), { timeout: 15_000 })
      .toMatchObject({ step: 'releasing', stage: 'take-card' });
    await kiosk.devices.simulate({ action: 'take-card', deviceId: 'dispenser' });
    await stepBecomes('done');
    await kiosk.call('session.end', { reason: 'done' });
    await printsSettled();

    // The journal did record both transactions, settled (so the search below looked at the rows that matter).
    const kinds = beside((db) => db.prepare('SELECT kind, state FROM transactions ORDER BY id').all());
    expect(kinds).toEqual([
      { kind: 'identity-proof', state: 'confirmed' },
      { kind: 'collection', state: 'confirmed' },
    ]);
    // The search can fail: the same bytes written to a row (then deleted, as the kiosk scrubs) are found until the
    // file is scrubbed — here by a connection without secure_delete, so the free page keeps them.
    beside((db) => {
      db.pragma('secure_delete = OFF');
      db.exec('CREATE TABLE canary (v TEXT)');
      db.prepare('INSERT INTO canary VALUES (?)').run('CHAN TAI MAN MB2345678');
    });
    expect(personalDataIn(path)).toContain('name in journal.sqlite-wal');
    beside((db) => {
      db.pragma('secure_delete = ON');
      db.exec('DROP TABLE canary');
      db.pragma('wal_checkpoint(TRUNCATE)');
    });

    // The kiosk still running: the files as they are on disk now, WAL and free pages included.
    expect(personalDataIn(path)).toEqual([]);
    await kiosk.close();
    expect(personalDataIn(path)).toEqual([]);
  });
});
