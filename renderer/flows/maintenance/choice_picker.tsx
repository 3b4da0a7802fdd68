import { useState } from 'react';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { action } from '../../a11y/speakable.js';

export interface ChoicePickerProps<C extends string> {
  /** The button's text, and what audio guidance says when the keypad reaches it. */
  label: string;
  spoken: Prompt[];
  choices: readonly C[];
  choiceLabel(choice: C): string;
  choiceSpoken(choice: C): Prompt[];
  /** The open list's legend ("Choose a reason:"), and its Cancel. */
  legend: string;
  cancel: string;
  /** The choice in force (a filter's), shown pressed; none for an action's reason. */
  current?: C;
  onChoose(choice: C): void;
  /** The button's test id; the list's is `<testId>-reasons`, each choice's `<testId>-<choiceId>`. */
  testId: string;
  choiceId?(choice: C): string;
  disabled?: boolean;
  className?: string;
}

/**
 * A button that opens a short list of fixed choices — a reason for an action, a filter's value — and acts only when
 * one is pressed. For the tactile keypad the open list is a focus layer of its own (the arrows go through the
 * choices, Enter chooses, Back cancels) that says what it is for; once closed, the arrows start again at its button.
 */
export function ChoicePicker<C extends string>(props: ChoicePickerProps<C>) {
  const [open, setOpen] = useState(false);
  // Closed after being open: the keypad's arrows start here again (focus_manager.ts, `data-focus-resume`).
  const [returned, setReturned] = useState(false);
  const close = () => {
    setOpen(false);
    setReturned(true);
  };
  if (!open)
    return (
      <button
        type="button"
        className={props.className ?? 'secondary-button'}
        data-testid={props.testId}
        disabled={props.disabled}
        {...action(props.spoken)}
        {...(returned ? { 'data-focus-resume': '' } : {})}
        onClick={() => setOpen(true)}
      >
        {props.label}
      </button>
    );
  return <Choices {...props} close={close} />;
}

function Choices<C extends string>({
  spoken,
  choices,
  choiceLabel,
  choiceSpoken,
  legend,
  cancel,
  current,
  onChoose,
  testId,
  choiceId = (choice) => choice,
  close,
}: ChoicePickerProps<C> & { close(): void }) {
  useAnnouncement(
    [...spoken, { key: 'maintenance.keys.choose', values: { count: choices.length } }],
    'overlay',
  );
  return (
    <fieldset className="maint__reasons" data-testid={`${testId}-reasons`} data-focus-layer="">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <button
          type="button"
          key={choice}
          className={current === undefined || choice === current ? 'primary-button' : 'secondary-button'}
          data-testid={`${testId}-${choiceId(choice)}`}
          {...(current === undefined ? {} : { 'aria-pressed': choice === current })}
          {...action([
            ...choiceSpoken(choice),
            ...(choice === current ? [{ key: 'maintenance.selected' }] : []),
          ])}
          onClick={() => {
            close();
            onChoose(choice);
          }}
        >
          {choiceLabel(choice)}
        </button>
      ))}
      <button
        type="button"
        className="secondary-button"
        data-testid={`${testId}-cancel`}
        {...action([{ key: 'maintenance:cancelChoice' }], { role: 'back' })}
        onClick={close}
      >
        {cancel}
      </button>
    </fieldset>
  );
}
