import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadyDocumentView } from '../../../electron/rpc/flows/collect_document_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { action } from '../../a11y/speakable.js';
import { ServiceIcon } from '../../components/icons.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { CollectFrame } from './collect_frame.js';

/** What waits for the resident at this kiosk: one large button per document, in the session's language. */
export function ChooseStep({
  documents,
  indicator,
}: {
  documents: readonly ReadyDocumentView[];
  indicator: ReactNode;
}) {
  const { t, i18n } = useTranslation('collect-document');
  const rpc = useRpc();
  const language = i18n.language as Language;
  return (
    <CollectFrame step="choose" indicator={indicator} title={t('choose.title')}>
      <p className="collect__lead">{t('choose.lead', { count: documents.length })}</p>
      <ul className="collect__documents">
        {documents.map((document) => (
          <li key={document.collectionId}>
            <button
              type="button"
              className="tile collect__document"
              data-testid={`collect-choose-${document.collectionId}`}
              {...action([
                { key: 'collect-document:spoken.document', values: { title: { text: document.title } } },
                { key: `collect-document:choose.from.${document.format}` },
              ])}
              onClick={() =>
                void rpc.call('collect-document.choose', { collectionId: document.collectionId })
              }
            >
              <span className="tile__icon">
                <ServiceIcon service="collect-document" size={72} />
              </span>
              <span className="tile__title">{document.title[language]}</span>
              <span className="tile__summary">{t(`choose.from.${document.format}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </CollectFrame>
  );
}
