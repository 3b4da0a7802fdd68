import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicationsFlowView } from '../../../electron/rpc/flows/publications_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { CoverSwatch } from './cover.js';
import { BasketBar } from './publication_list.js';
import { htmlLangOf, usePublicationFormat } from './publication_text.js';
import { PublicationsFrame } from './publications_frame.js';

type View = Extract<PublicationsFlowView, { step: 'detail' }>;

/**
 * One publication on the large screen: the cover beside what a resident weighs before buying — description,
 * an extract of the contents, the edition's languages, format, pages, year, price — and how many to take, up to
 * what the slots hold.
 */
export function DetailStep({ view, indicator }: { view: View; indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  const rpc = useRpc();
  const f = usePublicationFormat();
  const p = view.publication;
  const title = f.text(p.title);
  const description = f.text(p.description);
  const set = (quantity: number) =>
    void rpc.call('publications.setQuantity', { publicationId: p.id, quantity });
  return (
    <PublicationsFrame step="detail" indicator={indicator} title={t('detail.title')}>
      <article className="pubs__detail">
        <CoverSwatch colour={p.coverColour} imageUrl={p.coverImageUrl} size="large" />
        <div className="pubs__detail-text">
          <h2 className="pubs__detail-title" lang={htmlLangOf(title.lang)} data-testid="pubs-detail-title">
            {title.text}
          </h2>
          {p.publisherName ? <p className="pubs__publisher">{p.publisherName[f.language]}</p> : null}
          <p className="pubs__detail-price" data-testid="pubs-detail-price">
            {f.money(p.priceAvos)}
          </p>
          <dl className="pubs__facts">
            <dt>{t('detail.edition')}</dt>
            <dd data-testid="pubs-detail-edition">
              {p.editionLanguages.map((l) => t(`language.${l}`)).join(' · ')}
            </dd>
            <dt>{t('detail.format')}</dt>
            <dd>{t(`format.${p.format}`)}</dd>
            <dt>{t('detail.pages')}</dt>
            <dd>{t('detail.pageCount', { count: p.pages })}</dd>
            <dt>{t('detail.year')}</dt>
            <dd>{p.year}</dd>
          </dl>
          {description.text ? (
            <p className="pubs__description" lang={htmlLangOf(description.lang)}>
              {description.text}
            </p>
          ) : null}
          {p.contents.length > 0 ? (
            <section aria-labelledby="pubs-contents">
              <h3 id="pubs-contents" className="pubs__contents-title">
                {t('detail.contents')}
              </h3>
              <ul className="pubs__contents" data-testid="pubs-contents">
                {p.contents.map((entry) => {
                  const line = f.text(entry);
                  return (
                    <li key={line.text} lang={htmlLangOf(line.lang)}>
                      {line.text}
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
          {p.sample ? <p className="pubs__hint">{t('detail.sample')}</p> : null}
        </div>
        <div className="pubs__quantity" data-testid="pubs-quantity">
          {p.available === 0 ? (
            <p className="notice" data-testid="pubs-sold-out">
              {t('detail.soldOut')}
            </p>
          ) : p.inBasket === 0 ? (
            <button
              type="button"
              className="primary-button primary-button--large"
              data-testid="pubs-add"
              {...action([{ key: 'publications:detail.add' }], { role: 'default' })}
              onClick={() => set(1)}
            >
              {t('detail.add')}
            </button>
          ) : (
            <QuantityStepper
              id={p.id}
              label={title.text}
              quantity={p.inBasket}
              max={p.available}
              onChange={set}
            />
          )}
          {p.available > 0 ? (
            <p className="pubs__hint" data-testid="pubs-available">
              {t('detail.available', { count: p.available })}
            </p>
          ) : null}
        </div>
      </article>
      <BasketBar basket={view.basket} />
    </PublicationsFrame>
  );
}

/**
 * − quantity +, never above what the slots hold; − at 1 takes the publication out of the basket. A group named by the
 * publication's title, so "One more" says of what wherever a screen reader lands (a basket has several).
 */
export function QuantityStepper({
  id,
  label,
  quantity,
  max,
  onChange,
}: {
  id: string;
  label: string;
  quantity: number;
  max: number;
  onChange: (quantity: number) => void;
}) {
  const { t } = useTranslation('publications');
  return (
    <fieldset className="pubs__stepper" aria-label={label} data-testid={`pubs-stepper-${id}`}>
      <button
        type="button"
        className="secondary-button pubs__step-button"
        data-testid={`pubs-less-${id}`}
        aria-label={t('quantity.less')}
        {...action([{ key: 'publications:quantity.less' }])}
        onClick={() => onChange(quantity - 1)}
      >
        −
      </button>
      <output className="pubs__count" data-testid={`pubs-count-${id}`} aria-live="polite">
        {t('quantity.count', { count: quantity })}
      </output>
      <button
        type="button"
        className="secondary-button pubs__step-button"
        data-testid={`pubs-more-${id}`}
        aria-label={t('quantity.more')}
        disabled={quantity >= max}
        {...action([
          { key: 'publications:quantity.more' },
          ...(quantity >= max ? [{ key: 'publications:quantity.atMost', values: { count: max } }] : []),
        ])}
        onClick={() => onChange(quantity + 1)}
      >
        +
      </button>
      {quantity >= max ? (
        <span className="pubs__hint" data-testid={`pubs-at-most-${id}`}>
          {t('quantity.atMost', { count: max })}
        </span>
      ) : null}
    </fieldset>
  );
}
