import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TypedCodeProblem } from '../../../electron/rpc/flows/check_proof_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { OnScreenKeyboard } from '../../components/keyboard/on_screen_keyboard.js';
import { htmlLang } from '../../i18n/i18n.js';
import { useRpc } from '../../rpc/rpc_context.js';

/** The wait's end on Macau's wall clock, hours and minutes. */
function clockTime(instant: string, language: string): string {
  return new Intl.DateTimeFormat(htmlLang[language as Language] ?? 'en-MO', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Macau',
  }).format(new Date(instant));
}

/**
 * Typing a proof's verification code (`XXXX-XXXX-XXXX`, printed under its QR) on the kiosk's own keyboard, for a QR
 * too damaged to scan. What was typed stays in this field only and is sent once, on Check; the main process reads
 * the code out of it (spaces, dashes, lower case and look-alikes are forgiven) and says what was wrong.
 */
export function TypeCodeBody({
  problem,
  waitUntil,
}: {
  problem: TypedCodeProblem;
  waitUntil: string | null;
}) {
  const { t, i18n } = useTranslation('check-proof');
  const rpc = useRpc();
  const [typed, setTyped] = useState('');
  const submit = () => void rpc.call('check-proof.submitCode', { code: typed });
  return (
    <div className="check-proof__type-code">
      <p className="check-proof__lead">{t('typeCode.lead')}</p>
      <output className="search__field check-proof__code-field" data-testid="check-proof-code-field">
        {typed || <span className="search__placeholder">{t('typeCode.placeholder')}</span>}
      </output>
      <div role="status" aria-live="polite" className="check-proof__status">
        {waitUntil !== null ? (
          <p className="notice" data-testid="check-proof-code-wait">
            {t('typeCode.wait', { time: clockTime(waitUntil, i18n.language) })}
          </p>
        ) : problem !== null ? (
          <p className="notice" data-testid={`check-proof-code-${problem}`}>
            {t(`typeCode.problem.${problem}`)}
          </p>
        ) : null}
      </div>
      <OnScreenKeyboard
        value={typed}
        onChange={setTyped}
        language={i18n.language as Language}
        letterCase="upper"
        maxLength={14}
        onEnter={submit}
        enterLabel={t('typeCode.check')}
      />
    </div>
  );
}
