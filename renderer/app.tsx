import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import type { ActiveSessionView } from '../electron/rpc/session_contract.js';
import { AttractAccessibilityButton } from './a11y/attract_accessibility_button.js';
import { AudioGuidance } from './a11y/audio_guidance.js';
import { HelpPanel } from './a11y/help_panel.js';
import { AccessibilityPanel } from './components/accessibility_panel.js';
import { DevDock } from './components/dev_dock.js';
import { IdleWarning } from './components/idle_warning.js';
import { PrintStatus } from './components/print_status.js';
import { StaffCorner } from './components/staff_corner.js';
import { TopBar } from './components/top_bar.js';
import { FlowHost } from './flows/flow_host.js';
import { htmlLang } from './i18n/i18n.js';
import type { RpcClient } from './rpc/rpc_client.js';
import { useActivityReporter } from './rpc/use_activity_reporter.js';
import { useKioskConnection } from './rpc/use_kiosk_connection.js';
import { AttractScreen } from './screens/attract_screen.js';
import { NotConnectedScreen } from './screens/not_connected_screen.js';
import { OutOfServiceScreen } from './screens/out_of_service_screen.js';
import { useAccessibilityPanel } from './stores/accessibility_panel_store.js';
import { useKioskStore } from './stores/kiosk_store.js';
import { useSessionStore } from './stores/session_store.js';

/**
 * Reflect the session's language and display settings on <html>, where CSS and assistive technology read them.
 * They come from the main process's session, so a reload keeps them.
 */
function useDocumentAttributes(
  session: ActiveSessionView | null,
  fallback: ActiveSessionView['language'] | undefined,
) {
  const language = session?.language ?? fallback;
  const highContrast = session?.accessibility.highContrast ?? false;
  const largeText = session?.accessibility.largeText ?? false;
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('high-contrast', highContrast);
    root.classList.toggle('large-text', largeText);
    if (language) root.lang = htmlLang[language];
  }, [highContrast, largeText, language]);
}

/**
 * The kiosk's one window: the attract screen with no session, the flow host during one, the out-of-service
 * screen when the terminal cannot serve (or the not-connected screen when the browser-mode host refused this
 * page); the idle warning, print news and the accessibility panel over them.
 * Which screen shows is derived from the main process's state alone.
 */
export function App({ client, i18n }: { client: RpcClient; i18n: I18n }) {
  useKioskConnection(client, i18n);
  useActivityReporter(client);
  const view = useSessionStore((s) => s.view);
  const status = useKioskStore((s) => s.status);
  const connected = useKioskStore((s) => s.connected);
  const refused = useKioskStore((s) => s.connection === 'refused');
  const snapshot = useKioskStore((s) => s.snapshot);
  const openPanel = useAccessibilityPanel((s) => s.setOpen);
  const session = view.phase === 'active' ? view : null;
  useDocumentAttributes(session, snapshot?.languages.default);

  const start = async (openAccessibility: boolean) => {
    const result = await client.call('session.start', { language: snapshot?.languages.default ?? 'zh-Hant' });
    if (result.ok && openAccessibility) openPanel(true);
  };

  // An active session keeps going through a device fault (its services check their own devices); a new one
  // cannot start while the kiosk is out of service.
  const outOfService =
    !connected || snapshot === null || (status.mode === 'out-of-service' && session === null);
  const flow = outOfService ? null : (session?.flow ?? null);
  const screen = refused
    ? 'not-connected'
    : outOfService
      ? 'out-of-service'
      : flow
        ? `${flow.service}/${flow.step}`
        : 'attract';
  const body = (): React.ReactNode => {
    // A page the browser-mode host refused will never connect: it asks for staff rather than "restarting".
    if (refused) return <NotConnectedScreen />;
    if (outOfService)
      return (
        <>
          {connected && snapshot !== null ? <StaffCorner /> : null}
          <OutOfServiceScreen />
        </>
      );
    if (flow === null) {
      return (
        <>
          <AttractAccessibilityButton onPress={() => void start(true)} />
          <StaffCorner />
          <AttractScreen onStart={() => void start(false)} />
        </>
      );
    }
    return (
      <>
        <TopBar showLanguageSwitch={!(flow.service === 'home' && flow.step === 'language')} />
        <FlowHost flow={flow} />
        <PrintStatus />
        <AccessibilityPanel />
        <HelpPanel />
        <IdleWarning />
      </>
    );
  };

  // One tree whatever the screen, so the dev dock keeps its state across screens. The dock has its own column
  // beside the kiosk's screen: it never covers what a resident sees.
  return (
    <div className="kiosk-frame">
      <DevDock />
      <div className="kiosk" data-screen={screen}>
        {body()}
      </div>
      <AudioGuidance client={client} />
    </div>
  );
}
