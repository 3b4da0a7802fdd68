/**
 * Staff PINs checked by the backend (`checkStaffPin` of the contract), as the sign-in's `CheckStaffPin` port: each
 * attempt is its own state change with its own idempotency key (the backend counts it), and every answer maps to
 * what sign-in needs to know — right, wrong, locked by the backend, not a member of staff, or no answer at all.
 */
import { randomUUID } from 'node:crypto';
import { err, ok } from '../../lib/result.js';
import type { Backend } from '../backend/contract/backend.js';
import type { CheckStaffPin } from './staff_sign_in.js';

export function backendStaffPinCheck(
  backend: Pick<Backend, 'checkStaffPin'>,
  terminalId: string,
): CheckStaffPin {
  return async (staffId, pin) => {
    const checked = await backend.checkStaffPin({ idempotencyKey: randomUUID(), staffId, terminalId, pin });
    if (checked.ok) return ok({ roles: checked.value.roles });
    const error = checked.error;
    switch (error.kind) {
      case 'rejected': {
        const rejection = error.rejection;
        if (rejection.code === 'wrong-pin') return err({ code: 'wrong-pin' });
        if (rejection.code === 'locked')
          return err({ code: 'locked', until: Date.parse(rejection.lockedUntil) });
        if (rejection.code === 'not-found') return err({ code: 'unknown-staff' });
        return err({ code: 'unavailable', detail: `rejected:${rejection.code}` });
      }
      // A staff id the contract cannot carry (a badge from another scheme): nobody the backend knows.
      case 'invalid-request':
        return err({ code: 'unknown-staff' });
      case 'unreachable':
      case 'timeout':
      case 'server-error':
      case 'invalid-reply':
        return err({ code: 'unavailable', detail: error.kind });
      default: {
        const unreachable: never = error;
        return unreachable;
      }
    }
  };
}
