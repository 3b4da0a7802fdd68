import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import type { Language } from '../electron/rpc/languages.js';
import { AccessibilityPanel } from './components/accessibility_panel.js';
import { DevDock } from './components/dev_dock.js';
import { AccessibilityIcon } from './components/icons.js';
import { IdleWarning } from './components/idle_warning.js';
import { PrintStatus } from './components/print_status.js';
import { TopBar } from './components/top_bar.js';
import { htmlLang } from './i18n/i18n.js';
import type { RpcClient } from './rpc/rpc_client.js';
import { useActivityReporter } from './rpc/use_activity_reporter.js';
import { useKioskConnection } from './rpc/use_kiosk_connection.js';
import { AttractScreen } from './screens/attract_screen.js';
import { HomeScreen } from './screens/home_screen.js';
import { LanguageScreen } from './screens/language_screen.js';
import { NotConnectedScreen } from './screens/not_connected_screen.js';
import { OutOfServiceScreen } from './screens/out_of_service_screen.js';
import { ServiceIntroScreen } from './screens/service_intro_screen.js';
import { useAccessibilityStore } from './stores/accessibility_store.js';
import { useFlowStore } from './stores/flow_store.js';
import { useKioskStore } from './stores/kiosk_store.js';
import { useSessionStore } from './stores/session_store.js';

/** Reflect language and accessibility choices on <html>, where CSS and assistive technology read them. */
function useDocumentAttributes(language: Language | undefined): void {
  const highContrast = useAccessibilityStore((s) => s.highContrast);
  const largeText = useAccessibilityStore((s) => s.largeText);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('high-contrast', highContrast);
    root.classList.toggle('large-text', largeText);
    if (language) root.lang = htmlLang[language];
  }, [highContrast, largeText, language]);
}

export function App({ client, i18n }: { client: RpcClient; i18n: I18n }) {
  useKioskConnection(client, i18n);
  useActivityReporter(client);
  const screen = useFlowStore((s) => s.screen);
  const go = useFlowStore((s) => s.go);
  const session = useSessionStore((s) => s.view);
  const status = useKioskStore((s) => s.status);
  const connected = useKioskStore((s) => s.connected);
  const refused = useKioskStore((s) => s.connection === 'refused');
  const snapshot = useKioskStore((s) => s.snapshot);
  const setPanelOpen = useAccessibilityStore((s) => s.setPanelOpen);
  useDocumentAttributes(session.phase === 'active' ? session.language : snapshot?.languages.default);
  if (refused) {
    return (
      <div className="kiosk" data-screen="not-connected">
        <NotConnectedScreen />
      </div>
    );
  }

  const start = async (openAccessibility = false) => {
    const result = await client.call('session.start', { language: snapshot?.languages.default ?? 'zh-Hant' });
    if (!result.ok) return;
    go({ name: 'language' });
    if (openAccessibility) setPanelOpen(true);
  };
  const chooseLanguage = async (language: Language) => {
    await i18n.changeLanguage(language);
    const result = await client.call('session.setLanguage', { language });
    if (result.ok) go({ name: 'home' });
  };

  // An active session keeps going through a device fault (its services check their own devices); a new one
  // cannot start while the kiosk is out of service.
  const outOfService =
    !connected || snapshot === null || (status.mode === 'out-of-service' && session.phase !== 'active');
  const screenBody = (): React.ReactNode => {
    switch (screen.name) {
      case 'attract':
        return <AttractScreen onStart={() => void start()} />;
      case 'language':
        return <LanguageScreen onChoose={(language) => void chooseLanguage(language)} />;
      case 'home':
        return (
          <HomeScreen
            onOpen={(service) => go({ name: 'service', service })}
            onFinish={() => void client.call('session.end', { reason: 'done' })}
          />
        );
      case 'service':
        return <ServiceIntroScreen service={screen.service} onBack={() => go({ name: 'home' })} />;
      default: {
        const unreachable: never = screen;
        return unreachable;
      }
    }
  };
  const body = outOfService ? <OutOfServiceScreen /> : screenBody();

  return (
    <div className="kiosk" data-screen={outOfService ? 'out-of-service' : screen.name}>
      {outOfService ? null : screen.name === 'attract' ? (
        <button
          type="button"
          className="corner-accessibility"
          data-testid="attract-accessibility"
          onClick={() => void start(true)}
        >
          <AccessibilityIcon size={48} />
        </button>
      ) : (
        <TopBar showLanguageSwitch={screen.name !== 'language'} />
      )}
      {body}
      {outOfService ? null : <PrintStatus />}
      {outOfService ? null : <IdleWarning />}
      {outOfService ? null : <AccessibilityPanel />}
      <DevDock />
    </div>
  );
}
