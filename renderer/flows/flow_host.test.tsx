// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../electron/rpc/flow_contract.js';
import { strictRpcClient } from '../../test/support/strict_rpc_client.js';
import { createI18n } from '../i18n/i18n.js';
import { RpcContext } from '../rpc/rpc_context.js';
import { useKioskStore } from '../stores/kiosk_store.js';
import { FlowHost } from './flow_host.js';

const tiles = [
  { id: 'check-in', available: true, needs: ['booking-qr'], minutes: 1, flowReady: false },
  { id: 'locker-pickup', available: false, needs: ['pickup-code'], minutes: 1, flowReady: false },
] as const;

function renderStep(flow: FlowView, client: ReturnType<typeof strictRpcClient>['client']) {
  const ui = (view: FlowView) => (
    <RpcContext.Provider value={client}>
      <I18nextProvider i18n={createI18n('en')}>
        <FlowHost flow={view} />
      </I18nextProvider>
    </RpcContext.Provider>
  );
  const rendered = render(ui(flow));
  return { rerender: (view: FlowView) => rendered.rerender(ui(view)) };
}

describe('flow host', () => {
  beforeEach(() => useKioskStore.getState().setServices(tiles.map((t) => ({ ...t, needs: [...t.needs] }))));
  afterEach(() => cleanup());

  it('draws the step the session says, for each step of the home flow', () => {
    const rpc = strictRpcClient({});
    const { rerender } = renderStep({ service: 'home', step: 'language' }, rpc.client);
    expect(screen.getByTestId('language-screen')).toBeTruthy();
    rerender({ service: 'home', step: 'services' });
    expect(screen.getByTestId('home-screen')).toBeTruthy();
    rerender({ service: 'home', step: 'service-intro', about: 'check-in' });
    expect(screen.getByTestId('service-intro-check-in')).toBeTruthy();
  });

  it('sends an intent and stays on the step until the main process moves it (no client navigation)', async () => {
    const rpc = strictRpcClient({ 'home.openService': { ok: true }, 'home.backToServices': { ok: true } });
    const { rerender } = renderStep({ service: 'home', step: 'services' }, rpc.client);
    await act(async () => fireEvent.click(screen.getByTestId('tile-check-in')));
    expect(rpc.calls).toEqual([{ method: 'home.openService', params: { service: 'check-in' } }]);
    expect(screen.getByTestId('home-screen')).toBeTruthy();
    expect(screen.queryByTestId('service-intro-check-in')).toBeNull();
    // A disabled tile sends nothing.
    await act(async () => fireEvent.click(screen.getByTestId('tile-locker-pickup')));
    expect(rpc.calls).toHaveLength(1);

    rerender({ service: 'home', step: 'service-intro', about: 'check-in' });
    await act(async () => fireEvent.click(screen.getByTestId('back')));
    expect(rpc.calls.at(-1)).toEqual({ method: 'home.backToServices', params: {} });
    expect(screen.getByTestId('service-intro-check-in')).toBeTruthy();
  });
});
