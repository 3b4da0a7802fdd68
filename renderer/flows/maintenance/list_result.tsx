import { useTranslation } from 'react-i18next';
import type { MaintenanceFlowView } from '../../../electron/rpc/flows/maintenance_contract.js';

type ListResult = Extract<MaintenanceFlowView, { step: 'print-jobs' }>['result'];

/** The outcome of the last action on a list screen (reprint, void, resolve, acknowledge): done, or refused with its code. */
export function ListActionResult({
  result,
  label,
}: {
  result: ListResult;
  label: (action: string) => string;
}) {
  const { t } = useTranslation('maintenance');
  if (result === null) return null;
  const names = { action: label(result.action), subject: result.subject };
  return (
    <p
      className={result.ok ? 'maint__ok' : 'notice'}
      role="status"
      data-testid="maintenance-result"
      data-ok={String(result.ok)}
    >
      {result.ok ? t('listResult.ok', names) : t('listResult.failed', { ...names, code: result.code })}
    </p>
  );
}
