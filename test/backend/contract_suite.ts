import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import type { Backend } from '../../electron/backend/contract/backend.js';
import type { Catalogue, Service } from '../../electron/backend/contract/catalogue.js';
import { seededTemplate, type TestClock, testClock } from './backend_fixtures.js';
import { catalogueContract } from './contract/catalogue_contract.js';
import { collectionAndProofContract } from './contract/collection_proof_contract.js';
import { lockerStaffHeartbeatContract } from './contract/locker_staff_contract.js';
import { residentAndBookingContract } from './contract/resident_booking_contract.js';
import { value } from './result_helpers.js';

/**
 * THE backend contract, as behaviour the resident and staff flows rely on. Run against every implementation
 * (backend_contract.test.ts): the embedded backend, the reference server through the HTTP client, and the same
 * through a network that fails every request once. Each test starts from the seeded sample state at Monday
 * 2 March 2026 10:07 in Macau; it asks the catalogue for services rather than assuming the seed's counts.
 */

export interface ContractSubject {
  backend: Backend;
  close(): Promise<void>;
}
export type MakeSubject = (file: string, clock: TestClock) => Promise<ContractSubject>;

/** What the area files see of the running suite: the current test's backend and clock, and catalogue helpers. */
export interface Suite {
  readonly backend: Backend;
  readonly clock: TestClock;
  catalogue(): Promise<Catalogue>;
  /** Bookable services whose counters are at the centre. */
  bookableAt(centreId: string): Promise<Service[]>;
  /** Monday to Friday of the week after the suite's start. */
  nextWeek(): { from: string; to: string };
}

export function describeBackendContract(name: string, make: MakeSubject): void {
  describe(`backend contract: ${name}`, () => {
    const files = seededTemplate();
    afterAll(() => files.remove());
    let clock: TestClock;
    let subject: ContractSubject;
    beforeEach(async () => {
      clock = testClock();
      subject = await make(files.freshFile(), clock);
    });
    afterEach(() => subject.close());

    const suite: Suite = {
      get backend() {
        return subject.backend;
      },
      get clock() {
        return clock;
      },
      catalogue: async () => value(await subject.backend.catalogue({})),
      bookableAt: async (centreId) =>
        (await suite.catalogue()).services.filter((s) => s.bookable && s.centres.includes(centreId)),
      nextWeek: () => ({ from: '2026-03-09', to: '2026-03-13' }),
    };
    catalogueContract(suite);
    residentAndBookingContract(suite);
    collectionAndProofContract(suite);
    lockerStaffHeartbeatContract(suite);
  });
}
