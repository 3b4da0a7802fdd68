import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { ScrollArea } from '../../a11y/scroll_area.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { sendShared } from './shared_intents.js';

export type BookingFlowId = 'book-appointment' | 'check-in';

/** The stages each flow's step indicator names, in order. */
export const stagesOf = {
  'book-appointment': ['service', 'centre', 'time', 'identify', 'confirm', 'done'],
  'check-in': ['find', 'booking', 'done'],
} as const satisfies Record<BookingFlowId, readonly string[]>;
export type Stage<F extends BookingFlowId> = (typeof stagesOf)[F][number];

export interface BookingFrameProps<F extends BookingFlowId> {
  flow: F;
  /** The step, for tests and the screen's name. */
  step: string;
  /** Where the step stands in the flow; null on a step between stages (a problem). */
  stage: Stage<F> | null;
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
  /** The step's own actions, at the right of the footer (the main one last). */
  actions?: ReactNode;
  /** Back shows on every step unless a step cannot go back (a booking being made). */
  back?: boolean;
  /**
   * A result (a booking made, a ticket printed): neither Back nor Cancel, its own Finish is the way out — a
   * "Cancel" beside a booking just made would read as cancelling the booking.
   */
  result?: boolean;
  /**
   * Whether what the step shows scrolls (with a cue) when it does not fit; false for a step that lays out its own
   * scrolling part beside a keyboard that must stay in view.
   */
  scroll?: boolean;
  backLabel?: string;
  /** The way out of the flow, where "Cancel" would be read as the step's own act (cancelling a booking). */
  exitLabel?: string;
  /** What the keypad says on Back and Cancel when their labels are the step's own (`backLabel`, `exitLabel`). */
  spokenBack?: Prompt[];
  spokenExit?: Prompt[];
}

/**
 * One step of a booking flow: the step indicator, the title, what the step shows, and the footer with Back,
 * Cancel and the step's own actions, always in the same places. Back and Cancel are intents like any other:
 * the main process says where they lead.
 */
export function BookingFrame<F extends BookingFlowId>({
  flow,
  step,
  stage,
  title,
  lead,
  children,
  actions,
  back = true,
  result = false,
  backLabel,
  exitLabel,
  scroll = true,
  spokenBack = [{ key: 'booking:actions.back' }],
  spokenExit = [{ key: 'booking:actions.cancel' }],
}: BookingFrameProps<F>) {
  const { t } = useTranslation('booking');
  const rpc = useRpc();
  const hasBack = back && !result;
  return (
    <main className="booking" data-testid={`${flow}-${step}`} aria-label={title}>
      <StepIndicator flow={flow} stage={stage} />
      <h1 className="screen-title booking__title">{title}</h1>
      {lead ? <div className="booking__lead">{lead}</div> : null}
      <div className="booking__body">
        {scroll ? <ScrollArea className="booking-scroll">{children}</ScrollArea> : children}
      </div>
      <footer className="booking__footer">
        {hasBack ? (
          <button
            type="button"
            className="secondary-button"
            data-testid="back"
            {...action(spokenBack, { role: 'back' })}
            onClick={() => sendShared(rpc, flow, { intent: 'back' })}
          >
            {backLabel ?? t('actions.back')}
          </button>
        ) : null}
        {result ? null : (
          <button
            type="button"
            className="secondary-button"
            data-testid="cancel"
            // The keypad's Back key leaves by Cancel where the step has no Back (a booking being made).
            {...action(spokenExit, { role: hasBack ? 'item' : 'back' })}
            onClick={() => sendShared(rpc, flow, { intent: 'cancel' })}
          >
            {exitLabel ?? t('actions.cancel')}
          </button>
        )}
        <span className="booking__footer-gap" />
        {actions}
      </footer>
    </main>
  );
}

/**
 * Where the step stands in its flow: every stage named, the current one marked, the ones before it done. Memoised:
 * it changes with the stage, not with every update of the step it sits on (a keystroke's search results).
 */
export const StepIndicator = memo(StepIndicatorOf) as typeof StepIndicatorOf;

function StepIndicatorOf<F extends BookingFlowId>({ flow, stage }: { flow: F; stage: Stage<F> | null }) {
  const { t } = useTranslation('booking');
  const stages: readonly string[] = stagesOf[flow];
  const current = stage === null ? -1 : stages.indexOf(stage);
  return (
    <ol className="booking-stages" aria-label={t('stages.name')}>
      {stages.map((s, i) => (
        <li
          key={s}
          className={`booking-stages__stage${i === current ? ' booking-stages__stage--current' : ''}${i < current ? ' booking-stages__stage--done' : ''}`}
          aria-current={i === current ? 'step' : undefined}
        >
          <span className="booking-stages__number">{i + 1}</span>
          <span className="booking-stages__label">{t(`stages.${flow}.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}
