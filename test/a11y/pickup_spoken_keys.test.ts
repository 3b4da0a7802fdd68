import { describe, expect, it } from 'vitest';
import {
  type LockerPickupFlowView,
  PickupRefusalViewSchema,
} from '../../electron/rpc/flows/locker_pickup_contract.js';
import { pickupAnnouncement } from '../../renderer/flows/locker_pickup/pickup_announcement.js';
import { unspeakablePrompts } from '../support/unspeakable_prompts.js';

/** Every key the Smart Locker pickup screens speak exists in the main process's catalogue, in the four languages. */
const service = 'locker-pickup' as const;
const compartment = 'A01';

const views: LockerPickupFlowView[] = [
  { service, step: 'scan' },
  { service, step: 'type', mistyped: false },
  { service, step: 'type', mistyped: true },
  { service, step: 'checking' },
  { service, step: 'opening', compartment },
  { service, step: 'open', compartment },
  { service, step: 'left-open', compartment },
  { service, step: 'recording', compartment },
  { service, step: 'door-failed', compartment },
  ...(['recorded', 'later', 'staff'] as const).map(
    (record): LockerPickupFlowView => ({ service, step: 'done', compartment, record, receipt: 'none' }),
  ),
  ...(['offered', 'printing', 'printed', 'not-printed'] as const).map(
    (receipt): LockerPickupFlowView => ({ service, step: 'done', compartment, record: 'recorded', receipt }),
  ),
  ...PickupRefusalViewSchema.options.map(
    (reason): LockerPickupFlowView => ({ service, step: 'refused', reason, typed: true, retryAt: null }),
  ),
];

describe('the keys the Smart Locker pickup screens speak', () => {
  it('every step, refusal and record, in the four languages', () => {
    for (const view of views) expect(unspeakablePrompts(pickupAnnouncement(view))).toEqual([]);
  });

  it('never speaks typed digits: only the compartment is a value', () => {
    const values = views.flatMap((view) =>
      pickupAnnouncement(view).flatMap((p) => Object.values(p.values ?? {})),
    );
    expect(new Set(values)).toEqual(new Set([compartment]));
  });
});
