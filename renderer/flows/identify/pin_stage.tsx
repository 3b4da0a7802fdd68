import { useTranslation } from 'react-i18next';
import { PinPad } from '../../components/keyboard/pin_pad.js';
import { useRpc } from '../../rpc/rpc_context.js';

/**
 * The collection PIN on the kiosk's PIN pad. The digits stay in the pad until OK and go to the main process once,
 * in `identify.submitPin`; after a wrong PIN the view says how many tries are left.
 */
export function PinStage({ attemptsLeft }: { attemptsLeft: number | null }) {
  const { t } = useTranslation('identify');
  const rpc = useRpc();
  return (
    <div className="identify__pin">
      <div className="identify__pin-text">
        <p className="identify__lead">{t('pin.prompt')}</p>
        {attemptsLeft === null ? null : (
          <p className="notice" role="alert" data-testid="identify-attempts-left">
            {t('pin.attemptsLeft', { count: attemptsLeft })}
          </p>
        )}
      </div>
      <PinPad length={6} onSubmit={(pin) => void rpc.call('identify.submitPin', { pin })} />
    </div>
  );
}
