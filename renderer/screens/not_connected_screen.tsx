import { WrenchIcon } from '../components/icons.js';
import { MessageInEveryLanguage } from '../components/message_in_every_language.js';

/**
 * Shown when the browser-mode host refuses this page: it was opened without the URL's `#token=` part, with a
 * wrong token, or on another host name. Unlike "restarting", waiting will not help, so it asks for staff. There
 * is no snapshot without a connection (no terminal id, no default language), so it speaks all four languages.
 */
export function NotConnectedScreen() {
  return (
    <main className="out-of-service" data-testid="not-connected">
      <WrenchIcon size={120} />
      <MessageInEveryLanguage titleKey="notConnected.title" lineKeys={['notConnected.body']} />
    </main>
  );
}
