import type { LockerPickupFlowView } from '../../../electron/rpc/flows/locker_pickup_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';

/**
 * What audio guidance says on each pickup step: the words the screen shows, in the order a resident reads them.
 * The typed digits are never spoken (the keypad's progress says how many); the compartment is, since the resident
 * must find its door.
 */
export function pickupAnnouncement(view: LockerPickupFlowView): Prompt[] {
  const p = (key: string, values?: Prompt['values']): Prompt =>
    values ? { key: `locker-pickup:${key}`, values } : { key: `locker-pickup:${key}` };
  switch (view.step) {
    case 'scan':
      return [p('scan.title'), p('scan.how'), p('scan.type')];
    case 'type':
      return [p('type.title'), ...(view.mistyped ? [p('type.mistyped')] : []), p('type.how')];
    case 'checking':
      return [p('checking')];
    case 'opening':
    case 'recording':
      return [p(view.step, { compartment: view.compartment })];
    case 'open':
      return [p('door.open', { compartment: view.compartment })];
    case 'left-open':
      return [p('door.leftOpen', { compartment: view.compartment })];
    case 'refused':
      return [p(`refused.${view.reason}.title`), p(`refused.${view.reason}.body`)];
    case 'door-failed':
      return [p('door-failed.title'), p('door-failed.body', { compartment: view.compartment })];
    case 'done':
      return [
        p('done.title'),
        p('done.body', { compartment: view.compartment }),
        ...(view.record === 'recorded' ? [] : [p(`done.${view.record}`)]),
        ...(view.receipt === 'none' || view.receipt === 'offered' ? [] : [p(`done.receipt.${view.receipt}`)]),
      ];
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
