import type { ReactNode } from 'react';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import { ScrollArea } from '../a11y/scroll_area.js';
import { action } from '../a11y/speakable.js';

/**
 * The frame every step of a resident flow shares: the step indicator, a title, the step's content, and Cancel and
 * Back. `busy` shows the two disabled: while the kiosk is handing something over, a tap cannot stop it. The flow's
 * own frame (CollectFrame, ProofFrame) supplies its words, its intents and its test ids, and what the keypad says on
 * each (`spoken`): the keypad reaches them after the step's own actions, and its Back key presses Back.
 */
interface FooterButton {
  label: string;
  testId: string;
  onPress: () => void;
  spoken?: Prompt[];
}

export function StepFrame({
  className,
  testId,
  indicator,
  title,
  busy = false,
  cancel,
  back,
  children,
}: {
  className: string;
  testId: string;
  indicator: ReactNode;
  title: string;
  busy?: boolean;
  cancel: FooterButton;
  back: FooterButton;
  children: ReactNode;
}) {
  return (
    <main className={className} data-testid={testId} aria-label={title}>
      {indicator}
      <h1 className="screen-title">{title}</h1>
      {/* Large text can outgrow a landscape screen: the step scrolls, with its cue, never clipped silently. */}
      <ScrollArea className={`${className}__body`}>{children}</ScrollArea>
      <footer className={`screen-footer ${className}__footer`}>
        {[cancel, back].map((button) => (
          <button
            key={button.testId}
            type="button"
            className="secondary-button"
            data-testid={button.testId}
            disabled={busy}
            {...(button.spoken ? action(button.spoken, { role: button === back ? 'back' : 'item' }) : {})}
            onClick={button.onPress}
          >
            {button.label}
          </button>
        ))}
      </footer>
    </main>
  );
}
