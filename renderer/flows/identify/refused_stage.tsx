import { useTranslation } from 'react-i18next';
import type { IdentifyRefusal } from '../../../electron/rpc/flows/identify_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { action } from '../../a11y/speakable.js';
import { htmlLang } from '../../i18n/i18n.js';
import { useRpc } from '../../rpc/rpc_context.js';

/** When a locked PIN may be tried again, as Macau's clock shows it in `language` (shown, and spoken). */
export function lockedUntilTime(lockedUntil: string | null, language: string): string | null {
  if (lockedUntil === null) return null;
  return new Intl.DateTimeFormat(htmlLang[language as Language] ?? 'en-MO', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Macau',
  }).format(new Date(lockedUntil));
}

/** Why identification stopped, and where to go instead; "Try again" when another attempt can succeed. */
export function RefusedStage({
  reason,
  lockedUntil,
  retry,
}: {
  reason: IdentifyRefusal;
  lockedUntil: string | null;
  retry: boolean;
}) {
  const { t, i18n } = useTranslation('identify');
  const rpc = useRpc();
  const time = lockedUntilTime(lockedUntil, i18n.language);
  return (
    <section className="identify__refused" role="alert" data-testid={`identify-refused-${reason}`}>
      <h2>{t(`refused.reason.${reason}.title`)}</h2>
      <p>{t(`refused.reason.${reason}.body`)}</p>
      {time ? <p data-testid="identify-locked-until">{t('refused.lockedUntil', { time })}</p> : null}
      {retry ? (
        <div className="identify__choices">
          <button
            type="button"
            className="primary-button"
            data-testid="identify-retry"
            {...action([{ key: 'identify:refused.retry' }], { role: 'default' })}
            onClick={() => void rpc.call('identify.retry', {})}
          >
            {t('refused.retry')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
