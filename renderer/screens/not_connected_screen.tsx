import { useTranslation } from 'react-i18next';
import { languages } from '../../electron/rpc/languages.js';
import { WrenchIcon } from '../components/icons.js';

/**
 * Shown when the browser-mode host refuses this page: it was opened without the URL's `#token=` part, with a
 * wrong token, or on another host name. Unlike "restarting", waiting will not help, so it asks for staff. There
 * is no snapshot without a connection (no terminal id, no default language), so it speaks all four languages.
 */
export function NotConnectedScreen() {
  const { i18n } = useTranslation();
  return (
    <main className="out-of-service" data-testid="not-connected">
      <WrenchIcon size={120} />
      <div className="out-of-service__messages">
        {languages.map((language) => {
          const t = i18n.getFixedT(language);
          return (
            <section key={language} lang={language} className="out-of-service__message">
              <h1>{t('notConnected.title')}</h1>
              <p>{t('notConnected.body')}</p>
            </section>
          );
        })}
      </div>
    </main>
  );
}
