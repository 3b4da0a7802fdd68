import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentifyView } from '../../../electron/rpc/flows/identify_contract.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { ScrollArea } from '../../a11y/scroll_area.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { ConfirmStage } from './confirm_stage.js';
import { identifyAnnouncement } from './identify_announcement.js';
import { PinStage } from './pin_stage.js';
import { PlaceStage } from './place_stage.js';
import { lockedUntilTime, RefusedStage } from './refused_stage.js';
import { TypeMrzStage } from './type_mrz_stage.js';
import { WaitingStage } from './waiting_stage.js';
import './identify.css';

export interface IdentifyScreensProps {
  view: IdentifyView;
  /** The host's step indicator, drawn above the stage (the host knows where identification sits in its steps). */
  stepIndicator?: ReactNode;
}

/**
 * The identify step of any host flow: one screen per stage of the identification the main process runs
 * (electron/flows/identify/identification.ts), chosen by `view.stage`. Every stage has Back and Cancel; they send
 * `identify.back` / `identify.cancel` and the main process decides what they lead to. Nothing here navigates.
 */
export function IdentifyScreens({ view, stepIndicator }: IdentifyScreensProps) {
  const { t, i18n } = useTranslation('identify');
  const rpc = useRpc();
  const busy = view.stage === 'checking-pin';
  const lockedUntil = view.stage === 'refused' ? lockedUntilTime(view.lockedUntil, i18n.language) : null;
  useAnnouncement(identifyAnnouncement(view, lockedUntil));
  const title = t(`stageTitle.${view.stage}`);
  return (
    // Named by its title, like every other step's <main> (step_frame.tsx): assistive technology says where it is.
    <main
      className="identify"
      data-testid={`identify-stage-${view.stage}`}
      data-stage={view.stage}
      aria-label={title}
    >
      {stepIndicator}
      <header className="identify__head">
        <h1 className="screen-title">{title}</h1>
        <p className="identify__purpose">{t(`purpose.${view.purpose}`)}</p>
      </header>
      {/* Large text can outgrow the screen (a long refusal, the PIN pad): the stage scrolls, with its cue. */}
      <ScrollArea className="identify__body">
        <Stage view={view} />
      </ScrollArea>
      <footer className="screen-footer identify__footer">
        <button
          type="button"
          className="secondary-button"
          data-testid="identify-cancel"
          {...action([{ key: 'identify:cancel' }])}
          disabled={busy}
          onClick={() => void rpc.call('identify.cancel', {})}
        >
          {t('cancel')}
        </button>
        <button
          type="button"
          className="secondary-button"
          data-testid="identify-back"
          {...action([{ key: 'identify:back' }], { role: 'back' })}
          disabled={busy}
          onClick={() => void rpc.call('identify.back', {})}
        >
          {t('back')}
        </button>
      </footer>
    </main>
  );
}

function Stage({ view }: { view: IdentifyView }) {
  switch (view.stage) {
    case 'place':
      return <PlaceStage methods={view.methods} notice={view.notice} />;
    case 'reading':
      return <WaitingStage message={`reading.${view.method}`} />;
    case 'type-mrz':
      return <TypeMrzStage problem={view.problem} />;
    case 'confirm':
      return <ConfirmStage view={view} />;
    case 'pin':
      return <PinStage attemptsLeft={view.attemptsLeft} />;
    case 'checking-pin':
      return <WaitingStage message="checking" />;
    case 'refused':
      return <RefusedStage reason={view.reason} lockedUntil={view.lockedUntil} retry={view.retry} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
