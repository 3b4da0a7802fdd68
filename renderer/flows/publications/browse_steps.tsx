import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicationsFlowView } from '../../../electron/rpc/flows/publications_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { BasketBar, PublicationList } from './publication_list.js';
import { usePublicationFormat } from './publication_text.js';
import { spokenGroupName } from './publications_announcement.js';
import { PublicationsFrame } from './publications_frame.js';

type Browse = Extract<PublicationsFlowView, { step: 'browse' }>;
type List = Extract<PublicationsFlowView, { step: 'list' }>;

/** Departments or categories, each with how many titles it has here; search; the basket. */
export function BrowseStep({ view, indicator }: { view: Browse; indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  const rpc = useRpc();
  const f = usePublicationFormat();
  const groupName = (g: Browse['groups'][number]) =>
    view.by === 'category' ? t(`category.${g.key}`) : (g.name?.[f.language] ?? g.key);
  return (
    <PublicationsFrame step="browse" indicator={indicator} title={t('browse.title')}>
      <div className="pubs__toolbar">
        <div className="pubs__tabs" role="tablist" aria-label={t('browse.by')}>
          {(['department', 'category'] as const).map((by) => (
            <button
              key={by}
              type="button"
              role="tab"
              aria-selected={view.by === by}
              className={view.by === by ? 'pubs__tab pubs__tab--on' : 'pubs__tab'}
              data-testid={`pubs-by-${by}`}
              {...action([{ key: `publications:browse.${by}` }])}
              onClick={() => void rpc.call('publications.browseBy', { by })}
            >
              {t(`browse.${by}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="secondary-button"
          data-testid="pubs-open-search"
          {...action([{ key: 'publications:browse.search' }])}
          onClick={() => void rpc.call('publications.openSearch', {})}
        >
          {t('browse.search')}
        </button>
      </div>
      <ul className="pubs__groups" data-testid="pubs-groups">
        {view.groups.map((g) => (
          <li key={g.key}>
            <button
              type="button"
              className="choice choice--wide"
              data-testid={`pubs-group-${g.key}`}
              {...action([
                {
                  key: 'publications:spoken.group',
                  values: { ...spokenGroupName(view.by, g), count: g.count },
                },
              ])}
              onClick={() => void rpc.call('publications.openGroup', { key: g.key })}
            >
              <span className="choice__main">{groupName(g)}</span>
              <span className="choice__sub">{t('browse.titles', { count: g.count })}</span>
            </button>
          </li>
        ))}
      </ul>
      <BasketBar basket={view.basket} />
    </PublicationsFrame>
  );
}

/** One department's or category's publications. */
export function ListStep({ view, indicator }: { view: List; indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  const f = usePublicationFormat();
  const name =
    view.by === 'category'
      ? t(`category.${view.group.key}`)
      : (view.group.name?.[f.language] ?? view.group.key);
  return (
    <PublicationsFrame step="list" indicator={indicator} title={name}>
      <PublicationList publications={view.publications} />
      <BasketBar basket={view.basket} />
    </PublicationsFrame>
  );
}
