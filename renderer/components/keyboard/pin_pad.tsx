import { useTranslation } from 'react-i18next';
import { DigitKeys, useDigitEntry } from './digit_keys.js';

export interface PinPadProps {
  /** How many digits the PIN has. */
  length: number;
  /** Called with the PIN when the resident presses OK; the pad clears itself at once. */
  onSubmit(pin: string): void;
  disabled?: boolean;
}

/**
 * A PIN pad. The display shows one dot per digit and the live region says how many are entered, never which: a
 * person beside the resident, or a screen reader, learns nothing of the PIN. Audio guidance says the count too.
 */
export function PinPad({ length, onSubmit, disabled = false }: PinPadProps) {
  const { t } = useTranslation('input');
  const entry = useDigitEntry(length, onSubmit, disabled, (count) => [
    { key: 'pinPad.progress', values: { count } },
  ]);
  return (
    <fieldset className="pin-pad" data-testid="pin-pad">
      <legend className="visually-hidden">{t('pinPad.name')}</legend>
      <div className="pin-pad__display" data-testid="pin-display" aria-hidden="true">
        {'●'.repeat(entry.digits.length) + '○'.repeat(length - entry.digits.length)}
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="pin-progress">
        {t('pinPad.progress', { count: entry.digits.length, length })}
      </p>
      <DigitKeys entry={entry} disabled={disabled} />
    </fieldset>
  );
}
