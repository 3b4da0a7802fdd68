import { create } from 'zustand';
import type { PrintJobView } from '../../electron/rpc/print_contract.js';

interface PrintState {
  /** The session's print jobs, latest last. */
  jobs: PrintJobView[];
  dismissed: number[];
  update(job: PrintJobView): void;
  dismiss(jobId: number): void;
  reset(): void;
}

/** The resident's print jobs as the main process reports them (state only, never the document). */
export const usePrintStore = create<PrintState>((set) => ({
  jobs: [],
  dismissed: [],
  update: (job) => set((s) => ({ jobs: [...s.jobs.filter((j) => j.jobId !== job.jobId), job] })),
  dismiss: (jobId) => set((s) => ({ dismissed: [...s.dismissed, jobId] })),
  reset: () => set({ jobs: [], dismissed: [] }),
}));

/** The job the screen should talk about: the latest one the resident has not dismissed. */
export function currentPrintJob(state: Pick<PrintState, 'jobs' | 'dismissed'>): PrintJobView | undefined {
  return [...state.jobs]
    .reverse()
    .find((job) => job.state !== 'voided' && !state.dismissed.includes(job.jobId));
}
