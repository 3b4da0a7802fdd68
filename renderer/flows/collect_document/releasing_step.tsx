import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectDocumentFlowView } from '../../../electron/rpc/flows/collect_document_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { CollectFrame } from './collect_frame.js';

type Waiting = Extract<CollectDocumentFlowView, { step: 'finding' | 'releasing' | 'confirming' }>;

/**
 * While the kiosk works: looking for the documents, setting one aside and moving it to the gate or the door, the
 * resident taking it, the backend being told. Back and Cancel wait; the big message says what to do now.
 */
export function ReleasingStep({ view, indicator }: { view: Waiting; indicator: ReactNode }) {
  const { t, i18n } = useTranslation('collect-document');
  const language = i18n.language as Language;
  const message = (() => {
    switch (view.step) {
      case 'finding':
        return t('finding');
      case 'confirming':
        return t('releasing.confirming');
      case 'releasing':
        return view.stage === 'take-from-door'
          ? t('releasing.take-from-door', { door: view.door ?? '' })
          : t(`releasing.${view.stage}`);
      default: {
        const unreachable: never = view;
        return unreachable;
      }
    }
  })();
  const take = view.step === 'releasing' && view.stage !== 'preparing';
  return (
    <CollectFrame
      step={view.step === 'releasing' ? `releasing-${view.stage}` : view.step}
      indicator={indicator}
      title={view.step === 'finding' ? t('choose.title') : t('releasing.title')}
      busy
    >
      {view.step === 'finding' ? null : (
        <p className="collect__document-name">{view.document.title[language]}</p>
      )}
      <div
        className={`collect__waiting${take ? ' collect__waiting--take' : ''}`}
        role="status"
        aria-live="polite"
      >
        {take ? (
          <span className="collect__arrow" aria-hidden="true" />
        ) : (
          <span className="identify__spinner" aria-hidden="true" />
        )}
        <p>{message}</p>
      </div>
    </CollectFrame>
  );
}
