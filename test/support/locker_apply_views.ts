import {
  ApplyProblemSchema,
  type LockerApplyFlowView,
  type LockerPointView,
  type LockerServiceView,
} from '../../electron/rpc/flows/locker_apply_contract.js';

/**
 * One view of every step of the Smart Locker application (each size, slip and problem, with and without Try
 * again), for tests that go through all of them: what each announces, what each action says, what the keypad does.
 */
const service = 'locker-apply' as const;
const inFour = (en: string, zh: string) => ({ 'zh-Hant': zh, 'zh-Hans': zh, pt: `${en} (pt)`, en });

export const sampleLockerService: LockerServiceView = {
  serviceId: 'iam-food-establishment-licence',
  name: inFour('Food establishment licence', '飲食場所牌照'),
  department: { code: 'IAM', name: inFour('Municipal Affairs Bureau', '市政署'), mainland: false },
  size: 'large',
};

export const sampleLockerPoint = (
  pointId: string,
  free: number,
  distanceMetres: number | null = 1680,
): LockerPointView => ({
  pointId,
  name: inFour(`Point ${pointId}`, `${pointId}櫃`),
  address: inFour('804 Avenida da Praia Grande', '南灣大馬路804號'),
  hours: pointId === 'far' ? '08:00-22:00' : '24h',
  distanceMetres,
  free,
  unavailable: free > 0 ? null : 'full',
});

type Shown = Exclude<LockerApplyFlowView, { step: 'identify' }>;
const chosen = sampleLockerService;
const here = sampleLockerPoint('here', 3, 0);

export const lockerApplyViews: Shown[] = [
  { service, step: 'loading', what: 'services' },
  { service, step: 'loading', what: 'points' },
  { service, step: 'service', services: [chosen] },
  ...(['small', 'medium', 'large'] as const).map(
    (size): Shown => ({
      service,
      step: 'point',
      chosen: { ...chosen, size },
      points: [here, sampleLockerPoint('far', 0)],
    }),
  ),
  { service, step: 'confirm', chosen, point: here },
  { service, step: 'confirm', chosen, point: sampleLockerPoint('far', 2) },
  { service, step: 'sending' },
  ...(['printing', 'printed', 'not-printed'] as const).map(
    (slip): Shown => ({
      service,
      step: 'done',
      applicationId: 'LA-7K2M9Q4X1B',
      chosen,
      point: here,
      readyFrom: '2026-12-05',
      slip,
    }),
  ),
  ...ApplyProblemSchema.options.flatMap((problem): Shown[] => [
    { service, step: 'failed', problem, canRetry: true },
    { service, step: 'failed', problem, canRetry: false },
  ]),
];
