import { useTranslation } from 'react-i18next';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { ChoicePicker } from './choice_picker.js';

/**
 * A button that, pressed, asks for one of a fixed list of reasons and only then acts: voiding, reprinting,
 * resolving and opening a door always carry a reason, chosen (never typed, so no resident's name can reach the
 * audit log). The choice lives here until a reason is pressed; nothing is sent before. `spoken` is what audio
 * guidance says of the button (whose job, which device, what it does).
 */
export function ReasonPicker<R extends string>({
  label,
  spoken,
  reasons,
  onChoose,
  testId,
  disabled = false,
}: {
  label: string;
  spoken: Prompt[];
  reasons: readonly R[];
  onChoose: (reason: R) => void;
  testId: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation('maintenance');
  return (
    <ChoicePicker
      label={label}
      spoken={spoken}
      choices={reasons}
      choiceLabel={(reason) => t(`reason.${reason}`)}
      choiceSpoken={(reason) => [{ key: `maintenance:reason.${reason}` }]}
      legend={t('chooseReason')}
      cancel={t('cancelChoice')}
      onChoose={onChoose}
      testId={testId}
      disabled={disabled}
    />
  );
}
