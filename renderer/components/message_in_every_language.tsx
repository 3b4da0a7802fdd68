import { useTranslation } from 'react-i18next';
import { type Language, languages } from '../../electron/rpc/languages.js';

/**
 * One message in all four languages, for screens shown before anyone has chosen one (out of service, not
 * connected): a heading from `titleKey`, then a paragraph per key in `lineKeys`, each language marked with its
 * `lang` so a screen reader and the fonts pick the right variant. `order` puts the site's first language first
 * (Simplified Chinese at Hengqin). It is a status region: a change of reason is read out.
 */
export function MessageInEveryLanguage({
  titleKey,
  lineKeys,
  order = languages,
}: {
  titleKey: string;
  lineKeys: string[];
  order?: readonly Language[];
}) {
  const { i18n } = useTranslation();
  return (
    <div className="out-of-service__messages" role="status">
      {order.map((language) => {
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
