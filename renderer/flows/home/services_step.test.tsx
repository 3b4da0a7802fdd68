// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/rpc/languages.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { useKioskStore } from '../../stores/kiosk_store.js';
import { ServicesStep } from './services_step.js';

afterEach(() => cleanup());

/** A resident learns why a service waits before tapping it: a device fault, or the government systems. */
describe('services step', () => {
  it.each<[Language, RegExp, RegExp]>([
    ['zh-Hant', /政府系統/, /暫停服務/],
    ['zh-Hans', /政府系统/, /暂停服务/],
    ['pt', /sistemas do Governo/, /indisponível/],
    ['en', /government systems/, /Not available/],
  ])('says in %s which tiles wait for the backend and which for a device', (language, backend, device) => {
    useKioskStore.getState().setServices([
      {
        id: 'check-in',
        available: false,
        unavailableBecause: 'backend',
        needs: ['booking-qr'],
        minutes: 1,
        flowReady: true,
      },
      {
        id: 'locker-pickup',
        available: false,
        unavailableBecause: 'devices',
        needs: ['pickup-code'],
        minutes: 1,
        flowReady: true,
      },
      { id: 'book-appointment', available: true, needs: ['nothing'], minutes: 3, flowReady: true },
    ]);
    const rpc = strictRpcClient({});
    render(
      <RpcContext.Provider value={rpc.client}>
        <I18nextProvider i18n={createI18n(language)}>
          <ServicesStep />
        </I18nextProvider>
      </RpcContext.Provider>,
    );
    // Unavailable tiles are aria-disabled (the tactile keypad still reaches them and says why) and do nothing.
    const checkIn = screen.getByTestId('tile-check-in') as HTMLButtonElement;
    const pickup = screen.getByTestId('tile-locker-pickup') as HTMLButtonElement;
    expect([checkIn, pickup].map((tile) => tile.getAttribute('aria-disabled'))).toEqual(['true', 'true']);
    fireEvent.click(checkIn);
    fireEvent.click(pickup);
    expect(rpc.calls).toEqual([]);
    expect(checkIn.textContent).toMatch(backend);
    expect(pickup.textContent).toMatch(device);
    expect(pickup.textContent).not.toMatch(backend);
    expect(screen.getByTestId('tile-book-appointment').getAttribute('aria-disabled')).toBeNull();
  });
});
