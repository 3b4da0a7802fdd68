import type { LockerApplyFlowView } from '../../../electron/rpc/flows/locker_apply_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { formatDay } from './apply_format.js';

type Shown = Exclude<LockerApplyFlowView, { step: 'identify' }>;

/**
 * What audio guidance says on each application step (the identify step speaks for itself): the step's title, the
 * words the screen shows in reading order, and what the keys do. The lists (services, points) are read item by item
 * as the keypad moves through them, from each button's own prompts. The application number is spoken: it names the
 * application, not the person; the ready date as the screen writes it, in the session's language.
 */
export function applyAnnouncement(view: Shown, language: string): Prompt[] {
  const p = (key: string, values?: Prompt['values']): Prompt =>
    values ? { key: `locker-apply:${key}`, values } : { key: `locker-apply:${key}` };
  switch (view.step) {
    case 'loading':
      return [p('loading.title'), p(`loading.${view.what}`), p('keys.waiting')];
    case 'service':
      return [p('service.title'), p('service.lead'), p('keys.choose')];
    case 'point':
      return [
        p('point.title'),
        p('point.lead', { size: { key: `locker-apply:point.size.${view.chosen.size}` } }),
        p('keys.point'),
      ];
    case 'confirm':
      return [
        p('confirm.title'),
        p('spoken.name', { name: { text: view.chosen.name } }),
        p('spoken.name', { name: { text: view.point.name } }),
        p('spoken.address', { address: { text: view.point.address } }),
        p('point.hours', {
          hours: view.point.hours === '24h' ? { key: 'locker-apply:point.allDay' } : view.point.hours,
        }),
        p('confirm.how'),
        p('keys.confirm'),
      ];
    case 'sending':
      return [p('sending.title'), p('sending.body'), p('keys.waiting')];
    case 'done':
      return [
        p('done.title'),
        p('spoken.reference', { reference: view.applicationId }),
        p('spoken.ready', { date: formatDay(view.readyFrom, language) }),
        p('spoken.name', { name: { text: view.point.name } }),
        p('done.how'),
        p(`done.slip.${view.slip}`),
        p('keys.finish'),
      ];
    case 'failed':
      return [
        p(`failed.${view.problem}.title`),
        p(`failed.${view.problem}.body`),
        p(view.canRetry ? 'keys.retry' : 'keys.finish'),
      ];
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
