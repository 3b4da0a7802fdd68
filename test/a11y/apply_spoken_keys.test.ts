import { describe, expect, it } from 'vitest';
import {
  ApplyProblemSchema,
  type LockerApplyFlowView,
  type LockerPointView,
  type LockerServiceView,
} from '../../electron/rpc/flows/locker_apply_contract.js';
import { applyAnnouncement } from '../../renderer/flows/locker_apply/apply_announcement.js';
import { pointPrompts } from '../../renderer/flows/locker_apply/point_step.js';
import { unspeakablePrompts } from '../support/unspeakable_prompts.js';

/**
 * Every key the Smart Locker application screens speak (their announcements, and each point's button as the keypad
 * reaches it) exists in the main process's catalogue, in the four languages, with its values filled.
 */
const service = 'locker-apply' as const;
const text = (s: string) => ({ 'zh-Hant': s, 'zh-Hans': s, pt: s, en: s });
const chosen: LockerServiceView = {
  serviceId: 'iam-food-establishment-licence',
  name: text('licence'),
  department: { code: 'IAM', name: text('IAM'), mainland: false },
  size: 'large',
};
const point = (free: number): LockerPointView => ({
  pointId: 'locker-china-plaza',
  name: text('China Plaza'),
  address: text('804 Praia Grande'),
  hours: '24h',
  distanceMetres: 1680,
  free,
  unavailable: free > 0 ? null : 'full',
});

type Shown = Exclude<LockerApplyFlowView, { step: 'identify' }>;
const views: Shown[] = [
  { service, step: 'loading', what: 'services' },
  { service, step: 'loading', what: 'points' },
  { service, step: 'service', services: [chosen] },
  ...(['small', 'medium', 'large'] as const).map(
    (size): Shown => ({ service, step: 'point', chosen: { ...chosen, size }, points: [point(2)] }),
  ),
  { service, step: 'confirm', chosen, point: point(2) },
  { service, step: 'sending' },
  ...(['printing', 'printed', 'not-printed'] as const).map(
    (slip): Shown => ({
      service,
      step: 'done',
      applicationId: 'LA-7K2M9Q4X1B',
      chosen,
      point: point(2),
      readyFrom: '2026-12-05',
      slip,
    }),
  ),
  ...ApplyProblemSchema.options.map(
    (problem): Shown => ({ service, step: 'failed', problem, canRetry: true }),
  ),
];

describe('the keys the Smart Locker application screens speak', () => {
  it('every step, slip and problem, in the four languages', () => {
    for (const view of views) expect(unspeakablePrompts(applyAnnouncement(view))).toEqual([]);
  });

  it('each point, free or full, near or here', () => {
    for (const prompts of [
      pointPrompts(point(1), '1.7 km'),
      pointPrompts(point(3), null),
      pointPrompts(point(0), '1.7 km'),
    ])
      expect(unspeakablePrompts(prompts)).toEqual([]);
  });
});
