import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInPurpose, LookupNotice } from '../../../electron/rpc/flows/check_in_contract.js';
import { OnScreenKeyboard } from '../../components/keyboard/on_screen_keyboard.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useBookingFormat } from './booking_format.js';
import { BookingFrame } from './booking_frame.js';

/** Typing the reference (`XXXX-XXXX`, on the slip under the QR code) on the kiosk's own keyboard. */
export function ReferenceStep({ notice }: { purpose: CheckInPurpose; notice: LookupNotice }) {
  const { t } = useTranslation('check-in');
  const rpc = useRpc();
  const f = useBookingFormat();
  // What was typed stays in this field only; it is sent once, on OK.
  const [typed, setTyped] = useState('');
  const submit = () => void rpc.call('check-in.submitReference', { reference: typed });
  return (
    <BookingFrame
      flow="check-in"
      step="reference"
      stage="find"
      title={t('reference.title')}
      lead={t('reference.lead')}
      scroll={false}
    >
      <div className="reference">
        <output className="search__field reference__field" data-testid="reference-field">
          {typed || <span className="search__placeholder">{t('reference.placeholder')}</span>}
        </output>
        {notice ? (
          <p className="notice" role="alert" data-testid={`notice-${notice}`}>
            {t(`notice.${notice}`)}
          </p>
        ) : null}
        <OnScreenKeyboard
          value={typed}
          onChange={setTyped}
          language={f.language}
          letterCase="upper"
          maxLength={12}
          onEnter={submit}
          enterLabel={t('reference.find')}
        />
      </div>
    </BookingFrame>
  );
}
