import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpc } from '../../rpc/rpc_context.js';

/**
 * The frame every collection step shares: the step indicator, a title, the step's content, and Back and Cancel.
 * While a document is on its way out, the two are shown but disabled: nothing a tap does can stop a release.
 */
export function CollectFrame({
  step,
  indicator,
  title,
  busy = false,
  children,
}: {
  step: string;
  indicator: ReactNode;
  title: string;
  busy?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('collect-document');
  const rpc = useRpc();
  return (
    <main className="collect" data-testid={`collect-${step}`}>
      {indicator}
      <h1 className="screen-title">{title}</h1>
      <div className="collect__body">{children}</div>
      <footer className="screen-footer collect__footer">
        <button
          type="button"
          className="secondary-button"
          data-testid="collect-cancel"
          disabled={busy}
          onClick={() => void rpc.call('collect-document.cancel', {})}
        >
          {t('cancel')}
        </button>
        <button
          type="button"
          className="secondary-button"
          data-testid="collect-back"
          disabled={busy}
          onClick={() => void rpc.call('collect-document.back', {})}
        >
          {t('back')}
        </button>
      </footer>
    </main>
  );
}
