import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DispenseItemView,
  PublicationsFlowView,
} from '../../../electron/rpc/flows/publications_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { htmlLangOf, usePublicationFormat } from './publication_text.js';
import { PublicationsFrame } from './publications_frame.js';

type Dispensing = Extract<PublicationsFlowView, { step: 'dispensing' }>;
type Done = Extract<PublicationsFlowView, { step: 'done' }>;

const marks: Record<DispenseItemView['state'], string> = {
  waiting: '○',
  turning: '◐',
  dropped: '✓',
  'not-dropped': '✕',
};

/** Each item, as it comes out of its slot: waiting, turning, in the tray, or not come out (refunded). */
function ItemProgress({ items }: { items: readonly DispenseItemView[] }) {
  const { t } = useTranslation('publications');
  const f = usePublicationFormat();
  return (
    <ol className="pubs__progress" data-testid="pubs-progress">
      {/* The sale's items never move, so their position is their identity (two copies of one title are two). */}
      {items
        .map((item, index) => ({ item, index }))
        .map(({ item, index }) => {
          const title = f.text(item.title);
          return (
            <li
              key={`item-${index}`}
              className={`pubs__progress-item pubs__progress-item--${item.state}`}
              data-testid={`pubs-progress-${index}`}
              data-state={item.state}
            >
              <span className="pubs__mark" aria-hidden="true">
                {marks[item.state]}
              </span>
              <span lang={htmlLangOf(title.lang)}>{title.text}</span>
              <span className="pubs__progress-state">{t(`progress.${item.state}`)}</span>
            </li>
          );
        })}
    </ol>
  );
}

export function DispensingStep({ view, indicator }: { view: Dispensing; indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  const done = view.items.filter((i) => i.state === 'dropped' || i.state === 'not-dropped').length;
  return (
    <PublicationsFrame step="dispensing" indicator={indicator} title={t('dispensing.title')} busy>
      <p className="pubs__lead" role="status" aria-live="polite" aria-label={t('dispensing.title')}>
        {t('dispensing.count', { done, count: view.items.length })}
      </p>
      <ItemProgress items={view.items} />
      <p className="pubs__hint">{t('dispensing.wait')}</p>
    </PublicationsFrame>
  );
}

/** Paid and turned out: take the items and the receipt; what did not come out was refunded (or will be). */
export function DoneStep({ view, indicator }: { view: Done; indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  const rpc = useRpc();
  const f = usePublicationFormat();
  const missing = view.items.filter((i) => i.state !== 'dropped').length;
  return (
    <PublicationsFrame
      step="done"
      indicator={indicator}
      title={t(missing === 0 ? 'done.title' : 'done.titlePartial')}
    >
      <p className="pubs__lead">{t('done.take')}</p>
      <ItemProgress items={view.items} />
      {missing > 0 ? (
        <section className="notice" role="alert" data-testid={`pubs-end-${view.end}`}>
          <p>{t('done.missing', { count: missing })}</p>
          <p>{t(`done.end.${view.end}`, { amount: f.money(view.refundedAvos) })}</p>
        </section>
      ) : null}
      <p data-testid="pubs-paid">{t('done.paid', { amount: f.money(view.paidAvos) })}</p>
      <p className="pubs__hint" data-testid={`pubs-receipt-${view.receipt}`}>
        {t(`done.receipt.${view.receipt}`)}
      </p>
      <div className="identify__choices">
        <button
          type="button"
          className="primary-button primary-button--large"
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
