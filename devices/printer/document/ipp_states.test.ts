import { describe, expect, it } from 'vitest';
import { type CupsQueue, stateOfQueue, verdictOfJob } from './ipp_states.js';

const job = (state: Parameters<typeof verdictOfJob>[0]['state'], reasons: string[] = []) => ({
  id: 5,
  state,
  reasons,
});
const queue = (over: Partial<CupsQueue> = {}): CupsQueue => ({
  state: 'idle',
  reasons: [],
  message: undefined,
  acceptingJobs: true,
  ...over,
});

describe('what an IPP job-state means for the kiosk', () => {
  it('completed is printed, whatever the reasons say — CUPS 2.4 ends good jobs with processing-to-stop-point', () => {
    expect(verdictOfJob(job('completed', ['processing-to-stop-point']))).toEqual({ kind: 'printed' });
    expect(verdictOfJob(job('completed', ['job-completed-successfully']))).toEqual({ kind: 'printed' });
    expect(verdictOfJob(job('completed'))).toEqual({ kind: 'printed' });
  });

  it('completed with errors goes to staff as an error, never reprinted on its own', () => {
    expect(verdictOfJob(job('completed', ['job-completed-with-errors']))).toEqual({
      kind: 'not-printed',
      failure: { reason: 'error', detail: 'completed-with-errors' },
      cancel: false,
    });
  });

  it('pending and processing are in progress', () => {
    expect(verdictOfJob(job('pending'))).toEqual({ kind: 'in-progress' });
    expect(verdictOfJob(job('processing', ['job-printing']))).toEqual({ kind: 'in-progress' });
  });

  it('stopped and held jobs are aborted and must be cancelled; cancelled and aborted ones already ended', () => {
    expect(verdictOfJob(job('processing-stopped', ['job-completed-with-errors']))).toEqual({
      kind: 'not-printed',
      failure: { reason: 'job-aborted', detail: 'job-completed-with-errors' },
      cancel: true,
    });
    expect(verdictOfJob(job('pending-held', ['job-hold-until-specified']))).toMatchObject({ cancel: true });
    expect(verdictOfJob(job('canceled', ['processing-to-stop-point']))).toEqual({
      kind: 'not-printed',
      failure: { reason: 'job-aborted', detail: 'canceled processing-to-stop-point' },
      cancel: false,
    });
    expect(verdictOfJob(job('aborted', ['aborted-by-system']))).toMatchObject({
      failure: { reason: 'job-aborted', detail: 'aborted aborted-by-system' },
      cancel: false,
    });
  });
});

describe('what a CUPS queue state means for the kiosk', () => {
  it('maps sensors before a stopped queue, and a stopped or rejecting queue to queue-stopped', () => {
    expect(stateOfQueue(queue())).toEqual({ state: 'ready' });
    expect(stateOfQueue(queue({ state: 'processing' }))).toEqual({ state: 'busy' });
    expect(stateOfQueue(queue({ reasons: ['media-empty-error'] }))).toEqual({ state: 'no-paper' });
    expect(stateOfQueue(queue({ reasons: ['cover-open-error'] }))).toEqual({ state: 'cover-open' });
    expect(stateOfQueue(queue({ reasons: ['media-jam-error'] }))).toEqual({
      state: 'error',
      code: 'media-jam',
    });
    expect(stateOfQueue(queue({ reasons: ['offline-report'] }))).toEqual({ state: 'disconnected' });
    expect(stateOfQueue(queue({ state: 'stopped', reasons: ['paused'], message: 'toner change' }))).toEqual({
      state: 'error',
      code: 'queue-stopped',
      detail: 'toner change',
    });
    expect(stateOfQueue(queue({ acceptingJobs: false }))).toEqual({ state: 'error', code: 'queue-stopped' });
    expect(stateOfQueue(queue({ reasons: ['toner-empty-error'] }))).toEqual({
      state: 'error',
      code: 'toner-empty-error',
    });
    expect(stateOfQueue(queue({ reasons: ['interpreter-resource-unavailable-error'] }))).toEqual({
      state: 'error',
      code: 'printer-reported-error',
      detail: 'interpreter-resource-unavailable-error',
    });
    expect(stateOfQueue(queue({ reasons: ['media-low-report'] }))).toEqual({ state: 'paper-low' });
    // A backend saying it is connecting is normal at the start of every job, not a fault.
    expect(stateOfQueue(queue({ state: 'processing', reasons: ['connecting-to-device'] }))).toEqual({
      state: 'busy',
    });
  });
});
