import type { PrintJobView, UnprintableDocument } from '../../electron/rpc/print_contract.js';
import { createResidentStore } from './resident_store.js';

interface PrintState {
  /** The session's print jobs, latest last. */
  jobs: PrintJobView[];
  dismissed: number[];
  /** A document the kiosk refused to print (missing glyphs): shown until the resident dismisses it. */
  unprintable: UnprintableDocument | null;
  update(job: PrintJobView): void;
  showUnprintable(unprintable: UnprintableDocument | null): void;
  dismiss(jobId: number): void;
}

/** The resident's print jobs as the main process reports them (state only, never the document). */
export const usePrintStore = createResidentStore<PrintState>(
  { jobs: [], dismissed: [], unprintable: null },
  (set) => ({
    update: (job) => set((s) => ({ jobs: [...s.jobs.filter((j) => j.jobId !== job.jobId), job] })),
    showUnprintable: (unprintable) => set({ unprintable }),
    dismiss: (jobId) => set((s) => ({ dismissed: [...s.dismissed, jobId] })),
  }),
);

/** The job the screen should talk about: the latest one the resident has not dismissed. */
export function currentPrintJob(state: Pick<PrintState, 'jobs' | 'dismissed'>): PrintJobView | undefined {
  return [...state.jobs]
    .reverse()
    .find((job) => job.state !== 'voided' && !state.dismissed.includes(job.jobId));
}
