import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicationsFlowView } from '../../../electron/rpc/flows/publications_contract.js';
import { OnScreenKeyboard } from '../../components/keyboard/on_screen_keyboard.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { BasketBar, PublicationList } from './publication_list.js';
import { usePublicationFormat } from './publication_text.js';
import { PublicationsFrame } from './publications_frame.js';

type View = Extract<PublicationsFlowView, { step: 'search' }>;

/**
 * Search by title as the resident types: pinyin in full or by its initials (`jbf` finds 基本法, typed on the
 * keyboard's letters in any language), Portuguese with or without accents, or English. Every keystroke sends the
 * text; the results come back with the step, so a reload shows the same query.
 */
export function SearchStep({ view, indicator }: { view: View; indicator: ReactNode }) {
  const { t } = useTranslation('publications');
  const rpc = useRpc();
  const f = usePublicationFormat();
  const [typed, setTyped] = useState(view.query);
  const searching = view.query.trim() !== '';
  return (
    <PublicationsFrame step="search" indicator={indicator} title={t('search.title')}>
      <div className="pubs__search">
        <output className="search__field" data-testid="pubs-search-field" aria-live="polite">
          {typed || <span className="search__placeholder">{t('search.placeholder')}</span>}
        </output>
        <div className="pubs__search-results" data-testid="pubs-search-results" data-query={view.query}>
          {searching && view.results.length === 0 ? (
            <p className="pubs__hint" data-testid="pubs-no-results">
              {t('search.none')}
            </p>
          ) : null}
          {searching ? (
            <PublicationList publications={view.results} />
          ) : (
            <p className="pubs__hint">{t('search.hint')}</p>
          )}
        </div>
        <OnScreenKeyboard
          value={typed}
          onChange={(text) => {
            setTyped(text);
            void rpc.call('publications.search', { text });
          }}
          language={f.language}
          maxLength={100}
        />
        <BasketBar basket={view.basket} />
      </div>
    </PublicationsFrame>
  );
}
