import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectDocumentFlowView } from '../../../electron/rpc/flows/collect_document_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { CollectFrame } from './collect_frame.js';

type Done = Extract<CollectDocumentFlowView, { step: 'done' }>;

/** Collected: take the receipt; another document if one more waits; Finish ends the session. */
export function DoneStep({ view, indicator }: { view: Done; indicator: ReactNode }) {
  const { t, i18n } = useTranslation('collect-document');
  const rpc = useRpc();
  const language = i18n.language as Language;
  return (
    <CollectFrame step="done" indicator={indicator} title={t('done.title')}>
      <p className="collect__document-name">{view.document.title[language]}</p>
      <p className="collect__lead">{t('done.receipt')}</p>
      {view.confirmedLater ? (
        <p className="notice" data-testid="collect-confirmed-later">
          {t('done.confirmedLater')}
        </p>
      ) : null}
      <div className="identify__choices">
        {view.moreWaiting ? (
          <button
            type="button"
            className="secondary-button"
            data-testid="collect-another"
            {...action([{ key: 'collect-document:done.another' }])}
            onClick={() => void rpc.call('collect-document.another', {})}
          >
            {t('done.another')}
          </button>
        ) : null}
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="collect-finish"
          {...action([{ key: 'collect-document:done.finish' }], { role: 'default' })}
          onClick={() => void rpc.call('collect-document.finish', {})}
        >
          {t('done.finish')}
        </button>
      </div>
    </CollectFrame>
  );
}
