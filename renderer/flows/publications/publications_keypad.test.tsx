// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type PublicationsFlowView,
  PublicationsFlowViewSchema,
} from '../../../electron/rpc/flows/publications_contract.js';
import { languages } from '../../../electron/rpc/languages.js';
import { FlowKeypad } from '../../../test/support/flow_keypad.js';
import { publicationsViews, sampleCard, sampleDetail } from '../../../test/support/publications_views.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { unspeakablePrompts } from '../../../test/support/unspeakable_prompts.js';
import { createI18n } from '../../i18n/i18n.js';

/**
 * Buying publications without sight (issue 14): what every step announces (title, content, keys), that every word it
 * or its actions would speak exists in the four languages, Help for every step, and the tactile keypad on the steps
 * through the focus manager the app runs. The search's letters are the on-screen keyboard's (not checked here).
 */
let keypad: FlowKeypad;
afterEach(() => cleanup());
const service = 'publications' as const;
const step = <S extends PublicationsFlowView['step']>(
  name: S,
  where: (v: Extract<PublicationsFlowView, { step: S }>) => boolean = () => true,
) =>
  publicationsViews.find(
    (v): v is Extract<PublicationsFlowView, { step: S }> =>
      v.step === name && where(v as Extract<PublicationsFlowView, { step: S }>),
  )!;
const emptyBasket = { items: 0, totalAvos: 0 };

describe('publications without sight', () => {
  it.each(['en', 'zh-Hant'] as const)(
    'every step announces its title, content and keys, and every action is speakable (%s screen)',
    (language) => {
      keypad = new FlowKeypad();
      for (const view of publicationsViews) {
        keypad.show(view, strictRpcClient({}), language);
        const label = `${view.step} ${JSON.stringify(view).slice(0, 100)}`;
        const said = keypad.announced();
        expect(said.length, label).toBeGreaterThan(1);
        // Every step but the turning (which says to wait, and ends by itself) says what the keys do.
        if (view.step !== 'dispensing') expect(said.at(-1), label).toMatch(/^publications:keys\./);
        expect(unspeakablePrompts([...keypad.announcement(), ...keypad.actionPrompts()]), label).toEqual([]);
        expect(keypad.unmarkedButtons(), label).toEqual([]);
      }
    },
  );

  it('Help explains every step, in the four languages', () => {
    for (const language of languages) {
      const i18n = createI18n(language);
      for (const name of PublicationsFlowViewSchema.options.map((o) => o.shape.step.value)) {
        const key = `a11y:help.step.publications.${name}`;
        expect(i18n.exists(key, { lng: language, fallbackLng: false }), `${language} ${key}`).toBe(true);
      }
    }
  });

  it('the steps say what they show: a list by its name, a detail with its title, price and copies, the basket line by line', () => {
    keypad = new FlowKeypad();
    keypad.show(step('list', (v) => v.by === 'department'));
    expect(keypad.announced()).toEqual([
      'publications:spoken.name',
      'publications:spoken.list',
      'publications:basketBar.summary',
      'publications:keys.list',
    ]);
    expect(keypad.announcement()[0]?.values).toEqual({ name: { text: sampleCard.publisherName } });
    keypad.show(step('list', (v) => v.by === 'category'));
    expect(keypad.announcement()[0]?.values).toEqual({ name: { key: 'publications:category.statistics' } });

    keypad.show(step('detail', (v) => v.publication.inBasket === 0 && v.publication.available > 0));
    expect(keypad.announced()).toEqual([
      'publications:detail.title',
      'publications:spoken.item',
      'publications:detail.available',
      'publications:keys.add',
    ]);
    // The title in the language the screen shows it (this one has no English: Portuguese), with its price.
    expect(keypad.announcement()[1]?.values).toEqual({ title: 'Código Civil', price: 'MOP$1,234.50' });
    keypad.show(step('detail', (v) => v.publication.inBasket > 0));
    expect(keypad.announced()).toEqual([
      'publications:detail.title',
      'publications:spoken.item',
      'publications:inBasket',
      'publications:detail.available',
      'publications:basketBar.summary',
      'publications:keys.quantity',
    ]);
    keypad.show(step('detail', (v) => v.publication.available === 0));
    expect(keypad.announced().slice(2)).toEqual(['publications:detail.soldOut', 'publications:keys.soldOut']);

    keypad.show(
      step('basket', (v) => v.lines.length > 0),
      strictRpcClient({}),
      'zh-Hant',
    );
    expect(keypad.announced()).toEqual([
      'publications:basket.title',
      'publications:spoken.line',
      'publications:basket.pay',
      'publications:keys.basket',
    ]);
    expect(keypad.announcement()[1]?.values).toEqual({ title: '民法典', count: 2, amount: 'MOP$2,469.00' });

    keypad.show(step('done', (v) => v.end === 'refund-refused'));
    expect(keypad.announced()).toEqual([
      'publications:done.titlePartial',
      'publications:done.take',
      'publications:done.missing',
      'publications:done.end.refund-refused',
      'publications:done.paid',
      'publications:done.receipt.not-printed',
      'publications:keys.done',
    ]);
  });

  it('loading, paying and dispensing: a live status region named by the step, each announced', () => {
    keypad = new FlowKeypad();
    keypad.show(step('loading'));
    expect(screen.getByRole('status', { name: 'Government publications' }).textContent).toContain('Checking');
    expect(keypad.announced()).toEqual([
      'publications:browse.title',
      'publications:loading',
      'publications:keys.waiting',
    ]);
    keypad.show(step('paying'));
    expect(screen.getByRole('status', { name: 'Pay with your mobile wallet' }).textContent).toContain(
      'MOP$2,469.00',
    );
    expect(keypad.announced()).toEqual([
      'publications:pay.title',
      'publications:paying',
      'publications:keys.waiting',
    ]);
    keypad.show(step('dispensing'));
    expect(screen.getByRole('status', { name: 'Your publications are coming out' }).textContent).toBe(
      '1 of 2 items',
    );
    expect(keypad.announced()).toEqual(['publications:dispensing.title', 'publications:dispensing.wait']);
  });

  it('browse: the tabs, the search, each group said with its count, then the basket; Enter opens a group', async () => {
    keypad = new FlowKeypad();
    const { rpc } = keypad.show(
      step('browse', (v) => v.by === 'department'),
      strictRpcClient({ 'publications.openGroup': { ok: true } }),
    );
    await keypad.press('down');
    expect(keypad.focused()).toBe('pubs-by-department');
    await keypad.press('down', 'down', 'down');
    expect(keypad.focused()).toBe('pubs-group-DSAJ');
    expect(keypad.spoken.at(-1)).toEqual([
      { key: 'publications:spoken.group', values: { name: { text: sampleCard.publisherName }, count: 4 } },
    ]);
    // A department the catalogue does not name is said by its code.
    await keypad.press('down');
    expect(keypad.spoken.at(-1)).toEqual([
      { key: 'publications:spoken.group', values: { name: 'XX', count: 1 } },
    ]);
    await keypad.press('down');
    expect(keypad.focused()).toBe('pubs-show-basket');
    expect(keypad.lastSaid()).toEqual(['publications:basketBar.open', 'publications:basketBar.empty']);
    await keypad.press('up', 'up', 'enter');
    expect(rpc.calls).toEqual([{ method: 'publications.openGroup', params: { key: 'DSAJ' } }]);
  });

  it('detail: Enter adds to the basket and the step says the copies in it; then the arrows reach − and +', async () => {
    keypad = new FlowKeypad();
    const rpc = strictRpcClient({ 'publications.setQuantity': { ok: true } });
    const { rerender } = keypad.show(
      step('detail', (v) => v.publication.inBasket === 0 && v.publication.available > 0),
      rpc,
    );
    await keypad.press('enter');
    expect(rpc.calls).toEqual([
      { method: 'publications.setQuantity', params: { publicationId: sampleDetail.id, quantity: 1 } },
    ]);
    act(() =>
      rerender({
        service,
        step: 'detail',
        publication: { ...sampleDetail, inBasket: 1 },
        basket: { items: 1, totalAvos: sampleDetail.priceAvos },
      }),
    );
    expect(keypad.announcement()[2]).toEqual({ key: 'publications:inBasket', values: { count: 1 } });
    await keypad.press('down');
    expect(keypad.focused()).toBe(`pubs-less-${sampleDetail.id}`);
    await keypad.press('down', 'enter');
    expect(keypad.focused()).toBe(`pubs-more-${sampleDetail.id}`);
    expect(rpc.calls.at(-1)).toEqual({
      method: 'publications.setQuantity',
      params: { publicationId: sampleDetail.id, quantity: 2 },
    });
  });

  it('basket: Enter pays; pay: no action of its own, Back returns to the basket', async () => {
    keypad = new FlowKeypad();
    const basket = keypad.show(
      step('basket', (v) => v.lines.length > 0),
      strictRpcClient({ 'publications.checkout': { ok: true } }),
    );
    await keypad.press('enter');
    expect(basket.rpc.calls.map((c) => c.method)).toEqual(['publications.checkout']);
    const pay = keypad.show(step('pay'), strictRpcClient({ 'publications.back': { ok: true } }));
    expect(keypad.announced().at(-1)).toBe('publications:keys.pay');
    await keypad.press('back');
    expect(pay.rpc.calls.map((c) => c.method)).toEqual(['publications.back']);
  });

  it("for a screen reader, each line's − and + are grouped under its title", () => {
    keypad = new FlowKeypad();
    keypad.show(
      step('basket', (v) => v.lines.length > 0),
      strictRpcClient({}),
      'pt',
    );
    // At the most the slots hold, + is still reached, and says so.
    const more = screen.getByTestId(`pubs-more-${sampleCard.id}`);
    expect(JSON.parse(more.getAttribute('data-speak') ?? '[]')).toEqual([
      { key: 'publications:quantity.more' },
      { key: 'publications:quantity.atMost', values: { count: 2 } },
    ]);
    const group = screen.getByRole('group', { name: 'Código Civil' });
    expect(group.querySelector('[aria-label="Mais um"]')).toBe(
      screen.getByTestId(`pubs-more-${sampleCard.id}`),
    );
    expect(group.querySelector('output')?.textContent).toBe('2 exemplares');
  });

  it('done: Enter finishes', async () => {
    keypad = new FlowKeypad();
    const { rpc } = keypad.show(step('done'), strictRpcClient({ 'publications.finish': { ok: true } }));
    await keypad.press('enter');
    expect(rpc.calls.map((c) => c.method)).toEqual(['publications.finish']);
  });

  it('an empty basket bar says so rather than "0 items"', () => {
    keypad = new FlowKeypad();
    keypad.show({ service, step: 'browse', by: 'category', groups: [], basket: emptyBasket });
    expect(keypad.announced()).toEqual([
      'publications:browse.title',
      'publications:browse.category',
      'publications:keys.browse',
    ]);
  });
});
