import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpc } from '../rpc/rpc_context.js';
import { currentPrintJob, usePrintStore } from '../stores/print_store.js';
import { WrenchIcon } from './icons.js';

/** How long "Please take your ticket" stays before the screen returns to the flow. */
const doneMessageMs = 6000;

/**
 * Full-screen news of the resident's print job: printing, done, or stuck — and when stuck, what happens next in
 * their language (the document is kept and prints when the printer is ready; staff have been alerted; or ask staff
 * with a reference). Never "unknown error" for an empty paper roll.
 */
export function PrintStatus() {
  const { t } = useTranslation();
  const rpc = useRpc();
  const job = usePrintStore(currentPrintJob);
  const dismiss = usePrintStore((s) => s.dismiss);
  const unprintable = usePrintStore((s) => s.unprintable);
  const clearUnprintable = usePrintStore((s) => s.showUnprintable);

  useEffect(() => {
    if (job?.state !== 'done') return;
    const timer = setTimeout(() => dismiss(job.jobId), doneMessageMs);
    return () => clearTimeout(timer);
  }, [job, dismiss]);

  if (unprintable) {
    return (
      <div
        className="overlay overlay--print"
        data-testid="print-status"
        data-state="not-printable"
        data-reason={unprintable.reason}
      >
        <div className="dialog" role="alertdialog" aria-modal="true" aria-live="assertive">
          <WrenchIcon size={96} />
          <h2 className="dialog__title">{t('print.notPrintable.title')}</h2>
          <p className="dialog__body">{t(`print.notPrintable.${unprintable.reason}`)}</p>
          <div className="dialog__actions">
            <button type="button" className="primary-button" onClick={() => clearUnprintable(null)}>
              {t('print.ok')}
            </button>
          </div>
        </div>
      </div>
    );
  }
  if (!job) return null;
  const reference = `P-${String(job.jobId).padStart(6, '0')}`;
  const body = (() => {
    switch (job.state) {
      case 'printing':
        return (
          <>
            <div className="spinner" aria-hidden="true" />
            <h2 className="dialog__title">{t(`print.printing.${job.printerKind}`)}</h2>
          </>
        );
      case 'done':
        return (
          <>
            <h2 className="dialog__title">{t(`print.done.${job.printerKind}`)}</h2>
            <div className="dialog__actions">
              <button type="button" className="primary-button" onClick={() => dismiss(job.jobId)}>
                {t('print.ok')}
              </button>
            </div>
          </>
        );
      case 'waiting':
      case 'blocked':
        return (
          <>
            <WrenchIcon size={96} />
            <h2 className="dialog__title">{t(`print.problem.${job.reason ?? 'error'}`)}</h2>
            <p className="dialog__body">{t('print.kept')}</p>
            <p className="dialog__body dialog__body--soft">{t('print.ifYouLeave')}</p>
            <div className="dialog__actions">
              <button
                type="button"
                className="secondary-button"
                data-testid="print-leave"
                onClick={() => void rpc.call('session.end', { reason: 'cancelled' })}
              >
                {t('print.leave')}
              </button>
            </div>
          </>
        );
      case 'needs-attention': {
        // A spooler fault is named: the document was not printed (and was cancelled there), not "unconfirmed".
        const notPrinted =
          job.reason === 'queue-stopped' ||
          job.reason === 'job-aborted' ||
          job.reason === 'spooler-unavailable'
            ? job.reason
            : null;
        return (
          <>
            <WrenchIcon size={96} />
            <h2 className="dialog__title">
              {notPrinted ? t(`print.problem.${notPrinted}`) : t('print.needsAttention.title')}
            </h2>
            <p className="dialog__body">
              {notPrinted
                ? t('print.notPrinted', { reference })
                : t('print.needsAttention.body', { reference })}
            </p>
            <div className="dialog__actions">
              <button type="button" className="primary-button" onClick={() => dismiss(job.jobId)}>
                {t('print.ok')}
              </button>
            </div>
          </>
        );
      }
      case 'voided':
        return null;
      default: {
        const unreachable: never = job.state;
        return unreachable;
      }
    }
  })();
  return (
    <div
      className="overlay overlay--print"
      data-testid="print-status"
      data-state={job.state}
      data-reason={job.reason ?? ''}
    >
      <div className="dialog" role="alertdialog" aria-modal="true" aria-live="assertive">
        {body}
      </div>
    </div>
  );
}
