import { useTranslation } from 'react-i18next';
import { languages } from '../../../electron/rpc/languages.js';
import { useAnnouncement } from '../../a11y/announcements.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useKioskStore } from '../../stores/kiosk_store.js';

/**
 * Home flow, step `language`: four large buttons, each language named in itself; the prompt in all four, and a way
 * out (Cancel ends the session) for whoever touched the attract screen by mistake. Spoken: how to choose, in each
 * language with its own voice; each language's name in itself as the keypad reaches it.
 */
export function LanguageStep() {
  const { t, i18n } = useTranslation();
  const rpc = useRpc();
  const offered = useKioskStore((s) => s.snapshot?.languages.offered) ?? languages;
  useAnnouncement(offered.map((language) => ({ key: 'language.keys', language })));
  return (
    <main className="language-screen" data-testid="language-screen" aria-labelledby="language-prompt">
      <h1 className="language-screen__prompt" id="language-prompt">
        {offered.map((language) => (
          <span key={language} lang={language}>
            {i18n.getFixedT(language)('language.choose')}
          </span>
        ))}
      </h1>
      <div className="language-screen__choices">
        {offered.map((language) => (
          <button
            type="button"
            key={language}
            lang={language}
            className="language-button"
            data-testid={`language-${language}`}
            {...action([{ key: 'language.name', language }])}
            onClick={() => void rpc.call('home.chooseLanguage', { language })}
          >
            <span className="language-button__name">{i18n.getFixedT(language)('language.name')}</span>
          </button>
        ))}
      </div>
      <footer className="screen-footer">
        <button
          type="button"
          className="secondary-button"
          data-testid="language-cancel"
          {...action([{ key: 'language.cancel' }], { role: 'back' })}
          onClick={() => void rpc.call('session.end', { reason: 'cancelled' })}
        >
          {t('a11y:language.cancel')}
        </button>
      </footer>
    </main>
  );
}
