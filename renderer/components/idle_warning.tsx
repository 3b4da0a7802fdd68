import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpc } from '../rpc/rpc_context.js';
import { useSessionStore } from '../stores/session_store.js';

/**
 * "Need more time?" — a modal with one large Continue button, a live countdown and a way to end now (WCAG 2.2.1).
 * The main process owns the deadline; the countdown here only displays it.
 */
export function IdleWarning() {
  const { t } = useTranslation();
  const rpc = useRpc();
  const view = useSessionStore((s) => s.view);
  const deadline = useSessionStore((s) => s.warningDeadline);
  const [, tick] = useState(0);

  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [deadline]);

  if (view.phase !== 'active' || !view.warning || deadline === null) return null;
  const secondsLeft = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
  const canExtend = view.extensionsLeft > 0;

  return (
    <div className="overlay" data-testid="idle-warning">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body"
      >
        <h2 id="idle-title" className="dialog__title">
          {t('idle.title')}
        </h2>
        <p id="idle-body" className="dialog__body" aria-live="polite">
          {t('idle.body', { count: secondsLeft })}
        </p>
        <p className="dialog__countdown" aria-hidden="true" data-testid="idle-countdown">
          {secondsLeft}
        </p>
        {canExtend ? null : <p className="dialog__body">{t('idle.lastExtension')}</p>}
        <div className="dialog__actions">
          {canExtend ? (
            <button
              type="button"
              className="primary-button primary-button--large"
              data-testid="idle-continue"
              // biome-ignore lint/a11y/noAutofocus: the warning must take focus so a keyboard or switch user answers it at once
              autoFocus
              onClick={() => void rpc.call('session.extend', {})}
            >
              {t('idle.continue')}
            </button>
          ) : null}
          <button
            type="button"
            className="secondary-button"
            data-testid="idle-end"
            onClick={() => void rpc.call('session.end', { reason: 'cancelled' })}
          >
            {t('idle.end')}
          </button>
        </div>
      </div>
    </div>
  );
}
