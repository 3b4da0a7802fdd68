import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../../lib/result.js';
import type { BackendReporter } from '../backend_report.js';
import { type Backend, backendFromCall } from '../contract/backend.js';
import type { Rejection } from '../contract/errors.js';
import { type BackendMethodName, backendMethods } from '../contract/methods.js';
import { parseReply, parseRequest } from '../contract/validate.js';
import { samplePublications } from '../seed/data/publications.js';
import type { SeedCatalogue } from '../seed/seed_schema.js';
import * as bookings from './booking_handlers.js';
import * as catalogueCalls from './catalogue_handlers.js';
import {
  catalogueFingerprint,
  catalogueOfSeed,
  loadCatalogue,
  storeCatalogue,
  storedCatalogueFingerprint,
} from './catalogue_store.js';
import * as collection from './collection_handlers.js';
import { type EmbeddedContext, type Handler, type Handlers, indexCatalogue } from './embedded_context.js';
import { createEmbeddedTables, embeddedSchemaVersion, upgradeEmbeddedTables } from './embedded_schema.js';
import { oncePerKey, pruneKeptReplies } from './idempotency.js';
import * as keys from './key_handlers.js';
import * as lockers from './locker_handlers.js';
import { answerLost, simulatedTimeoutMs } from './payment_gateway_simulator.js';
import * as proofs from './proof_handlers.js';
import * as publicationCalls from './publication_handlers.js';
import { ensureVendingSlots, seedPublicationState, storePublications } from './publication_tables.js';
import * as residents from './resident_handlers.js';
import { seedSampleState } from './sample_state.js';
import {
  exampleTerminals,
  registerTerminal,
  seedLockerOccupancy,
  seedResidentsAndStaff,
} from './seed_database.js';
import { topUpSlots } from './slots.js';
import * as staffAndHeartbeat from './staff_heartbeat_handlers.js';

/**
 * The embedded backend: the whole contract on its own SQLite file (better-sqlite3, WAL), the default of every
 * kiosk, so a fresh clone runs every flow with no network. It stands in for the government's systems, so it is
 * never the journal's file.
 *
 * At open: a new file gets its tables, the seed catalogue, the residents and staff, and the sample state; every
 * open tops the slots up to eight weeks ahead, replaces the catalogue when the seed changed, forgets replies kept
 * for more than 30 days, and registers the kiosk's own terminal. Each call is validated against the contract;
 * a state change runs in one transaction with the reply it keeps under its idempotency key.
 */

export interface EmbeddedBackendOptions {
  /** The SQLite file, or `:memory:`. */
  path: string;
  seed: SeedCatalogue;
  /** Epoch milliseconds; the system clock by default. */
  now?: () => number;
  /** The kiosk's own terminal, registered at open so `terminalProfile` knows it. */
  terminal?: { id: string; centreId: string };
  /** Told once the file is ready: whether it was seeded now, whether its catalogue was replaced. */
  report?: BackendReporter;
}

export type EmbeddedOpenError =
  | { code: 'cannot-open'; detail: string }
  | { code: 'newer-than-code'; version: number };

const handlers: Handlers = {
  catalogue: catalogueCalls.catalogue,
  terminalProfile: catalogueCalls.terminalProfile,
  lockerPoints: catalogueCalls.lockerPoints,
  availability: catalogueCalls.availability,
  identifyResident: residents.identifyResident,
  createBooking: bookings.createBooking,
  findBooking: bookings.findBooking,
  residentBookings: bookings.residentBookings,
  rescheduleBooking: bookings.rescheduleBooking,
  cancelBooking: bookings.cancelBooking,
  checkIn: bookings.checkIn,
  documentsReady: collection.documentsReady,
  checkCollectionPin: collection.checkCollectionPin,
  reserveCollection: collection.reserveCollection,
  confirmCollection: collection.confirmCollection,
  reportNotCollected: collection.reportNotCollected,
  registerProof: proofs.registerProof,
  verifyProof: proofs.verifyProof,
  revokeProof: proofs.revokeProof,
  applyForLocker: lockers.applyForLocker,
  lockerApplications: lockers.lockerApplications,
  findPickup: lockers.findPickup,
  recordPickup: lockers.recordPickup,
  placeInLocker: lockers.placeInLocker,
  keyTable: keys.keyTable,
  registerPublicKey: keys.registerPublicKey,
  revokePublicKey: keys.revokePublicKey,
  checkStaffPin: staffAndHeartbeat.checkStaffPin,
  reportHeartbeat: staffAndHeartbeat.reportHeartbeat,
  terminals: staffAndHeartbeat.terminals,
  publications: publicationCalls.publications,
  chargePayment: publicationCalls.chargePayment,
  paymentStatus: publicationCalls.paymentStatus,
  refundPayment: publicationCalls.refundPayment,
  recordDispense: publicationCalls.recordDispense,
  setVendingSlot: publicationCalls.setVendingSlot,
  publicationSales: publicationCalls.publicationSales,
};

interface PreparedFile {
  seeded: boolean;
  catalogueReplaced: boolean;
}

function prepareFile(
  db: Database.Database,
  options: EmbeddedBackendOptions,
  now: number,
): Result<PreparedFile, EmbeddedOpenError> {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > embeddedSchemaVersion) return err({ code: 'newer-than-code', version });
  const seedCatalogue = catalogueOfSeed(options.seed);
  let catalogueReplaced = false;
  db.transaction(() => {
    if (version === 0) {
      createEmbeddedTables(db);
      storeCatalogue(db, seedCatalogue);
      seedResidentsAndStaff(db, options.seed);
      seedLockerOccupancy(db, options.seed);
      const catalogue = indexCatalogue(seedCatalogue);
      for (const terminal of exampleTerminals) registerTerminal(db, catalogue, terminal);
      topUpSlots(db, seedCatalogue.centres, now);
      seedSampleState(db, catalogue, now);
      db.pragma(`user_version = ${embeddedSchemaVersion}`);
    } else if (version < embeddedSchemaVersion) {
      upgradeEmbeddedTables(db, version);
      db.pragma(`user_version = ${embeddedSchemaVersion}`);
    }
    // Step 4 (publications): its sample state, for a new file and for a file that had no publications yet.
    if (version < 4)
      seedPublicationState(
        db,
        exampleTerminals.map((t) => t.id),
        exampleTerminals[0].id,
        now,
      );
    storePublications(db, samplePublications);
    if (version !== 0 && storedCatalogueFingerprint(db) !== catalogueFingerprint(seedCatalogue)) {
      storeCatalogue(db, seedCatalogue);
      catalogueReplaced = true;
    }
    topUpSlots(db, seedCatalogue.centres, now);
    pruneKeptReplies(db, now);
  })();
  return ok({ seeded: version === 0, catalogueReplaced });
}

export function openEmbeddedBackend(options: EmbeddedBackendOptions): Result<Backend, EmbeddedOpenError> {
  const now = options.now ?? Date.now;
  let db: Database.Database;
  try {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    db = new Database(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    return err({ code: 'cannot-open', detail: error instanceof Error ? error.message : String(error) });
  }
  try {
    const prepared = prepareFile(db, options, now());
    if (!prepared.ok) {
      db.close();
      return prepared;
    }
    options.report?.({ type: 'embedded-opened', path: options.path, ...prepared.value });
  } catch (error) {
    db.close();
    return err({ code: 'cannot-open', detail: error instanceof Error ? error.message : String(error) });
  }
  const ctx: EmbeddedContext = { db, now, catalogue: indexCatalogue(loadCatalogue(db)) };
  if (options.terminal && registerTerminal(db, ctx.catalogue, options.terminal))
    ensureVendingSlots(db, options.terminal.id);

  const call = async (method: BackendMethodName, raw: unknown) => {
    const request = parseRequest(method, raw);
    if (!request.ok) return request;
    const handler = handlers[method] as Handler<BackendMethodName>;
    const act = () => handler(ctx, request.value as never) as Result<unknown, Rejection>;
    const spec = backendMethods[method];
    const outcome =
      spec.effect === 'change'
        ? oncePerKey(
            db,
            now(),
            method,
            (request.value as { idempotencyKey: string }).idempotencyKey,
            request.value,
            act,
          )
        : act();
    if (!outcome.ok) return err({ kind: 'rejected' as const, rejection: outcome.error });
    if (method === 'chargePayment') {
      const charge = request.value as { idempotencyKey: string; walletCode: string };
      if (answerLost(db, charge.idempotencyKey, charge.walletCode))
        return err({ kind: 'timeout' as const, afterMs: simulatedTimeoutMs });
    }
    const reply = parseReply(method, outcome.value);
    // A reply of our own outside the contract is a bug here, not a fault of the network.
    if (!reply.ok) throw new Error(`embedded backend: ${method} reply outside the contract`);
    return reply;
  };
  return ok(
    backendFromCall('embedded', call, async () => {
      if (db.open) db.close();
    }),
  );
}
