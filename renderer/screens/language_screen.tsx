import { useTranslation } from 'react-i18next';
import { type Language, languages } from '../../electron/rpc/languages.js';
import { useKioskStore } from '../stores/kiosk_store.js';

/** Four large buttons, each language named in itself; the prompt is shown in all four. */
export function LanguageScreen({ onChoose }: { onChoose: (language: Language) => void }) {
  const { i18n } = useTranslation();
  const offered = useKioskStore((s) => s.snapshot?.languages.offered ?? [...languages]);
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
            onClick={() => onChoose(language)}
          >
            {i18n.getFixedT(language)('language.name')}
          </button>
        ))}
      </div>
    </main>
  );
}
