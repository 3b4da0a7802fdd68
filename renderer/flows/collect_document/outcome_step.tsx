import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectDocumentFlowView } from '../../../electron/rpc/flows/collect_document_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { CollectFrame } from './collect_frame.js';

export type Outcome = Extract<
  CollectDocumentFlowView,
  { step: 'nothing-ready' | 'not-collected' | 'release-failed' | 'unavailable' }
>;

/** The key of what to tell the resident: what happened, and what happens next or where to go. */
export function messageKey(view: Outcome): string {
  switch (view.step) {
    case 'nothing-ready':
      return 'outcome.nothing-ready';
    case 'not-collected':
      return 'outcome.not-collected';
    case 'release-failed':
      return `outcome.release-failed.${view.problem}`;
    case 'unavailable':
      return `outcome.unavailable.${view.reason}`;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/** A collection that did not end with a document in the resident's hands, said plainly. */
export function OutcomeStep({ view, indicator }: { view: Outcome; indicator: ReactNode }) {
  const { t } = useTranslation('collect-document');
  const rpc = useRpc();
  const key = messageKey(view);
  const tryAgain = view.step !== 'nothing-ready';
  return (
    <CollectFrame step={view.step} indicator={indicator} title={t(`${key}.title`)}>
      <section
        className="identify__refused"
        role="alert"
        data-testid={`collect-outcome-${key.replace(/\./g, '-')}`}
      >
        <p>{t(`${key}.body`)}</p>
      </section>
      <div className="identify__choices">
        {tryAgain ? (
          <button
            type="button"
            className="secondary-button"
            data-testid="collect-another"
            {...action([{ key: 'collect-document:outcome.again' }])}
            onClick={() => void rpc.call('collect-document.another', {})}
          >
            {t('outcome.again')}
          </button>
        ) : null}
        <button
          type="button"
          className="primary-button"
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
