import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button that, pressed, asks for one of a fixed list of reasons and only then acts: voiding, reprinting,
 * resolving and opening a door always carry a reason, chosen (never typed, so no resident's name can reach the
 * audit log). The choice lives here until a reason is pressed; nothing is sent before.
 */
export function ReasonPicker<R extends string>({
  label,
  reasons,
  onChoose,
  testId,
  disabled = false,
}: {
  label: string;
  reasons: readonly R[];
  onChoose: (reason: R) => void;
  testId: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation('maintenance');
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button
        type="button"
        className="secondary-button"
        data-testid={testId}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
    );
  return (
    <fieldset className="maint__reasons" data-testid={`${testId}-reasons`}>
      <legend>{t('chooseReason')}</legend>
      {reasons.map((reason) => (
        <button
          type="button"
          key={reason}
          className="primary-button"
          data-testid={`${testId}-${reason}`}
          onClick={() => {
            setOpen(false);
            onChoose(reason);
          }}
        >
          {t(`reason.${reason}`)}
        </button>
      ))}
      <button type="button" className="secondary-button" onClick={() => setOpen(false)}>
        {t('cancelChoice')}
      </button>
    </fieldset>
  );
}
