import type {
  BasketSummary,
  BrowseBy,
  BrowseGroup,
  PublicationsFlowView,
} from '../../../electron/rpc/flows/publications_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { formatMoney } from '../../../electron/rpc/money.js';
import { textIn } from './publication_text.js';

const p = (key: string, values?: Prompt['values']): Prompt =>
  values ? { key: `publications:${key}`, values } : { key: `publications:${key}` };

/** A department's or category's name, as its button and the list's title show it. */
export function spokenGroupName(by: BrowseBy, group: BrowseGroup): Prompt['values'] {
  return {
    name:
      by === 'category'
        ? { key: `publications:category.${group.key}` }
        : group.name
          ? { text: group.name }
          : group.key.slice(0, 120),
  };
}

/** What the basket bar shows: empty, or how many items for how much. */
export const spokenBasket = (basket: BasketSummary, money: (avos: number) => string): Prompt =>
  basket.items === 0
    ? p('basketBar.empty')
    : p('basketBar.summary', { count: basket.items, total: money(basket.totalAvos) });

/**
 * What audio guidance says on each publications step: the step's title, the words the screen shows in the order a
 * resident reads them, and what the keys do. Lists (groups, publications) are read one by one as the keypad reaches
 * each (their buttons' prompts). A publication's title exists only in the languages it was published in, so it is
 * said as short verbatim text in the language the screen shows it. Amounts are spoken as the screen writes them; a
 * wallet's payment code is never on screen, so never spoken.
 */
export function publicationsAnnouncement(view: PublicationsFlowView, language: Language): Prompt[] {
  const money = (avos: number) => formatMoney(avos, language);
  const title = (text: Parameters<typeof textIn>[0]) => textIn(text, language).text.slice(0, 120);
  switch (view.step) {
    case 'loading':
      return [p('browse.title'), p('loading'), p('keys.waiting')];
    case 'unavailable':
      return [p('unavailable.title'), p('unavailable.body'), p('keys.unavailable')];
    case 'browse':
      return [
        p('browse.title'),
        p(`browse.${view.by}`),
        ...(view.basket.items > 0 ? [spokenBasket(view.basket, money)] : []),
        p('keys.browse'),
      ];
    case 'list':
      return [
        p('spoken.name', spokenGroupName(view.by, view.group)),
        p('spoken.list', { count: view.publications.length }),
        ...(view.basket.items > 0 ? [spokenBasket(view.basket, money)] : []),
        p('keys.list'),
      ];
    case 'search':
      return [
        p('search.title'),
        p(view.query ? 'spoken.results' : 'search.hint', { count: view.results.length }),
        p('keys.search'),
      ];
    case 'detail': {
      const d = view.publication;
      return [
        p('detail.title'),
        p('spoken.item', { title: title(d.title), price: money(d.priceAvos) }),
        ...(d.available === 0
          ? [p('detail.soldOut'), p('keys.soldOut')]
          : d.inBasket === 0
            ? [p('detail.available', { count: d.available }), p('keys.add')]
            : [
                p('inBasket', { count: d.inBasket }),
                p('detail.available', { count: d.available }),
                spokenBasket(view.basket, money),
                p('keys.quantity'),
              ]),
      ];
    }
    case 'basket':
      return [
        p('basket.title'),
        ...(view.notice ? [p(`basket.notice.${view.notice}`)] : []),
        ...view.lines.map((line) =>
          p('spoken.line', {
            title: title(line.publication.title),
            count: line.quantity,
            amount: money(line.lineAvos),
          }),
        ),
        ...(view.lines.length === 0
          ? [p('basket.empty'), p('keys.basketEmpty')]
          : [p('basket.pay', { total: money(view.totalAvos) }), p('keys.basket')]),
      ];
    case 'pay':
      return [
        ...(view.problem
          ? [p(`pay.problem.${view.problem}.title`), p(`pay.problem.${view.problem}.body`)]
          : [p('pay.title')]),
        p('pay.amount', { total: money(view.totalAvos), count: view.items }),
        p('pay.how'),
        p('keys.pay'),
      ];
    case 'paying':
      return [p('pay.title'), p('paying', { total: money(view.totalAvos) }), p('keys.waiting')];
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
        p('done.paid', { amount: money(view.paidAvos) }),
        p(`done.receipt.${view.receipt}`),
        p('keys.done'),
      ];
    }
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
