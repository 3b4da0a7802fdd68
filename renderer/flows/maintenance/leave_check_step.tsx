import { useTranslation } from 'react-i18next';
import { useRpc } from '../../rpc/rpc_context.js';
import type { MaintenanceStepView } from './maintenance_screens.js';

/** Return to service with a required device not ready: which ones, and the choice to stay or leave anyway. */
export function LeaveCheckStep({ view }: { view: MaintenanceStepView<'leave-check'> }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  return (
    <>
      <p className="notice" role="alert">
        {t('leaveCheck.body')}
      </p>
      <ul className="maint__list" data-testid="maintenance-not-ready">
        {view.notReady.map((device) => (
          <li key={device.deviceId} className="maint__row">
            <strong>{t(`deviceKind.${device.deviceKind}`)}</strong> <span>{device.deviceId}</span>
          </li>
        ))}
      </ul>
      <footer className="screen-footer">
        <button
          type="button"
          className="secondary-button"
          data-testid="maintenance-stay"
          onClick={() => void rpc.call('maintenance.back', {})}
        >
          {t('leaveCheck.stay')}
        </button>
        <button
          type="button"
          className="primary-button"
          data-testid="maintenance-leave-anyway"
          onClick={() => void rpc.call('maintenance.leaveAnyway', {})}
        >
          {t('leaveCheck.leaveAnyway')}
        </button>
      </footer>
    </>
  );
}
