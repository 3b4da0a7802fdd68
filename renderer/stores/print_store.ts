import type { z } from 'zod';
import { create } from 'zustand';
import type { PrintFailureSchema, PrintJobView } from '../../electron/rpc/print_contract.js';

export type PrintFailure = z.infer<typeof PrintFailureSchema>;

interface PrintState {
  /** The session's print jobs, latest last. */
  jobs: PrintJobView[];
  dismissed: number[];
  /** A document the kiosk refused to print (missing glyphs): shown until the resident dismisses it. */
  failure: PrintFailure | null;
  update(job: PrintJobView): void;
  fail(failure: PrintFailure | null): void;
  dismiss(jobId: number): void;
  reset(): void;
}

/** The resident's print jobs as the main process reports them (state only, never the document). */
export const usePrintStore = create<PrintState>((set) => ({
  jobs: [],
  dismissed: [],
  failure: null,
  fail: (failure) => set({ failure }),
  update: (job) => set((s) => ({ jobs: [...s.jobs.filter((j) => j.jobId !== job.jobId), job] })),
  dismiss: (jobId) => set((s) => ({ dismissed: [...s.dismissed, jobId] })),
  reset: () => set({ jobs: [], dismissed: [], failure: null }),
}));

/** The job the screen should talk about: the latest one the resident has not dismissed. */
export function currentPrintJob(state: Pick<PrintState, 'jobs' | 'dismissed'>): PrintJobView | undefined {
  return [...state.jobs]
    .reverse()
    .find((job) => job.state !== 'voided' && !state.dismissed.includes(job.jobId));
}
