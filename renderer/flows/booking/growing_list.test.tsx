// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlowView } from '../../../electron/rpc/flow_contract.js';
import { activeSession } from '../../../test/support/session_views.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { useSessionStore } from '../../stores/session_store.js';
import { FlowHost } from '../flow_host.js';
import { firstRows } from './growing_list.js';

/**
 * A long list draws its first rows, then the next as its end marker comes within reach; the observer here is
 * driven by the test (the marker "comes into reach" when the test says), to see exactly what is drawn when.
 */
class DrivenObserver {
  static all: DrivenObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(readonly callback: IntersectionObserverCallback) {
    DrivenObserver.all.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  disconnect() {
    this.targets.clear();
  }
  /** The marker now in reach (or not): every observer watching it is told, as a browser would. */
  static reach(target: Element, isIntersecting: boolean) {
    for (const o of DrivenObserver.all.filter((x) => x.targets.has(target)))
      o.callback([{ target, isIntersecting } as IntersectionObserverEntry], o as never);
  }
}

const name = (text: string) => ({ 'zh-Hant': text, 'zh-Hans': text, pt: text, en: text });
const department = { code: 'DSI', name: name('Identification'), mainland: false };
const services = Array.from({ length: 60 }, (_, i) => ({
  serviceId: `s-${i}`,
  name: name(`Service ${i}`),
  department,
  bookable: true,
}));
const servicesStep: FlowView = {
  service: 'book-appointment',
  step: 'services',
  site: 'macau',
  department,
  services,
};
const departmentsStep: FlowView = {
  service: 'book-appointment',
  step: 'departments',
  site: 'macau',
  departments: Array.from({ length: 43 }, (_, i) => ({
    code: `D${i}`,
    name: name(`Department ${i}`),
    mainland: false,
    services: 2,
  })),
};

function renderStep(flow: FlowView) {
  useSessionStore.getState().setView(activeSession({ language: 'en', flow }));
  return render(
    <RpcContext.Provider value={strictRpcClient({}).client}>
      <I18nextProvider i18n={createI18n('en')}>
        <FlowHost flow={flow} />
      </I18nextProvider>
    </RpcContext.Provider>,
  );
}

const drawn = (prefix: string) =>
  screen.queryAllByTestId(new RegExp(`^${prefix}`)).map((e) => e.getAttribute('data-testid'));

describe('long lists', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    DrivenObserver.all = [];
  });

  it("a department's services: the first rows, then more each time the end comes within reach, in order", () => {
    vi.stubGlobal('IntersectionObserver', DrivenObserver);
    renderStep(servicesStep);
    expect(drawn('service-s-')).toEqual(services.slice(0, firstRows).map((s) => `service-${s.serviceId}`));
    // Out of reach: nothing more.
    act(() => DrivenObserver.reach(screen.getByTestId('more-rows'), false));
    expect(drawn('service-s-')).toHaveLength(firstRows);
    act(() => DrivenObserver.reach(screen.getByTestId('more-rows'), true));
    expect(drawn('service-s-')).toHaveLength(2 * firstRows);
    act(() => DrivenObserver.reach(screen.getByTestId('more-rows'), true));
    expect(drawn('service-s-')).toEqual(services.map((s) => `service-${s.serviceId}`));
    // All drawn: no marker left to ask for more.
    expect(screen.queryByTestId('more-rows')).toBeNull();
  });

  it('each drawn row says its place in the whole list, so assistive technology hears the size of what is not drawn yet', () => {
    vi.stubGlobal('IntersectionObserver', DrivenObserver);
    renderStep(servicesStep);
    const rows = [...screen.getByTestId('service-list').querySelectorAll('li[aria-posinset]')];
    expect(rows).toHaveLength(firstRows);
    expect(rows.map((r) => [r.getAttribute('aria-posinset'), r.getAttribute('aria-setsize')])).toEqual(
      rows.map((_, i) => [String(i + 1), String(services.length)]),
    );
  });

  it('the departments grow the same way; the marker is hidden from assistive technology', () => {
    vi.stubGlobal('IntersectionObserver', DrivenObserver);
    renderStep(departmentsStep);
    expect(drawn('department-D')).toHaveLength(firstRows);
    const marker = screen.getByTestId('more-rows');
    expect(marker.getAttribute('aria-hidden')).toBe('true');
    expect(marker.textContent).toBe('');
    act(() => DrivenObserver.reach(marker, true));
    expect(drawn('department-D')).toHaveLength(43);
  });

  it('search results: the list is there before the first letter, and an answer draws its first rows at once', () => {
    vi.stubGlobal('IntersectionObserver', DrivenObserver);
    const search = { service: 'book-appointment', step: 'search', site: 'macau' } as const;
    const { rerender } = renderStep({ ...search, query: '', results: [] });
    expect(drawn('service-s-')).toEqual([]);
    const answered: FlowView = { ...search, query: 'serv', results: services.slice(0, 20) };
    rerender(
      <RpcContext.Provider value={strictRpcClient({}).client}>
        <I18nextProvider i18n={createI18n('en')}>
          <FlowHost flow={answered} />
        </I18nextProvider>
      </RpcContext.Provider>,
    );
    // The rows the results area shows, drawn with the answer (not a round of the observer later)…
    const first = drawn('service-s-');
    expect(first.length).toBeGreaterThan(3);
    expect(first.length).toBeLessThan(20);
    // …and the rest as the list scrolls.
    act(() => DrivenObserver.reach(screen.getByTestId('more-rows'), true));
    expect(drawn('service-s-')).toHaveLength(20);
  });

  it('without IntersectionObserver every row is drawn at once', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    renderStep(servicesStep);
    expect(drawn('service-s-')).toHaveLength(60);
    expect(screen.queryByTestId('more-rows')).toBeNull();
  });
});
