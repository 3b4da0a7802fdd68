// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskSnapshot, ServiceTile } from '../../electron/rpc/kiosk_contract.js';
import type { SessionView } from '../../electron/rpc/session_contract.js';
import { activeSession } from '../../test/support/session_views.js';
import { strictRpcClient } from '../../test/support/strict_rpc_client.js';
import { FlowHost } from '../flows/flow_host.js';
import { createI18n } from '../i18n/i18n.js';
import { RpcContext } from '../rpc/rpc_context.js';
import { AttractScreen } from '../screens/attract_screen.js';
import { OutOfServiceScreen } from '../screens/out_of_service_screen.js';
import { useHelpPanel } from '../stores/help_panel_store.js';
import { useKioskStore } from '../stores/kiosk_store.js';
import { resetResidentStores } from '../stores/resident_store.js';
import { useSessionStore } from '../stores/session_store.js';
import { DateTimeDisplay } from './date_time.js';
import { HelpPanel } from './help_panel.js';

/** The resident's bearings on the existing screens: what the terminal offers, where they are, how to get help. */
function renderWith(ui: React.ReactNode, client = strictRpcClient({}).client, language: 'en' | 'pt' = 'en') {
  return render(
    <RpcContext.Provider value={client}>
      <I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>
    </RpcContext.Provider>,
  );
}

const tile = (id: ServiceTile['id'], available: boolean, flowReady: boolean): ServiceTile => ({
  id,
  available,
  flowReady,
  needs: ['nothing'],
  minutes: 1,
});

function snapshot(kind: 'macau' | 'hengqin', services: ServiceTile[]): KioskSnapshot {
  const name = { 'zh-Hant': '橫琴', 'zh-Hans': '横琴', pt: 'Hengqin', en: 'Hengqin' };
  return {
    terminalId: 'HQ-GSC-01',
    site: { kind, name },
    languages: { offered: ['zh-Hans', 'zh-Hant', 'pt', 'en'], default: 'zh-Hans' },
    attractSlideSeconds: 6,
    devTools: false,
    status: { mode: 'in-service' },
    session: { phase: 'attract' },
    services,
    devices: [],
  };
}

const active = (flow: Extract<SessionView, { phase: 'active' }>['flow']) => activeSession({ flow });

describe('the resident’s bearings', () => {
  beforeEach(() => resetResidentStores());
  afterEach(() => cleanup());

  it('marks on the home screen what the terminal cannot offer now, before any tap', () => {
    useKioskStore
      .getState()
      .setServices([
        tile('check-in', true, true),
        tile('locker-pickup', false, true),
        tile('collect-document', true, false),
      ]);
    renderWith(<FlowHost flow={{ service: 'home', step: 'services' }} />);
    expect(
      within(screen.getByTestId('tile-check-in')).queryByText(/not available|staffed counter/),
    ).toBeNull();
    const out = screen.getByTestId('tile-locker-pickup');
    expect(out.getAttribute('aria-disabled')).toBe('true');
    expect(within(out).getByText('Not available right now')).toBeTruthy();
    expect(
      within(screen.getByTestId('tile-collect-document')).getByText('At a staffed counter only'),
    ).toBeTruthy();
  });

  it('the attract loop shows only what the terminal offers right now', () => {
    const services = [
      tile('book-appointment', true, false),
      tile('check-in', false, true),
      tile('proof-of-identity', true, true),
    ];
    act(() => useKioskStore.getState().applySnapshot(snapshot('macau', services)));
    renderWith(<AttractScreen onStart={() => {}} />);
    expect(screen.getByTestId('attract-slide').textContent).toContain('Print a proof of identity');
    expect(screen.getByTestId('attract-screen').textContent).not.toMatch(/appointment|Check in/);
  });

  it('the attract loop cycles through what is offered', () => {
    vi.useFakeTimers();
    try {
      const services = [tile('check-in', true, true), tile('locker-pickup', true, true)];
      act(() => useKioskStore.getState().applySnapshot(snapshot('macau', services)));
      renderWith(<AttractScreen onStart={() => {}} />);
      expect(screen.getByTestId('attract-slide').textContent).toContain('Check in for your appointment');
      act(() => vi.advanceTimersByTime(6000));
      expect(screen.getByTestId('attract-slide').textContent).toContain('Smart Locker');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says "1 minute" and "1 minuto", not "1 minutes"', () => {
    useKioskStore.getState().setServices([tile('check-in', true, false)]);
    renderWith(<FlowHost flow={{ service: 'home', step: 'service-intro', about: 'check-in' }} />);
    expect(screen.getByText('Takes about 1 minute')).toBeTruthy();
    cleanup();
    renderWith(
      <FlowHost flow={{ service: 'home', step: 'service-intro', about: 'check-in' }} />,
      undefined,
      'pt',
    );
    expect(screen.getByText('Demora cerca de 1 minuto')).toBeTruthy();
  });

  it('the language screen has a way out: Cancel ends the session', async () => {
    const rpc = strictRpcClient({ 'session.end': { phase: 'attract' } });
    renderWith(<FlowHost flow={{ service: 'home', step: 'language' }} />, rpc.client);
    await act(async () => fireEvent.click(screen.getByTestId('language-cancel')));
    expect(rpc.calls).toEqual([{ method: 'session.end', params: { reason: 'cancelled' } }]);
  });

  it('Hengqin’s out-of-service screen leads with Simplified Chinese and points to the Hengqin centre', () => {
    act(() => {
      useKioskStore.getState().applySnapshot(snapshot('hengqin', []));
      useKioskStore.getState().setConnection('connected');
      useKioskStore.getState().setStatus({ mode: 'out-of-service', reasons: [{ kind: 'maintenance' }] });
    });
    renderWith(<OutOfServiceScreen />);
    const sections = screen.getByTestId('out-of-service').querySelectorAll('section');
    expect([...sections].map((s) => s.getAttribute('lang'))).toEqual(['zh-Hans', 'zh-Hant', 'pt', 'en']);
    expect(sections[0]?.textContent).toContain('横琴政务服务中心');
    expect(sections[3]?.textContent).toContain('Hengqin Government Services Centre');
    expect(screen.getByTestId('out-of-service').textContent).not.toContain('One Account');
  });

  it('shows the date and time in the resident’s language, on Macau’s clock', () => {
    renderWith(<DateTimeDisplay language="pt" />);
    const time = screen.getByTestId('date-time');
    expect(time.textContent).toMatch(/\d{2}\/\d{2}\/\d{4}.*\d{2}:\d{2}/);
    expect(Number.isNaN(Date.parse(time.getAttribute('datetime') ?? ''))).toBe(false);
  });

  it('Help explains the step the resident is on and calls staff once, saying so', async () => {
    const rpc = strictRpcClient({ 'help.callStaff': { ok: true } });
    act(() => {
      useSessionStore.getState().setView(active({ service: 'home', step: 'services' }));
      useHelpPanel.getState().setOpen(true);
    });
    renderWith(<HelpPanel />, rpc.client);
    expect(screen.getByTestId('help-step').textContent).toContain('Choose what you would like to do');
    await act(async () => fireEvent.click(screen.getByTestId('help-call-staff')));
    expect(rpc.calls).toEqual([{ method: 'help.callStaff', params: {} }]);
    expect(screen.getByRole('status').textContent).toBe(
      'A member of staff has been called and will come to help you.',
    );
  });

  it('Help on a step whose flow wrote no help falls back to the general advice', () => {
    act(() => {
      // A step of a flow that has not written its help yet (types cannot name one: this is the flows to come).
      useSessionStore.getState().setView(active({ service: 'home', step: 'not-written-yet' } as never));
      useHelpPanel.getState().setOpen(true);
    });
    renderWith(<HelpPanel />);
    expect(screen.getByTestId('help-step').textContent).toBe(
      'Follow the instructions on the screen. If you need help, call a member of staff.',
    );
  });
});
