import { useTranslation } from 'react-i18next';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { alertDetailText } from './alert_detail_text.js';
import { ListActionResult } from './list_result.js';
import { useMaintenanceFormat } from './maintenance_format.js';
import type { MaintenanceStepView } from './maintenance_screens.js';

/** Staff alerts, newest first: what happened and when; acknowledge an open one (recorded with the staff id). */
export function AlertsStep({ view }: { view: MaintenanceStepView<'alerts'> }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  const format = useMaintenanceFormat();
  return (
    <>
      <ListActionResult result={view.result} label={() => t('alerts.acknowledge')} />
      {view.alerts.length === 0 ? <p className="maint__ok">{t('alerts.empty')}</p> : null}
      <ul className="maint__list">
        {view.alerts.map((alert) => (
          <li
            key={alert.id}
            className="maint__card"
            data-testid={`alert-${alert.id}`}
            data-acknowledged={String(alert.acknowledgedAt !== null)}
          >
            <div className="maint__card-head">
              <strong>{t(`alertKind.${alert.kind}`)}</strong>
              <span>{t('alerts.raised', { time: format.dateTime(alert.createdAt) })}</span>
            </div>
            <p className="maint__detail">{alertDetailText(t, alert.detail)}</p>
            {alert.acknowledgedAt ? (
              <p className="maint__ok">
                {t('alerts.acknowledged', {
                  by: alert.acknowledgedBy ?? '',
                  time: format.dateTime(alert.acknowledgedAt),
                })}
              </p>
            ) : (
              <div className="maint__actions">
                <button
                  type="button"
                  className="primary-button"
                  data-testid={`alert-${alert.id}-acknowledge`}
                  {...action([
                    { key: `maintenance:alertKind.${alert.kind}` },
                    { key: 'maintenance:alerts.acknowledge' },
                  ])}
                  onClick={() => void rpc.call('maintenance.acknowledgeAlert', { alertId: alert.id })}
                >
                  {t('alerts.acknowledge')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
