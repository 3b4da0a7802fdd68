import { useTranslation } from 'react-i18next';
import type { LockerApplyFlowView } from '../../../electron/rpc/flows/locker_apply_contract.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { StepIndicator } from '../../components/step_indicator.js';
import { IdentifyScreens } from '../identify/identify_screens.js';
import { applyAnnouncement } from './apply_announcement.js';
import { ConfirmStep, DoneStep, FailedStep, WaitingStep } from './outcome_steps.js';
import { PointStep } from './point_step.js';
import { ServiceStep } from './service_step.js';
import './locker_apply.css';

const stepLabels = ['service', 'identify', 'point', 'confirm', 'done'] as const;

function stepIndex(view: LockerApplyFlowView): number {
  switch (view.step) {
    case 'loading':
      return view.what === 'services' ? 0 : 2;
    case 'service':
      return 0;
    case 'identify':
      return 1;
    case 'point':
      return 2;
    case 'confirm':
    case 'sending':
      return 3;
    case 'done':
      return 4;
    // A failure stays on the step where it happened: the services, the points, or the application sent.
    case 'failed':
      return view.problem === 'no-services' ? 0 : view.problem === 'point-full' ? 2 : 3;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/** Smart Locker application: one screen per step the main process reports (electron/flows/locker_apply/). */
export function LockerApplyScreens({ view }: { view: LockerApplyFlowView }) {
  const { t } = useTranslation('locker-apply');
  const current = stepIndex(view);
  const indicator = (
    <StepIndicator
      labels={stepLabels.map((label) => t(`steps.${label}`))}
      current={current}
      summary={t('steps.summary', { current: current + 1, total: stepLabels.length })}
    />
  );
  if (view.step === 'identify') return <IdentifyScreens view={view.identify} stepIndicator={indicator} />;
  return <ApplyStep view={view} indicator={indicator} />;
}

function ApplyStep({
  view,
  indicator,
}: {
  view: Exclude<LockerApplyFlowView, { step: 'identify' }>;
  indicator: React.ReactNode;
}) {
  const { i18n } = useTranslation('locker-apply');
  useAnnouncement(applyAnnouncement(view, i18n.language));
  switch (view.step) {
    case 'loading':
    case 'sending':
      return <WaitingStep view={view} indicator={indicator} />;
    case 'service':
      return <ServiceStep services={view.services} indicator={indicator} />;
    case 'point':
      return <PointStep view={view} indicator={indicator} />;
    case 'confirm':
      return <ConfirmStep view={view} indicator={indicator} />;
    case 'done':
      return <DoneStep view={view} indicator={indicator} />;
    case 'failed':
      return <FailedStep view={view} indicator={indicator} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
