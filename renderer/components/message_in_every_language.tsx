import { useTranslation } from 'react-i18next';
import { languages } from '../../electron/rpc/languages.js';

/**
 * One message in all four languages, for screens shown before anyone has chosen one (out of service, not
 * connected): a heading from `titleKey`, then a paragraph per key in `lineKeys`.
 */
export function MessageInEveryLanguage({ titleKey, lineKeys }: { titleKey: string; lineKeys: string[] }) {
  const { i18n } = useTranslation();
  return (
    <div className="out-of-service__messages">
      {languages.map((language) => {
        const t = i18n.getFixedT(language);
        return (
          <section key={language} lang={language} className="out-of-service__message">
            <h1>{t(titleKey)}</h1>
            {lineKeys.map((key) => (
              <p key={key}>{t(key)}</p>
            ))}
          </section>
        );
      })}
    </div>
  );
}
