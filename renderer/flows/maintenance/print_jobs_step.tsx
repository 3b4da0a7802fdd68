import { useTranslation } from 'react-i18next';
import { reprintReasons, voidReasons } from '../../../electron/rpc/flows/maintenance_choices.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { ListActionResult } from './list_result.js';
import { useMaintenanceFormat } from './maintenance_format.js';
import type { MaintenanceStepView } from './maintenance_screens.js';
import { ReasonPicker } from './reason_picker.js';

/** Held, failed and expired print jobs with template, printer, time and reason; reprint or void, each with a reason. */
export function PrintJobsStep({ view }: { view: MaintenanceStepView<'print-jobs'> }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  const format = useMaintenanceFormat();
  return (
    <>
      <ListActionResult
        result={view.result}
        label={(action) => t(`jobs.${action}`, { defaultValue: action })}
      />
      {view.jobs.length === 0 ? <p className="maint__ok">{t('jobs.empty')}</p> : null}
      <ul className="maint__list">
        {view.jobs.map((job) => (
          <li
            key={job.jobId}
            className="maint__card"
            data-testid={`job-${job.jobId}`}
            data-status={job.status}
          >
            <div className="maint__card-head">
              <strong>{t(`jobStatus.${job.status}`)}</strong>
              <span>
                {t('jobs.line', {
                  id: job.jobId,
                  template: job.template,
                  printer: job.printerId,
                  time: format.dateTime(job.createdAt),
                })}
              </span>
            </div>
            {job.reason ? (
              <p
                className="maint__detail"
                data-testid={`job-${job.jobId}-reason`}
                data-reason={job.reason.code}
              >
                {t(`jobReason.${job.reason.kind}.${job.reason.code}`)}
              </p>
            ) : null}
            <div className="maint__actions">
              {job.canReprint ? (
                <ReasonPicker
                  label={t('jobs.reprint')}
                  reasons={reprintReasons}
                  testId={`job-${job.jobId}-reprint`}
                  onChoose={(reason) => void rpc.call('maintenance.reprint', { jobId: job.jobId, reason })}
                />
              ) : null}
              {job.canVoid ? (
                <ReasonPicker
                  label={t('jobs.void')}
                  reasons={voidReasons}
                  testId={`job-${job.jobId}-void`}
                  onChoose={(reason) => void rpc.call('maintenance.voidJob', { jobId: job.jobId, reason })}
                />
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
