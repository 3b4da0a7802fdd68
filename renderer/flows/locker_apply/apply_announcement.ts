import type { LockerApplyFlowView } from '../../../electron/rpc/flows/locker_apply_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';

type Shown = Exclude<LockerApplyFlowView, { step: 'identify' }>;

/**
 * What audio guidance says on each application step (the identify step speaks for itself): the words the screen
 * shows, in reading order. The lists (services, points) are read item by item as the keypad moves through them,
 * from each button's own prompts. The application number is spoken: it names the application, not the person.
 */
export function applyAnnouncement(view: Shown): Prompt[] {
  const p = (key: string, values?: Prompt['values']): Prompt =>
    values ? { key: `locker-apply:${key}`, values } : { key: `locker-apply:${key}` };
  switch (view.step) {
    case 'loading':
      return [p(`loading.${view.what}`)];
    case 'service':
      return [p('service.title'), p('service.lead')];
    case 'point':
      return [
        p('point.title'),
        p('point.lead', { size: { key: `locker-apply:point.size.${view.chosen.size}` } }),
      ];
    case 'confirm':
      return [
        p('confirm.title'),
        p('spoken.name', { name: { text: view.chosen.name } }),
        p('spoken.name', { name: { text: view.point.name } }),
        p('confirm.how'),
      ];
    case 'sending':
      return [p('sending.body')];
    case 'done':
      return [
        p('done.title'),
        p('spoken.name', { name: view.applicationId }),
        p('done.how'),
        p(`done.slip.${view.slip}`),
      ];
    case 'failed':
      return [p(`failed.${view.problem}.title`), p(`failed.${view.problem}.body`)];
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
