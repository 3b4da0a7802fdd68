import { useTranslation } from 'react-i18next';
import { cancelReasons, confirmReasons } from '../../../electron/rpc/flows/maintenance_choices.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { needsStaffText } from './alert_detail_text.js';
import { ListActionResult } from './list_result.js';
import { useMaintenanceFormat } from './maintenance_format.js';
import type { MaintenanceStepView } from './maintenance_screens.js';
import { ReasonPicker } from './reason_picker.js';

/**
 * Resident transactions not finished — in progress, or left by an earlier run of the kiosk — with their step; staff
 * resolve one as completed or cancelled, with a reason, after checking with the resident or the back office.
 * For the tactile keypad each transaction's first action says which it is, its kind and state, and whether it
 * needs staff; the second only which it is.
 */
export function TransactionsStep({ view }: { view: MaintenanceStepView<'transactions'> }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  const format = useMaintenanceFormat();
  return (
    <>
      <ListActionResult
        result={view.result}
        label={(action) => t(action === 'resolve-confirmed' ? 'transactions.confirm' : 'transactions.void')}
      />
      {view.transactions.length === 0 ? <p className="maint__ok">{t('transactions.empty')}</p> : null}
      <ul className="maint__list">
        {view.transactions.map((tx) => {
          const which: Prompt = { key: 'maintenance.transaction', values: { id: tx.id } };
          return (
            <li
              key={tx.id}
              className="maint__card"
              data-testid={`transaction-${tx.id}`}
              data-state={tx.state}
            >
              <div className="maint__card-head">
                <strong>{t(`transactionKind.${tx.kind}`)}</strong>
                <span className="maint__state">{t(`transactionState.${tx.state}`)}</span>
                <span>
                  {t('transactions.line', {
                    id: tx.id,
                    time: format.dateTime(tx.createdAt),
                    updated: format.dateTime(tx.updatedAt),
                  })}
                </span>
              </div>
              {tx.fromEarlierRun ? <p className="maint__detail">{t('transactions.earlierRun')}</p> : null}
              {tx.needsStaffReason ? (
                <p className="notice">
                  {t('transactions.needsStaff', { reason: needsStaffText(t, tx.needsStaffReason) })}
                </p>
              ) : null}
              <div className="maint__actions">
                <ReasonPicker
                  label={t('transactions.confirm')}
                  spoken={[
                    which,
                    { key: `maintenance:transactionKind.${tx.kind}` },
                    { key: `maintenance:transactionState.${tx.state}` },
                    ...(tx.fromEarlierRun ? [{ key: 'maintenance:transactions.earlierRun' }] : []),
                    ...(tx.needsStaffReason ? [{ key: 'maintenance.transactionNeedsStaff' }] : []),
                    { key: 'maintenance:transactions.confirm' },
                  ]}
                  reasons={confirmReasons}
                  testId={`transaction-${tx.id}-confirm`}
                  onChoose={(reason) =>
                    void rpc.call('maintenance.resolveTransaction', {
                      transactionId: tx.id,
                      outcome: { kind: 'confirmed', reason },
                    })
                  }
                />
                <ReasonPicker
                  label={t('transactions.void')}
                  spoken={[which, { key: 'maintenance:transactions.void' }]}
                  reasons={cancelReasons}
                  testId={`transaction-${tx.id}-void`}
                  onChoose={(reason) =>
                    void rpc.call('maintenance.resolveTransaction', {
                      transactionId: tx.id,
                      outcome: { kind: 'voided', reason },
                    })
                  }
                />
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
