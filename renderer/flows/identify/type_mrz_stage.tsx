import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { action } from '../../a11y/speakable.js';
import { OnScreenKeyboard } from '../../components/keyboard/on_screen_keyboard.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useSessionStore } from '../../stores/session_store.js';

type Field = 'documentNumber' | 'birthDate' | 'expiryDate';
const fields: readonly Field[] = ['documentNumber', 'birthDate', 'expiryDate'];

/** 8 digits as the resident typed them (DDMMYYYY, as Macao writes dates) to ISO, or null when not a date shape. */
export function isoFromTyped(digits: string): string | null {
  if (!/^\d{8}$/.test(digits)) return null;
  return `${digits.slice(4)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
}

/** DDMMYYYY shown as DD/MM/YYYY while it is typed. */
function shownDate(digits: string): string {
  return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)]
    .filter((part) => part.length > 0)
    .join('/');
}

/**
 * A reader without an OCR window cannot see the printed MRZ, and BAC needs three of its values: the resident types
 * them on the on-screen keyboard (letters and digits for the number, digits for the dates). The values live in
 * this component's state only and go to the main process once, in `identify.submitMrz`.
 */
export function TypeMrzStage({ problem }: { problem: 'no-match' | 'format' | null }) {
  const { t } = useTranslation('identify');
  const rpc = useRpc();
  const language = useSessionStore((s) => (s.view.phase === 'active' ? s.view.language : 'en'));
  const [values, setValues] = useState<Record<Field, string>>({
    documentNumber: '',
    birthDate: '',
    expiryDate: '',
  });
  const [editing, setEditing] = useState<Field>('documentNumber');
  const birthDate = isoFromTyped(values.birthDate);
  const expiryDate = isoFromTyped(values.expiryDate);
  const complete = values.documentNumber.length > 0 && birthDate !== null && expiryDate !== null;
  const submit = () => {
    if (!complete) return;
    const typed = { documentNumber: values.documentNumber, birthDate, expiryDate };
    setValues({ documentNumber: '', birthDate: '', expiryDate: '' });
    setEditing('documentNumber');
    void rpc.call('identify.submitMrz', typed);
  };
  return (
    <div className="identify__type-mrz">
      <p className="identify__lead">{t('typeMrz.intro')}</p>
      {problem ? (
        <p className="notice" role="alert" data-testid="identify-mrz-problem">
          {t(`typeMrz.problem.${problem}`)}
        </p>
      ) : null}
      <div className="identify__fields">
        {fields.map((field) => (
          <button
            type="button"
            key={field}
            className={`identify__field${editing === field ? ' identify__field--editing' : ''}`}
            aria-pressed={editing === field}
            data-testid={`identify-field-${field}`}
            {...action([{ key: `identify:typeMrz.${field}` }])}
            onClick={() => setEditing(field)}
          >
            <span className="identify__field-label">{t(`typeMrz.${field}`)}</span>
            <span className="identify__field-value">
              {field === 'documentNumber' ? values.documentNumber : shownDate(values[field])}
              {field === 'documentNumber' ? null : (
                <span className="identify__field-hint">{values[field] ? '' : t('typeMrz.dateHint')}</span>
              )}
            </span>
          </button>
        ))}
      </div>
      <OnScreenKeyboard
        key={editing}
        value={values[editing]}
        onChange={(value) =>
          setValues((current) => ({
            ...current,
            [editing]: editing === 'documentNumber' ? value.toUpperCase().replace(/[^A-Z0-9]/g, '') : value,
          }))
        }
        language={language}
        mode={editing === 'documentNumber' ? 'text' : 'digits'}
        letterCase="upper"
        maxLength={editing === 'documentNumber' ? 22 : 8}
        onEnter={submit}
        enterLabel={t('typeMrz.submit')}
      />
      <div className="identify__choices">
        <button
          type="button"
          className="primary-button"
          data-testid="identify-mrz-submit"
          {...action([{ key: 'identify:typeMrz.submit' }], { role: 'default' })}
          disabled={!complete}
          onClick={submit}
        >
          {t('typeMrz.submit')}
        </button>
      </div>
    </div>
  );
}
