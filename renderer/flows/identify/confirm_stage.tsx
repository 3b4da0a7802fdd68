import { useTranslation } from 'react-i18next';
import type { IdentifyView } from '../../../electron/rpc/flows/identify_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';

type ConfirmView = Extract<IdentifyView, { stage: 'confirm' }>;

/**
 * The chip's face beside the masked name and number: the resident checks it is them. The image is the data URL the
 * main process made from DG2; it lives in the view only, and goes with the session.
 */
export function ConfirmStage({ view }: { view: ConfirmView }) {
  const { t } = useTranslation('identify');
  const rpc = useRpc();
  return (
    <>
      <p className="identify__lead">{t('confirm.question')}</p>
      <section className="identify__card panel" data-testid="identify-card">
        {view.face ? (
          <img
            className="identify__face"
            src={view.face}
            alt={t('confirm.photo')}
            data-testid="identify-face"
          />
        ) : (
          <p className="identify__no-face" data-testid="identify-no-face">
            {t('confirm.noPhoto')}
          </p>
        )}
        <div className="identify__facts">
          <p className="identify__document-kind">{t(`confirm.document.${view.document}`)}</p>
          <dl>
            <dt>{t('confirm.name')}</dt>
            <dd data-testid="identify-name">{view.name}</dd>
            <dt>{t('confirm.number')}</dt>
            <dd data-testid="identify-number">{view.documentNumber}</dd>
          </dl>
        </div>
      </section>
      <p className="identify__privacy">{t('confirm.privacy')}</p>
      <div className="identify__choices">
        <button
          type="button"
          className="secondary-button"
          data-testid="identify-not-me"
          {...action([{ key: 'identify:confirm.no' }])}
          onClick={() => void rpc.call('identify.notMe', {})}
        >
          {t('confirm.no')}
        </button>
        <button
          type="button"
          className="primary-button primary-button--large"
          data-testid="identify-confirm"
          {...action([{ key: 'identify:confirm.yes' }], { role: 'default' })}
          onClick={() => void rpc.call('identify.confirm', {})}
        >
          {t('confirm.yes')}
        </button>
      </div>
    </>
  );
}
