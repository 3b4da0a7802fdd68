import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import { HelpIcon } from '../components/icons.js';
import { useRpc } from '../rpc/rpc_context.js';
import { useHelpPanel } from '../stores/help_panel_store.js';
import { useSessionStore } from '../stores/session_store.js';
import { useAnnouncement } from './announcements.js';
import { ScrollArea } from './scroll_area.js';
import { action, topBarOrder } from './speakable.js';

/**
 * The message that explains the step the resident is on: `a11y:help.step.<flow>.<step>` when the flow wrote one
 * (every flow should, see docs/accessibility.md), else a general one.
 */
export function useStepHelpKey(): string {
  const { i18n } = useTranslation();
  // The step alone, not the whole view: a push that stays on the step (a keystroke's results) draws nothing here.
  const step = useSessionStore((s) =>
    s.view.phase === 'active' ? `${s.view.flow.service}.${s.view.flow.step}` : null,
  );
  if (step === null) return 'help.step.general';
  const key = `help.step.${step}`;
  return i18n.exists(`a11y:${key}`) ? key : 'help.step.general';
}

/** The Help button of the top bar (the keypad's Help key presses it too). */
export function HelpButton() {
  const { t } = useTranslation();
  const setOpen = useHelpPanel((s) => s.setOpen);
  return (
    <button
      type="button"
      className="chip-button"
      data-testid="help-button"
      {...action([{ key: 'help.button' }], { role: 'help', order: topBarOrder })}
      onClick={() => setOpen(true)}
    >
      <HelpIcon size={32} />
      <span>{t('a11y:help.button')}</span>
    </button>
  );
}

/**
 * Help: what this step is for and what to do (on screen and spoken), how the keypad works, and a button that calls
 * a member of staff (a staff alert naming the terminal and the step; nothing about the resident).
 */
export const HelpPanel = memo(function HelpPanel() {
  const { t } = useTranslation();
  const rpc = useRpc();
  const open = useHelpPanel((s) => s.open);
  const staffCall = useHelpPanel((s) => s.staffCall);
  const setOpen = useHelpPanel((s) => s.setOpen);
  const setStaffCall = useHelpPanel((s) => s.setStaffCall);
  const stepKey = useStepHelpKey();
  if (!open) return null;

  const callStaff = async () => {
    const result = await rpc.call('help.callStaff', {});
    if (!result.ok) return;
    const called = result.value;
    if (called.ok) setStaffCall('called');
    else if (called.error === 'already-called') setStaffCall('already-called');
  };
  const status =
    staffCall === 'called'
      ? 'help.staffCalled'
      : staffCall === 'already-called'
        ? 'help.alreadyCalled'
        : null;
  return (
    <HelpDialog
      prompts={[
        { key: 'help.title' },
        { key: stepKey },
        ...(status ? [{ key: status }] : []),
        { key: 'help.panelKeys' },
      ]}
    >
      <h2 id="help-title" className="dialog__title">
        {t('a11y:help.title')}
      </h2>
      <ScrollArea className="help__content">
        <p id="help-step" className="dialog__body" data-testid="help-step">
          {t(`a11y:${stepKey}`)}
        </p>
        <p className="help__status" role="status" data-testid="help-status">
          {status ? t(`a11y:${status}`) : null}
        </p>
        <section className="help__keys">
          <h3>{t('a11y:help.keysTitle')}</h3>
          <p>{t('a11y:help.keys')}</p>
        </section>
      </ScrollArea>
      <div className="dialog__actions">
        <button
          type="button"
          className="primary-button"
          data-testid="help-call-staff"
          {...action([{ key: 'help.callStaff' }], { role: 'default' })}
          onClick={() => void callStaff()}
        >
          {t('a11y:help.callStaff')}
        </button>
        <button
          type="button"
          className="secondary-button"
          data-testid="help-close"
          {...action([{ key: 'help.close' }], { role: 'back' })}
          onClick={() => setOpen(false)}
        >
          {t('a11y:help.close')}
        </button>
      </div>
    </HelpDialog>
  );
});

function HelpDialog({ prompts, children }: { prompts: Prompt[]; children: React.ReactNode }) {
  useAnnouncement(prompts, 'overlay');
  return (
    <div className="overlay overlay--help" data-testid="help-panel" data-focus-layer="">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        aria-describedby="help-step"
      >
        {children}
      </div>
    </div>
  );
}
