import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { takeDigits } from '../../a11y/focus_manager.js';
import { action } from '../../a11y/speakable.js';
import '../../components/keyboard/keyboard.css';

/** How many digits a pickup code has (electron/lockers/pickup_code.ts). */
export const pickupDigitsLength = 12;

const rows = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
] as const;

/** `123456789018` → `1234 5678 9018`, as the slip and the phone show it. */
export function groupedDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * The keypad for a pickup code's 12 digits. Unlike a PIN the digits are shown (in groups of four, as printed), so
 * the resident can compare them with the slip before pressing OK: a code is checked against the keypad's limit, and
 * a wrong one costs a try. They live in this component only and are handed over once, on OK.
 */
export function DigitsPad({
  onSubmit,
  disabled = false,
}: {
  onSubmit(digits: string): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('input');
  const { t: tp } = useTranslation('locker-pickup');
  const [digits, setDigitsState] = useState('');
  const typed = useRef('');
  const setDigits = (next: string) => {
    typed.current = next;
    setDigitsState(next);
  };
  const press = (digit: string) => {
    if (typed.current.length < pickupDigitsLength) setDigits(typed.current + digit);
  };
  const submit = () => {
    if (typed.current.length !== pickupDigitsLength) return;
    const code = typed.current;
    setDigits('');
    onSubmit(code);
  };
  const pressRef = useRef(press);
  pressRef.current = press;
  useEffect(
    () =>
      takeDigits((digit) => {
        if (disabled) return [];
        pressRef.current(digit);
        return [{ key: 'locker-pickup:type.progress', values: { count: typed.current.length } }];
      }),
    [disabled],
  );
  const digitKey = (digit: string) => (
    <button
      type="button"
      key={digit}
      className="keyboard__key pin-pad__key"
      data-testid={`digit-${digit}`}
      disabled={disabled}
      onClick={() => press(digit)}
    >
      {digit}
    </button>
  );
  return (
    <fieldset className="pin-pad pickup__pad" data-testid="digits-pad">
      <legend className="visually-hidden">{tp('type.pad')}</legend>
      <output className="pin-pad__display pickup__digits" data-testid="digits-display">
        {digits.length === 0 ? tp('type.placeholder') : groupedDigits(digits)}
      </output>
      <p className="visually-hidden" aria-live="polite">
        {tp('type.progress', { count: digits.length })}
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
          data-testid="digits-backspace"
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
          data-testid="digits-ok"
          {...action([{ key: 'input:pinPad.ok' }], { role: 'default' })}
          disabled={disabled || digits.length !== pickupDigitsLength}
          onClick={submit}
        >
          {t('pinPad.ok')}
        </button>
      </div>
    </fieldset>
  );
}
