import { useTranslation } from 'react-i18next';
import type { MaintenanceFlowView } from '../../../electron/rpc/flows/maintenance_contract.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { AlertsStep } from './alerts_step.js';
import { DevicesStep } from './devices_step.js';
import { LeaveCheckStep } from './leave_check_step.js';
import { LogsStep } from './logs_step.js';
import { MenuStep } from './menu_step.js';
import { PrintJobsStep } from './print_jobs_step.js';
import { SupportBundleStep } from './support_bundle_step.js';
import { TerminalStep } from './terminal_step.js';
import { TransactionsStep } from './transactions_step.js';
import './maintenance.css';

/** One step of the maintenance flow's view, by its name. */
export type MaintenanceStepView<S extends MaintenanceFlowView['step']> = Extract<
  MaintenanceFlowView,
  { step: S }
>;

/**
 * Maintenance, for the member of staff signed in: a header naming them and where they are (Maintenance › tool),
 * the tool's screen, and a footer with the ways back. Every button sends a `maintenance.*` intent; the main process
 * decides what follows (electron/flows/maintenance/maintenance_flow.ts).
 */
export function MaintenanceScreens({ view }: { view: MaintenanceFlowView }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  const onTool = view.step !== 'menu' && view.step !== 'leave-check';
  return (
    <main className="maint" data-testid={`maintenance-${view.step}`} data-step={view.step}>
      <header className="maint__head">
        <nav className="maint__trail" aria-label={t('title')}>
          <span>{t('title')}</span>
          <span aria-hidden="true">›</span>
          <span aria-current="step">{t(`tool.${view.step}`)}</span>
        </nav>
        <h1 className="screen-title">{t(`tool.${view.step}`)}</h1>
        <p className="maint__who" data-testid="maintenance-staff">
          {t('signedInAs', { name: view.staff.name, id: view.staff.staffId })}
        </p>
      </header>
      <div className="maint__body">
        <Step view={view} />
      </div>
      {onTool ? (
        <footer className="screen-footer">
          <button
            type="button"
            className="secondary-button"
            data-testid="maintenance-back"
            onClick={() => void rpc.call('maintenance.back', {})}
          >
            {t('backToMenu')}
          </button>
          <button
            type="button"
            className="secondary-button"
            data-testid="maintenance-refresh"
            onClick={() => void rpc.call('maintenance.refresh', {})}
          >
            {t('refresh')}
          </button>
        </footer>
      ) : null}
    </main>
  );
}

function Step({ view }: { view: MaintenanceFlowView }) {
  switch (view.step) {
    case 'menu':
      return <MenuStep view={view} />;
    case 'devices':
      return <DevicesStep view={view} />;
    case 'print-jobs':
      return <PrintJobsStep view={view} />;
    case 'transactions':
      return <TransactionsStep view={view} />;
    case 'alerts':
      return <AlertsStep view={view} />;
    case 'terminal':
      return <TerminalStep view={view} />;
    case 'support-bundle':
      return <SupportBundleStep view={view} />;
    case 'logs':
      return <LogsStep view={view} />;
    case 'leave-check':
      return <LeaveCheckStep view={view} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
