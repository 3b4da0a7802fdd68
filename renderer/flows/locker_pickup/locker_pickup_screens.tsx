import { useTranslation } from 'react-i18next';
import type { LockerPickupFlowView } from '../../../electron/rpc/flows/locker_pickup_contract.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { StepIndicator } from '../../components/step_indicator.js';
import { ScanStep, TypeStep } from './code_steps.js';
import { DoorStep, WaitingStep } from './door_steps.js';
import { DoneStep, RefusedStep } from './outcome_steps.js';
import { pickupAnnouncement } from './pickup_announcement.js';
import './locker_pickup.css';

const stepLabels = ['code', 'door', 'done'] as const;

function stepIndex(view: LockerPickupFlowView): number {
  switch (view.step) {
    case 'scan':
    case 'type':
    case 'checking':
    case 'refused':
      return 0;
    case 'opening':
    case 'open':
    case 'left-open':
    case 'recording':
    case 'door-failed':
      return 1;
    case 'done':
      return 2;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/** Smart Locker pickup: one screen per step the main process reports (electron/flows/locker_pickup/). */
export function LockerPickupScreens({ view }: { view: LockerPickupFlowView }) {
  const { t } = useTranslation('locker-pickup');
  const current = stepIndex(view);
  useAnnouncement(pickupAnnouncement(view));
  const indicator = (
    <StepIndicator
      labels={stepLabels.map((label) => t(`steps.${label}`))}
      current={current}
      summary={t('steps.summary', { current: current + 1, total: stepLabels.length })}
    />
  );
  switch (view.step) {
    case 'scan':
      return <ScanStep indicator={indicator} />;
    case 'type':
      return <TypeStep mistyped={view.mistyped} indicator={indicator} />;
    case 'checking':
    case 'opening':
    case 'recording':
      return <WaitingStep view={view} indicator={indicator} />;
    case 'open':
    case 'left-open':
      return <DoorStep view={view} indicator={indicator} />;
    case 'refused':
    case 'door-failed':
      return <RefusedStep view={view} indicator={indicator} />;
    case 'done':
      return <DoneStep view={view} indicator={indicator} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
