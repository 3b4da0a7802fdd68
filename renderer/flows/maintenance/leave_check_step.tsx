import { useTranslation } from 'react-i18next';
import type { MaintenanceStepView } from './maintenance_screens.js';

/** Return to service with a required device not ready: which ones (the footer offers to stay or leave anyway). */
export function LeaveCheckStep({ view }: { view: MaintenanceStepView<'leave-check'> }) {
  const { t } = useTranslation('maintenance');
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
    </>
  );
}
