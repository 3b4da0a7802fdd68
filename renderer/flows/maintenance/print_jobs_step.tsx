import { useTranslation } from 'react-i18next';
import { reprintReasons, voidReasons } from '../../../electron/rpc/flows/maintenance_choices.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { ListActionResult } from './list_result.js';
import { useMaintenanceFormat } from './maintenance_format.js';
import type { MaintenanceStepView } from './maintenance_screens.js';
import { ReasonPicker } from './reason_picker.js';

/**
 * Held, failed and expired print jobs with template, printer, time and reason; reprint or void, each with a reason.
 * For the tactile keypad each job's first action says the job, its status and why it waits; the next only the job.
 */
export function PrintJobsStep({ view }: { view: MaintenanceStepView<'print-jobs'> }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  const format = useMaintenanceFormat();
  const job = (id: number): Prompt => ({ key: 'maintenance.job', values: { id } });
  return (
    <>
      <ListActionResult
        result={view.result}
        label={(action) => t(`jobs.${action}`, { defaultValue: action })}
      />
      {view.jobs.length === 0 ? <p className="maint__ok">{t('jobs.empty')}</p> : null}
      <ul className="maint__list">
        {view.jobs.map((entry) => {
          const about: Prompt[] = [
            job(entry.jobId),
            { key: `maintenance:jobStatus.${entry.status}` },
            ...(entry.reason
              ? [{ key: `maintenance:jobReason.${entry.reason.kind}.${entry.reason.code}` }]
              : []),
          ];
          return (
            <li
              key={entry.jobId}
              className="maint__card"
              data-testid={`job-${entry.jobId}`}
              data-status={entry.status}
            >
              <div className="maint__card-head">
                <strong>{t(`jobStatus.${entry.status}`)}</strong>
                <span>
                  {t('jobs.line', {
                    id: entry.jobId,
                    template: entry.template,
                    printer: entry.printerId,
                    time: format.dateTime(entry.createdAt),
                  })}
                </span>
              </div>
              {entry.reason ? (
                <p
                  className="maint__detail"
                  data-testid={`job-${entry.jobId}-reason`}
                  data-reason={entry.reason.code}
                >
                  {t(`jobReason.${entry.reason.kind}.${entry.reason.code}`)}
                </p>
              ) : null}
              <div className="maint__actions">
                {entry.canReprint ? (
                  <ReasonPicker
                    label={t('jobs.reprint')}
                    spoken={[...about, { key: 'maintenance:jobs.reprint' }]}
                    reasons={reprintReasons}
                    testId={`job-${entry.jobId}-reprint`}
                    onChoose={(reason) =>
                      void rpc.call('maintenance.reprint', { jobId: entry.jobId, reason })
                    }
                  />
                ) : null}
                {entry.canVoid ? (
                  <ReasonPicker
                    label={t('jobs.void')}
                    spoken={[
                      ...(entry.canReprint ? [job(entry.jobId)] : about),
                      { key: 'maintenance:jobs.void' },
                    ]}
                    reasons={voidReasons}
                    testId={`job-${entry.jobId}-void`}
                    onChoose={(reason) =>
                      void rpc.call('maintenance.voidJob', { jobId: entry.jobId, reason })
                    }
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
