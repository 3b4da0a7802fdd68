import { useTranslation } from 'react-i18next';
import { logWindows } from '../../../electron/rpc/flows/maintenance_choices.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useMaintenanceFormat } from './maintenance_format.js';
import type { MaintenanceStepView } from './maintenance_screens.js';

/**
 * The kiosk's recent log, newest first, filtered by event, device and time window: each line its time, event id
 * (from the catalogue in docs/log_events.md), disposition, device and its other fields — never personal data.
 */
export function LogsStep({ view }: { view: MaintenanceStepView<'logs'> }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  const format = useMaintenanceFormat();
  const { filter } = view;
  const apply = (next: Partial<typeof filter>) =>
    void rpc.call('maintenance.filterLogs', { ...filter, ...next });
  if (!view.kept) return <p className="notice">{t('logs.notKept')}</p>;
  return (
    <>
      <div className="maint__filters">
        <label>
          <span>{t('logs.event')}</span>
          <select
            data-testid="logs-event"
            value={filter.event ?? ''}
            onChange={(e) => apply({ event: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{t('logs.any')}</option>
            {view.events.map((event) => (
              <option key={event} value={event}>
                {event}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('logs.device')}</span>
          <select
            data-testid="logs-device"
            value={filter.deviceId ?? ''}
            onChange={(e) => apply({ deviceId: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{t('logs.any')}</option>
            {view.devices.map((device) => (
              <option key={device} value={device}>
                {device}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="maint__windows">
          <legend>{t('logs.window')}</legend>
          {logWindows.map((window) => (
            <button
              type="button"
              key={window}
              className={window === filter.window ? 'primary-button' : 'secondary-button'}
              aria-pressed={window === filter.window}
              data-testid={`logs-window-${window}`}
              onClick={() => apply({ window })}
            >
              {t(`logs.windowName.${window}`)}
            </button>
          ))}
        </fieldset>
      </div>
      <p role="status" data-testid="logs-matched">
        {t('logs.matched', { count: view.matched })}
      </p>
      <div className="maint__scroll">
        <table className="maint__log" data-testid="logs-lines">
          <tbody>
            {view.lines.map((line) => (
              <tr
                key={`${line.time} ${line.event} ${line.deviceId} ${line.details}`}
                data-event={line.event}
                data-disposition={line.disposition}
              >
                <td>{format.dateTime(line.time)}</td>
                <td>{t(`logs.disposition.${line.disposition}`)}</td>
                <td>{line.event}</td>
                <td>{line.deviceId ?? ''}</td>
                <td className="maint__log-details">{line.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
