import { useTranslation } from 'react-i18next';
import { languages } from '../../../electron/rpc/languages.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useKioskStore } from '../../stores/kiosk_store.js';

/** Home flow, step `language`: four large buttons, each language named in itself; the prompt in all four. */
export function LanguageStep() {
  const { i18n } = useTranslation();
  const rpc = useRpc();
  const offered = useKioskStore((s) => s.snapshot?.languages.offered) ?? languages;
  return (
    <main className="language-screen" data-testid="language-screen">
      <h1 className="language-screen__prompt">
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
            onClick={() => void rpc.call('home.chooseLanguage', { language })}
          >
            {i18n.getFixedT(language)('language.name')}
          </button>
        ))}
      </div>
    </main>
  );
}
