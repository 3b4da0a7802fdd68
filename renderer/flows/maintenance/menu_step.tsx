import { useTranslation } from 'react-i18next';
import type { MaintenanceTool } from '../../../electron/rpc/flows/maintenance_choices.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import type { MaintenanceStepView } from './maintenance_screens.js';

/**
 * The terminal's tools (the publications ones only where it sells them), one large button each with what waits in it (alerts open, jobs held, unfinished transactions), and the
 * devices that would keep the kiosk out of service. The two ways out — sign out (the kiosk stays in maintenance) or
 * return to service (the main process checks every required device first) — are in the footer.
 */
export function MenuStep({ view }: { view: MaintenanceStepView<'menu'> }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  const waiting: Partial<Record<MaintenanceTool, string>> = {
    ...(view.alertsOpen > 0 ? { alerts: t('menu.alertsOpen', { count: view.alertsOpen }) } : {}),
    ...(view.jobsHeld > 0 ? { 'print-jobs': t('menu.jobsHeld', { count: view.jobsHeld }) } : {}),
    ...(view.transactionsOpen > 0
      ? { transactions: t('menu.transactionsOpen', { count: view.transactionsOpen }) }
      : {}),
  };
  const spokenWaiting: Partial<Record<MaintenanceTool, Prompt>> = {
    ...(view.alertsOpen > 0
      ? { alerts: { key: 'maintenance:menu.alertsOpen', values: { count: view.alertsOpen } } }
      : {}),
    ...(view.jobsHeld > 0
      ? { 'print-jobs': { key: 'maintenance:menu.jobsHeld', values: { count: view.jobsHeld } } }
      : {}),
    ...(view.transactionsOpen > 0
      ? {
          transactions: {
            key: 'maintenance:menu.transactionsOpen',
            values: { count: view.transactionsOpen },
          },
        }
      : {}),
  };
  const notReady = view.notReady.map((d) => `${t(`deviceKind.${d.deviceKind}`)} (${d.deviceId})`).join(', ');
  return (
    <>
      <p
        className={view.notReady.length > 0 ? 'notice' : 'maint__ok'}
        role="status"
        data-testid="maintenance-readiness"
      >
        {view.notReady.length > 0 ? t('menu.notReady', { devices: notReady }) : t('menu.allReady')}
      </p>
      <div className="maint__tools">
        {view.tools.map((tool) => (
          <button
            type="button"
            key={tool}
            className="tile maint__tool"
            data-testid={`maintenance-tool-${tool}`}
            {...action([
              { key: `maintenance:tool.${tool}` },
              ...(spokenWaiting[tool] ? [spokenWaiting[tool]] : []),
            ])}
            onClick={() => void rpc.call('maintenance.openTool', { tool })}
          >
            <span className="tile__title">{t(`tool.${tool}`)}</span>
            <span className="tile__summary">{t(`toolHint.${tool}`)}</span>
            {waiting[tool] ? <span className="maint__count">{waiting[tool]}</span> : null}
          </button>
        ))}
      </div>
    </>
  );
}
