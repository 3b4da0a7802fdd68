import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { takeDigits } from '../../a11y/focus_manager.js';
import { action } from '../../a11y/speakable.js';
import './keyboard.css';

export interface PinPadProps {
  /** How many digits the PIN has. */
  length: number;
  /** Called with the PIN when the resident presses OK; the pad clears itself at once. */
  onSubmit(pin: string): void;
  disabled?: boolean;
}

const rows = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
] as const;

/**
 * A PIN pad. The digits live in this component's state only — never in a store, a log or an RPC event — and are
 * handed over once, on OK. The display shows one dot per digit and the live region says how many are entered,
 * never which: a person beside the resident, or a screen reader, learns nothing of the PIN.
 */
export function PinPad({ length, onSubmit, disabled = false }: PinPadProps) {
  const { t } = useTranslation('input');
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
  const submit = () => {
    if (typed.current.length !== length) return;
    const pin = typed.current;
    setDigits('');
    onSubmit(pin);
  };
  // The tactile keypad's digit keys type here while the pad is shown; audio guidance says how many digits are
  // entered, never which.
  const pressRef = useRef(press);
  pressRef.current = press;
  useEffect(
    () =>
      takeDigits((digit) => {
        if (disabled) return [];
        pressRef.current(digit);
        return [{ key: 'pinPad.progress', values: { count: typed.current.length } }];
      }),
    [disabled],
  );
  const digitKey = (digit: string) => (
    <button
      type="button"
      key={digit}
      className="keyboard__key pin-pad__key"
      data-testid={`pin-${digit}`}
      disabled={disabled}
      onClick={() => press(digit)}
    >
      {digit}
    </button>
  );
  return (
    <fieldset className="pin-pad" data-testid="pin-pad">
      <legend className="visually-hidden">{t('pinPad.name')}</legend>
      <div className="pin-pad__display" data-testid="pin-display" aria-hidden="true">
        {'●'.repeat(digits.length) + '○'.repeat(length - digits.length)}
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="pin-progress">
        {t('pinPad.progress', { count: digits.length, length })}
      </p>
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
          onClick={() => setDigits(typed.current.slice(0, -1))}
        >
          ⌫
        </button>
        {digitKey('0')}
        <button
          type="button"
          className="keyboard__key keyboard__key--enter pin-pad__key"
          data-testid="pin-ok"
          {...action([{ key: 'input:pinPad.ok' }], { role: 'default' })}
          disabled={disabled || digits.length !== length}
          onClick={submit}
        >
          {t('pinPad.ok')}
        </button>
      </div>
    </fieldset>
  );
}
