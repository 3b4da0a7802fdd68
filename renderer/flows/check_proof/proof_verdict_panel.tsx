import { useTranslation } from 'react-i18next';
import type { ProofVerdict } from '../../../electron/rpc/flows/check_proof_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { htmlLang } from '../../i18n/i18n.js';

/** A date, or an instant on Macau's wall clock (whatever the kiosk's zone), as the page prints it. */
function format(value: string, language: string, withTime: boolean): string {
  return new Intl.DateTimeFormat(htmlLang[language as Language] ?? 'en-MO', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Macau' }
      : { timeZone: 'UTC' }),
  }).format(new Date(withTime ? value : `${value}T00:00:00Z`));
}

/**
 * A verdict as the person checking needs it: plainly whether to accept the paper, what it attests (only the masked
 * facts the proof carries, as printed), who issued it and when, and what to do next.
 */
export function ProofVerdictPanel({ result }: { result: ProofVerdict }) {
  const { t, i18n } = useTranslation('check-proof');
  const accepted = result.verdict === 'genuine';
  const rows: [string, string][] = [];
  if ('facts' in result) {
    rows.push(
      [t('field.documentType'), t(`documentType.${result.facts.documentType}`)],
      [t('field.name'), result.facts.nameMasked],
      [t('field.documentNumber'), result.facts.documentNumberMasked],
    );
  }
  if ('issuedAt' in result) {
    rows.push(
      [t('field.issuedAt'), format(result.issuedAt, i18n.language, true)],
      [t('field.terminal'), result.terminalId],
    );
  } else if (result.verdict === 'unknown-key' || result.verdict === 'key-revoked') {
    rows.push([t('field.terminal'), result.terminalId]);
  }
  if (result.verdict === 'key-revoked')
    rows.push([t('field.keyRevokedAt'), format(result.keyRevokedAt, i18n.language, true)]);
  if (result.verdict === 'expired')
    rows.push([t('field.documentExpiredOn'), format(result.documentExpiredOn, i18n.language, false)]);
  if (result.verdict === 'revoked')
    rows.push([t('field.revokedAt'), format(result.revokedAt, i18n.language, true)]);
  if ('verificationCode' in result) rows.push([t('field.code'), result.verificationCode]);
  return (
    <section
      className={`panel check-proof__verdict check-proof__verdict--${accepted ? 'genuine' : 'refused'}`}
      data-testid="check-proof-verdict"
      data-verdict={result.verdict}
      aria-labelledby="check-proof-verdict-body"
    >
      <p id="check-proof-verdict-body" className="check-proof__lead" role={accepted ? 'status' : 'alert'}>
        <span className="check-proof__mark" aria-hidden="true">
          {accepted ? '✓' : '✗'}
        </span>
        {t(`verdict.${result.verdict}.body`)}
      </p>
      {rows.length > 0 ? (
        <dl className="check-proof__facts">
          {rows.map(([label, value]) => (
            <div key={label} className="check-proof__fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="check-proof__next">{t(`verdict.${result.verdict}.next`)}</p>
    </section>
  );
}
