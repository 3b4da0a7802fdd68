import type { StaffSignInFlowView } from '../../../electron/rpc/flows/staff_sign_in_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';

/**
 * What audio guidance says on each staff sign-in step (docs/accessibility.md), for a member of staff who cannot see
 * the screen: the step's title, what is on it (a refusal's reason, a wrong PIN, the attempts left, until when the
 * badge is locked, how many transactions are finishing) and what the keypad's keys do. Built from the view alone.
 *
 * Never spoken: the staff member's name and id (others stand at the kiosk), and the PIN's digits (the pad takes
 * them from the keypad unspoken). `lockedUntil` is the lock-out's end as the screen shows it, in Macau time.
 */
export function staffSignInAnnouncement(view: StaffSignInFlowView, lockedUntil: string | null): Prompt[] {
  const title: Prompt = { key: `staff-sign-in:title.${view.step}` };
  switch (view.step) {
    case 'badge':
      return [
        title,
        ...(view.refused ? [{ key: `staff-sign-in:badge.refused.${view.refused}` }] : []),
        { key: 'staff-sign-in:badge.prompt' },
        { key: 'staff-sign-in:keys.badge' },
      ];
    case 'pin':
      return [
        title,
        ...(view.problem ? [{ key: `staff-sign-in:pin.problem.${view.problem}` }] : []),
        { key: 'staff-sign-in:pin.attemptsLeft', values: { count: view.attemptsLeft } },
        { key: 'staff-sign-in:keys.pin' },
      ];
    case 'checking':
      return [title];
    case 'locked':
      return [
        title,
        ...(lockedUntil ? [{ key: 'staff-sign-in:locked.body', values: { time: lockedUntil } }] : []),
        { key: 'staff-sign-in:keys.locked' },
      ];
    case 'waiting':
      return [
        title,
        { key: 'staff-sign-in:waiting.body', values: { count: view.transactions } },
        { key: 'staff-sign-in:keys.waiting' },
      ];
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
