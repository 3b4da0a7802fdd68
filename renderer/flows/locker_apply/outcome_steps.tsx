import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerApplyFlowView } from '../../../electron/rpc/flows/locker_apply_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { formatDay, inLanguage } from './apply_format.js';
import { ApplyFrame } from './apply_frame.js';

type Confirm = Extract<LockerApplyFlowView, { step: 'confirm' }>;
type Done = Extract<LockerApplyFlowView, { step: 'done' }>;
type Failed = Extract<LockerApplyFlowView, { step: 'failed' }>;
type Waiting = Extract<LockerApplyFlowView, { step: 'loading' | 'sending' }>;

/** A label and its value, the way the confirm and done steps list them. */
function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="apply__fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** While the kiosk asks the government services: the services, the points, or the application on its way. */
export function WaitingStep({ view, indicator }: { view: Waiting; indicator: ReactNode }) {
  const { t } = useTranslation('locker-apply');
  const sending = view.step === 'sending';
  const title = sending ? t('sending.title') : t('loading.title');
  return (
    <ApplyFrame step={view.step} indicator={indicator} title={title} busy={sending}>
      <div className="apply__waiting" role="status" aria-live="polite" aria-label={title}>
        <span className="identify__spinner" aria-hidden="true" />
        <p>{sending ? t('sending.body') : t(`loading.${view.what}`)}</p>
      </div>
    </ApplyFrame>
  );
}

/** What will be applied for, and where it will wait; Apply sends it. */
export function ConfirmStep({ view, indicator }: { view: Confirm; indicator: ReactNode }) {
  const { t, i18n } = useTranslation('locker-apply');
  const rpc = useRpc();
  const language = i18n.language;
  return (
    <ApplyFrame step="confirm" indicator={indicator} title={t('confirm.title')}>
      <dl className="apply__facts">
        <Fact label={t('confirm.service')} value={inLanguage(view.chosen.name, language)} />
        <Fact label={t('confirm.point')} value={inLanguage(view.point.name, language)} />
        <Fact label={t('confirm.address')} value={inLanguage(view.point.address, language)} />
        <Fact
          label={t('confirm.hours')}
          value={view.point.hours === '24h' ? t('point.allDay') : view.point.hours}
        />
      </dl>
      <p className="notice">{t('confirm.how')}</p>
      <div className="identify__choices">
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="apply-send"
          {...action([{ key: 'locker-apply:confirm.apply' }], { role: 'default' })}
          onClick={() => void rpc.call('locker-apply.apply', {})}
        >
          {t('confirm.apply')}
        </button>
      </div>
    </ApplyFrame>
  );
}

/** Applied: the application number, from when the item is ready, and how the code will come; the slip prints. */
export function DoneStep({ view, indicator }: { view: Done; indicator: ReactNode }) {
  const { t, i18n } = useTranslation('locker-apply');
  const rpc = useRpc();
  const language = i18n.language;
  return (
    <ApplyFrame step="done" indicator={indicator} title={t('done.title')}>
      <dl className="apply__facts">
        <Fact label={t('done.reference')} value={view.applicationId} testId="apply-reference" />
        <Fact label={t('done.readyFrom')} value={formatDay(view.readyFrom, language)} testId="apply-ready" />
        <Fact label={t('done.point')} value={inLanguage(view.point.name, language)} />
        <Fact label={t('confirm.address')} value={inLanguage(view.point.address, language)} />
      </dl>
      <p className="notice" data-testid="apply-how">
        {t('done.how')}
      </p>
      <p className="apply__slip" role="status" data-testid={`apply-slip-${view.slip}`}>
        {t(`done.slip.${view.slip}`)}
      </p>
      <div className="identify__choices">
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="apply-finish"
          {...action([{ key: 'locker-apply:finish' }], { role: 'default' })}
          onClick={() => void rpc.call('locker-apply.finish', {})}
        >
          {t('finish')}
        </button>
      </div>
    </ApplyFrame>
  );
}

/** Why nothing was applied for (or not yet known), and Try again when it can help. */
export function FailedStep({ view, indicator }: { view: Failed; indicator: ReactNode }) {
  const { t } = useTranslation('locker-apply');
  const rpc = useRpc();
  return (
    <ApplyFrame step="failed" indicator={indicator} title={t(`failed.${view.problem}.title`)}>
      <section className="identify__refused" role="alert" data-testid={`apply-problem-${view.problem}`}>
        <p>{t(`failed.${view.problem}.body`)}</p>
      </section>
      <div className="identify__choices">
        {view.canRetry ? (
          <button
            type="button"
            className="secondary-button"
            data-testid="apply-try-again"
            {...action([{ key: 'locker-apply:tryAgain' }])}
            onClick={() => void rpc.call('locker-apply.tryAgain', {})}
          >
            {t('tryAgain')}
          </button>
        ) : null}
        <button
          type="button"
          className="primary-button"
          data-testid="apply-finish"
          {...action([{ key: 'locker-apply:finish' }], { role: 'default' })}
          onClick={() => void rpc.call('locker-apply.finish', {})}
        >
          {t('finish')}
        </button>
      </div>
    </ApplyFrame>
  );
}
