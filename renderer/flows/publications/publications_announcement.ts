import type { PublicationsFlowView } from '../../../electron/rpc/flows/publications_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { formatMoney } from '../../../electron/rpc/money.js';

/**
 * What audio guidance says on each publications step: the words the screen shows, in the order a resident reads
 * them. Amounts are spoken as the screen writes them; a wallet's payment code is never on screen, so never spoken.
 */
export function publicationsAnnouncement(view: PublicationsFlowView, language: Language): Prompt[] {
  const p = (key: string, values?: Prompt['values']): Prompt =>
    values ? { key: `publications:${key}`, values } : { key: `publications:${key}` };
  const money = (avos: number) => formatMoney(avos, language);
  switch (view.step) {
    case 'loading':
      return [p('loading')];
    case 'unavailable':
      return [p('unavailable.title'), p('unavailable.body')];
    case 'browse':
      return [p('browse.title'), p(`browse.${view.by}`)];
    case 'list':
      return [p('spoken.list', { count: view.publications.length })];
    case 'search':
      return [
        p('search.title'),
        p(view.query ? 'spoken.results' : 'search.hint', { count: view.results.length }),
        { key: 'publications.keys.search' },
      ];
    case 'detail':
      return [p('detail.title'), p('spoken.price', { price: money(view.publication.priceAvos) })];
    case 'basket':
      return [
        p('basket.title'),
        ...(view.notice ? [p(`basket.notice.${view.notice}`)] : []),
        p('basket.pay', { total: money(view.totalAvos) }),
      ];
    case 'pay':
      return [
        ...(view.problem
          ? [p(`pay.problem.${view.problem}.title`), p(`pay.problem.${view.problem}.body`)]
          : [p('pay.title')]),
        p('pay.amount', { total: money(view.totalAvos), count: view.items }),
        p('pay.how'),
      ];
    case 'paying':
      return [p('paying', { total: money(view.totalAvos) })];
    case 'dispensing':
      return [p('dispensing.title'), p('dispensing.wait')];
    case 'done': {
      const missing = view.items.filter((i) => i.state !== 'dropped').length;
      return [
        p(missing === 0 ? 'done.title' : 'done.titlePartial'),
        p('done.take'),
        ...(missing > 0
          ? [
              p('done.missing', { count: missing }),
              p(`done.end.${view.end}`, { amount: money(view.refundedAvos) }),
            ]
          : []),
      ];
    }
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
