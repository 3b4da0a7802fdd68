import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProofOfIdentityFlowView } from '../../../electron/rpc/flows/proof_of_identity_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { ProofFrame } from './proof_frame.js';

type Outcome = Extract<ProofOfIdentityFlowView, { step: 'preparing' | 'printing' | 'done' | 'failed' }>;

/**
 * While the kiosk makes or prints the page (a spinner, Back and Cancel waiting), the printed proof with its code
 * and how a third party checks it, or what went wrong and where to go.
 */
export function ProofOutcomeStep({ view, indicator }: { view: Outcome; indicator: ReactNode }) {
  const { t } = useTranslation('proof-of-identity');
  const rpc = useRpc();
  switch (view.step) {
    case 'preparing':
    case 'printing':
      return (
        <ProofFrame step={view.step} indicator={indicator} title={t(`${view.step}.title`)} busy>
          <div className="proof__waiting" role="status" aria-live="polite">
            <span className="identify__spinner" aria-hidden="true" />
            <p>{t(`${view.step}.body`)}</p>
          </div>
        </ProofFrame>
      );
    case 'done':
    case 'failed': {
      const done = view.step === 'done';
      return (
        <ProofFrame
          step={done ? 'done' : `failed-${view.reason}`}
          indicator={indicator}
          title={done ? t('done.title') : t(`failed.${view.reason}.title`)}
        >
          {done ? (
            <>
              <p className="proof__lead">{t('done.take')}</p>
              <p className="proof__code" data-testid="proof-code">
                <span>{t('done.code')}</span>
                <strong>{view.verificationCode}</strong>
              </p>
              <p className="proof__lead">{t('done.howToCheck')}</p>
            </>
          ) : (
            <p className="notice" role="alert">
              {t(`failed.${view.reason}.body`)}
            </p>
          )}
          <div className="identify__choices">
            <button
              type="button"
              className="primary-button primary-button--large"
              data-testid="proof-finish"
              {...action([{ key: 'proof-of-identity:finish' }], { role: 'default' })}
              onClick={() => void rpc.call('proof-of-identity.finish', {})}
            >
              {t('finish')}
            </button>
          </div>
        </ProofFrame>
      );
    }
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
