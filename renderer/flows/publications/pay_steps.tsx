import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicationsFlowView } from '../../../electron/rpc/flows/publications_contract.js';
import { ServiceIcon } from '../../components/icons.js';
import { usePublicationFormat } from './publication_text.js';
import { PublicationsFrame } from './publications_frame.js';

type Pay = Extract<PublicationsFlowView, { step: 'pay' }>;
type Paying = Extract<PublicationsFlowView, { step: 'paying' }>;

/**
 * Show the wallet's payment code to the scanner (the main process follows it). After a refusal the reason is said
 * in the resident's language, and the next scan is another try; after no answer, the resident is told that
 * scanning again never charges twice.
 */
export function PayStep({ view, indicator }: { view: Pay; indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  const f = usePublicationFormat();
  return (
    <PublicationsFrame step="pay" indicator={indicator} title={t('pay.title')}>
      <div className="pubs__pay">
        <span className="pubs__pay-icon">
          <ServiceIcon service="check-in" size={140} />
        </span>
        <div className="pubs__pay-text">
          <p className="pubs__amount" data-testid="pubs-pay-total">
            {t('pay.amount', { total: f.money(view.totalAvos), count: view.items })}
          </p>
          {view.problem ? (
            <section className="identify__refused" role="alert" data-testid={`pubs-problem-${view.problem}`}>
              <p>
                <strong>{t(`pay.problem.${view.problem}.title`)}</strong>
              </p>
              <p>{t(`pay.problem.${view.problem}.body`)}</p>
            </section>
          ) : null}
          <p className="pubs__lead">{t('pay.how')}</p>
          <p className="pubs__hint">{t('pay.wallets')}</p>
        </div>
      </div>
    </PublicationsFrame>
  );
}

/** The charge is on its way: nothing to do but wait. */
export function PayingStep({ view, indicator }: { view: Paying; indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  const f = usePublicationFormat();
  return (
    <PublicationsFrame step="paying" indicator={indicator} title={t('pay.title')} busy>
      <div className="pubs__waiting" role="status" aria-live="polite" aria-label={t('pay.title')}>
        <span className="identify__spinner" aria-hidden="true" />
        <p>{t('paying', { total: f.money(view.totalAvos) })}</p>
      </div>
    </PublicationsFrame>
  );
}
