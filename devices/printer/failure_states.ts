/**
 * One mapping, shared by every printer driver, between transfer faults, print failures and published states, so
 * the ticket printer, the USB A4 route and the CUPS route describe the same fault the same way.
 */
import type { PrinterState } from '../device_status.js';
import type { TransferFailure } from '../transport/usb_transport.js';
import type { PrintFailure } from './printer.js';

export function failureOfTransfer(failure: TransferFailure): PrintFailure {
  switch (failure.code) {
    case 'disconnected':
      return { reason: 'disconnected' };
    case 'timeout':
      return { reason: 'timeout' };
    case 'stall':
      return { reason: 'error', detail: 'usb-stall' };
    case 'io':
      return { reason: 'error', detail: `usb-io: ${failure.detail}` };
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

/** The state a printer is in after a job failed this way. Error codes are the detail up to its first colon. */
export function stateOfFailure(failure: PrintFailure): PrinterState {
  switch (failure.reason) {
    case 'no-paper':
      return { state: 'no-paper' };
    case 'cover-open':
      return { state: 'cover-open' };
    case 'disconnected':
      return { state: 'disconnected' };
    case 'timeout':
      return { state: 'error', code: 'timeout' };
    case 'queue-stopped':
      return { state: 'error', code: 'queue-stopped' };
    case 'spooler-unavailable':
      return { state: 'error', code: 'spooler-unavailable', detail: failure.detail };
    // The spooler dropped one job; the printer itself may be fine. The code still tells staff why it failed.
    case 'job-aborted':
      return { state: 'error', code: 'job-aborted', detail: failure.detail };
    case 'error': {
      const code = failure.detail.split(':')[0] ?? failure.detail;
      return code === failure.detail
        ? { state: 'error', code }
        : { state: 'error', code, detail: failure.detail };
    }
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

/** Why a printer in this state cannot print, or `undefined` when it can (paper-low still prints). */
export function failureOfState(state: PrinterState): PrintFailure | undefined {
  switch (state.state) {
    case 'no-paper':
      return { reason: 'no-paper' };
    case 'cover-open':
      return { reason: 'cover-open' };
    case 'disconnected':
      return { reason: 'disconnected' };
    case 'error':
      return failureOfErrorState(state.code, state.detail);
    case 'ready':
    case 'busy':
    case 'paper-low':
      return undefined;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/** Error states that name a spooler fault map back to that fault; any other code is a printer error. */
function failureOfErrorState(code: string, detail: string | undefined): PrintFailure {
  switch (code) {
    case 'queue-stopped':
      return { reason: 'queue-stopped' };
    case 'spooler-unavailable':
      return { reason: 'spooler-unavailable', detail: detail ?? code };
    default:
      return { reason: 'error', detail: code };
  }
}
