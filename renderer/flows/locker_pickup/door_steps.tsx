import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerPickupFlowView } from '../../../electron/rpc/flows/locker_pickup_contract.js';
import { PickupFrame } from './pickup_frame.js';

type Waiting = Extract<LockerPickupFlowView, { step: 'checking' | 'opening' | 'recording' }>;
type Door = Extract<LockerPickupFlowView, { step: 'open' | 'left-open' }>;

/** While the kiosk works: the code being checked, the door being opened, the pickup being recorded. */
export function WaitingStep({ view, indicator }: { view: Waiting; indicator: ReactNode }) {
  const { t } = useTranslation('locker-pickup');
  const message =
    view.step === 'checking' ? t('checking') : t(`${view.step}`, { compartment: view.compartment });
  return (
    <PickupFrame step={view.step} indicator={indicator} title={t('door.title')} busy>
      <div className="pickup__waiting" role="status" aria-live="polite">
        <span className="identify__spinner" aria-hidden="true" />
        <p>{message}</p>
      </div>
    </PickupFrame>
  );
}

/** The door is open: take the item and close the door (and, once left open too long, please close it). */
export function DoorStep({ view, indicator }: { view: Door; indicator: ReactNode }) {
  const { t } = useTranslation('locker-pickup');
  const leftOpen = view.step === 'left-open';
  return (
    <PickupFrame step={view.step} indicator={indicator} title={t('door.title')} busy>
      <div className="pickup__waiting pickup__waiting--door" role="status" aria-live="assertive">
        <span className="pickup__compartment" data-testid="pickup-compartment">
          {view.compartment}
        </span>
        <p>{t(leftOpen ? 'door.leftOpen' : 'door.open', { compartment: view.compartment })}</p>
      </div>
    </PickupFrame>
  );
}
