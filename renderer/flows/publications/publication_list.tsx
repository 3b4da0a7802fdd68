import { useTranslation } from 'react-i18next';
import type { BasketSummary, PublicationCard } from '../../../electron/rpc/flows/publications_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { CoverSwatch } from './cover.js';
import { htmlLangOf, usePublicationFormat } from './publication_text.js';
import { spokenBasket } from './publications_announcement.js';

/** Publications to choose from (a department's, a category's, search results): cover, title, price, stock. */
export function PublicationList({ publications }: { publications: readonly PublicationCard[] }) {
  const { t } = useTranslation('publications');
  const rpc = useRpc();
  const f = usePublicationFormat();
  return (
    <ul className="pubs__list" data-testid="pubs-items">
      {publications.map((p) => {
        const title = f.text(p.title);
        const price = f.money(p.priceAvos);
        return (
          <li key={p.id}>
            <button
              type="button"
              className="choice choice--wide pubs__item"
              data-testid={`pubs-item-${p.id}`}
              {...action([
                { key: 'publications:spoken.item', values: { title: title.text.slice(0, 120), price } },
                ...(p.available === 0 ? [{ key: 'publications:soldOut' }] : []),
              ])}
              onClick={() => void rpc.call('publications.open', { publicationId: p.id })}
            >
              <CoverSwatch colour={p.coverColour} size="small" />
              <span className="pubs__item-text">
                <span className="choice__main" lang={htmlLangOf(title.lang)}>
                  {title.text}
                </span>
                {p.publisherName ? <span className="choice__sub">{p.publisherName[f.language]}</span> : null}
              </span>
              <span className="pubs__item-side">
                <span className="pubs__price">{price}</span>
                {p.available === 0 ? (
                  <span className="tag tag--muted">{t('soldOut')}</span>
                ) : p.inBasket > 0 ? (
                  <span className="tag">{t('inBasket', { count: p.inBasket })}</span>
                ) : null}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The basket as it stands, on every browsing step, with the way to it. */
export function BasketBar({ basket }: { basket: BasketSummary }) {
  const { t } = useTranslation('publications');
  const rpc = useRpc();
  const f = usePublicationFormat();
  const summary =
    basket.items === 0
      ? t('basketBar.empty')
      : t('basketBar.summary', { count: basket.items, total: f.money(basket.totalAvos) });
  return (
    <div className="pubs__basket-bar" data-testid="pubs-basket-bar">
      <span>{summary}</span>
      <button
        type="button"
        className="primary-button"
        data-testid="pubs-show-basket"
        disabled={basket.items === 0}
        {...action([{ key: 'publications:basketBar.open' }, spokenBasket(basket, f.money)])}
        onClick={() => void rpc.call('publications.showBasket', {})}
      >
        {t('basketBar.open')}
      </button>
    </div>
  );
}
