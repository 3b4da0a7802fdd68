import { useTranslation } from 'react-i18next';
import type { StaffSignInFlowView } from '../../../electron/rpc/flows/staff_sign_in_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { ScrollArea } from '../../a11y/scroll_area.js';
import { action } from '../../a11y/speakable.js';
import { PinPad } from '../../components/keyboard/pin_pad.js';
import { htmlLang } from '../../i18n/i18n.js';
import { useRpc } from '../../rpc/rpc_context.js';
import '../maintenance/maintenance.css';
import { staffSignInAnnouncement } from './staff_sign_in_announcement.js';

/**
 * Staff sign-in (electron/flows/staff_sign_in/): show the badge at the scanner, then the PIN on the pad; a locked
 * badge says until when; a resident's transaction still running makes staff wait for it. Step 1 of 2 is the badge,
 * step 2 the PIN. Cancel on every step, Back where there is a step to go back to; nothing here navigates.
 */
export function StaffSignInScreens({ view }: { view: StaffSignInFlowView }) {
  const { t, i18n } = useTranslation('staff-sign-in');
  const rpc = useRpc();
  const current = view.step === 'badge' ? 1 : 2;
  const canGoBack = view.step === 'pin' || view.step === 'locked';
  const busy = view.step === 'checking';
  const lockedUntil = view.step === 'locked' ? macauTime(view.until, i18n.language) : null;
  useAnnouncement(staffSignInAnnouncement(view, lockedUntil));
  return (
    <main className="maint staff-sign-in" data-testid={`staff-sign-in-${view.step}`} data-step={view.step}>
      <header className="maint__head">
        <ol className="maint__steps" aria-label={t('steps.label', { current, total: 2 })}>
          <li aria-current={current === 1 ? 'step' : undefined}>{`1 · ${t('steps.badge')}`}</li>
          <li aria-current={current === 2 ? 'step' : undefined}>{`2 · ${t('steps.pin')}`}</li>
        </ol>
        <h1 className="screen-title">{t(`title.${view.step}`)}</h1>
        {view.step === 'badge' ? null : (
          <p className="maint__who" data-testid="staff-sign-in-who">
            {t('pin.who', { name: view.staffName, id: view.staffId })}
          </p>
        )}
      </header>
      <ScrollArea className="maint__body">
        <Step view={view} lockedUntil={lockedUntil} />
      </ScrollArea>
      <footer className="screen-footer">
        <button
          type="button"
          className="secondary-button"
          data-testid="staff-sign-in-cancel"
          // Back leaves sign-in where there is no step to go back to (the badge, waiting).
          {...action([{ key: 'staff-sign-in:cancel' }], canGoBack ? {} : { role: 'back' })}
          disabled={busy}
          onClick={() => void rpc.call('staff-sign-in.cancel', {})}
        >
          {t('cancel')}
        </button>
        {canGoBack ? (
          <button
            type="button"
            className="secondary-button"
            data-testid="staff-sign-in-back"
            {...action(
              [{ key: view.step === 'locked' ? 'staff-sign-in:locked.another' : 'staff-sign-in:back' }],
              { role: 'back' },
            )}
            onClick={() => void rpc.call('staff-sign-in.back', {})}
          >
            {view.step === 'locked' ? t('locked.another') : t('back')}
          </button>
        ) : null}
      </footer>
    </main>
  );
}

/** A lock-out's end as staff read it: Macau time, to the second, in the screen's language. */
function macauTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(htmlLang[language as Language] ?? 'en-MO', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Macau',
  }).format(new Date(iso));
}

function Step({ view, lockedUntil }: { view: StaffSignInFlowView; lockedUntil: string | null }) {
  const { t } = useTranslation('staff-sign-in');
  const rpc = useRpc();
  switch (view.step) {
    case 'badge':
      return (
        <>
          <p className="maint__lead">{t('badge.prompt')}</p>
          {view.refused ? (
            <p className="notice" role="alert" data-testid="staff-badge-refused" data-reason={view.refused}>
              {t(`badge.refused.${view.refused}`)}
            </p>
          ) : null}
        </>
      );
    case 'pin':
      return (
        <div className="staff-sign-in__pin">
          <div>
            {view.problem ? (
              <p className="notice" role="alert" data-testid="staff-pin-problem" data-problem={view.problem}>
                {t(`pin.problem.${view.problem}`)}
              </p>
            ) : null}
            <p data-testid="staff-pin-attempts">{t('pin.attemptsLeft', { count: view.attemptsLeft })}</p>
          </div>
          <PinPad length={6} onSubmit={(pin) => void rpc.call('staff-sign-in.enterPin', { pin })} />
        </div>
      );
    case 'checking':
      return <div className="spinner" role="progressbar" aria-label={t('title.checking')} />;
    case 'locked':
      return (
        <p className="notice" role="alert" data-testid="staff-locked-until">
          {t('locked.body', { time: lockedUntil })}
        </p>
      );
    case 'waiting':
      return (
        <p className="maint__lead" role="status" data-testid="staff-waiting">
          {t('waiting.body', { count: view.transactions })}
        </p>
      );
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
