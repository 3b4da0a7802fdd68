import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncement } from '../a11y/announcements.js';
import { action } from '../a11y/speakable.js';
import { useRpc } from '../rpc/rpc_context.js';
import { useSessionStore } from '../stores/session_store.js';

/** The countdown is spoken when the warning appears and once more at this many seconds left, not every second. */
const lastCallSeconds = 10;

/**
 * "Need more time?" — a modal with one large Continue button, a live countdown and a way to end now (WCAG 2.2.1).
 * The main process owns the deadline; the countdown here only displays it. Enter continues and Back ends on the
 * tactile keypad; the time left is spoken when the warning appears and again near the end.
 */
export const IdleWarning = memo(function IdleWarning() {
  // Only what the warning shows: every other push (a step, a keystroke's results) leaves it alone.
  const shownWithSeconds = useSessionStore((s) =>
    s.view.phase === 'active' ? (s.view.warning?.secondsLeft ?? null) : null,
  );
  const canExtend = useSessionStore((s) => s.view.phase === 'active' && s.view.extensionsLeft > 0);
  const deadline = useSessionStore((s) => s.warningDeadline);
  if (shownWithSeconds === null || deadline === null) return null;
  return <Warning deadline={deadline} shownWithSeconds={shownWithSeconds} canExtend={canExtend} />;
});

function Warning({
  deadline,
  shownWithSeconds,
  canExtend,
}: {
  deadline: number;
  shownWithSeconds: number;
  canExtend: boolean;
}) {
  const { t } = useTranslation();
  const rpc = useRpc();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, []);
  const secondsLeft = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
  const spokenSeconds = secondsLeft <= lastCallSeconds ? lastCallSeconds : shownWithSeconds;
  useAnnouncement(
    [
      { key: 'idle.title' },
      { key: 'idle.body', values: { count: spokenSeconds } },
      ...(canExtend ? [] : [{ key: 'idle.lastExtension' }]),
      { key: 'idle.keys' },
    ],
    'overlay',
  );

  return (
    <div className="overlay" data-testid="idle-warning" data-focus-layer="">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-time"
      >
        <h2 id="idle-title" className="dialog__title">
          {t('idle.title')}
        </h2>
        <p className="dialog__body" aria-hidden="true">
          {t('idle.body', { count: secondsLeft })}
        </p>
        {/* Assistive technology hears the time left when the warning opens and near the end, not every second. */}
        <p id="idle-time" className="visually-hidden" role="status">
          {t('idle.body', { count: spokenSeconds })}
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
              {...action([{ key: 'idle.continue' }], { role: 'default' })}
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
            {...action([{ key: 'idle.end' }], { role: 'back' })}
            onClick={() => void rpc.call('session.end', { reason: 'cancelled' })}
          >
            {t('idle.end')}
          </button>
        </div>
      </div>
    </div>
  );
}
