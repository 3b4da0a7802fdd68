import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import { useAnnouncement } from '../a11y/announcements.js';
import { action } from '../a11y/speakable.js';
import { useRpc } from '../rpc/rpc_context.js';
import { currentPrintJob, usePrintStore } from '../stores/print_store.js';
import { WrenchIcon } from './icons.js';

/** How long "Please take your ticket" stays before the screen returns to the flow. */
const doneMessageMs = 6000;

/** A staff reference spoken one character at a time ("P, 0 0 0 0 4 2"), as a person would read it out. */
const spelled = (reference: string) => reference.split('').join(' ');

function PrintDialog({
  state,
  reason,
  prompts,
  children,
}: {
  state: string;
  reason: string;
  prompts: Prompt[];
  children: React.ReactNode;
}) {
  useAnnouncement(prompts, 'overlay');
  return (
    <div
      className="overlay overlay--print"
      data-testid="print-status"
      data-state={state}
      data-reason={reason}
      data-focus-layer=""
    >
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="print-title">
        <div className="dialog__live" aria-live="assertive">
          {children}
        </div>
      </div>
    </div>
  );
}

/**
 * Full-screen news of the resident's print job: printing, done, or stuck — and when stuck, what happens next in
 * their language (the ticket or document is kept and prints when the printer is ready; staff have been alerted; or
 * ask staff with a reference). Never "unknown error" for an empty paper roll.
 */
export const PrintStatus = memo(function PrintStatus() {
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

  const okButton = (onPress: () => void) => (
    <div className="dialog__actions">
      <button
        type="button"
        className="primary-button"
        data-testid="print-ok"
        {...action([{ key: 'print.ok' }], { role: 'default' })}
        onClick={onPress}
      >
        {t('print.ok')}
      </button>
    </div>
  );

  if (unprintable) {
    return (
      <PrintDialog
        state="not-printable"
        reason={unprintable.reason}
        prompts={[
          { key: 'print.notPrintable.title' },
          { key: `print.notPrintable.${unprintable.reason}` },
          { key: 'print.keysClose' },
        ]}
      >
        <WrenchIcon size={96} />
        <h2 id="print-title" className="dialog__title">
          {t('print.notPrintable.title')}
        </h2>
        <p className="dialog__body">{t(`print.notPrintable.${unprintable.reason}`)}</p>
        {okButton(() => clearUnprintable(null))}
      </PrintDialog>
    );
  }
  if (!job || job.state === 'voided') return null;
  const kind = job.paper;
  const reference = `P-${String(job.jobId).padStart(6, '0')}`;
  switch (job.state) {
    case 'printing':
      return (
        <PrintDialog
          state={job.state}
          reason={job.reason ?? ''}
          prompts={[{ key: `print.printing.${kind}` }]}
        >
          <div className="spinner" aria-hidden="true" data-testid="print-spinner" />
          <h2 id="print-title" className="dialog__title">
            {t(`print.printing.${kind}`)}
          </h2>
        </PrintDialog>
      );
    case 'done':
      return (
        <PrintDialog
          state={job.state}
          reason={job.reason ?? ''}
          prompts={[{ key: `print.done.${kind}` }, { key: 'print.keysClose' }]}
        >
          <h2 id="print-title" className="dialog__title">
            {t(`print.done.${kind}`)}
          </h2>
          {okButton(() => dismiss(job.jobId))}
        </PrintDialog>
      );
    case 'waiting':
    case 'blocked': {
      const problem = `print.problem.${job.reason ?? 'error'}`;
      return (
        <PrintDialog
          state={job.state}
          reason={job.reason ?? ''}
          prompts={[
            { key: problem },
            { key: `print.kept.${kind}` },
            { key: `print.ifYouLeave.${kind}` },
            { key: 'print.keysLeave' },
          ]}
        >
          <WrenchIcon size={96} />
          <h2 id="print-title" className="dialog__title">
            {t(problem)}
          </h2>
          <p className="dialog__body">{t(`print.kept.${kind}`)}</p>
          <p className="dialog__body dialog__body--soft">{t(`print.ifYouLeave.${kind}`)}</p>
          <div className="dialog__actions">
            <button
              type="button"
              className="secondary-button"
              data-testid="print-leave"
              {...action([{ key: 'print.leave' }], { role: 'back' })}
              onClick={() => void rpc.call('session.end', { reason: 'cancelled' })}
            >
              {t('print.leave')}
            </button>
          </div>
        </PrintDialog>
      );
    }
    case 'needs-attention': {
      // A spooler fault is named: the document was not printed (and was cancelled there), not "unconfirmed". Only
      // the A4 printer prints through a spooler (CUPS), so these words speak of a document.
      const notPrinted =
        job.reason === 'queue-stopped' || job.reason === 'job-aborted' || job.reason === 'spooler-unavailable'
          ? job.reason
          : null;
      const title = notPrinted ? `print.problem.${notPrinted}` : 'print.needsAttention.title';
      const body = notPrinted ? 'print.notPrinted' : `print.needsAttention.body.${kind}`;
      return (
        <PrintDialog
          state={job.state}
          reason={job.reason ?? ''}
          prompts={[
            { key: title },
            { key: body, values: { reference: spelled(reference) } },
            { key: 'print.keysClose' },
          ]}
        >
          <WrenchIcon size={96} />
          <h2 id="print-title" className="dialog__title">
            {t(title)}
          </h2>
          <p className="dialog__body">{t(body, { reference })}</p>
          {okButton(() => dismiss(job.jobId))}
        </PrintDialog>
      );
    }
    default: {
      const unreachable: never = job.state;
      return unreachable;
    }
  }
});
