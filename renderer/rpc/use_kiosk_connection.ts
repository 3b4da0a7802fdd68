import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import type { SessionView } from '../../electron/rpc/session_contract.js';
import { emitKeypadKey } from '../a11y/keypad_events.js';
import { useKioskStore } from '../stores/kiosk_store.js';
import { usePrintStore } from '../stores/print_store.js';
import { resetResidentStores } from '../stores/resident_store.js';
import { useSessionStore } from '../stores/session_store.js';
import type { RpcClient } from './rpc_client.js';

/**
 * Keeps the stores in step with the main process: a snapshot on every (re)connect — the resident's session with
 * its flow step and display settings included, so a reload lands on the same step — then pushed events. A session
 * that ends for any reason wipes every resident store and returns to the attract screen.
 */
export function useKioskConnection(client: RpcClient, i18n: I18n): void {
  useEffect(() => {
    const applySession = (view: SessionView) => {
      useSessionStore.getState().setView(view);
      if (view.phase === 'active' && i18n.language !== view.language) void i18n.changeLanguage(view.language);
    };
    const offConnection = client.onConnection(async (connection) => {
      useKioskStore.getState().setConnection(connection);
      if (connection !== 'connected') return;
      const snapshot = await client.call('kiosk.snapshot', {});
      if (!snapshot.ok) return;
      useKioskStore.getState().applySnapshot(snapshot.value);
      if (snapshot.value.session.phase === 'attract') {
        resetResidentStores();
        void i18n.changeLanguage(snapshot.value.languages.default);
      } else {
        applySession(snapshot.value.session);
      }
    });
    const offEvents = client.onEvent((frame) => {
      switch (frame.event) {
        case 'session.changed':
          applySession(frame.payload);
          return;
        case 'session.ended': {
          resetResidentStores();
          const fallback = useKioskStore.getState().snapshot?.languages.default;
          if (fallback) void i18n.changeLanguage(fallback);
          return;
        }
        case 'kiosk.statusChanged':
          useKioskStore.getState().setStatus(frame.payload);
          return;
        case 'kiosk.servicesChanged':
          useKioskStore.getState().setServices(frame.payload);
          return;
        case 'devices.changed':
          useKioskStore.getState().setDevices(frame.payload);
          return;
        case 'print.jobChanged':
          usePrintStore.getState().update(frame.payload);
          return;
        case 'print.failed':
          usePrintStore.getState().showUnprintable(frame.payload);
          return;
        case 'keypad.key':
          emitKeypadKey(frame.payload);
          return;
        default: {
          const unreachable: never = frame;
          return unreachable;
        }
      }
    });
    return () => {
      offConnection();
      offEvents();
    };
  }, [client, i18n]);
}
