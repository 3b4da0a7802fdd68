import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { PublicationsFrame } from './publications_frame.js';

/** The catalogue and the stock are being read (at the start, and at checkout). */
export function LoadingStep({ indicator }: { indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  return (
    <PublicationsFrame step="loading" indicator={indicator} title={t('browse.title')} busy>
      <div className="pubs__waiting" role="status" aria-live="polite" aria-label={t('browse.title')}>
        <span className="identify__spinner" aria-hidden="true" />
        <p>{t('loading')}</p>
      </div>
    </PublicationsFrame>
  );
}

/** The publications could not be read: nothing can be sold right now. */
export function UnavailableStep({ indicator }: { indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  const rpc = useRpc();
  return (
    <PublicationsFrame step="unavailable" indicator={indicator} title={t('unavailable.title')}>
      <section className="identify__refused" role="alert">
        <p>{t('unavailable.body')}</p>
      </section>
      <div className="identify__choices">
        <button
          type="button"
          className="secondary-button"
          data-testid="pubs-retry"
          {...action([{ key: 'publications:unavailable.retry' }])}
          onClick={() => void rpc.call('publications.retry', {})}
        >
          {t('unavailable.retry')}
        </button>
        <button
          type="button"
          className="primary-button"
          data-testid="pubs-finish"
          {...action([{ key: 'publications:finish' }], { role: 'default' })}
          onClick={() => void rpc.call('publications.finish', {})}
        >
          {t('finish')}
        </button>
      </div>
    </PublicationsFrame>
  );
}
