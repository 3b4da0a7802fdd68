import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicationsFlowView } from '../../../electron/rpc/flows/publications_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { CoverSwatch } from './cover.js';
import { QuantityStepper } from './detail_step.js';
import { htmlLangOf, usePublicationFormat } from './publication_text.js';
import { PublicationsFrame } from './publications_frame.js';

type View = Extract<PublicationsFlowView, { step: 'basket' }>;

/** What the resident will pay for: each line with its quantity (limited by stock) and amount, the total, Pay. */
export function BasketStep({ view, indicator }: { view: View; indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  const rpc = useRpc();
  const f = usePublicationFormat();
  const total = f.money(view.totalAvos);
  return (
    <PublicationsFrame step="basket" indicator={indicator} title={t('basket.title')}>
      {view.notice ? (
        <p className="notice" role="alert" data-testid={`pubs-notice-${view.notice}`}>
          {t(`basket.notice.${view.notice}`)}
        </p>
      ) : null}
      {view.lines.length === 0 ? (
        <p className="pubs__hint" data-testid="pubs-basket-empty">
          {t('basket.empty')}
        </p>
      ) : (
        <ul className="pubs__lines" data-testid="pubs-lines">
          {view.lines.map((line) => {
            const title = f.text(line.publication.title);
            return (
              <li
                key={line.publication.id}
                className="pubs__line"
                data-testid={`pubs-line-${line.publication.id}`}
              >
                <CoverSwatch colour={line.publication.coverColour} size="small" />
                <button
                  type="button"
                  className="pubs__line-title"
                  lang={htmlLangOf(title.lang)}
                  {...action([
                    {
                      key: 'publications:spoken.item',
                      values: { title: title.text.slice(0, 120), price: f.money(line.publication.priceAvos) },
                    },
                  ])}
                  onClick={() => void rpc.call('publications.open', { publicationId: line.publication.id })}
                >
                  {title.text}
                </button>
                <QuantityStepper
                  id={line.publication.id}
                  label={title.text}
                  quantity={line.quantity}
                  max={line.max}
                  onChange={(quantity) =>
                    void rpc.call('publications.setQuantity', {
                      publicationId: line.publication.id,
                      quantity,
                    })
                  }
                />
                <span className="pubs__line-amount" data-testid={`pubs-line-amount-${line.publication.id}`}>
                  {f.money(line.lineAvos)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <div className="pubs__total">
        <span>{t('basket.total')}</span>
        <strong data-testid="pubs-total">{total}</strong>
      </div>
      <div className="identify__choices">
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="pubs-checkout"
          disabled={view.lines.length === 0}
          {...action([{ key: 'publications:basket.pay', values: { total } }], { role: 'default' })}
          onClick={() => void rpc.call('publications.checkout', {})}
        >
          {t('basket.pay', { total })}
        </button>
      </div>
    </PublicationsFrame>
  );
}
