import { useRef } from 'react';
import { useRpc } from '../rpc/rpc_context.js';
import '../flows/maintenance/maintenance.css';

/** Taps on the corner that open staff sign-in, and the time they must fall within. */
export const staffCornerTaps = 5;
export const staffCornerWindowMs = 4000;

/**
 * The hidden way to staff sign-in on a kiosk without a keyboard: five taps within four seconds on the top-right
 * corner of the attract or out-of-service screen. The corner is invisible and hidden from assistive technology (it
 * is not for residents); a resident who taps it once or twice starts nothing — the taps are not passed on to the
 * attract screen. The main process decides whether sign-in may open (never during a resident's session).
 */
export function StaffCorner() {
  const rpc = useRpc();
  const taps = useRef<number[]>([]);
  const tap = (event: React.MouseEvent) => {
    event.stopPropagation();
    const now = performance.now();
    taps.current = [...taps.current.filter((at) => now - at < staffCornerWindowMs), now];
    if (taps.current.length >= staffCornerTaps) {
      taps.current = [];
      void rpc.call('staff-sign-in.open', {});
    }
  };
  return (
    <button
      type="button"
      className="staff-corner"
      data-testid="staff-corner"
      aria-hidden="true"
      tabIndex={-1}
      onClick={tap}
    />
  );
}
