import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { takeDigits } from '../../a11y/focus_manager.js';
import { action } from '../../a11y/speakable.js';
import './keyboard.css';

/**
 * The digits a resident types on a keypad (a PIN, a pickup code): kept in the component's state only — never in a
 * store, a log or an RPC event — and handed over once, on OK, after which they are cleared. The tactile keypad's
 * digit keys type here too while the pad is shown; `spoken` says what audio guidance says after each one.
 */
export interface DigitEntry {
  digits: string;
  press(digit: string): void;
  backspace(): void;
  submit(): void;
  complete: boolean;
}

export function useDigitEntry(
  length: number,
  onSubmit: (digits: string) => void,
  disabled: boolean,
  spoken: (count: number) => Prompt[],
): DigitEntry {
  const [digits, setDigitsState] = useState('');
  // The same digits, for the tactile keypad's handler below, which runs outside React's render.
  const typed = useRef('');
  const setDigits = (next: string) => {
    typed.current = next;
    setDigitsState(next);
  };
  const press = (digit: string) => {
    if (typed.current.length < length) setDigits(typed.current + digit);
  };
  const pressRef = useRef(press);
  pressRef.current = press;
  const spokenRef = useRef(spoken);
  spokenRef.current = spoken;
  useEffect(
    () =>
      takeDigits((digit) => {
        if (disabled) return [];
        pressRef.current(digit);
        return spokenRef.current(typed.current.length);
      }),
    [disabled],
  );
  return {
    digits,
    press,
    backspace: () => setDigits(typed.current.slice(0, -1)),
    submit: () => {
      if (typed.current.length !== length) return;
      const entered = typed.current;
      setDigits('');
      onSubmit(entered);
    },
    complete: digits.length === length,
  };
}

const rows = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
] as const;

/** The keys of a digit pad: 1–9, then backspace, 0 and OK (test ids `pin-<digit>`, `pin-backspace`, `pin-ok`). */
export function DigitKeys({ entry, disabled }: { entry: DigitEntry; disabled: boolean }) {
  const { t } = useTranslation('input');
  const digitKey = (digit: string) => (
    <button
      type="button"
      key={digit}
      className="keyboard__key pin-pad__key"
      data-testid={`pin-${digit}`}
      disabled={disabled}
      onClick={() => entry.press(digit)}
    >
      {digit}
    </button>
  );
  return (
    <>
      {rows.map((row) => (
        <div className="keyboard__row" key={row.join('')}>
          {row.map(digitKey)}
        </div>
      ))}
      <div className="keyboard__row">
        <button
          type="button"
          className="keyboard__key keyboard__key--control pin-pad__key"
          data-testid="pin-backspace"
          aria-label={t('keyboard.backspace')}
          disabled={disabled}
          {...action([{ key: 'input:keyboard.backspace' }])}
          onClick={entry.backspace}
        >
          ⌫
        </button>
        {digitKey('0')}
        <button
          type="button"
          className="keyboard__key keyboard__key--enter pin-pad__key"
          data-testid="pin-ok"
          {...action([{ key: 'input:pinPad.ok' }], { role: 'default' })}
          disabled={disabled || !entry.complete}
          onClick={entry.submit}
        >
          {t('pinPad.ok')}
        </button>
      </div>
    </>
  );
}
