import { useTranslation } from 'react-i18next';
import { DigitKeys, useDigitEntry } from '../../components/keyboard/digit_keys.js';

/** How many digits a pickup code has (electron/lockers/pickup_code.ts). */
export const pickupDigitsLength = 12;

/** `123456789018` → `1234 5678 9018`, as the slip and the phone show it. */
export function groupedDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * The keypad for a pickup code's 12 digits. Unlike a PIN the digits are shown (in groups of four, as printed), so
 * the resident can compare them with the slip before pressing OK: a wrong code costs one of the keypad's tries.
 */
export function DigitsPad({
  onSubmit,
  disabled = false,
}: {
  onSubmit(digits: string): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('locker-pickup');
  const entry = useDigitEntry(pickupDigitsLength, onSubmit, disabled, (count) => [
    { key: 'locker-pickup:type.progress', values: { count } },
  ]);
  return (
    <fieldset className="pin-pad pickup__pad" data-testid="digits-pad">
      <legend className="visually-hidden">{t('type.pad')}</legend>
      <output className="pin-pad__display pickup__digits" data-testid="digits-display">
        {entry.digits.length === 0 ? t('type.placeholder') : groupedDigits(entry.digits)}
      </output>
      <p className="visually-hidden" aria-live="polite">
        {t('type.progress', { count: entry.digits.length })}
      </p>
      <DigitKeys entry={entry} disabled={disabled} />
    </fieldset>
  );
}
