// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskSnapshot } from '../../../electron/rpc/kiosk_contract.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { App } from '../../app.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { useSessionStore } from '../../stores/session_store.js';

const face = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2w==';
const name = { 'zh-Hant': '甲', 'zh-Hans': '甲', pt: 'A', en: 'A' };

const snapshot: KioskSnapshot = {
  terminalId: 'MO-TEST-01',
  site: { kind: 'macau', name },
  languages: { offered: ['zh-Hant', 'zh-Hans', 'pt', 'en'], default: 'zh-Hant' },
  attractSlideSeconds: 60,
  devTools: false,
  status: { mode: 'in-service' },
  services: [],
  devices: [],
  session: {
    phase: 'active',
    sessionId: 's1',
    language: 'en',
    accessibility: {
      highContrast: false,
      largeText: false,
      audio: { on: false, volume: 7, rate: 100, voice: 'auto' },
    },
    warning: null,
    extensionsLeft: 10,
    flow: {
      service: 'collect-document',
      step: 'identify',
      identify: {
        stage: 'confirm',
        purpose: 'collect-document',
        document: 'passport',
        face,
        name: 'CHAN T** M**',
        documentNumber: 'M*****678',
        pinNext: true,
      },
    },
  },
};

/**
 * The renderer's half of the wipe: the face and the masked facts live only in the session view; when the session
 * ends (done, cancelled, timed out) the resident stores are reset and nothing of them stays on screen or in a store.
 */
describe('the identify step when the session ends', () => {
  afterEach(() => cleanup());

  it('leaves no face, name or number on screen or in the session store', async () => {
    const rpc = strictRpcClient({ 'kiosk.snapshot': snapshot });
    const i18n = createI18n('zh-Hant');
    render(
      <RpcContext.Provider value={rpc.client}>
        <I18nextProvider i18n={i18n}>
          <App client={rpc.client} i18n={i18n} />
        </I18nextProvider>
      </RpcContext.Provider>,
    );
    await screen.findByTestId('identify-face');
    expect(screen.getByTestId('identify-name').textContent).toBe('CHAN T** M**');

    await act(async () => rpc.emit({ event: 'session.ended', payload: { reason: 'timeout' } }));
    expect(screen.queryByTestId('identify-face')).toBeNull();
    expect(document.body.innerHTML).not.toContain(face.slice(30));
    expect(document.body.textContent).not.toMatch(/CHAN|M\*{5}678/);
    expect(useSessionStore.getState().view).toEqual({ phase: 'attract' });
  });
});
