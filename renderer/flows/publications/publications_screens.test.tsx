// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../electron/rpc/flow_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import {
  sampleCard as codeCard,
  sampleDetail as codeDetail,
} from '../../../test/support/publications_views.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { FlowHost } from '../flow_host.js';

const service = 'publications' as const;
const accepted = { ok: true };
const emptyBasket = { items: 0, totalAvos: 0 };

function show(flow: FlowView, rpc: ReturnType<typeof strictRpcClient>, language: Language = 'en') {
  const ui = (v: FlowView) => (
    <RpcContext.Provider value={rpc.client}>
      <I18nextProvider i18n={createI18n(language)}>
        <FlowHost flow={v} />
      </I18nextProvider>
    </RpcContext.Provider>
  );
  const rendered = render(ui(flow));
  return (next: FlowView) => rendered.rerender(ui(next));
}
const tap = (testId: string) => act(async () => fireEvent.click(screen.getByTestId(testId)));

describe('publications screens', () => {
  afterEach(() => cleanup());

  it('browse: groups by department, the toggle, search and a group send their intents only', async () => {
    const rpc = strictRpcClient({
      'publications.browseBy': accepted,
      'publications.openGroup': accepted,
      'publications.openSearch': accepted,
    });
    show(
      {
        service,
        step: 'browse',
        by: 'department',
        groups: [{ key: 'DSAJ', name: codeCard.publisherName, count: 4 }],
        basket: emptyBasket,
      },
      rpc,
      'zh-Hant',
    );
    expect(screen.getByTestId('pubs-group-DSAJ').textContent).toContain('法務局');
    expect((screen.getByTestId('pubs-show-basket') as HTMLButtonElement).disabled).toBe(true);
    await tap('pubs-by-category');
    await tap('pubs-open-search');
    await tap('pubs-group-DSAJ');
    expect(rpc.calls).toEqual([
      { method: 'publications.browseBy', params: { by: 'category' } },
      { method: 'publications.openSearch', params: {} },
      { method: 'publications.openGroup', params: { key: 'DSAJ' } },
    ]);
    expect(screen.getByTestId('pubs-browse')).toBeTruthy();
  });

  it('list: a title falls back to the nearest language; prices in the locale’s format; sold out said', () => {
    show(
      {
        service,
        step: 'list',
        by: 'category',
        group: { key: 'law', name: null, count: 2 },
        publications: [codeCard, { ...codeCard, id: 'PUB-OUT', available: 0 }],
        basket: { items: 3, totalAvos: 14_000 },
      },
      strictRpcClient({}),
      'pt',
    );
    expect(screen.getByTestId('pubs-items').textContent).toContain('Código Civil');
    expect(screen.getByTestId('pubs-item-PUB-CIVIL-CODE').textContent).toContain('1\u00a0234,50\u00a0MOP$');
    expect(screen.getByTestId('pubs-item-PUB-OUT').textContent).toContain('Esgotado');
    expect(screen.getByTestId('pubs-basket-bar').textContent).toContain('3 artigos · 140,00\u00a0MOP$');
  });

  it('detail: the large screen’s facts; Add, then − and + up to the stock', async () => {
    const rpc = strictRpcClient({ 'publications.setQuantity': accepted });
    const rerender = show(
      { service, step: 'detail', publication: codeDetail, basket: emptyBasket },
      rpc,
      'en',
    );
    // No English title: the Portuguese one, marked as Portuguese for the screen reader.
    expect(screen.getByTestId('pubs-detail-title').textContent).toBe('Código Civil');
    expect(screen.getByTestId('pubs-detail-title').getAttribute('lang')).toBe('pt-MO');
    expect(screen.getByTestId('pubs-detail-price').textContent).toBe('MOP$1,234.50');
    expect(screen.getByTestId('pubs-detail-edition').textContent).toBe('Traditional Chinese · Portuguese');
    expect(screen.getByTestId('pubs-contents').children).toHaveLength(2);
    await tap('pubs-add');
    rerender({ service, step: 'detail', publication: { ...codeDetail, inBasket: 2 }, basket: emptyBasket });
    expect((screen.getByTestId('pubs-more-PUB-CIVIL-CODE') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('pubs-at-most-PUB-CIVIL-CODE').textContent).toContain('Only 2 copies left');
    await tap('pubs-less-PUB-CIVIL-CODE');
    expect(rpc.calls).toEqual([
      { method: 'publications.setQuantity', params: { publicationId: 'PUB-CIVIL-CODE', quantity: 1 } },
      { method: 'publications.setQuantity', params: { publicationId: 'PUB-CIVIL-CODE', quantity: 1 } },
    ]);
  });

  it('basket: lines, total, the notice of a change, and Pay sends checkout', async () => {
    const rpc = strictRpcClient({ 'publications.checkout': accepted });
    show(
      {
        service,
        step: 'basket',
        lines: [{ publication: { ...codeCard, inBasket: 2 }, quantity: 2, max: 2, lineAvos: 246_900 }],
        totalAvos: 246_900,
        notice: 'stock',
      },
      rpc,
      'zh-Hans',
    );
    expect(screen.getByTestId('pubs-total').textContent).toBe('MOP$2,469.00');
    expect(screen.getByTestId('pubs-notice-stock').textContent).toContain('售罄');
    await tap('pubs-checkout');
    expect(rpc.calls).toEqual([{ method: 'publications.checkout', params: {} }]);
  });

  it('pay: each problem in the resident’s language; paying disables Back and Cancel', () => {
    const rerender = show(
      { service, step: 'pay', items: 3, totalAvos: 14_000, problem: 'insufficient-funds' },
      strictRpcClient({}),
      'zh-Hant',
    );
    expect(screen.getByTestId('pubs-problem-insufficient-funds').textContent).toContain('餘額不足');
    expect(screen.getByTestId('pubs-pay-total').textContent).toContain('MOP$140.00');
    rerender({ service, step: 'pay', items: 3, totalAvos: 14_000, problem: 'no-answer' });
    expect(screen.getByTestId('pubs-problem-no-answer').textContent).toContain('不會被重複收費');
    rerender({ service, step: 'paying', totalAvos: 14_000 });
    expect((screen.getByTestId('pubs-cancel') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('pubs-back') as HTMLButtonElement).disabled).toBe(true);
  });

  it('dispensing and done: per-item progress; a refund and a refused refund said plainly; Finish', async () => {
    const rpc = strictRpcClient({ 'publications.finish': accepted });
    const items = [
      { title: codeCard.title, state: 'dropped' as const },
      { title: codeCard.title, state: 'turning' as const },
    ];
    const rerender = show({ service, step: 'dispensing', items }, rpc, 'en');
    expect(screen.getByTestId('pubs-progress-1').getAttribute('data-state')).toBe('turning');
    expect(screen.getByTestId('pubs-dispensing').textContent).toContain('1 of 2 items');
    const done = {
      service,
      step: 'done' as const,
      items: [
        { title: codeCard.title, state: 'dropped' as const },
        { title: codeCard.title, state: 'not-dropped' as const },
      ],
      paidAvos: 246_900,
      refundedAvos: 123_450,
      receipt: 'printing' as const,
    };
    rerender({ ...done, end: 'completed' });
    expect(screen.getByTestId('pubs-end-completed').textContent).toContain('MOP$1,234.50 has been refunded');
    rerender({ ...done, end: 'refund-refused' });
    expect(screen.getByTestId('pubs-end-refund-refused').textContent).toContain('member of staff');
    await tap('pubs-finish');
    expect(rpc.calls).toEqual([{ method: 'publications.finish', params: {} }]);
  });
});
