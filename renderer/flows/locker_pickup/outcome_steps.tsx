import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerPickupFlowView } from '../../../electron/rpc/flows/locker_pickup_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { PickupFrame } from './pickup_frame.js';

type Refused = Extract<LockerPickupFlowView, { step: 'refused' | 'door-failed' }>;
type Done = Extract<LockerPickupFlowView, { step: 'done' }>;

function timeOf(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Asia/Macau',
  }).format(new Date(iso));
}

/** Why no door opened, and what to do next; Try again when another code (or a wait) can help. */
export function RefusedStep({ view, indicator }: { view: Refused; indicator: ReactNode }) {
  const { t, i18n } = useTranslation('locker-pickup');
  const rpc = useRpc();
  const key = view.step === 'door-failed' ? 'door-failed' : `refused.${view.reason}`;
  const retryAt = view.step === 'refused' ? view.retryAt : null;
  return (
    <PickupFrame step={view.step} indicator={indicator} title={t(`${key}.title`)}>
      <section
        className="identify__refused"
        role="alert"
        data-testid={`pickup-reason-${view.step === 'door-failed' ? 'door-failed' : view.reason}`}
      >
        <p>{t(`${key}.body`, view.step === 'door-failed' ? { compartment: view.compartment } : {})}</p>
        {retryAt !== null ? (
          <p className="notice" data-testid="pickup-wait">
            {t('refused.wait', { time: timeOf(retryAt, i18n.language) })}
          </p>
        ) : null}
      </section>
      <div className="identify__choices">
        {view.step === 'refused' ? (
          <button
            type="button"
            className="secondary-button"
            data-testid="pickup-try-again"
            {...action([{ key: 'locker-pickup:refused.again' }])}
            onClick={() => void rpc.call('locker-pickup.tryAgain', {})}
          >
            {t('refused.again')}
          </button>
        ) : null}
        <button
          type="button"
          className="primary-button"
          data-testid="pickup-finish"
          {...action([{ key: 'locker-pickup:finish' }], { role: 'default' })}
          onClick={() => void rpc.call('locker-pickup.finish', {})}
        >
          {t('finish')}
        </button>
      </div>
    </PickupFrame>
  );
}

/** Picked up: the door is closed, the pickup recorded (or to be, by the kiosk or staff). */
export function DoneStep({ view, indicator }: { view: Done; indicator: ReactNode }) {
  const { t } = useTranslation('locker-pickup');
  const rpc = useRpc();
  return (
    <PickupFrame step="done" indicator={indicator} title={t('done.title')}>
      <p className="pickup__lead">{t('done.body', { compartment: view.compartment })}</p>
      {view.record !== 'recorded' ? (
        <p className="notice" data-testid={`pickup-record-${view.record}`}>
          {t(`done.${view.record}`)}
        </p>
      ) : null}
      {view.receipt === 'printing' || view.receipt === 'printed' || view.receipt === 'not-printed' ? (
        <p className="pickup__lead" role="status" data-testid={`pickup-receipt-${view.receipt}`}>
          {t(`done.receipt.${view.receipt}`)}
        </p>
      ) : null}
      <div className="identify__choices">
        {view.receipt === 'offered' ? (
          <button
            type="button"
            className="secondary-button"
            data-testid="pickup-print-receipt"
            {...action([{ key: 'locker-pickup:done.receipt.ask' }])}
            onClick={() => void rpc.call('locker-pickup.printReceipt', {})}
          >
            {t('done.receipt.ask')}
          </button>
        ) : null}
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="pickup-finish"
          {...action([{ key: 'locker-pickup:finish' }], { role: 'default' })}
          onClick={() => void rpc.call('locker-pickup.finish', {})}
        >
          {t('finish')}
        </button>
      </div>
    </PickupFrame>
  );
}
