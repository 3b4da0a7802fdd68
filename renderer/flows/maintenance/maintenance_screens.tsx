import { useTranslation } from 'react-i18next';
import type { MaintenanceFlowView } from '../../../electron/rpc/flows/maintenance_contract.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { ScrollArea } from '../../a11y/scroll_area.js';
import { type ActionRole, action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { AlertsStep } from './alerts_step.js';
import { DevicesStep } from './devices_step.js';
import { LeaveCheckStep } from './leave_check_step.js';
import { LogsStep } from './logs_step.js';
import { maintenanceAnnouncement } from './maintenance_announcement.js';
import { useMaintenanceFormat } from './maintenance_format.js';
import { MenuStep } from './menu_step.js';
import { PrintJobsStep } from './print_jobs_step.js';
import { PublicationSalesStep } from './publication_sales_step.js';
import { PublicationStockStep } from './publication_stock_step.js';
import { SupportBundleStep } from './support_bundle_step.js';
import { TerminalStep } from './terminal_step.js';
import { TransactionsStep } from './transactions_step.js';
import './maintenance.css';
import './publications_maintenance.css';

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
  const format = useMaintenanceFormat();
  useAnnouncement(maintenanceAnnouncement(view, format.clock));
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
      <ScrollArea className="maint__body">
        <Step view={view} />
      </ScrollArea>
      <Footer view={view} />
    </main>
  );
}

/** The ways on from each step: out of maintenance from the menu, stay or leave from the check, Back from a tool. */
function Footer({ view }: { view: MaintenanceFlowView }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  // `key`: the label's message key, spoken when the keypad reaches the button; `role`: what Back or Enter press.
  const button = (
    testId: string,
    key: string,
    send: () => void,
    primary = false,
    role: ActionRole = 'item',
  ) => (
    <button
      type="button"
      className={primary ? 'primary-button' : 'secondary-button'}
      data-testid={testId}
      {...action([{ key: `maintenance:${key}` }], { role })}
      onClick={send}
    >
      {t(key)}
    </button>
  );
  switch (view.step) {
    case 'menu':
      return (
        <footer className="screen-footer">
          {button(
            'maintenance-sign-out',
            'menu.signOut',
            () => void rpc.call('maintenance.signOut', {}),
            false,
            'back',
          )}
          {button('maintenance-leave', 'menu.leave', () => void rpc.call('maintenance.leave', {}), true)}
        </footer>
      );
    case 'leave-check':
      return (
        <footer className="screen-footer">
          {button(
            'maintenance-stay',
            'leaveCheck.stay',
            () => void rpc.call('maintenance.back', {}),
            false,
            'back',
          )}
          {button(
            'maintenance-leave-anyway',
            'leaveCheck.leaveAnyway',
            () => void rpc.call('maintenance.leaveAnyway', {}),
            true,
            'default',
          )}
        </footer>
      );
    default:
      return (
        <footer className="screen-footer">
          {button(
            'maintenance-back',
            'backToMenu',
            () => void rpc.call('maintenance.back', {}),
            false,
            'back',
          )}
          {button('maintenance-refresh', 'refresh', () => void rpc.call('maintenance.refresh', {}))}
        </footer>
      );
  }
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
    case 'publication-sales':
      return <PublicationSalesStep view={view} />;
    case 'publication-stock':
      return <PublicationStockStep view={view} />;
    case 'leave-check':
      return <LeaveCheckStep view={view} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
